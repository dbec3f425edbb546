import { eventHeadingIn } from "../../ui/event-heading.js";
import { organiserIds } from "../../ui/access.js";
import { GrammyError, InputFile, type Api, type RawApi } from "grammy";
import type { BotDeps, PersonalDataEraser } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { languageOf } from "../../event/language.js";
import type { Rsvp } from "../../store/rsvps.js";
import { sendCalendarFile } from "../../ui/calendar.js";
import { miniAppKeyboard } from "../../ui/miniapp.js";
import { reachedThresholds, ticketLink, waitlistReason } from "./rules.js";
import { renderTicketQr } from "./ticket-qr.js";
import { answerLines, personalQuestionIds, type Translate } from "./questions.js";
import type { EventInfo } from "../../event/load.js";

/** Messages sent outside an update (promotions, re-confirmation, alerts) speak the guest's language. */
export function translator(deps: BotDeps, language: string): Translate {
  const offered = languageOf(deps.event, language);
  return (key, vars) => deps.i18n.t(offered, key, vars);
}

/** The group line ("Bringing 2: Ann, Bob"), or "" for a guest alone, in HTML. */
export function companionsLine(companions: readonly string[] | undefined, t: Translate): string {
  if (!companions?.length) return "";
  return t("rsvp-companions-line", { count: companions.length, names: companions.map(escapeHtml).join(", ") });
}

/**
 * Name and answers (with the companions) for the summary, "My registration", the door card and the
 * organisers' request cards, in HTML: the one formatter of a registration's details.
 */
export function detailVars(
  event: EventInfo,
  record: Pick<Rsvp, "name" | "answers"> & { companions?: string[] },
  t: Translate,
  language: string,
) {
  const group = companionsLine(record.companions, t);
  const answers = answerLines(event, record.answers, t, language);
  return { name: escapeHtml(record.name), answers: group ? (answers ? `${answers}\n${group}` : group) : answers };
}

/** What the waiting-list messages say: the place in the queue, the code, and why it waits. */
export async function waitlistVars(deps: BotDeps, t: Translate, record: Rsvp): Promise<Record<string, string | number>> {
  const { rsvps } = deps.store;
  const [position, taken] = await Promise.all([rsvps.waitlistPosition(record.userId), rsvps.seatsTaken()]);
  const free = Math.max(0, (deps.event.rsvp.capacity ?? Infinity) - taken);
  const why = t("rsvp-waitlisted-why", { reason: waitlistReason(free, record.party), free, party: record.party });
  return { position: position ?? 0, code: record.code, why };
}

export async function statusText(deps: BotDeps, t: Translate, record: Rsvp): Promise<string> {
  if (record.status === "waitlisted") {
    const position = (await deps.store.rsvps.waitlistPosition(record.userId)) ?? 0;
    return t("rsvp-status-waitlisted", { position });
  }
  if (record.status === "declined") return t("rsvp-status-declined", { reason: declineReasonText(t, record.declineReason) });
  return t(`rsvp-status-${record.status}`);
}

/** The QR image of the ticket's deep link, and the calendar file unless it was sent before; remembered as in sight. */
export async function sendTicket(
  api: Api<RawApi>,
  deps: BotDeps,
  record: Rsvp,
  language: string,
  botUsername: string,
  withCalendar = true,
) {
  const t = translator(deps, language);
  const qr = renderTicketQr(ticketLink(botUsername, record.token));
  const sent: { message_id: number }[] = [
    await api.sendPhoto(record.userId, new InputFile(qr, `ticket-${record.code}.png`), {
      // In a series the ticket names its event (the heading's HTML, so the caption is HTML too).
      caption:
        eventHeadingIn(deps, language) +
        escapeHtml(t("rsvp-ticket-caption", { name: record.name, code: record.code })) +
        (record.party > 1 ? `\n${escapeHtml(t("rsvp-ticket-group", { count: record.party }))}` : ""),
      parse_mode: "HTML",
      // With MINIAPP_URL: the ticket full-screen in the Mini App.
      reply_markup: miniAppKeyboard(deps, t("webapp-open-ticket"), "ticket"),
    }),
  ];
  if (withCalendar) sent.push(await sendCalendarFile(api, record.userId, deps.event, language, t("rsvp-calendar-caption")));
  deps.latestMessages.remember(
    record.userId,
    "ticket",
    sent.map((message) => message.message_id),
  );
}

/** Preset reasons for declining a request (rsvp-decline-reason-<id> in the locales); the store keeps "preset:<id>". */
export const DECLINE_PRESETS = ["full", "invited", "incomplete"] as const;
export const PRESET_PREFIX = "preset:";

/** A decline's reason in a language: a preset's text, or the organiser's own words as written. */
export function declineReasonText(t: Translate, reason: string | undefined): string {
  if (!reason) return t("rsvp-none");
  const preset = DECLINE_PRESETS.find((id) => reason === `${PRESET_PREFIX}${id}`);
  return preset ? t(`rsvp-decline-reason-${preset}`) : escapeHtml(reason);
}

/** Tells admins once when confirmations reach 80% and 100% of the capacity. */
export async function alertCapacity(deps: BotDeps, api: Api<RawApi>): Promise<void> {
  const capacity = deps.event.rsvp.capacity;
  if (capacity === undefined) return; // unlimited places: nothing to alert about
  const { confirmed } = await deps.store.rsvps.peopleCounts();
  const claimed: number[] = [];
  for (const percent of reachedThresholds(capacity, confirmed)) {
    if (await deps.store.rsvps.claimCapacityAlert(percent, deps.clock())) claimed.push(percent);
  }
  // A jump past both thresholds at once (a group, a small hall) is one alert, the higher one.
  const percent = claimed.at(-1);
  if (percent === undefined) return;
  for (const adminId of await organiserIds(deps)) {
    const language = languageOf(deps.event, (await deps.store.users.find(adminId))?.language);
    // In a series the heading says which event filled up.
    const text = eventHeadingIn(deps, language) + translator(deps, language)("rsvp-alert", { percent, confirmed, capacity });
    await api
      .sendMessage(adminId, text, { parse_mode: "HTML" })
      .catch((error) => deps.logger.warn({ err: error, adminId }, "capacity alert not delivered"));
  }
}

/**
 * Tells each promoted guest, in their language, that the seat is theirs, with the ticket. Each notice
 * is claimed first, so whichever process gets it sends it once. The bot's username (for the ticket
 * link) is asked from Telegram only when there is someone to tell and the caller does not know it.
 */
export async function tellPromoted(deps: BotDeps, api: Api<RawApi>, promoted: number[], botUsername?: string): Promise<number[]> {
  const told: number[] = [];
  for (const userId of promoted) {
    if (!(await deps.store.rsvps.claimPromotionNotice(userId))) continue;
    const record = await deps.store.rsvps.find(userId);
    if (record?.status !== "confirmed") continue;
    const language = languageOf(deps.event, record.language);
    const t = translator(deps, language);
    let delivered = false;
    try {
      botUsername ??= (await api.getMe()).username;
      await api.sendMessage(userId, t("rsvp-promoted", { code: record.code, people: record.party }), { parse_mode: "HTML" });
      delivered = true;
      await sendTicket(api, deps, record, language, botUsername);
      told.push(userId);
    } catch (error) {
      deps.logger.warn({ err: error, userId }, "promotion message not delivered");
      // Not told yet (a network error, a 429): the seat repair tries again; a guest who blocked the bot is not retried.
      const blocked = error instanceof GrammyError && error.error_code === 403;
      if (!delivered && !blocked) await deps.store.rsvps.returnPromotionNotice(userId, deps.clock());
    }
  }
  if (promoted.length) await alertCapacity(deps, api);
  return told;
}

/**
 * The periodic repair: gives any seat left free while people wait to the waitlist (a raised
 * capacity, data from before seats were refilled in the same script) and tells every promoted
 * guest nobody told (a process that died right after a cancellation). Idempotent.
 */
export async function repairSeats(deps: BotDeps, api: Api<RawApi>): Promise<{ promoted: number[]; told: number[] }> {
  const promoted = await deps.store.rsvps.fillSeats(deps.clock(), deps.event.rsvp.capacity);
  const untold = await deps.store.rsvps.untoldPromotions();
  return { promoted, told: untold.length ? await tellPromoted(deps, api, untold) : [] };
}

/** "Forget me": erases the guest's registration; a freed seat goes to the waitlist in the same script. */
export async function forgetGuest(deps: BotDeps, api: Api<RawApi>, userId: number, botUsername: string): Promise<boolean> {
  const change = await deps.store.rsvps.forget(userId, deps.clock(), deps.event.rsvp.capacity);
  if (change) await tellPromoted(deps, api, change.promoted, botUsername);
  return change !== undefined;
}

/** The registration's part of "forget me" and of retention (guests' names, and their text, e-mail and phone answers). */
export const rsvpPersonalData: PersonalDataEraser = {
  forget: async (deps, api, userId, botUsername) => void (await forgetGuest(deps, api, userId, botUsername)),
  eraseAll: (deps) => deps.store.rsvps.anonymiseAll(personalQuestionIds(deps.event)),
};
