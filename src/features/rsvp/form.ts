import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard, Keyboard } from "grammy";
import type { ForceReply, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { completeRegistration, type FormAnswers } from "./complete.js";
import type { GivenConsent } from "./consent.js";
import { checkName, checkOrganisation, isSector, parseContact, SECTORS } from "./rules.js";

export const RSVP_CONVERSATION = "rsvp";
/** Form buttons carry this prefix and a per-form nonce, so a button of an earlier form changes nothing. */
export const FORM_DATA_PREFIX = "rsvp:f:";
const MAX_ATTEMPTS = 12;
const MAX_EDITS = 20;

type RsvpConversation = Conversation<BotContext, FlowContext>;
type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;
/** A step's reading of an update: an answer, a hint to re-ask with, or nothing to say. */
type Reading<T> = { value: T } | { hint: string } | undefined;
type Field = "name" | "sector" | "organisation" | "contact";

const LEAVE = Symbol("leave");
const removeKeyboard: ReplyKeyboardRemove = { remove_keyboard: true };

/** Drops the buttons of the message that was tapped: one answer per question. */
async function closeButtons(ctx: FlowContext) {
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
}

class Form {
  constructor(
    private readonly conversation: RsvpConversation,
    private readonly ctx: FlowContext,
    private readonly base: string,
  ) {}

  data(action: string) {
    return `${this.base}${action}`;
  }

  private cancelButton() {
    return new InlineKeyboard().text(this.ctx.t("rsvp-cancel"), this.data("cancel"));
  }

  /**
   * Asks a question and waits for a usable answer: /cancel or Cancel leaves, other commands and
   * foreign buttons get a short note, wrong answers a hint; earlier answers are kept.
   */
  async ask<T>(
    text: string,
    markup: Markup | undefined,
    read: (ctx: FlowContext) => Reading<T> | Promise<Reading<T>>,
  ): Promise<T | typeof LEAVE> {
    const { ctx } = this;
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: markup ?? this.cancelButton() });
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const update = await this.conversation.wait();
      const data = update.callbackQuery?.data;
      if (update.hasCommand("cancel") || data === this.data("cancel") || update.message?.text === ctx.t("rsvp-cancel-text")) {
        if (data) await update.answerCallbackQuery();
        if (data) await closeButtons(update);
        return LEAVE;
      }
      if (update.callbackQuery && !data?.startsWith(this.base)) {
        await update.answerCallbackQuery({ text: ctx.t("rsvp-busy") });
        continue;
      }
      if (update.message?.text?.startsWith("/")) {
        await update.reply(ctx.t("rsvp-busy"));
        continue;
      }
      const reading = await read(update);
      if (reading && "value" in reading) return reading.value;
      // A button of this form that belongs to another question: a polite toast, nothing changes.
      if (update.callbackQuery) await update.answerCallbackQuery(reading ? undefined : { text: ctx.t("stale-button") });
      if (reading) await update.reply(reading.hint, { parse_mode: "HTML", reply_markup: markup ?? this.cancelButton() });
    }
    await ctx.reply(ctx.t("rsvp-too-many"), { reply_markup: removeKeyboard });
    return LEAVE;
  }

  /** A text answer; pictures and stickers get a friendly note. */
  text<T>(check: (text: string) => { value: T } | { hint: string }) {
    return (update: FlowContext): Reading<T> => {
      if (update.callbackQuery) return undefined;
      const text = update.message?.text;
      if (text === undefined) return update.message ? { hint: this.ctx.t("rsvp-text-expected") } : undefined;
      return check(text);
    };
  }

  /** A button answer of this form: `<action>:<arg>`, arg checked by `accept`. */
  button<T extends string>(action: string, accept: (arg: string) => arg is T, hint: string) {
    return async (update: FlowContext): Promise<Reading<T>> => {
      const data = update.callbackQuery?.data;
      const prefix = this.data(`${action}:`);
      if (data?.startsWith(prefix) && accept(data.slice(prefix.length))) {
        await update.answerCallbackQuery();
        await closeButtons(update);
        return { value: data.slice(prefix.length) as T };
      }
      if (data) return undefined;
      return { hint };
    };
  }
}

/** "Step n of 4." before a question of the new form; none when one field is changed from the summary. */
const stepped = (ctx: FlowContext, question: string, step?: number) =>
  step === undefined ? question : `${ctx.t("rsvp-step", { number: step, total: FIELDS.length })} ${question}`;

async function askName(form: Form, ctx: FlowContext, step?: number) {
  return form.ask(
    stepped(ctx, ctx.t("rsvp-ask-name"), step),
    undefined,
    form.text((text) => {
      const checked = checkName(text);
      return checked.ok ? { value: checked.value } : { hint: ctx.t(`rsvp-error-name-${checked.reason}`) };
    }),
  );
}

async function askSector(form: Form, ctx: FlowContext, step?: number) {
  const keyboard = new InlineKeyboard();
  SECTORS.forEach((sector, i) => {
    keyboard.text(ctx.t(`rsvp-sector-${sector}`), form.data(`sector:${sector}`));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.text(ctx.t("rsvp-cancel"), form.data("cancel"));
  return form.ask(stepped(ctx, ctx.t("rsvp-ask-sector"), step), keyboard, form.button("sector", isSector, ctx.t("rsvp-error-buttons")));
}

async function askOrganisation(form: Form, ctx: FlowContext, step?: number): Promise<string | null | typeof LEAVE> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("rsvp-skip"), form.data("skip:-"))
    .text(ctx.t("rsvp-cancel"), form.data("cancel"));
  const skip = form.button("skip", (arg): arg is "-" => arg === "-", ctx.t("rsvp-error-organisation"));
  const typed = form.text<string>((text) => {
    const value = checkOrganisation(text);
    return value ? { value } : { hint: ctx.t("rsvp-error-organisation") };
  });
  const answer = await form.ask<string>(stepped(ctx, ctx.t("rsvp-ask-organisation"), step), keyboard, (update) =>
    update.callbackQuery ? skip(update) : typed(update),
  );
  return answer === "-" ? null : answer;
}

async function askContact(form: Form, ctx: FlowContext, step?: number) {
  const keyboard = new Keyboard()
    .requestContact(ctx.t("rsvp-share-phone"))
    .row()
    .text(ctx.t("rsvp-cancel-text"))
    .resized()
    .oneTime();
  const answer = await form.ask<{ phone: string } | { email: string }>(stepped(ctx, ctx.t("rsvp-ask-contact"), step), keyboard, (update) => {
    const contact = update.message?.contact;
    if (contact) {
      // Only the user's own card: someone else's contact is not a way to register them.
      if (contact.user_id !== update.from?.id) return { hint: ctx.t("rsvp-error-contact-not-yours") };
      const value = parseContact(contact.phone_number.startsWith("+") ? contact.phone_number : `+${contact.phone_number}`);
      return value ? { value } : { hint: ctx.t("rsvp-error-contact") };
    }
    if (update.callbackQuery) return undefined;
    const text = update.message?.text;
    if (text === undefined) return { hint: ctx.t("rsvp-text-expected") };
    const value = parseContact(text);
    return value ? { value } : { hint: ctx.t("rsvp-error-contact") };
  });
  if (answer === LEAVE) return LEAVE;
  const shown = "phone" in answer ? answer.phone : answer.email;
  await ctx.reply(ctx.t("rsvp-contact-saved", { contact: escapeHtml(shown) }), {
    parse_mode: "HTML",
    reply_markup: removeKeyboard,
  });
  return answer;
}

function summaryText(ctx: FlowContext, answers: FormAnswers) {
  return ctx.t("rsvp-summary", {
    name: escapeHtml(answers.name),
    sector: escapeHtml(ctx.t(`rsvp-sector-${answers.sector}`)),
    organisation: escapeHtml(answers.organisation ?? ctx.t("rsvp-none")),
    contact: escapeHtml(answers.phone ?? answers.email ?? ctx.t("rsvp-none")),
  });
}

/** Asks one field into the answers; false when the user left. */
async function askField(form: Form, ctx: FlowContext, field: Field, answers: Partial<FormAnswers>, step?: number): Promise<boolean> {
  switch (field) {
    case "name": {
      const name = await askName(form, ctx, step);
      if (name === LEAVE) return false;
      answers.name = name;
      return true;
    }
    case "sector": {
      const sector = await askSector(form, ctx, step);
      if (sector === LEAVE) return false;
      answers.sector = sector;
      return true;
    }
    case "organisation": {
      const organisation = await askOrganisation(form, ctx, step);
      if (organisation === LEAVE) return false;
      answers.organisation = organisation ?? undefined;
      return true;
    }
    case "contact": {
      const contact = await askContact(form, ctx, step);
      if (contact === LEAVE) return false;
      answers.phone = "phone" in contact ? contact.phone : undefined;
      answers.email = "email" in contact ? contact.email : undefined;
      return true;
    }
  }
}

const FIELDS: readonly Field[] = ["name", "sector", "organisation", "contact"];
const isField = (value: string): value is Field => (FIELDS as readonly string[]).includes(value);
type SummaryChoice = "confirm" | "edit" | Field | "back";
const SUMMARY_CHOICES: readonly string[] = ["confirm", "edit", "back", ...FIELDS];

/**
 * The registration form, opened once the consent is given (`consent`). `mode` "edit" starts from
 * the stored registration at the summary; nothing is stored before Confirm (the form's own state
 * expires with the conversation).
 */
export async function rsvpForm(conversation: RsvpConversation, ctx: FlowContext, mode: "new" | "edit" = "new", consent?: GivenConsent) {
  const nonce = Math.floor((await conversation.random()) * 36 ** 6).toString(36);
  const form = new Form(conversation, ctx, `${FORM_DATA_PREFIX}${nonce}:`);
  const leave = async () => {
    await ctx.reply(ctx.t(mode === "edit" ? "rsvp-edit-left" : "rsvp-left"), { reply_markup: removeKeyboard });
  };

  let answers: Partial<FormAnswers> = {};
  if (mode === "edit") {
    const stored = await conversation.external((outside) => outside.deps.store.rsvps.find(outside.from!.id).then((r) => r ?? null));
    if (!stored || stored.status === "cancelled") return;
    answers = { name: stored.name, sector: stored.sector, organisation: stored.organisation, phone: stored.phone, email: stored.email };
  } else {
    // A form started before consent came first (an older deploy) has none: it ends, nothing kept.
    if (!consent) return leave();
    for (const [i, field] of FIELDS.entries()) if (!(await askField(form, ctx, field, answers, i + 1))) return leave();
  }

  const summaryKeyboard = new InlineKeyboard()
    .text(ctx.t("rsvp-confirm"), form.data("s:confirm"))
    .row()
    .text(ctx.t("rsvp-edit"), form.data("s:edit"))
    .text(ctx.t("rsvp-cancel"), form.data("cancel"));
  const editKeyboard = new InlineKeyboard();
  for (const field of FIELDS) editKeyboard.text(ctx.t(`rsvp-field-${field}`), form.data(`s:${field}`)).row();
  editKeyboard.text(ctx.t("rsvp-back"), form.data("s:back"));
  const choose = form.button("s", (arg): arg is SummaryChoice => SUMMARY_CHOICES.includes(arg), ctx.t("rsvp-error-buttons"));

  for (let round = 0; round < MAX_EDITS; round++) {
    const complete = answers as FormAnswers;
    const choice = await form.ask(summaryText(ctx, complete), summaryKeyboard, choose);
    if (choice === LEAVE) return leave();
    if (choice === "confirm") {
      // The seat is taken in Redis once, with the outside context (its replies are real, not replayed).
      await conversation.external((outside) => completeRegistration(outside, complete, mode, consent));
      return;
    }
    if (choice !== "edit") continue;
    const field = await form.ask(ctx.t("rsvp-edit-which"), editKeyboard, choose);
    if (field === LEAVE) return leave();
    if (isField(field) && !(await askField(form, ctx, field, answers))) return leave();
  }
  await ctx.reply(ctx.t("rsvp-too-many"));
}
