import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";
import relativeTime from "dayjs/plugin/relativeTime.js";
import "dayjs/locale/ru.js";
import "dayjs/locale/kk.js";
import "dayjs/locale/en.js";
import { durationPattern } from "./schema.js";

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

export { dayjs };

/** Whether a wall-clock time happens at all in a zone: one skipped when the clocks go forward does not. */
export function wallClockExists(wallClock: string, zone: string): boolean {
  return dayjs.tz(wallClock, zone).format("YYYY-MM-DDTHH:mm") === wallClock;
}

/** The UTC instant of a wall-clock time (YYYY-MM-DDTHH:mm) in an IANA zone, DST and offset history included. */
export function wallClockToInstant(wallClock: string, zone: string): Date {
  return dayjs.tz(wallClock, zone).toDate();
}

/**
 * A date and time an organiser typed, in the event's zone: "2027-10-31 09:30" or the way it is
 * usually written in Kazakhstan, "31.10.2027 9:30"; undefined when unreadable or impossible
 * (25:00, 30 February, an hour skipped when the clocks go forward).
 */
export function parseTypedDateTime(input: string, zone: string): Date | undefined {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ Tt](\d{1,2}):(\d{2})$/.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),? (\d{1,2}):(\d{2})$/.exec(text);
  const [year, month, day, hour, minute] = iso ? iso.slice(1) : dotted ? [dotted[3], dotted[2], dotted[1], dotted[4], dotted[5]] : [];
  if (minute === undefined) return undefined;
  const pad = (part: string | undefined) => part!.padStart(2, "0");
  const wall = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}`;
  // dayjs rolls 2026-02-30 over to March: a round trip catches impossible dates and hours.
  return wallClockExists(wall, zone) ? wallClockToInstant(wall, zone) : undefined;
}

/** The last day looked up per zone: converting a time zone is slow, and most lookups fall in the same day. */
const lastDay = new Map<string, { from: number; to: number; day: string }>();

/** The calendar day (YYYY-MM-DD) of a moment in an IANA zone. */
export function localDay(at: Date, zone: string): string {
  const ms = at.getTime();
  const cached = lastDay.get(zone);
  if (cached && ms >= cached.from && ms < cached.to) return cached.day;
  const day = dayjs(at).tz(zone).format("YYYY-MM-DD");
  // The day's bounds as instants: local midnights, so DST days of 23 or 25 hours come out right.
  const from = dayjs.tz(day, zone).valueOf();
  const to = dayjs.tz(dayjs(day).add(1, "day").format("YYYY-MM-DD"), zone).valueOf();
  lastDay.set(zone, { from, to, day });
  return day;
}

/** Whether `now` falls on a calendar day before `day`'s, in the zone: a door check-in then is most likely a rehearsal or a slip. */
export function beforeLocalDay(now: Date, day: Date, zone: string): boolean {
  return localDay(now, zone) < localDay(day, zone);
}

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration written like 90m, 24h or 2d. */
export function parseDuration(value: string): number {
  const match = durationPattern.exec(value.trim());
  if (!match) throw new Error(`not a duration: ${value}`);
  return Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
}

/** Where a moment stands relative to an event: before, during or after it. */
export type EventPhase = "upcoming" | "ongoing" | "past";

export function eventPhase(now: Date, startsAt: Date, endsAt: Date): EventPhase {
  if (now < startsAt) return "upcoming";
  if (now < endsAt) return "ongoing";
  return "past";
}

/** Whether a deadline (inclusive to the minute it names) has passed. */
export function isPastDeadline(now: Date, deadline: Date): boolean {
  return now.getTime() >= deadline.getTime() + 60_000;
}

/**
 * Formats a time span in the zone and language: the patterns come from the locale files
 * (e.g. «D MMMM YYYY» and «H:mm»), so each language writes dates its own way.
 */
export function formatSpan(startsAt: Date, endsAt: Date, zone: string, language: string, patterns: { date: string; time: string }): string {
  const start = dayjs(startsAt).tz(zone).locale(language);
  const end = dayjs(endsAt).tz(zone).locale(language);
  const startText = `${start.format(patterns.date)}, ${start.format(patterns.time)}`;
  if (start.format("YYYY-MM-DD") === end.format("YYYY-MM-DD")) {
    return `${startText}–${end.format(patterns.time)}`;
  }
  return `${startText} – ${end.format(patterns.date)}, ${end.format(patterns.time)}`;
}

export function formatMoment(at: Date, zone: string, language: string, patterns: { date: string; time: string }): string {
  const moment = dayjs(at).tz(zone).locale(language);
  return `${moment.format(patterns.date)}, ${moment.format(patterns.time)}`;
}

// dayjs's relative time is a costly step of every overview; its words change at most once a second.
const relativeTexts = new Map<string, string>();
function relativeText(at: Date, now: Date, language: string, withoutSuffix: boolean): string {
  const second = Math.floor(now.getTime() / 1000) * 1000;
  const key = `${at.getTime()}|${second}|${language}|${withoutSuffix}`;
  let text = relativeTexts.get(key);
  if (text === undefined) {
    if (relativeTexts.size >= 1_000) relativeTexts.clear();
    text = dayjs(at).locale(language).from(dayjs(second), withoutSuffix);
    relativeTexts.set(key, text);
  }
  return text;
}

/** «5 дней», «3 hours», «7 күн»: the time left, for sentences such as «Басталуына 7 күн қалды». */
export function durationToNow(at: Date, now: Date, language: string): string {
  return relativeText(at, now, language, true);
}

/** «через 5 дней», «in 3 hours», «5 күн ішінде». */
export function relativeToNow(at: Date, now: Date, language: string): string {
  return relativeText(at, now, language, false);
}
