import type { BotDeps } from "../../bot/context.js";
import type { ContestEntry } from "../../store/contest.js";
import { rankEntries, type RankedEntry } from "./rules.js";

export interface ContestRanking {
  entries: Map<number, ContestEntry>;
  ranked: RankedEntry[];
  shortlist: Set<number>;
}

/** Every entry with its jury summary, best first. */
export async function loadRanking(deps: BotDeps): Promise<ContestRanking> {
  const { contest } = deps.store;
  const list = await contest.list();
  const ids = list.map((entry) => entry.userId);
  const [scores, shortlist] = await Promise.all([contest.allScores(ids), contest.shortlist()]);
  const criteria = (deps.event.contest?.criteria ?? []).map((criterion) => criterion.id);
  return {
    entries: new Map(list.map((entry) => [entry.userId, entry])),
    ranked: rankEntries(ids, scores, criteria),
    shortlist,
  };
}

/** How an entrant is named to the jury and in the announcement. */
export function entrantName(entry: ContestEntry): string {
  return entry.username ? `${entry.firstName} (@${entry.username})` : entry.firstName;
}
