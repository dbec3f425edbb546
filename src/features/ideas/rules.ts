import { dayjs, localDay } from "../../event/time.js";

/** Pure rules of the ideas feature: no Telegram, no Redis, the clock passed in. */

export const IDEA_MIN_LENGTH = 10;
export const IDEA_MAX_LENGTH = 2000;
export const SIMILAR_LIMIT = 3;

export { IDEA_STATUSES, PUBLIC_STATUSES, isIdeaStatus, isPublicStatus, type IdeaStatus } from "../../store/ideas.js";

/** Preset rejection reasons (each has a locale string ideas-reason-<code>). */
export const REJECT_REASONS = ["duplicate", "offtopic", "rules"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The one category of an ideas section that has only one: nobody is asked to choose it. */
export const onlyCategory = (ideas: { categories: readonly { id: string }[] } | undefined): string | undefined =>
  ideas?.categories.length === 1 ? ideas.categories[0]!.id : undefined;

export type TextCheck = { ok: true; text: string } | { ok: false; problem: "too-short" | "too-long" };

/** The idea's text, trimmed, between the limits (counted in characters, not UTF-16 units). */
export function checkIdeaText(raw: string): TextCheck {
  const text = raw.trim();
  const length = [...text].length;
  if (length < IDEA_MIN_LENGTH) return { ok: false, problem: "too-short" };
  if (length > IDEA_MAX_LENGTH) return { ok: false, problem: "too-long" };
  return { ok: true, text };
}

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** Whether a map pin lies in the city's box; without a box every pin is fine. */
export function insideBounds(point: { latitude: number; longitude: number }, bounds: Bounds | undefined): boolean {
  if (!bounds) return true;
  return (
    point.latitude >= bounds.south && point.latitude <= bounds.north && point.longitude >= bounds.west && point.longitude <= bounds.east
  );
}

/** The calendar day in the event's zone (YYYY-MM-DD): the daily limit restarts at local midnight. */
export function ideaDay(now: Date, zone: string): string {
  return localDay(now, zone);
}

export const dailyLimitReached = (sentToday: number, limit: number): boolean => sentToday >= limit;

// Words that say nothing about a proposal, in the three interface languages.
const STOP_WORDS = new Set(
  [
    "the and for with that this are was from have not but you your our can more need should would could into there their about make new",
    "что как для это или при его они мне нам так все был была были быть надо нужно чтобы очень также если есть там тут где когда которые который",
    "және мен бен пен үшін бұл осы сол бар жоқ керек деп болып бойынша немесе тағы өте",
  ]
    .join(" ")
    .split(" "),
);

// A crude stem: Russian and Kazakh words change their endings, so compare the beginnings.
const STEM_LENGTH = 6;

/** Normalised word stems of a text: lower case, letters and digits only, no stop words. */
export function ideaTokens(text: string): Set<string> {
  const words =
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/ё/g, "е")
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(
    words.filter((word) => [...word].length >= 3 && !STOP_WORDS.has(word)).map((word) => [...word].slice(0, STEM_LENGTH).join("")),
  );
}

export interface SimilarCandidate {
  id: number;
  category: string;
  text: string;
  supports: number;
}

/**
 * Up to `limit` ideas of the same category sharing words with the draft, best first: at least
 * two shared stems, or one when it is half of the shorter text's stems.
 */
export function findSimilar<T extends SimilarCandidate>(
  draft: { category: string; text: string },
  candidates: readonly T[],
  limit = SIMILAR_LIMIT,
): T[] {
  const mine = ideaTokens(draft.text);
  if (mine.size === 0) return [];
  return candidates
    .filter((candidate) => candidate.category === draft.category)
    .map((candidate) => {
      const theirs = ideaTokens(candidate.text);
      const shared = [...mine].filter((token) => theirs.has(token)).length;
      const overlap = shared / Math.max(1, Math.min(mine.size, theirs.size));
      return { candidate, shared, overlap };
    })
    .filter(({ shared, overlap }) => shared >= 2 || (shared === 1 && overlap >= 0.5))
    .sort((a, b) => b.shared - a.shared || b.overlap - a.overlap || b.candidate.supports - a.candidate.supports)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** A short preview of an idea's text for lists and buttons. */
export function excerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/** Digests of idea updates go out from this local hour of the next day, not at midnight. */
export const DIGEST_HOUR = 9;

/** Whether a waiting digest may go now: a new zone day since the person's latest message, and not before DIGEST_HOUR. */
export function digestDue(now: Date, zone: string, lastDay: string | undefined): boolean {
  return ideaDay(now, zone) !== lastDay && dayjs(now).tz(zone).hour() >= DIGEST_HOUR;
}

/** A milestone's date as typed (2026-12-01 or 01.12.2026) → YYYY-MM-DD, or undefined when it is no real date. */
export function parseMilestoneDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = trimmed.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  const dotted = trimmed.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || Number(year) < 1900) return undefined;
  return date.toISOString().slice(0, 10);
}

/** An idea number as typed ("12" or "#12"), or undefined. */
export function parseIdeaNumber(text: string): number | undefined {
  const match = text.trim().match(/^[#№]?\s*(\d{1,9})$/);
  return match ? Number(match[1]) : undefined;
}
