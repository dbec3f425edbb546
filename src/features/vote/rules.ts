import { dayjs, parseTypedDateTime } from "../../event/time.js";

/** The shortlist's size, and how long a vote may stay open. */
export const MIN_IDEAS = 2;
export const MAX_IDEAS = 12;
const MAX_OPEN_MS = 30 * 86_400_000;

export type IdeaNumbers = { ok: true; ids: number[] } | { ok: false; problem: "format" | "count"; count?: number };

/** "12, 15 #21" → [12, 15, 21]: numbers separated by commas, semicolons or spaces, "#" allowed; repeats count once. */
export function parseIdeaNumbers(input: string): IdeaNumbers {
  const parts = input
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.some((part) => !/^[#№]?\d{1,9}$/.test(part))) return { ok: false, problem: "format" };
  const ids = [...new Set(parts.map((part) => Number(part.replace(/^[#№]/, ""))))];
  if (ids.length < MIN_IDEAS || ids.length > MAX_IDEAS) return { ok: false, problem: "count", count: ids.length };
  return { ok: true, ids };
}

export type CloseTime = { ok: true; at: Date } | { ok: false; problem: "format" | "past" | "far" };

const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * When the vote closes: a duration from now ("2h", "90m", "1d"), a wall-clock time today
 * ("18:30") or a date and time ("2017-11-30 13:00", "30.11.2017 13:00") in the event's zone; it must be in the future
 * and within 30 days.
 */
export function parseCloseTime(input: string, zone: string, now: Date): CloseTime {
  const text = input.trim().toLowerCase();
  let at: Date | undefined;
  const duration = /^(\d{1,5})\s*(m|min|h|d)$/.exec(text);
  if (duration) {
    const ms = Number(duration[1]) * UNIT_MS[duration[2]!]!;
    if (ms <= 0) return { ok: false, problem: "past" };
    at = new Date(now.getTime() + ms);
  } else {
    // A time alone ("18:30") is today's.
    const today = /^\d{1,2}:\d{2}$/.test(text) ? `${dayjs(now).tz(zone).format("YYYY-MM-DD")} ` : "";
    at = parseTypedDateTime(today + text, zone);
    if (!at) return { ok: false, problem: "format" };
  }
  if (at.getTime() <= now.getTime()) return { ok: false, problem: "past" };
  if (at.getTime() - now.getTime() > MAX_OPEN_MS) return { ok: false, problem: "far" };
  return { ok: true, at };
}

/** An example of a close time the organiser can edit: an hour from now, in the event zone. */
export function exampleCloseTime(now: Date, zone: string): string {
  return dayjs(now).tz(zone).add(1, "hour").format("YYYY-MM-DD HH:mm");
}

export interface RankedIdea {
  ideaId: number;
  count: number;
  /** 1 for the most votes; ideas with equal counts share a place (1, 2, 2, 4). */
  place: number;
}

/** The results: most votes first, ties in shortlist order sharing their place. */
export function rankIdeas(shortlist: readonly number[], tally: ReadonlyMap<number, number>): RankedIdea[] {
  const counted = shortlist.map((ideaId, order) => ({ ideaId, order, count: Math.max(0, tally.get(ideaId) ?? 0) }));
  counted.sort((a, b) => b.count - a.count || a.order - b.order);
  return counted.map(({ ideaId, count }) => ({ ideaId, count, place: 1 + counted.filter((other) => other.count > count).length }));
}

/** The first words of an idea's text, cut at a word with "…" (plain text: escape it for HTML). */
export function excerpt(text: string, max: number): string {
  const plain = text.replace(/\s+/g, " ").trim();
  if ([...plain].length <= max) return plain;
  const cut = [...plain].slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?—–-]+$/, "")}…`;
}
