import { InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { eventWhen, momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { showScreen } from "../../ui/screens.js";
import { withEventHeading } from "../../ui/event-heading.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { eventText } from "../../ui/format.js";
import { durationToNow, eventPhase, relativeToNow } from "../../event/time.js";
import type { Rsvp } from "../../store/rsvps.js";
import { rsvpData } from "./callback-data.js";
import type { GivenConsent } from "../../store/users.js";
import { askConsent, consentMessage } from "./consent.js";
import { showAgreed } from "../../ui/consent.js";
import { RSVP_CONVERSATION } from "./form.js";
import { organisersContact } from "../../ui/organisers.js";
import { detailVars, sendTicket, statusText, tellPromoted } from "./notify.js";
import type { Translate } from "./questions.js";
import { changesAllowed, registrationOpen } from "./rules.js";
import { refreshRequestCards } from "./approval.js";

const t =
  (ctx: FlowContext): Translate =>
  (key, vars) =>
    ctx.t(key, vars);

/** The guest's active registration (confirmed, waitlisted or pending), if any. */
export async function activeRegistration(ctx: FlowContext): Promise<Rsvp | undefined> {
  const record = await ctx.deps.store.rsvps.find(ctx.from!.id);
  return record && record.status !== "cancelled" && record.status !== "declined" ? record : undefined;
}

/** Asking for /rsvp leaves a form of another feature still open (one conversation at a time). */
async function enterForm(ctx: BotContext, mode: "new" | "edit", consent?: GivenConsent) {
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  await ctx.conversation.enter(RSVP_CONVERSATION, mode, consent);
}

/** "My registration": status, code, answers, and what can still be done with it. */
export async function showMine(ctx: FlowContext, record: Rsvp): Promise<void> {
  const { deps } = ctx;
  const status = await statusText(deps, t(ctx), record);
  const language = await ctx.i18n.getLocale();
  let text = ctx.t("rsvp-mine", { status, code: record.code, ...detailVars(deps.event, record, t(ctx), language) });
  const keyboard = new InlineKeyboard();
  if (record.status === "confirmed") keyboard.text(ctx.t("rsvp-show-ticket"), rsvpData.ticket.pack()).row();
  if (changesAllowed(deps.event, deps.clock())) {
    keyboard.text(ctx.t("rsvp-change"), rsvpData.change.pack()).row().text(ctx.t("rsvp-withdraw"), rsvpData.withdraw.pack()).row();
  } else {
    text += `\n\n${ctx.t("rsvp-mine-locked")}`;
  }
  await showScreen(ctx, await withEventHeading(ctx, text), backToMenuKeyboard(ctx, keyboard));
}

/** /rsvp and the menu: "My registration" when registered, else the consent that opens the form (or "closed"). */
export async function openRsvp(ctx: BotContext): Promise<void> {
  const record = await activeRegistration(ctx);
  if (record) return showMine(ctx, record);
  const { event, clock } = ctx.deps;
  // A declined request is final: the guest sees why rather than a form that would ask the organisers again.
  const declined = await ctx.deps.store.rsvps.find(ctx.from!.id);
  if (declined?.status === "declined") {
    const status = await statusText(ctx.deps, t(ctx), declined);
    await ctx.reply(ctx.t("rsvp-declined-mine", { status }), { parse_mode: "HTML", reply_markup: backToMenuKeyboard(ctx) });
    return;
  }
  const language = await ctx.i18n.getLocale();
  const deadline = await momentText(ctx, event.rsvpDeadlineAt);
  if (!registrationOpen(event, clock())) {
    // After the event there is nothing to come to: the message says when it took place instead.
    const phase = eventPhase(clock(), event.startsAt, event.endsAt) === "past" ? "past" : "closed";
    const when = await eventWhen(ctx);
    await ctx.reply(ctx.t("rsvp-closed", { deadline, phase, when, ...organisersContact(ctx.deps, language) }), {
      parse_mode: "HTML",
      reply_markup: backToMenuKeyboard(ctx),
    });
    return;
  }
  const relative = relativeToNow(event.rsvpDeadlineAt, clock(), language);
  const duration = durationToNow(event.rsvpDeadlineAt, clock(), language);
  const title = escapeHtml(await eventText(ctx, event.title));
  const { capacity } = event.rsvp;
  // Told before the consent and the questions: an organiser decides, or with every seat taken, registering means the waiting list.
  const full = capacity !== undefined && (await ctx.deps.store.rsvps.seatsTaken()) >= capacity;
  const notes = [...(event.rsvp.approval ? [ctx.t("rsvp-intro-approval")] : []), ...(full ? [ctx.t("rsvp-intro-full")] : [])];
  // The form's questions after the name: the file's, and how many people come when a guest may bring some.
  const questions = event.rsvp.questions.length + (event.rsvp.plusOnes > 0 ? 1 : 0);
  await ctx.reply([ctx.t("rsvp-intro", { title, deadline, relative, duration, questions }), ...notes].join("\n\n"), { parse_mode: "HTML" });
  await askConsent(ctx);
}

/**
 * Agree under the consent text: opens the form with the consent's moment, language and version.
 * A text that changed since it was shown (the event file, or the user's language) is shown again.
 */
export async function agreeToConsent(ctx: BotContext, version: string): Promise<void> {
  const { deps } = ctx;
  const language = await ctx.i18n.getLocale();
  const fresh = !(await activeRegistration(ctx)) && registrationOpen(deps.event, deps.clock());
  const shown = consentMessage(deps, language);
  if (fresh && shown.version !== version) {
    await ctx.answerCallbackQuery({ text: ctx.t("consent-changed") });
    await closeButtons(ctx);
    await askConsent(ctx);
    return;
  }
  await ctx.answerCallbackQuery();
  if (!fresh) {
    await closeButtons(ctx);
    return openRsvp(ctx);
  }
  await showAgreed(ctx, shown.text);
  await enterForm(ctx, "new", { at: deps.clock().toISOString(), language, version });
}

/** Cancel under the consent text: nothing was asked, nothing is kept. */
export async function declineConsent(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery();
  await closeButtons(ctx);
  await ctx.reply(ctx.t("rsvp-left"), { reply_markup: backToMenuKeyboard(ctx) });
}

async function closeButtons(ctx: BotContext) {
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
}

export async function changeDetails(ctx: BotContext): Promise<void> {
  const record = await activeRegistration(ctx);
  if (!record || !changesAllowed(ctx.deps.event, ctx.deps.clock())) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
    return;
  }
  await ctx.answerCallbackQuery();
  await enterForm(ctx, "edit");
}

export async function askWithdraw(ctx: BotContext): Promise<void> {
  const record = await activeRegistration(ctx);
  if (!record || !changesAllowed(ctx.deps.event, ctx.deps.clock())) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
    return;
  }
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard()
    .text(ctx.t("rsvp-withdraw-yes"), rsvpData.withdrawConfirmed.pack())
    .row()
    .text(ctx.t("rsvp-withdraw-no"), rsvpData.mine.pack());
  await showScreen(ctx, ctx.t("rsvp-withdraw-ask"), keyboard);
}

/** Cancels the guest's registration; the script hands the seat to the waitlist. Repeated taps are harmless. */
export async function withdraw(ctx: BotContext): Promise<void> {
  const { deps } = ctx;
  if (!changesAllowed(deps.event, deps.clock())) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
    return;
  }
  const change = await deps.store.rsvps.cancel(ctx.from!.id, deps.clock(), "guest", deps.event.rsvp.capacity);
  if (!change) {
    await ctx.answerCallbackQuery({ text: ctx.t("rsvp-not-registered") });
    return;
  }
  try {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ctx.t("rsvp-withdrawn"), backToMenuKeyboard(ctx));
  } finally {
    // The seat has already changed hands: its new holder is told even if this screen failed.
    await tellPromoted(deps, ctx.api, change.promoted, ctx.me.username);
    if (change.previous === "pending") await refreshRequestCards(deps, ctx.api, ctx.from!.id);
  }
}

export async function resendTicket(ctx: BotContext): Promise<void> {
  const record = await activeRegistration(ctx);
  if (!record || record.status !== "confirmed") {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
    return;
  }
  // A ticket in sight is pointed to; a resend is the QR alone (the calendar file came with the first).
  const tapped = ctx.callbackQuery?.message;
  const where = tapped && ctx.deps.latestMessages.whereShown(record.userId, "ticket", tapped.message_id);
  if (where) return void (await ctx.answerCallbackQuery({ text: ctx.t("rsvp-ticket-shown", { where }) }));
  await ctx.answerCallbackQuery();
  await sendTicket(ctx.api, ctx.deps, record, await ctx.i18n.getLocale(), ctx.me.username, false);
}
