import { createConversation } from "@grammyjs/conversations";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext, PersonalDataEraser } from "../../bot/context.js";
import { requireRole } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { feedbackData } from "./callback-data.js";
import { FEEDBACK_CONVERSATION, feedbackConversation } from "./form.js";
import { exportFeedback, showFeedback } from "./results.js";
import { surveyOpen } from "./rules.js";

/**
 * Feedback after the event: the invitation's Start and Skip (the job in jobs.ts sends it), the
 * survey form, and the organisers' /feedback with its CSV.
 */
export const feedbackFeature = new Composer<BotContext>();
/** The survey form; installed before every feature (src/bot/index.ts), like every form. */
export const feedbackForms = createConversation<BotContext, FlowContext>(feedbackConversation, { id: FEEDBACK_CONVERSATION });

/** Why this guest may not answer now, as a toast; undefined when they may. */
async function refusal(ctx: FlowContext): Promise<string | undefined> {
  const { event, store, clock } = ctx.deps;
  const userId = ctx.from!.id;
  if (!surveyOpen(event, clock())) return ctx.t("feedback-closed");
  if ((await store.feedback.noticeOf(userId)) !== "survey") return ctx.t("feedback-not-for-you");
  if (await store.feedback.hasResponded(userId)) return ctx.t("feedback-already");
  return undefined;
}

const privateChat = feedbackFeature.chatType("private");

privateChat.use(
  onTap(feedbackData.start, async (ctx) => {
    const refused = await refusal(ctx);
    await ctx.answerCallbackQuery(refused ? { text: refused, show_alert: true } : undefined);
    if (refused) return;
    // One form at a time: a half-filled form of another feature ends here.
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(FEEDBACK_CONVERSATION);
  }),
);

privateChat.use(
  onTap(feedbackData.skip, async (ctx) => {
    const refused = await refusal(ctx);
    const { store, clock } = ctx.deps;
    const recorded =
      !refused &&
      (await store.feedback.record(ctx.from.id, { status: "skipped", at: clock(), language: await ctx.i18n.getLocale(), answers: {} }));
    await ctx.answerCallbackQuery(recorded ? undefined : { text: refused ?? ctx.t("feedback-already"), show_alert: true });
    if (!recorded) return;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("feedback-skipped"));
  }),
);

privateChat.command("feedback", requireRole("organiser"), showFeedback);
privateChat.use(
  onTap(feedbackData.export, requireRole("organiser"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await exportFeedback(ctx);
  }),
);

/** The survey's part of "forget me" (the response deleted) and of retention (responses kept without user ids). */
export const feedbackPersonalData: PersonalDataEraser = {
  forget: (deps, _api, userId) => deps.store.feedback.forget(userId),
  eraseAll: (deps) => deps.store.feedback.anonymiseAll(),
};
