import { InlineKeyboard, InputFile } from "grammy";
import type { BotContext, BotDeps, FlowContext } from "../../bot/context.js";
import { hasRole, isStaff } from "../../ui/access.js";
import { toCsv } from "../../ui/csv.js";
import { escapeHtml } from "../../ui/html.js";
import { languageOf } from "../../event/language.js";
import { dayText, eventSpanIn, formatList, momentText } from "../../ui/format.js";
import { showScreen } from "../../ui/screens.js";
import { withEventHeading } from "../../ui/event-heading.js";
import { otherEventHolding } from "../../ui/organisers.js";
import { beforeLocalDay, dayjs, localDay } from "../../event/time.js";
import type { Rsvp } from "../../store/rsvps.js";
import { rsvpData } from "./callback-data.js";
import { currentConsentVersions } from "./consent.js";
import { activeRegistration, showMine } from "./mine.js";
import { declineReasonText, detailVars, statusText } from "./notify.js";
import type { Translate } from "./questions.js";
import type { RsvpQuestion } from "../../event/schema.js";

const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
import { answerText, statsLines } from "./questions.js";
import { isTicketToken, normaliseCode } from "./rules.js";
import { retentionDue, retentionEndsAt } from "../../event/retention.js";
import { checkinCountText, findGuests, searchable } from "./door.js";

const t =
  (ctx: FlowContext): Translate =>
  (key, vars) =>
    ctx.t(key, vars);

/** True when the guest agreed to the consent text as it reads now in their language. */
function consentIsCurrent(current: Map<string, string>, record: Rsvp): boolean {
  return record.consentVersion !== undefined && current.get(record.consentLanguage ?? "") === record.consentVersion;
}

const MAX_NAMES = 20;

/** Who agreed to which consent text, once some agreed to an earlier one: a line per version, names on the earlier ones. */
function consentSection(ctx: FlowContext, all: Rsvp[]): string | undefined {
  const current = currentConsentVersions(ctx.deps);
  if (all.every((record) => consentIsCurrent(current, record))) return undefined;
  const versions = new Map<string, { language: string; current: boolean; names: string[] }>();
  for (const record of all) {
    const version = record.consentVersion ?? ctx.t("rsvp-none");
    const language = record.consentLanguage ?? record.language;
    const entry = versions.get(version) ?? { language, current: consentIsCurrent(current, record), names: [] };
    entry.names.push(record.name);
    versions.set(version, entry);
  }
  const lines = [...versions]
    .sort(([, a], [, b]) => Number(b.current) - Number(a.current) || b.names.length - a.names.length)
    .map(([version, entry]) => {
      const vars = { version, language: entry.language, count: entry.names.length };
      if (entry.current) return ctx.t("rsvp-stats-consent-line", { ...vars, which: ctx.t("rsvp-consent-current-text") });
      const shown = entry.names.slice(0, MAX_NAMES).map(escapeHtml).join(", ");
      const names = entry.names.length > MAX_NAMES ? `${shown}, …` : shown;
      return ctx.t("rsvp-stats-consent-earlier", { ...vars, which: ctx.t("rsvp-consent-earlier-text"), names });
    });
  return ctx.t("rsvp-stats-consent", { versions: lines.join("\n") });
}

/** /stats (organisers only: the caller checks). */
export async function showStats(ctx: FlowContext): Promise<void> {
  const { store, event } = ctx.deps;
  const counts = await store.rsvps.counts();
  const all = await store.rsvps.all();
  const confirmed = all.filter((r) => r.status === "confirmed");
  const language = await ctx.i18n.getLocale();
  const answered = confirmed.map((r) => r.answers);
  // Each question of the event file that can be counted: its options, or a number's total.
  const breakdown = event.rsvp.questions.flatMap((q) => {
    const lines = statsLines(event, q, answered, t(ctx), language);
    return lines === undefined ? [] : [ctx.t("rsvp-stats-question", { question: escapeHtml(event.text(q.label, language)), lines })];
  });
  const byDay = new Map<string, number>();
  for (const record of all) {
    const day = localDay(record.createdAt, event.timezone);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const days = await Promise.all([...byDay].map(async ([day, count]) => `${await dayText(ctx, day)}: ${count}`));
  const capacity = event.rsvp.capacity;
  const erasedAt = retentionEndsAt(event);
  const kinds = ["names", "contacts", ...(event.contest ? ["contest"] : []), ...(event.ideas ? ["ideas"] : [])];
  const retention = ctx.t(retentionDue(event, ctx.deps.clock()) ? "privacy-retention-done" : "privacy-retention-stats", {
    date: await momentText(ctx, erasedAt),
    kinds: formatList(
      ctx,
      kinds.map((kind) => ctx.t(`privacy-data-${kind}`)),
      "and",
    ),
  });
  const [people, requests] = await Promise.all([store.rsvps.peopleCounts(), store.rsvps.requestCounts()]);
  const text = ctx.t("rsvp-stats", {
    ...counts,
    left: capacity === undefined ? ctx.t("rsvp-unlimited") : Math.max(0, capacity - people.confirmed),
    breakdown: breakdown.length ? `\n${breakdown.join("\n")}` : "",
    days: days.length ? days.join("\n") : ctx.t("rsvp-none"),
  });
  const consent = consentSection(ctx, all);
  // People (each guest's group) beside registrations, when groups make them differ; and the requests awaiting a decision.
  const groups =
    event.rsvp.plusOnes > 0 ||
    (["confirmed", "waitlisted", "checkedIn"] as const).some((status) => people[status] !== counts[status]) ||
    people.pending !== requests.pending;
  const lines = [
    text,
    ...(groups ? [ctx.t("rsvp-stats-people", { ...people })] : []),
    ...(event.rsvp.approval || requests.pending || requests.declined ? [ctx.t("rsvp-stats-requests", requests)] : []),
    ...(consent ? [consent] : []),
  ];
  await ctx.reply(await withEventHeading(ctx, `${lines.join("\n")}\n\n${retention}`), { parse_mode: "HTML" });
}

/** The export's fixed columns; the event file's questions come after `name`, one column each. */
const EXPORT_HEADER = [
  "user_id",
  "status",
  "code",
  "name",
  "language",
  "registered_at",
  "confirmed_at",
  "waitlisted_at",
  "waitlist_position",
  "promoted_at",
  "cancelled_at",
  "cancel_reason",
  "consent_at",
  "consent_language",
  "consent_version",
  "consent_current",
  "reconfirm_asked_at",
  "reconfirmed_at",
  "checked_in_at",
  "checked_in_by",
  "companions",
  "group_size",
  "arrived",
  "decided_by",
  "decline_reason",
];

/** The guest list as CSV (/export and the Mini App): every field, times in the event zone with their offset. */
export async function guestsCsv(deps: BotDeps, all: Rsvp[], translate: Translate, language: string): Promise<Buffer> {
  const { store, event } = deps;
  const waitlist = await store.rsvps.idsByStatus("waitlisted");
  const current = currentConsentVersions(deps);
  const questions = event.rsvp.questions;
  // A column per question in the file's order: its label and the answers in the organiser's language
  // (numbers and phones as stored, for sums and for dialling or mailing tools).
  const header = [...EXPORT_HEADER.slice(0, 4), ...questions.map((q) => event.text(q.label, language)), ...EXPORT_HEADER.slice(4)];
  const answer = (q: RsvpQuestion, value: string | undefined) =>
    q.type === "number" || q.type === "phone" ? value : answerText(event, q, value, translate, language);
  const answers = (r: Rsvp) => questions.map((q) => answer(q, r.answers[q.id]) ?? "");
  const time = (at: Date | undefined) => (at ? dayjs(at).tz(event.timezone).format("YYYY-MM-DD HH:mm:ssZ") : "");
  const row = (r: Rsvp) => [
    String(r.userId),
    r.status,
    r.code,
    r.name,
    ...answers(r),
    r.language,
    time(r.createdAt),
    time(r.confirmedAt),
    time(r.waitlistedAt),
    r.status === "waitlisted" ? String(waitlist.indexOf(r.userId) + 1) : "",
    time(r.promotedAt),
    time(r.cancelledAt),
    r.cancelReason ?? "",
    time(r.consentAt),
    r.consentLanguage ?? "",
    r.consentVersion ?? "",
    consentIsCurrent(current, r) ? "yes" : "no",
    time(r.reconfirmAskedAt),
    time(r.reconfirmedAt),
    time(r.checkedInAt),
    r.checkedInBy ? String(r.checkedInBy) : "",
    (r.companions ?? []).join("; "),
    String(r.party),
    r.arrived !== undefined ? String(r.arrived) : "",
    r.decidedBy ? String(r.decidedBy) : "",
    r.declineReason ? stripTags(declineReasonText(translate, r.declineReason)) : "",
  ];
  return toCsv([header, ...all.map(row)]);
}

/** /export: the guest list as a CSV file (organisers only: the caller checks). */
export async function exportGuests(ctx: FlowContext): Promise<void> {
  const { store, event } = ctx.deps;
  const all = await store.rsvps.all();
  if (all.length === 0) {
    await ctx.reply(ctx.t("rsvp-export-empty"));
    return;
  }
  const current = currentConsentVersions(ctx.deps);
  const stamp = dayjs(ctx.deps.clock()).tz(event.timezone).format("YYYY-MM-DD-HHmm");
  const filename = `${event.id}-guests-${stamp}.csv`;
  // Who took the guest list and when: recorded before it leaves, so a failed send is still on record.
  await store.audit.record(ctx.from!.id, "export", `guest list, ${all.length} rows, ${filename}`, ctx.deps.clock(), {
    what: "guests",
    count: all.length,
  });
  const earlier = all.filter((r) => !consentIsCurrent(current, r)).length;
  const caption = ctx.t("rsvp-export-caption", { count: all.length });
  await ctx.replyWithDocument(new InputFile(await guestsCsv(ctx.deps, all, t(ctx), await ctx.i18n.getLocale()), filename), {
    caption: await withEventHeading(ctx, earlier ? `${caption}\n${ctx.t("rsvp-export-consent-earlier", { count: earlier })}` : caption),
    parse_mode: "HTML",
  });
}

/**
 * The door card: who the guest is, and a Check in button unless the ticket was used. Staff see the
 * name, the group's size and the status only; organisers see the answers too. A group's card offers
 * how many arrived (1…size), the main button letting all of them in.
 */
async function showCheckinCard(ctx: FlowContext, record: Rsvp): Promise<void> {
  const status = await statusText(ctx.deps, t(ctx), record);
  const organiser = await hasRole(ctx, "organiser");
  const details = organiser
    ? detailVars(ctx.deps.event, record, t(ctx), await ctx.i18n.getLocale())
    : { name: escapeHtml(record.name), answers: record.party > 1 ? ctx.t("rsvp-group-size", { count: record.party }) : "" };
  let text = ctx.t("rsvp-checkin-card", { status, code: record.code, ...details });
  const keyboard = new InlineKeyboard();
  if (record.checkedInAt) {
    text += `\n\n${ctx.t("rsvp-checkin-again", { name: escapeHtml(record.name), at: await momentText(ctx, record.checkedInAt) })}`;
    if (record.party > 1) text += `\n${ctx.t("rsvp-checkin-arrived", { arrived: record.arrived ?? record.party, count: record.party })}`;
  } else if (record.status === "confirmed") {
    const { event, clock } = ctx.deps;
    // Before the event's first day: most likely a rehearsal or a slip, so the card says so (the check-in still works).
    if (beforeLocalDay(clock(), event.startsAt, event.timezone)) {
      text += `\n\n${ctx.t("rsvp-checkin-early", { day: await dayText(ctx, localDay(event.startsAt, event.timezone)) })}`;
    }
    if (record.party > 1) {
      text += `\n\n${ctx.t("rsvp-checkin-partial")}`;
      keyboard
        .text(
          ctx.t("rsvp-checkin-group-button", { count: record.party }),
          rsvpData.checkIn.pack({ guest: record.userId, arrived: record.party }),
        )
        .row();
      for (let arrived = 1; arrived < record.party; arrived++)
        keyboard.text(String(arrived), rsvpData.checkIn.pack({ guest: record.userId, arrived }));
    } else keyboard.text(ctx.t("rsvp-checkin-button"), rsvpData.checkIn.pack({ guest: record.userId, arrived: undefined }));
  } else {
    text += `\n\n${ctx.t("rsvp-checkin-not-confirmed")}`;
  }
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/**
 * Not this event's ticket or code: if another event of the series holds it, the door is told which
 * (a genuine ticket for the wrong evening is not "invalid"); otherwise `unknown`.
 */
async function replyNotHere(ctx: FlowContext, find: (rsvps: BotDeps["store"]["rsvps"]) => Promise<unknown>, unknown: string) {
  const other = await otherEventHolding(ctx.deps, find);
  if (!other) return void (await ctx.reply(unknown));
  const language = await ctx.i18n.getLocale();
  const vars = { title: escapeHtml(other.text(other.title, language)), when: eventSpanIn(ctx.deps, other, language) };
  await ctx.reply(await withEventHeading(ctx, ctx.t("rsvp-checkin-other-event", vars)), { parse_mode: "HTML" });
}

/** /start ci_<token>: the door card for the door team; for anyone else only their own ticket. */
export async function openTicket(ctx: FlowContext, token: string): Promise<void> {
  const valid = isTicketToken(token);
  const record = valid ? await ctx.deps.store.rsvps.findByToken(token) : undefined;
  if (await isStaff(ctx)) {
    if (record) await showCheckinCard(ctx, record);
    else if (valid) await replyNotHere(ctx, (rsvps) => rsvps.findByToken(token), ctx.t("rsvp-ticket-unknown"));
    else await ctx.reply(ctx.t("rsvp-ticket-unknown"));
    return;
  }
  const own = record?.userId === ctx.from?.id ? await activeRegistration(ctx) : undefined;
  if (own) await showMine(ctx, own);
  else await ctx.reply(ctx.t("rsvp-ticket-not-yours"));
}

/** A door shift is hours, not days: a forgotten check-in mode lapses rather than eat messages next week. */
const CHECKIN_MODE_MS = 12 * 60 * 60_000;

/** The card of the guest with this code, or why there is none. */
async function lookUpCode(ctx: FlowContext, code: string): Promise<void> {
  const record = await ctx.deps.store.rsvps.findByCode(code);
  if (record) await showCheckinCard(ctx, record);
  else await replyNotHere(ctx, (rsvps) => rsvps.findByCode(code), ctx.t("rsvp-checkin-unknown", { code }));
}

/** /checkin CODE looks one code up; /checkin alone starts the check-in mode (every message a code, until /cancel). */
export async function checkinByCode(ctx: FlowContext, argument: string): Promise<void> {
  if (argument.trim() === "") return startCheckinMode(ctx);
  const code = normaliseCode(argument);
  if (!code) {
    await ctx.reply(ctx.t("rsvp-checkin-usage"));
    return;
  }
  await lookUpCode(ctx, code);
}

export async function startCheckinMode(ctx: FlowContext): Promise<void> {
  ctx.session.checkinUntil = ctx.deps.clock().getTime() + CHECKIN_MODE_MS;
  const intro = `${ctx.t("rsvp-checkin-mode-on")}\n${ctx.t("team-find-in-mode")}\n\n${await checkinCountText(ctx)}`;
  await ctx.reply(await withEventHeading(ctx, intro), {
    parse_mode: "HTML",
  });
}

export const inCheckinMode = (ctx: FlowContext) => (ctx.session.checkinUntil ?? 0) > ctx.deps.clock().getTime();

/** A message in the check-in mode: a code to look up, /cancel to leave; the sender is checked again. */
export async function checkinModeMessage(ctx: FlowContext, text: string): Promise<void> {
  const staff = await isStaff(ctx);
  if (/^\/cancel(@\w+)?$/.test(text) || !staff) {
    delete ctx.session.checkinUntil;
    if (staff) await ctx.reply(ctx.t("rsvp-checkin-mode-off"));
    return;
  }
  ctx.session.checkinUntil = ctx.deps.clock().getTime() + CHECKIN_MODE_MS;
  const code = normaliseCode(text);
  if (code) await lookUpCode(ctx, code);
  // Not a code: a name to search, and if nobody has it, the hint about codes too.
  else if (searchable(text)) await findGuests(ctx, text, { notFoundHint: ctx.t("rsvp-checkin-mode-hint") });
  else await ctx.reply(ctx.t("rsvp-checkin-mode-hint"));
}

/** Tells the guest, in their language, that the door has them: the proof that the scan worked. */
async function tellGuest(ctx: FlowContext, userId: number): Promise<void> {
  const { store, i18n } = ctx.deps;
  const language = languageOf(ctx.deps.event, (await store.rsvps.find(userId))?.language);
  await ctx.api
    .sendMessage(userId, i18n.t(language, "rsvp-checked-in-guest"))
    .catch((error) => ctx.logger.warn({ err: error, guest: userId }, "could not tell a guest they were checked in"));
}

/** The Check in button: the door team only (the caller checks the sender again, the data may be forged). */
export async function checkIn(ctx: BotContext, userId: number, arrived?: number): Promise<void> {
  const { store, clock } = ctx.deps;
  const outcome = await store.rsvps.checkIn(userId, ctx.from!.id, clock(), arrived);
  if (outcome.result === "first") await store.audit.record(ctx.from!.id, "check-in", `guest ${userId}`, clock(), { user: userId });
  const record = await store.rsvps.find(userId);
  if (!record || outcome.result === "not-confirmed") {
    await ctx.answerCallbackQuery({ text: ctx.t("rsvp-checkin-not-confirmed") });
    return;
  }
  const name = escapeHtml(record.name);
  let text =
    outcome.result === "first"
      ? ctx.t("rsvp-checkin-done", { name })
      : ctx.t("rsvp-checkin-again", { name, at: await momentText(ctx, outcome.at) });
  if (record.party > 1) text += `\n${ctx.t("rsvp-checkin-arrived", { arrived: record.arrived ?? record.party, count: record.party })}`;
  // The door's running count, as a toast: the card itself stays as it was.
  await ctx.answerCallbackQuery({ text: await checkinCountText(ctx) });
  await showScreen(ctx, text);
  if (outcome.result === "first") await tellGuest(ctx, userId);
}
