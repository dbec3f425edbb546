import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard, Keyboard } from "grammy";
import type { InlineKeyboardButton, Message } from "grammy/types";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { commandOf } from "../../bot/commands.js";
import { hasRole, refuse, type Role } from "../access.js";
import { escapeHtml } from "../html.js";
import { backToMenuKeyboard } from "../keyboards.js";
import { CANCEL_VALUE, isFormButtonData, packFormButton, unpackFormButton } from "./codec.js";
import type { Answer, Question, Reading } from "./question.js";

export type FormConversation = Conversation<BotContext, FlowContext>;

/** Wrong answers in a row to one question before the form ends: the same for every form. */
export const MAX_WRONG_ANSWERS = 5;
/** What every hint to a wrong answer starts with, in every form: one look for “try again”. */
const HINT_MARK = "✋";
/** The longest text or caption a question takes unless it says otherwise (checked before the answer is stored). */
export const DEFAULT_MAX_LENGTH = 1000;

export interface FormSpec {
  /** The form's name as the user knows it (“Registration”), for the note about other commands. */
  title: string;
  /** What leaving the form says (/cancel, Cancel, /start). */
  cancelled: string;
  /** The role every step needs (the broadcast form: still an organiser?); without it the form ends with the one refusal. */
  role?: Role;
}

export interface Step {
  number: number;
  total: number;
}

type Values<S> = { [K in keyof S]: S[K] extends Question<infer T> ? T : never };

/**
 * One form run. Every question goes through `ask`, so every form has the same rules (README, Forms):
 * /cancel, Cancel and /start leave; other commands get a note and the question again; buttons of
 * other questions, forms or runs get the stale-button toast; texts over the question's maximum,
 * wrong types and wrong answers get a hint; MAX_WRONG_ANSWERS in a row end the form. Nothing
 * refused enters the conversation's state (`skip` forgets the update), so replays stay small.
 */
export class Form {
  /** Questions asked so far in this run: the same on every replay, so it names the question on screen. */
  private asked = 0;
  /** The question on screen's buttons of other screens: they outlive the form when it is left. */
  private otherButtons: InlineKeyboardButton[][] = [];

  private constructor(
    private readonly conversation: FormConversation,
    private readonly ctx: FlowContext,
    private readonly run: string,
    private readonly spec: FormSpec,
  ) {}

  /** Opens a run with a fresh nonce: buttons of earlier runs are stale from now on. */
  static async open(conversation: FormConversation, ctx: FlowContext, spec: FormSpec): Promise<Form> {
    const run = Math.floor((await conversation.random()) * 36 ** 6).toString(36);
    return new Form(conversation, ctx, run, spec);
  }

  /** Asks the questions in order as numbered steps (“Step 2 of 4”) and returns the answers by name. */
  async fill<S extends Record<string, Question<unknown>>>(questions: S, from = 1, total?: number): Promise<Values<S>> {
    const entries = Object.entries(questions);
    const answers: Record<string, unknown> = {};
    for (const [i, [name, question]] of entries.entries()) {
      answers[name] = await this.ask(question, { number: from + i, total: total ?? from - 1 + entries.length });
    }
    return answers as Values<S>;
  }

  /** Ends the form with a message of the caller's (e.g. the deadline passed meanwhile). */
  async end(text: string): Promise<never> {
    await this.ctx.reply(text, { reply_markup: this.menuKeyboard() });
    return this.conversation.halt();
  }

  /** Asks one question and returns its answer; leaving the form never returns (the conversation halts). */
  async ask<T>(question: Question<T>, step?: Step): Promise<T> {
    const ordinal = ++this.asked;
    this.otherButtons = question.otherButtons ?? [];
    const { ctx } = this;
    const sent = await ctx.reply(this.shown(question.prompt, step), { parse_mode: "HTML", reply_markup: this.markup(question, ordinal) });
    const hasReplyKeyboard = question.reply !== undefined;
    // A tap that keeps the question open (a toggle) redraws it: the rest of the question works on what is on screen.
    for (;;) {
      const shown = this.shown(question.prompt, step);
      const markup = this.markup(question, ordinal);
      const outcome = await this.answer(question, ordinal, step, sent, shown, markup, hasReplyKeyboard);
      if ("value" in outcome) return outcome.value;
      question = { ...question, ...outcome.stay };
      const redrawn = { parse_mode: "HTML" as const, reply_markup: this.markup(question, ordinal) as InlineKeyboard };
      await ctx.api.editMessageText(sent.chat.id, sent.message_id, this.shown(question.prompt, step), redrawn).catch(() => undefined);
    }
  }

  /** One update to the question on screen: its value, a redraw that keeps it open, or (never returning) a refusal, a skip or a way out. */
  private async answer<T>(
    question: Question<T>,
    ordinal: number,
    step: Step | undefined,
    sent: Message.TextMessage,
    shown: string,
    markup: InlineKeyboard | Keyboard,
    hasReplyKeyboard: boolean,
  ): Promise<{ value: T } | { stay: Pick<Question<T>, "prompt" | "buttons"> }> {
    const { ctx } = this;
    const update = await this.conversation.wait();
    const message = update.message;
    const query = update.callbackQuery;
    // Edits, reactions, member changes: not answers; the rest of the bot sees them as if no form were open.
    if (!message && !query) return this.conversation.skip({ next: true });

    const data = query?.data;
    const command = commandOf(message?.text);
    const tapped = data === undefined ? undefined : unpackFormButton(data);
    const mine = tapped !== undefined && tapped.run === this.run && tapped.question === ordinal;
    if (command === "cancel" || (mine && tapped.value === CANCEL_VALUE) || (hasReplyKeyboard && message?.text === ctx.t("form-cancel"))) {
      if (query) await update.answerCallbackQuery();
      return this.leave(sent, hasReplyKeyboard, { menu: true });
    }
    // /start is a way out too; the menu's own /start handler answers it.
    if (command === "start") return this.leave(sent, hasReplyKeyboard, { menu: false });
    if (command !== undefined) {
      await update.reply(ctx.t("form-other-command", { form: this.spec.title }), { parse_mode: "HTML" });
      await update.reply(shown, { parse_mode: "HTML", reply_markup: markup });
      return this.conversation.skip();
    }
    // Another screen's button (the menu, a quiz question, a moderation card): it works as usual and the form waits.
    if (data !== undefined && !isFormButtonData(data)) return this.conversation.skip({ next: true });
    // The role is asked of the live update only: a replayed answer keeps the verdict it had when it came.
    const { role } = this.spec;
    if (role && !(await this.conversation.external((outside) => hasRole(outside, role)))) {
      await refuse(update, role);
      await this.closeQuestion(sent, hasReplyKeyboard);
      return this.conversation.halt();
    }
    if (query && !mine) {
      await update.answerCallbackQuery({ text: ctx.t("stale-button") });
      return this.conversation.skip();
    }

    const answer = this.answerOf(update, question);
    if ("tooLong" in answer) return this.refuse(update, ordinal, sent, hasReplyKeyboard, answer.tooLong);
    const reading: Reading<T> = answer.kind === "none" ? undefined : await question.read(answer, update);
    if (reading === undefined || "hint" in reading) {
      if (query) {
        await update.answerCallbackQuery({ text: reading ? `${HINT_MARK} ${stripTags(reading.hint)}` : ctx.t("stale-button") });
        return this.conversation.skip();
      }
      return this.refuse(update, ordinal, sent, hasReplyKeyboard, reading?.hint ?? question.wrongType);
    }
    if ("toast" in reading) {
      await update.answerCallbackQuery({ text: reading.toast });
      // The same question with what the tap changed (a new support count); its buttons keep their data.
      if (reading.redraw) {
        const redrawn = { ...question, ...reading.redraw };
        const options = { parse_mode: "HTML" as const, reply_markup: this.markup(redrawn, ordinal) as InlineKeyboard };
        await ctx.api.editMessageText(sent.chat.id, sent.message_id, this.shown(redrawn.prompt, step), options).catch(() => undefined);
      }
      return this.conversation.skip();
    }
    if ("stay" in reading) {
      if (query) await update.answerCallbackQuery();
      return { stay: reading.stay };
    }

    if (query) {
      await update.answerCallbackQuery();
      // The choice stays readable in the question, and its buttons go: they cannot be tapped again.
      const label = reading.chosen ?? question.buttons?.flat().find(([, value]) => value === tapped!.value)?.[0] ?? "";
      const chosen = ctx.t("form-chosen", { choice: escapeHtml(label) });
      const line = question.field === undefined ? chosen : `${escapeHtml(question.field)}: ${chosen}`;
      await update.editMessageText(`${shown}\n\n${line}`, { parse_mode: "HTML" }).catch(() => undefined);
    } else if (!hasReplyKeyboard) {
      await this.removeButtons(sent);
    }
    if (hasReplyKeyboard || reading.note !== undefined) {
      await ctx.reply(reading.note ?? ctx.t("form-saved"), {
        parse_mode: "HTML",
        ...(hasReplyKeyboard ? { reply_markup: { remove_keyboard: true } } : {}),
      });
    }
    return { value: reading.value };
  }

  /** The question as shown: with its step (“Step 2 of 4”) when it has one, and not in a form of one question (“Step 1 of 1”). */
  private shown(prompt: string, step?: Step): string {
    // Trimmed: a prompt ending in an empty line (a summary with no answers) would leave a gap above the choice kept under it.
    const text = step && step.total > 1 ? `${this.ctx.t("form-step", { number: step.number, total: step.total })} ${prompt}` : prompt;
    return text.trimEnd();
  }

  /** The question's buttons with Cancel, or its reply keyboard with Cancel. */
  private markup(question: Question<unknown>, ordinal: number): InlineKeyboard | Keyboard {
    const cancel = this.ctx.t("form-cancel");
    if (question.reply) {
      const keyboard = new Keyboard();
      if (question.reply.contact) keyboard.requestContact(question.reply.contact).row();
      if (question.reply.location) keyboard.requestLocation(question.reply.location).row();
      for (const [label] of question.reply.buttons ?? []) keyboard.text(label);
      return keyboard.text(cancel).resized().oneTime();
    }
    const data = (value: string) => packFormButton({ run: this.run, question: ordinal, value });
    const button = (label: string, value: string) => InlineKeyboard.text(label, data(value));
    return new InlineKeyboard([
      ...(question.buttons ?? []).map((row) => row.map(([label, value]) => button(label, value))),
      ...(question.otherButtons ?? []),
      [button(cancel, CANCEL_VALUE)],
    ]);
  }

  /** What the update answers, checked for length before anything keeps it. */
  private answerOf<T>(update: FlowContext, question: Question<T>): Answer | { kind: "none" } | { tooLong: string } {
    const query = update.callbackQuery;
    if (query) return { kind: "button", value: unpackFormButton(query.data ?? "")!.value };
    const message = update.message!;
    const typed = message.text ?? message.caption;
    if (typed !== undefined) {
      const max = question.maxLength ?? DEFAULT_MAX_LENGTH;
      const length = [...typed].length;
      if (length > max) return { tooLong: question.tooLong?.(length, max) ?? this.ctx.t("form-too-long", { length, max }) };
    }
    if (message.text !== undefined) {
      const button = question.reply?.buttons?.find(([label]) => label === message.text);
      if (button) return { kind: "button", value: button[1] };
      return { kind: "text", text: message.text, entities: message.entities };
    }
    const photo = message.photo?.at(-1);
    // Telegram sends several sizes of one photo, the largest last.
    if (photo) return { kind: "photo", fileId: photo.file_id, caption: message.caption ?? "", entities: message.caption_entities };
    if (message.location) return { kind: "location", latitude: message.location.latitude, longitude: message.location.longitude };
    if (message.contact) return { kind: "contact", phone: message.contact.phone_number, userId: message.contact.user_id };
    return { kind: "none" };
  }

  /** A wrong answer: its hint, or the end of the form after MAX_WRONG_ANSWERS in a row; the update is forgotten. */
  private async refuse(
    update: FlowContext,
    ordinal: number,
    sent: Message.TextMessage,
    replyKeyboard: boolean,
    hint: string,
  ): Promise<never> {
    const key = `${this.run}:${ordinal}`;
    // The count lives in the session: a refused update leaves the conversation's state as it was.
    const wrong = await this.conversation.external((outside) => {
      const count = outside.session.formMisses?.key === key ? outside.session.formMisses.count + 1 : 1;
      outside.session.formMisses = { key, count };
      return count;
    });
    if (wrong >= MAX_WRONG_ANSWERS) {
      await this.conversation.external((outside) => void delete outside.session.formMisses);
      return this.leave(sent, replyKeyboard, { menu: true, text: update.t("form-too-many", { form: this.spec.title }) });
    }
    await update.reply(`${HINT_MARK} ${hint}`, { parse_mode: "HTML" });
    return this.conversation.skip();
  }

  /** Leaves the form: one message with the menu button (and without the reply keyboard, if one is up). */
  private async leave(sent: Message.TextMessage, replyKeyboard: boolean, options: { menu: boolean; text?: string }): Promise<never> {
    const { ctx } = this;
    await this.closeQuestion(sent, replyKeyboard);
    const text = options.text ?? this.spec.cancelled;
    if (!replyKeyboard) {
      await ctx.reply(text, options.menu ? { reply_markup: this.menuKeyboard() } : {});
    } else {
      await ctx.reply(text, { reply_markup: { remove_keyboard: true } });
      // A message that removes a reply keyboard can carry no buttons and never be edited: the menu comes in a second one.
      if (options.menu) await ctx.reply(ctx.t("form-menu-offer"), { reply_markup: this.menuKeyboard() });
    }
    return this.conversation.halt(options.menu ? {} : { next: true });
  }

  /** The question on screen loses the form's buttons (its other screens' buttons stay: they work without the form). */
  private async closeQuestion(sent: Message.TextMessage, replyKeyboard: boolean) {
    if (replyKeyboard) return;
    if (this.otherButtons.length === 0) return this.removeButtons(sent);
    const markup = { reply_markup: new InlineKeyboard(this.otherButtons) };
    await this.ctx.api.editMessageReplyMarkup(sent.chat.id, sent.message_id, markup).catch(() => undefined);
  }

  private async removeButtons(sent: Message.TextMessage) {
    await this.ctx.api.editMessageReplyMarkup(sent.chat.id, sent.message_id).catch(() => undefined);
  }

  private menuKeyboard() {
    return backToMenuKeyboard(this.ctx);
  }
}

const stripTags = (html: string) => html.replace(/<[^>]+>/g, "");
