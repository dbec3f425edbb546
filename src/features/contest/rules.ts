import { formatDecimal } from "../../ui/format.js";
/** Pure contest rules: entry validation, scoring and ranking. No Telegram, no Redis. */

export const IDEA_MIN_LENGTH = 10;
export const IDEA_MAX_LENGTH = 1000;
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** Long links would not fit the jury's photo captions; real post links are far shorter. */
export const LINK_MAX_LENGTH = 300;

export type LinkProblem = "not-url" | "not-https" | "host" | "not-post";
export type LinkCheck = { ok: true; url: string } | { ok: false; problem: LinkProblem };

const INSTAGRAM_POST = [/^\/(?:[\w.]+\/)?(?:p|reel|reels|tv)\/[\w-]+\/?$/];

const FACEBOOK_POST = [
  /^\/[\w.-]+\/posts\/[\w.-]+\/?$/,
  /^\/[\w.-]+\/videos\/(?:[\w.-]+\/)?\d+\/?$/,
  /^\/[\w.-]+\/photos\/[\w.-]+(?:\/\d+)?\/?$/,
  /^\/groups\/[\w.-]+\/(?:posts|permalink)\/\d+\/?$/,
  /^\/share\/(?:p|r|v)\/[\w-]+\/?$/,
  /^\/reel\/\d+\/?$/,
];

/** Facebook pages whose post id travels in the query string. */
const FACEBOOK_QUERY_POST: Array<[RegExp, string]> = [
  [/^\/photo(?:\.php)?\/?$/, "fbid"],
  [/^\/permalink\.php$/, "story_fbid"],
  [/^\/story\.php$/, "story_fbid"],
  [/^\/watch\/?$/, "v"],
];

/** A host without its www. or m. prefix: the site as people name it. */
const bareHost = (host: string) => host.replace(/^(www|m)\./, "");

/** The sites an entry link may come from, as the entry form names them: each allowed host once, without www. or m. */
export function entrySites(allowedHosts: readonly string[]): string[] {
  return [...new Set(allowedHosts.map(bareHost))];
}

function family(host: string): "instagram" | "facebook" | "other" {
  const bare = bareHost(host);
  if (bare === "instagram.com") return "instagram";
  if (bare === "facebook.com" || bare === "fb.com") return "facebook";
  return "other";
}

/** Whether a URL's path looks like a single post (not a profile or the home page). */
export function looksLikePost(url: URL): boolean {
  const path = url.pathname;
  switch (family(url.hostname)) {
    case "instagram":
      return INSTAGRAM_POST.some((pattern) => pattern.test(path));
    case "facebook":
      return (
        FACEBOOK_POST.some((pattern) => pattern.test(path)) ||
        FACEBOOK_QUERY_POST.some(([pattern, param]) => pattern.test(path) && /^[\w-]+$/.test(url.searchParams.get(param) ?? ""))
      );
    case "other":
      // A host from another event file: any page below the root is accepted.
      return path.replace(/\/+$/, "").length > 0;
  }
}

/** Checks an entry link: https, a site the event file allows (its www. and m. hosts too), and a path that looks like a post. */
export function checkEntryLink(input: string, allowedHosts: readonly string[]): LinkCheck {
  const candidate = input.trim();
  if (/\s/.test(candidate) || candidate.length > LINK_MAX_LENGTH) return { ok: false, problem: "not-url" };
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, problem: "not-url" };
  }
  if (url.protocol !== "https:") return { ok: false, problem: url.protocol === "http:" ? "not-https" : "not-url" };
  if (url.username || url.password || url.port) return { ok: false, problem: "host" };
  const host = url.hostname.toLowerCase();
  // The form names each site without www. or m. (entrySites), so a link from either form of it is the same site.
  if (!allowedHosts.some((allowed) => bareHost(allowed.toLowerCase()) === bareHost(host))) return { ok: false, problem: "host" };
  if (!looksLikePost(url)) return { ok: false, problem: "not-post" };
  url.hash = "";
  // Instagram's query string only carries share tracking (?igsh=...); Facebook's may carry the post id.
  if (family(host) === "instagram") url.search = "";
  return { ok: true, url: url.toString() };
}

export type IdeaCheck = { ok: true; idea: string } | { ok: false; problem: "too-short" | "too-long" };

/** The idea under the photo: 10–1000 characters once trimmed. */
export function checkIdea(input: string): IdeaCheck {
  const idea = input.trim();
  const length = [...idea].length;
  if (length < IDEA_MIN_LENGTH) return { ok: false, problem: "too-short" };
  if (length > IDEA_MAX_LENGTH) return { ok: false, problem: "too-long" };
  return { ok: true, idea };
}

export function isValidScore(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;
}

/** One juror's mark on one criterion of one entry. */
export interface Score {
  jurorId: number;
  criterionId: string;
  score: number;
}

export interface RankedEntry {
  entrantId: number;
  /** Mean of every score on the current criteria; undefined while nobody scored. */
  average: number | undefined;
  /** Number of individual scores (juror × criterion). */
  scores: number;
  /** Number of jurors who scored at least one criterion. */
  jurors: number;
}

/** Summary of one entry's scores; marks on criteria no longer in the event file are ignored. */
export function summarizeScores(entrantId: number, scores: readonly Score[], criteriaIds: readonly string[]): RankedEntry {
  const counted = scores.filter((s) => criteriaIds.includes(s.criterionId) && isValidScore(s.score));
  const total = counted.reduce((sum, s) => sum + s.score, 0);
  return {
    entrantId,
    average: counted.length ? total / counted.length : undefined,
    scores: counted.length,
    jurors: new Set(counted.map((s) => s.jurorId)).size,
  };
}

/**
 * The ranking: highest average first, then more scores (a broader jury opinion), then the
 * earlier entry (the order given). Unscored entries go last.
 */
export function rankEntries(
  entrantIds: readonly number[],
  scoresOf: ReadonlyMap<number, readonly Score[]>,
  criteriaIds: readonly string[],
): RankedEntry[] {
  const order = new Map(entrantIds.map((id, index) => [id, index]));
  return entrantIds
    .map((id) => summarizeScores(id, scoresOf.get(id) ?? [], criteriaIds))
    .sort((a, b) => (b.average ?? -1) - (a.average ?? -1) || b.scores - a.scores || order.get(a.entrantId)! - order.get(b.entrantId)!);
}

/** An average for people: one decimal in the language's way («4,5»), or a dash when there is none. */
export function formatAverage(average: number | undefined, language: string): string {
  return average === undefined ? "—" : formatDecimal(average, language, { min: 1, max: 1 });
}
