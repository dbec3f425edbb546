import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { requireRole } from "../../ui/access.js";
import { answerUnknownButton, onTap } from "../../ui/callback-data.js";
import { escapeHtml } from "../../ui/html.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { textQuestion } from "../../ui/form/question.js";
import { ideaStatusKey } from "../../ui/labels.js";
import { languageOf } from "../../event/language.js";
import { ideasData } from "./callback-data.js";
import { isModerationGroupTap, moderationKeyboard, moderationText, notifyAuthor, notifyMerged } from "./notify.js";
import { REJECT_REASONS, parseIdeaNumber, parseMilestoneDate, type RejectReason } from "./rules.js";
import { announceIdeaUpdate } from "./updates.js";
import type { Idea } from "../../store/ideas.js";

export const ANSWER_CONVERSATION = "idea-answer";
export type AnswerMode = "reject" | "answer" | "milestone" | "merge";

const ANSWER_MAX_LENGTH = 1000;

const adminName = (ctx: FlowContext) => escapeHtml(ctx.from?.first_name ?? "");

/** Removes the buttons from the tapped moderation card, so nobody acts on it twice. */
async function closeCard(ctx: FlowContext) {
  await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined);
}

/** A moderation card with the idea's status as it is now and no buttons: whoever scrolls up sees the decision. */
async function decidedCardText(ctx: FlowContext, idea: Idea, admin?: string) {
  const language = await ctx.i18n.getLocale();
  const status = ctx.t(ideaStatusKey(idea.status));
  const decision = admin === undefined ? ctx.t("ideas-mod-decided", { status }) : ctx.t("ideas-mod-decision", { status, admin });
  return `${moderationText(ctx.deps, language, idea)}\n\n${decision}`;
}

/** The tapped card shows the decision. */
async function showDecision(ctx: FlowContext, idea: Idea, admin?: string) {
  const text = await decidedCardText(ctx, idea, admin);
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: new InlineKeyboard() }).catch(() => closeCard(ctx));
}

/** The card above the reason question (its message id) shows the decision. */
async function showDecisionOn(ctx: FlowContext, card: number | undefined, idea: Idea) {
  if (card === undefined || ctx.chat === undefined) return;
  const text = await decidedCardText(ctx, idea, adminName(ctx));
  await ctx.api.editMessageText(ctx.chat.id, card, text, { parse_mode: "HTML" }).catch(() => undefined);
}

/**
 * The preset reasons and Back, on the question "why rejected?" itself. They work without the
 * conversation (also in the organisers' group, where a reason cannot be typed).
 */
function reasonsKeyboard(ctx: FlowContext, id: number, card?: number) {
  const keyboard = new InlineKeyboard();
  for (const reason of REJECT_REASONS)
    keyboard.text(ctx.t(`ideas-reason-${reason}`), ideasData.reason.pack({ idea: id, reason, card })).row();
  return keyboard.text(ctx.t("ideas-mod-reason-back"), ideasData.moderate.pack({ action: "back", idea: id }));
}

/** Rejects a new idea with a reason in the author's language, then tells everyone concerned. */
async function reject(ctx: FlowContext, id: number, reason: RejectReason, card?: number) {
  const { store, i18n, event, clock } = ctx.deps;
  const idea = await store.ideas.get(id);
  if (!idea) return ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
  const authorLanguage = languageOf(event, idea.language);
  const answer = i18n.t(authorLanguage, `ideas-reason-${reason}`);
  const result = await store.ideas.setStatus(id, "rejected", { now: clock(), answer, expected: "new" });
  const subject = { idea: id, status: "rejected", reason };
  if (result.ok) await store.audit.record(ctx.from!.id, "idea-status", `idea ${id} → rejected (${reason})`, clock(), subject);
  await closeCard(ctx);
  if (!result.ok) {
    const status = result.idea ? ctx.t(ideaStatusKey(result.idea.status)) : "—";
    return ctx.answerCallbackQuery({ text: ctx.t("ideas-mod-already", { id: String(id), status }) });
  }
  await ctx.answerCallbackQuery();
  await showDecisionOn(ctx, card, result.after);
  await ctx.reply(
    ctx.t("ideas-mod-rejected", { id: String(id), admin: adminName(ctx), reason: escapeHtml(ctx.t(`ideas-reason-${reason}`)) }),
    {
      parse_mode: "HTML",
    },
  );
  await notifyAuthor(ctx.api, ctx.deps, result.after, "status");
}

async function publish(ctx: FlowContext, id: number) {
  const { store, clock } = ctx.deps;
  const result = await store.ideas.setStatus(id, "published", { now: clock(), expected: "new" });
  const subject = { idea: id, status: "published" };
  if (result.ok) await store.audit.record(ctx.from!.id, "idea-status", `idea ${id} → published`, clock(), subject);
  if (result.ok) await showDecision(ctx, result.after, adminName(ctx));
  else await closeCard(ctx);
  if (!result.ok) {
    const text = result.idea
      ? ctx.t("ideas-mod-already", { id: String(id), status: ctx.t(ideaStatusKey(result.idea.status)) })
      : ctx.t("ideas-missing");
    return ctx.answerCallbackQuery({ text });
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("ideas-mod-published", { id: String(id), admin: adminName(ctx) }), { parse_mode: "HTML" });
  await notifyAuthor(ctx.api, ctx.deps, result.after, "status");
}

/**
 * The organisers' answer in their own words: a custom rejection reason for a new idea, or an
 * answer to the author of any idea (from /ideas). Admin rights are checked at every step (the form's guard).
 */
export async function ideaAnswerConversation(
  conversation: FormConversation,
  ctx: FlowContext,
  id: number,
  mode: AnswerMode,
  card?: number,
) {
  const form = await Form.open(conversation, ctx, {
    title: ctx.t("ideas-mod-form-title", { id: String(id) }),
    cancelled: ctx.t("ideas-mod-cancelled"),
    role: "organiser",
  });
  if (mode === "milestone") return addMilestone(conversation, form, ctx, id);
  if (mode === "merge") return mergeInto(conversation, form, ctx, id);
  const answer = await form.ask(
    textQuestion<string>(ctx, {
      prompt: escapeHtml(ctx.t(mode === "reject" ? "ideas-mod-ask-reason" : "ideas-mod-ask-answer", { id: String(id) })),
      maxLength: ANSWER_MAX_LENGTH,
      tooLong: (_, max) => ctx.t("ideas-mod-answer-hint", { max }),
      wrongType: ctx.t("ideas-mod-answer-hint", { max: ANSWER_MAX_LENGTH }),
      check: (text) => (text.trim() ? { value: text.trim() } : { hint: ctx.t("ideas-mod-answer-hint", { max: ANSWER_MAX_LENGTH }) }),
      // The preset reasons and Back work without the form, and end it (the handlers below).
      otherButtons: mode === "reject" ? reasonsKeyboard(ctx, id, card).inline_keyboard : undefined,
    }),
  );
  const outcome = await conversation.external(async (outside) => {
    const { store, clock } = outside.deps;
    if (mode === "reject") {
      const result = await store.ideas.setStatus(id, "rejected", { now: clock(), answer, expected: "new" });
      if (result.ok)
        await store.audit.record(outside.from!.id, "idea-status", `idea ${id} → rejected (own words)`, clock(), {
          idea: id,
          status: "rejected",
          reason: "custom",
        });
      if (result.ok) await notifyAuthor(outside.api, outside.deps, result.after, "status");
      if (result.ok) await showDecisionOn(outside, card, result.after);
      return result.ok ? "done" : (result.idea?.status ?? "missing");
    }
    const idea = await store.ideas.setAnswer(id, answer, clock());
    if (idea) await store.audit.record(outside.from!.id, "idea-answer", `idea ${id} answered`, clock(), { idea: id });
    // The official answer goes to the author and the followers, one message a day each (src/features/ideas/updates.ts).
    if (idea) await announceIdeaUpdate(outside.deps, idea, "a");
    return idea ? "done" : "missing";
  });
  if (outcome === "done") await ctx.reply(ctx.t("ideas-mod-answer-saved", { id: String(id) }));
  else if (outcome === "missing") await ctx.reply(ctx.t("ideas-missing"));
  else await ctx.reply(ctx.t("ideas-mod-already", { id: String(id), status: ctx.t(ideaStatusKey(outcome)) }));
}

/** A dated milestone (date, then what happened), told to the author and the followers. */
async function addMilestone(conversation: FormConversation, form: Form, ctx: FlowContext, id: number) {
  const hint = ctx.t("ideas-mod-milestone-date-hint");
  const date = await form.ask(
    textQuestion<string>(ctx, {
      prompt: ctx.t("ideas-mod-ask-milestone-date", { id: String(id) }),
      maxLength: 40,
      tooLong: () => hint,
      wrongType: hint,
      check: (text) => {
        const parsed = parseMilestoneDate(text);
        return parsed ? { value: parsed } : { hint };
      },
    }),
  );
  const textHint = ctx.t("ideas-mod-answer-hint", { max: ANSWER_MAX_LENGTH });
  const text = await form.ask(
    textQuestion<string>(ctx, {
      prompt: ctx.t("ideas-mod-ask-milestone-text", { max: ANSWER_MAX_LENGTH }),
      maxLength: ANSWER_MAX_LENGTH,
      tooLong: () => textHint,
      wrongType: textHint,
      check: (typed) => (typed.trim() ? { value: typed.trim() } : { hint: textHint }),
    }),
  );
  const added = await conversation.external(async (outside) => {
    const { store, clock } = outside.deps;
    const index = await store.ideaUpdates.addMilestone(id, { date, text, at: clock().getTime() });
    const idea = await store.ideas.get(id);
    if (index === undefined || !idea) return false;
    await store.audit.record(outside.from!.id, "idea-milestone", `idea ${id} milestone ${date}`, clock(), { idea: id });
    await announceIdeaUpdate(outside.deps, idea, `m${index}`);
    return true;
  });
  await ctx.reply(added ? ctx.t("ideas-mod-milestone-saved", { id: String(id) }) : ctx.t("ideas-missing"));
}

/** Merges this idea (B) into another one (A) chosen by its number; B's author is told. */
async function mergeInto(conversation: FormConversation, form: Form, ctx: FlowContext, from: number) {
  const hint = ctx.t("ideas-mod-merge-hint");
  const into = await form.ask(
    textQuestion<number>(ctx, {
      prompt: ctx.t("ideas-mod-ask-merge", { id: String(from) }),
      maxLength: 20,
      tooLong: () => hint,
      wrongType: hint,
      check: (text) => {
        const number = parseIdeaNumber(text);
        return number !== undefined && number !== from ? { value: number } : { hint };
      },
    }),
  );
  const result = await conversation.external(async (outside) => {
    const { store, clock } = outside.deps;
    const merged = await store.ideaUpdates.merge(into, from, clock());
    if (!merged.ok) return merged;
    await store.audit.record(outside.from!.id, "idea-merge", `idea ${from} merged into ${into}`, clock(), { idea: from });
    const idea = await store.ideas.get(from);
    if (idea) await notifyMerged(outside.api, outside.deps, idea, into);
    return merged;
  });
  if (result.ok) await ctx.reply(ctx.t("ideas-mod-merged", { from: String(from), into: String(into), supports: result.supports }));
  else await ctx.reply(result.reason === "merged" ? ctx.t("ideas-mod-merge-refused", { id: String(into) }) : ctx.t("ideas-missing"));
}

/** Publish / Reject taps on moderation cards, in admins' private chats and the organisers' group. */
export const moderationFeature = new Composer<BotContext>();
const where = moderationFeature.filter((ctx) => ctx.chat?.type === "private" || isModerationGroupTap(ctx));

where.use(
  onTap(ideasData.moderate, requireRole("organiser"), async (ctx) => {
    const { action, idea: id } = ctx.callbackData;
    if (action === "pub") return publish(ctx, id);
    const idea = await ctx.deps.store.ideas.get(id);
    if (!idea) return ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
    if (idea.status !== "new") {
      // Someone decided already: this copy of the card says what, and loses its buttons.
      await showDecision(ctx, idea);
      return ctx.answerCallbackQuery({ text: ctx.t("ideas-mod-already", { id: String(id), status: ctx.t(ideaStatusKey(idea.status)) }) });
    }
    await ctx.answerCallbackQuery();
    // A reason question's own Back: its form (a reason in one's own words) ends with it.
    if (ctx.chat?.type === "private") await ctx.conversation.exitAll();
    if (action === "back") {
      // The question (or an older card showing reasons) becomes the card again, at the bottom where the admin looks.
      const language = await ctx.i18n.getLocale();
      await ctx.editMessageText(moderationText(ctx.deps, language, idea), {
        parse_mode: "HTML",
        reply_markup: moderationKeyboard(ctx.deps, language, id, { merge: ctx.chat?.type === "private" }),
      });
      return;
    }
    // The card's buttons move to the question below it: the reasons, and Back; the card shows the decision once made.
    const card = ctx.callbackQuery.message?.message_id;
    await closeCard(ctx);
    if (ctx.chat?.type === "private") {
      // A typed message is the reason in one's own words.
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(ANSWER_CONVERSATION, id, "reject" satisfies AnswerMode, card);
    } else {
      await ctx.reply(ctx.t("ideas-mod-reason-title", { id: String(id) }), { reply_markup: reasonsKeyboard(ctx, id, card) });
    }
  }),
);

where.use(
  onTap(ideasData.reason, requireRole("organiser"), async (ctx) => {
    // A preset reason ends the typed-reason form it was offered with.
    if (ctx.chat?.type === "private") await ctx.conversation.exitAll();
    return reject(ctx, ctx.callbackData.idea, ctx.callbackData.reason, ctx.callbackData.card);
  }),
);

// Forged or outdated moderation data (also in the group chat, where the catch-all does not run).
where.filter((ctx) => ideasData.moderate.owns(ctx.callbackQuery?.data), answerUnknownButton);
