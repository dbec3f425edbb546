import { organiserIds } from "../../ui/access.js";
import { eventHeadingIn } from "../../ui/event-heading.js";
import { InlineKeyboard, type Api, type RawApi } from "grammy";
import type { BotContext, BotDeps, FlowContext } from "../../bot/context.js";
import { languageOf } from "../../event/language.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { choiceQuestion, textQuestion } from "../../ui/form/question.js";
import { escapeHtml } from "../../ui/html.js";
import type { Rsvp } from "../../store/rsvps.js";
import { rsvpData } from "./callback-data.js";
import {
  alertCapacity,
  DECLINE_PRESETS,
  declineReasonText,
  detailVars,
  PRESET_PREFIX,
  sendTicket,
  translator,
  waitlistVars,
} from "./notify.js";
import type { Translate } from "./questions.js";

/*
 * Approval (rsvp.approval): a completed registration is pending; every organiser gets it as a card
 * with Approve and Decline. The store's one script decides (the first tap wins); every card then
 * shows the decision and who took it, and the guest is told in their language.
 */

export const DECLINE_CONVERSATION = "rsvp-decline";
/** /requests shows this many pending requests a page. */
export const REQUESTS_PER_PAGE = 10;
const MAX_REASON = 300;
const OWN = "own";

async function languageOfUser(deps: BotDeps, userId: number): Promise<string> {
  return languageOf(deps.event, (await deps.store.users.find(userId))?.language);
}

/** A request's card in a language: the name and answers (the one formatter), and the decision once taken. */
function cardText(deps: BotDeps, t: Translate, language: string, record: Rsvp): string {
  // In a series the heading says which event the request is for.
  const details = detailVars(deps.event, record, t, language);
  const text = eventHeadingIn(deps, language) + t("rsvp-request-card", { code: record.code, party: record.party, ...details });
  if (record.status === "pending") return text;
  return `${text}\n\n${decisionLine(t, record)}`;
}

/** "✅ Approved by X", "❌ Declined by X: reason", or what became of a request nobody decided (withdrawn). */
function decisionLine(t: Translate, record: Rsvp): string {
  const by = escapeHtml(record.decidedByName ?? "");
  if (record.decidedAt === undefined) return t("rsvp-request-withdrawn");
  if (record.status === "declined") return t("rsvp-request-declined-by", { by, reason: declineReasonText(t, record.declineReason) });
  return t("rsvp-request-approved-by", {
    by,
    status: t(`rsvp-request-outcome-${record.status === "waitlisted" ? "waitlisted" : "confirmed"}`),
  });
}

function cardKeyboard(t: Translate, userId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("rsvp-request-approve"), rsvpData.approveRequest.pack({ guest: userId }))
    .text(t("rsvp-request-decline"), rsvpData.declineRequest.pack({ guest: userId }));
}

/** Sends one organiser the card of a request and remembers where it is (to show the decision there). */
async function sendCard(deps: BotDeps, api: Api<RawApi>, organiserId: number, record: Rsvp): Promise<void> {
  const language = await languageOfUser(deps, organiserId);
  const t = translator(deps, language);
  const sent = await api.sendMessage(organiserId, cardText(deps, t, language, record), {
    parse_mode: "HTML",
    reply_markup: record.status === "pending" ? cardKeyboard(t, record.userId) : undefined,
  });
  await deps.store.rsvpRequests.rememberCard(record.userId, organiserId, sent.message_id);
}

/** A new request: every organiser gets its card (one who blocked the bot is skipped). */
export async function sendRequestCards(deps: BotDeps, api: Api<RawApi>, record: Rsvp): Promise<void> {
  for (const organiserId of await organiserIds(deps)) {
    await sendCard(deps, api, organiserId, record).catch((error) =>
      deps.logger.warn({ err: error, organiserId, guest: record.userId }, "request card not delivered"),
    );
  }
}

/** Every card of a decided request shows the decision and who took it, in its organiser's language. */
async function updateCards(deps: BotDeps, api: Api<RawApi>, record: Rsvp): Promise<void> {
  for (const { chatId, messageId } of await deps.store.rsvpRequests.cards(record.userId)) {
    const language = await languageOfUser(deps, chatId);
    const t = translator(deps, language);
    // A request still open (its details changed) keeps its buttons; a decided or withdrawn one loses them.
    const keyboard = record.status === "pending" ? cardKeyboard(t, record.userId) : undefined;
    await api
      .editMessageText(chatId, messageId, cardText(deps, t, language, record), { parse_mode: "HTML", reply_markup: keyboard })
      .catch(() => undefined);
  }
}

/** A request the guest withdrew (the cards say so, without buttons) or changed while pending (the cards show the new details). */
export async function refreshRequestCards(deps: BotDeps, api: Api<RawApi>, guestId: number): Promise<void> {
  const record = await deps.store.rsvps.find(guestId);
  if (record) await updateCards(deps, api, record);
}

/** Tells the guest the decision in their language: the ticket, the waiting list, or why not. */
async function tellGuest(deps: BotDeps, api: Api<RawApi>, record: Rsvp, botUsername: string): Promise<void> {
  const language = languageOf(deps.event, record.language);
  const t = translator(deps, language);
  try {
    if (record.status === "confirmed") {
      await api.sendMessage(record.userId, t("rsvp-approved", { code: record.code }), { parse_mode: "HTML" });
      await sendTicket(api, deps, record, language, botUsername);
    } else if (record.status === "waitlisted") {
      await api.sendMessage(record.userId, t("rsvp-approved-waitlisted", await waitlistVars(deps, t, record)), { parse_mode: "HTML" });
    } else if (record.status === "declined") {
      await api.sendMessage(record.userId, t("rsvp-declined", { reason: declineReasonText(t, record.declineReason) }), {
        parse_mode: "HTML",
      });
    }
  } catch (error) {
    deps.logger.warn({ err: error, guest: record.userId }, "decision not delivered");
  }
}

const organiserName = (ctx: FlowContext) => [ctx.from?.first_name, ctx.from?.last_name].filter(Boolean).join(" ").slice(0, 64);

/** The answer to the organiser who acted: a toast on a button, a message otherwise (the decline form). */
async function report(ctx: FlowContext, text: string, alert = false, asMessage = false): Promise<void> {
  if (ctx.callbackQuery && !asMessage) await ctx.answerCallbackQuery({ text, show_alert: alert });
  else await ctx.reply(text);
}

export type Decision = { approve: true } | { approve: false; reason: string };

/**
 * Decides a request (the caller checked the role at this moment). The script lets one decision
 * through; a later one is told who decided. Returns whether this call decided.
 */
export async function decideRequest(
  ctx: FlowContext,
  guestId: number,
  decision: Decision,
  options: { quiet?: boolean; asMessage?: boolean } = {},
): Promise<boolean> {
  const { deps } = ctx;
  const now = deps.clock();
  const outcome = await deps.store.rsvpRequests.decide(
    guestId,
    decision,
    { id: ctx.from!.id, name: organiserName(ctx) },
    now,
    deps.event.rsvp.capacity,
  );
  if (!outcome.decided) {
    if (options.quiet) return false;
    const text =
      outcome.status === "cancelled" || outcome.status === "gone" || !outcome.by
        ? ctx.t("rsvp-request-gone")
        : ctx.t("rsvp-request-already", { by: outcome.by });
    await report(ctx, text, true, options.asMessage);
    return false;
  }
  await deps.store.audit.record(ctx.from!.id, decision.approve ? "approve" : "decline", `request of ${guestId}: ${outcome.status}`, now, {
    user: guestId,
  });
  const record = (await deps.store.rsvps.find(guestId))!;
  if (!options.quiet) {
    const name = record.name.slice(0, 60);
    await report(
      ctx,
      ctx.t(decision.approve ? "rsvp-request-approved-toast" : "rsvp-request-declined-toast", { name }),
      false,
      options.asMessage,
    );
  }
  await updateCards(deps, ctx.api, record);
  await tellGuest(deps, ctx.api, record, ctx.me.username);
  if (record.status === "confirmed") await alertCapacity(deps, ctx.api);
  return true;
}

/** Decline: the request must still be open; then the form asks why (a preset or own words). */
export async function startDecline(ctx: BotContext, guestId: number): Promise<void> {
  const record = await ctx.deps.store.rsvps.find(guestId);
  if (record?.status !== "pending") {
    const by = record?.decidedByName;
    await ctx.answerCallbackQuery({ text: by ? ctx.t("rsvp-request-already", { by }) : ctx.t("rsvp-request-gone"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  await ctx.conversation.enter(DECLINE_CONVERSATION, guestId);
}

/** The decline form: a preset reason or the organiser's own words; every step checks the organiser role. */
export async function declineForm(conversation: FormConversation, ctx: FlowContext, guestId: number) {
  const form = await Form.open(conversation, ctx, {
    title: ctx.t("rsvp-decline-form-title"),
    cancelled: ctx.t("rsvp-decline-left"),
    role: "organiser",
  });
  const name = await conversation.external((outside) => outside.deps.store.rsvps.find(guestId).then((r) => r?.name ?? ""));
  const choice = await form.ask(
    choiceQuestion<string>(ctx, {
      prompt: ctx.t("rsvp-decline-ask", { name: escapeHtml(name) }),
      choices: [
        ...DECLINE_PRESETS.map((id) => [ctx.t(`rsvp-decline-reason-${id}`), id] as const),
        [ctx.t("rsvp-decline-own"), OWN] as const,
      ],
    }),
  );
  let reason = `${PRESET_PREFIX}${choice}`;
  if (choice === OWN) {
    reason = await form.ask(
      textQuestion<string>(ctx, {
        prompt: ctx.t("rsvp-decline-own-ask"),
        maxLength: MAX_REASON,
        check: (text) => (text.trim() ? { value: text.trim().replace(/\s+/g, " ") } : { hint: ctx.t("form-text-expected") }),
      }),
    );
  }
  await conversation.external((outside) =>
    decideRequest(outside, guestId, { approve: false, reason }, { asMessage: true }).then(() => undefined),
  );
}

/** /requests: the pending requests, ten a page, each with its card a tap away, and Approve all shown. */
export async function showRequests(ctx: FlowContext, page = 0, edit = false): Promise<void> {
  const { total, page: items } = await ctx.deps.store.rsvpRequests.pendingPage(page * REQUESTS_PER_PAGE, REQUESTS_PER_PAGE);
  if (items.length === 0 && page > 0) return showRequests(ctx, 0, edit);
  const send = (text: string, keyboard?: InlineKeyboard) =>
    edit
      ? ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(() => undefined)
      : ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  if (items.length === 0) {
    await send(ctx.t("rsvp-requests-none"));
    return;
  }
  const records = await Promise.all(items.map((item) => ctx.deps.store.rsvps.find(item.userId)));
  const keyboard = new InlineKeyboard();
  const lines = records.map((record, i) => {
    const number = page * REQUESTS_PER_PAGE + i + 1;
    if (!record) return `${number}. —`;
    keyboard.text(`${number}. ${record.name.slice(0, 40)}`, rsvpData.requestCard.pack({ guest: record.userId })).row();
    return ctx.t("rsvp-requests-line", { number, name: escapeHtml(record.name), party: record.party, code: record.code });
  });
  keyboard
    .text(
      ctx.t("rsvp-requests-approve-shown", { count: items.length }),
      rsvpData.approveShown.pack({ from: items[0]!.at, to: items.at(-1)!.at }),
    )
    .row();
  const pages = Math.ceil(total / REQUESTS_PER_PAGE);
  if (page > 0) keyboard.text("◀️", rsvpData.requestsPage.pack({ page: page - 1 }));
  if (page + 1 < pages) keyboard.text("▶️", rsvpData.requestsPage.pack({ page: page + 1 }));
  const title = ctx.t("rsvp-requests-title", { total, page: page + 1, pages });
  await send(`${title}\n${lines.join("\n")}`, keyboard);
}

/** A request's card, sent again to the organiser who asked for it from /requests. */
export async function showRequestCard(ctx: FlowContext, guestId: number): Promise<void> {
  const record = await ctx.deps.store.rsvps.find(guestId);
  if (!record || record.status === "cancelled") {
    await ctx.answerCallbackQuery({ text: ctx.t("rsvp-request-gone") });
    return;
  }
  await ctx.answerCallbackQuery();
  await sendCard(ctx.deps, ctx.api, ctx.from!.id, record);
}

/** Approve all shown: the requests made within the shown page's times that are still pending. */
export async function approveShown(ctx: FlowContext, from: number, to: number): Promise<void> {
  let approved = 0;
  for (const guestId of await ctx.deps.store.rsvpRequests.pendingBetween(from, to)) {
    if (await decideRequest(ctx, guestId, { approve: true }, { quiet: true })) approved++;
  }
  await ctx.answerCallbackQuery({ text: ctx.t("rsvp-requests-approved", { count: approved }) });
  await showRequests(ctx, 0, true);
}
