import type { BotDeps } from "../../bot/context.js";
import { formatMomentIn } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import type { Idea } from "../../store/ideas.js";
import type { Vote } from "../../store/votes.js";
import { voteData } from "./callback-data.js";
import { excerpt, rankIdeas } from "./rules.js";

type Deps = Pick<BotDeps, "event" | "i18n" | "store">;

/** Words of an idea shown on the ballot and in the results; on a button, fewer. */
const LINE_WORDS = 90;
const BUTTON_WORDS = 28;

/** The shortlist's ideas by id, as they are now (an idea deleted since shows by its number alone). */
export async function shortlistIdeas(deps: Pick<BotDeps, "store">, vote: Pick<Vote, "ideas">): Promise<Map<number, Idea>> {
  return new Map((await deps.store.ideas.getMany(vote.ideas)).map((idea) => [idea.id, idea]));
}

/** What a voter sees of their ballot: after a tap, their choices and (live results) the counts. */
export interface BallotState {
  chosen: readonly number[];
  tally?: ReadonlyMap<number, number>;
  closed?: boolean;
}

/** The ballot's text in a language: the rules, then the shortlist (with counts when live and known). */
export function ballotText(deps: Deps, language: string, vote: Vote, ideas: ReadonlyMap<number, Idea>, state?: BallotState): string {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(language, id, args);
  const lines = [
    t("vote-ballot-title"),
    t("vote-ballot-rules", { max: vote.max, closes: formatMomentIn(deps, language, vote.closesAt) }),
    t(vote.live ? "vote-ballot-live" : "vote-ballot-at-close"),
    "",
  ];
  for (const id of vote.ideas) {
    const text = escapeHtml(excerpt(ideas.get(id)?.text ?? "", LINE_WORDS));
    const count = state?.tally?.get(id);
    const shown = vote.live && count !== undefined;
    lines.push(t(shown ? "vote-ballot-line-count" : "vote-ballot-line", { id, text, count: Math.max(0, count ?? 0) }));
  }
  if (state) {
    lines.push("");
    lines.push(state.closed ? t("vote-ballot-closed") : t("vote-ballot-chosen", { count: state.chosen.length, max: vote.max }));
  }
  return lines.join("\n");
}

/** One toggle per idea, ✅ on the chosen ones: the same in every language (numbers and the ideas' own words). */
export function ballotButtons(vote: Vote, ideas: ReadonlyMap<number, Idea>, chosen: readonly number[] = []): [string, string][][] {
  return vote.ideas.map((id) => {
    const words = excerpt(ideas.get(id)?.text ?? "", BUTTON_WORDS);
    const label = `${chosen.includes(id) ? "✅ " : ""}#${id}${words ? ` ${words}` : ""}`;
    return [[label, voteData.toggle.pack({ vote: vote.number, idea: id })]];
  });
}

/** The results in a language: the ranking with counts, and how many voted. */
export function resultsText(
  deps: Deps,
  language: string,
  vote: Vote,
  ideas: ReadonlyMap<number, Idea>,
  tally: ReadonlyMap<number, number>,
  voters: number,
): string {
  const t = (id: string, args?: Record<string, string | number>) => deps.i18n.t(language, id, args);
  const lines = [t("vote-results-title", { count: voters }), ""];
  for (const ranked of rankIdeas(vote.ideas, tally)) {
    const text = escapeHtml(excerpt(ideas.get(ranked.ideaId)?.text ?? "", LINE_WORDS));
    lines.push(t("vote-results-line", { place: ranked.place, id: ranked.ideaId, text, count: ranked.count }));
  }
  return lines.join("\n");
}

/** The results CSV's rows: a header, then one row per idea in ranking order. */
export function resultsRows(vote: Vote, ideas: ReadonlyMap<number, Idea>, tally: ReadonlyMap<number, number>, voters: number): string[][] {
  return [
    ["place", "idea", "text", "votes", "voters", "closed_at"],
    ...rankIdeas(vote.ideas, tally).map((ranked) => [
      String(ranked.place),
      String(ranked.ideaId),
      ideas.get(ranked.ideaId)?.text ?? "",
      String(ranked.count),
      String(voters),
      (vote.closedAt ?? vote.closesAt).toISOString(),
    ]),
  ];
}
