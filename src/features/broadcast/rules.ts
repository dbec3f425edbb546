import { dayjs, parseTypedDateTime } from "../../event/time.js";

/** Telegram's limit of a photo caption (a message text's is MESSAGE_LIMIT, src/ui/pages.ts). */
export const CAPTION_LIMIT = 1024;

export type ScheduleTime = { ok: true; at: Date } | { ok: false; problem: "format" | "past" };

/** "2026-11-29 09:00" (or "29.11.2026 9:00") in the event zone → the instant; rejects impossible dates and the past. */
export function parseScheduleTime(input: string, zone: string, now: Date): ScheduleTime {
  const at = parseTypedDateTime(input, zone);
  if (!at) return { ok: false, problem: "format" };
  if (at.getTime() <= now.getTime()) return { ok: false, problem: "past" };
  return { ok: true, at };
}

/** An example an organiser can edit: tomorrow at 10:00 in the event zone. */
export function exampleTime(now: Date, zone: string): string {
  return dayjs(now).tz(zone).add(1, "day").format("YYYY-MM-DD 10:00");
}

/** A readable, unique id: b-<date>-<time>-<4 random chars>. */
export function newBroadcastId(now: Date, zone: string, random: string): string {
  return `b-${dayjs(now).tz(zone).format("YYMMDD-HHmm")}-${random}`;
}
