import { createHash } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { BotDeps, FlowContext } from "../bot/context.js";
import type { SubmissionKind } from "../store/users.js";
import { escapeHtml } from "./html.js";
import { consentController } from "./organisers.js";

/** A consent text's version: the first 12 hex digits of the SHA-256 of the message exactly as sent. */
export function consentVersion(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);
}

/** The consent asked before a first idea or contest entry, as sent in a language, and its version. */
export function submissionConsent(deps: BotDeps, kind: SubmissionKind, language: string): { text: string; version: string } {
  // A contest that asks its own question (contest.entryQuestion) keeps "your text", not "your idea"; the ideas' text ignores it.
  const entry = deps.event.contest?.entryQuestion ? "own" : "idea";
  const text = deps.i18n.t(language, `${kind}-consent`, { controller: escapeHtml(consentController(deps, language)), entry });
  return { text, version: consentVersion(text) };
}

/** The buttons under a submission consent: each feature's own callback data (one codec per feature). */
export interface ConsentButtons {
  agree: (version: string) => string;
  cancel: string;
}

/**
 * Personal data is asked for only after consent: before the first idea or contest entry, the text
 * with I agree / Cancel. True when the person already agreed to the text now shown in their
 * language (the form may open); otherwise it is asked, and the feature's agree button opens the form.
 */
export async function consentFirst(ctx: FlowContext, kind: SubmissionKind, buttons: ConsentButtons): Promise<boolean> {
  const { text, version } = submissionConsent(ctx.deps, kind, await ctx.i18n.getLocale());
  if ((await ctx.deps.store.users.consentOf(ctx.from!.id, kind))?.version === version) return true;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("consent-agree"), buttons.agree(version))
    .row()
    .text(ctx.t("form-cancel"), buttons.cancel);
  await sendConsent(ctx, text, keyboard);
  return false;
}

/** Sends a consent with its buttons; what is typed before they are tapped is pointed to them (features/unhandled). */
export async function sendConsent(ctx: FlowContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  const sent = await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  ctx.deps.latestMessages.remember(sent.chat.id, "consent", [sent.message_id]);
}

/**
 * I agree under a submission consent: stored with its moment, language and version when `version`
 * is the text of today (true); a text changed meanwhile (the event file, the language) is shown again
 * (false), unless today's text was agreed to already (true).
 */
export async function recordConsent(ctx: FlowContext, kind: SubmissionKind, version: string, buttons: ConsentButtons): Promise<boolean> {
  const language = await ctx.i18n.getLocale();
  const shown = submissionConsent(ctx.deps, kind, language);
  if (shown.version !== version) {
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    await ctx.answerCallbackQuery({ text: ctx.t("consent-changed") });
    // True when today's text was already agreed to from its own message: the form opens rather than nothing.
    return consentFirst(ctx, kind, buttons);
  }
  await ctx.answerCallbackQuery();
  await showAgreed(ctx, shown.text);
  await ctx.deps.store.users.giveConsent(ctx.from!.id, kind, { at: ctx.deps.clock().toISOString(), language, version });
  return true;
}

/** The tapped consent keeps its text and shows it was agreed to (“✅ I agree ✓”), as a form's question keeps its choice; its buttons go. */
export async function showAgreed(ctx: FlowContext, text: string): Promise<void> {
  const agreed = ctx.t("form-chosen", { choice: ctx.t("consent-agree") });
  await ctx.editMessageText(`${text}\n\n${agreed}`, { parse_mode: "HTML" }).catch(() => undefined);
}
