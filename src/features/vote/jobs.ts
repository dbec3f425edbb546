import { organiserIds } from "../../ui/access.js";
import { InputFile, type Api } from "grammy";
import type { BotDeps, PersonalDataEraser } from "../../bot/context.js";
import type { FeatureJobs } from "../../delivery/engine.js";
import { activeOf, resolveAudience } from "../../delivery/audiences.js";
import { languageOf } from "../../event/language.js";
import { toCsv } from "../../ui/csv.js";
import type { Vote, VoteSettings } from "../../store/votes.js";
import { ballotButtons, ballotText, resultsRows, resultsText, shortlistIdeas } from "./screens.js";

/** Names on the delivery engine: the close job and the two recipient lists ("<family>.<event id>.<number>"). */
const CLOSE_JOB = "vote-close";
const ELIGIBLE_LIST = "vote-eligible";
const RESULTS_LIST = "vote-results";

type VoteRef = Pick<Vote, "eventId" | "number">;
const nameOf = (family: string, vote: VoteRef) => `${family}.${vote.eventId}.${vote.number}`;
const ballotBroadcastId = (vote: VoteRef) => `vote-${vote.eventId}-${vote.number}-ballot`;
export const resultsBroadcastId = (vote: VoteRef) => `vote-${vote.eventId}-${vote.number}-results`;

/** "vote-close.wealmaty.3" → the vote it names. */
function refOf(name: string): VoteRef | undefined {
  const [, eventId, number] = name.split(".");
  return eventId && /^\d+$/.test(number ?? "") ? { eventId, number: Number(number) } : undefined;
}

/** The ballot in every event language, through the delivery engine (paced, durable); its id makes a repeat send nothing. */
async function sendBallot(deps: BotDeps, vote: Vote): Promise<void> {
  const ideas = await shortlistIdeas(deps, vote);
  const texts = Object.fromEntries(deps.event.languages.map((language) => [language, ballotText(deps, language, vote, ideas)]));
  await deps.broadcasts.send({
    id: ballotBroadcastId(vote),
    audience: "all",
    list: nameOf(ELIGIBLE_LIST, vote),
    texts,
    parseMode: "HTML",
    buttons: ballotButtons(vote, ideas),
  });
}

export type StartOutcome = { ok: true; number: number; recipients: number } | { ok: false; problem: "open" | "nobody" };

/**
 * Opens a vote: who may vote is fixed now (those who get the ballot), the close is scheduled on the
 * delivery engine's durable queue, and the ballot goes out through it.
 */
export async function startVote(deps: BotDeps, settings: VoteSettings, createdBy: number): Promise<StartOutcome> {
  const { store, event } = deps;
  if (await store.votes.open(event.id)) return { ok: false, problem: "open" };
  const eligible =
    settings.electorate === "all" ? await resolveAudience(store, "all") : await activeOf(store, await store.votes.checkedInIds());
  if (eligible.length === 0) return { ok: false, problem: "nobody" };
  const vote = await store.votes.start(event.id, settings, { createdBy, now: deps.clock(), eligible });
  if (!vote) return { ok: false, problem: "open" };
  await deps.broadcasts.scheduleJob(nameOf(CLOSE_JOB, vote), vote.closesAt);
  await sendBallot(deps, vote);
  deps.logger.info({ vote: vote.number, ideas: vote.ideas.length, eligible: eligible.length }, "vote started");
  return { ok: true, number: vote.number, recipients: eligible.length };
}

/** How many people one can choose among now: everyone who started the bot, and the checked-in guests. */
export async function electorateSizes(deps: BotDeps): Promise<{ all: number; checkedIn: number }> {
  const [all, checkedIn] = await Promise.all([
    resolveAudience(deps.store, "all"),
    deps.store.votes.checkedInIds().then((ids) => activeOf(deps.store, ids)),
  ]);
  return { all: all.length, checkedIn: checkedIn.length };
}

/**
 * The close: the vote stops taking taps, the results (ranking and counts) go to everyone who voted
 * and to the organisers through the delivery engine, and the CSV to each organiser. Idempotent: the
 * results broadcast has one id (a second close sends nothing) and each organiser's CSV is recorded
 * once it went out (a close that failed half-way finishes the rest). Returns the number of voters.
 */
export async function closeVote(deps: BotDeps, api: Api, ref: VoteRef): Promise<number | undefined> {
  const { store } = deps;
  if (!(await store.votes.get(ref.eventId, ref.number))) return undefined;
  if (await store.votes.close(ref.eventId, ref.number, deps.clock())) deps.logger.info({ vote: ref.number }, "vote closed");
  const vote = (await store.votes.get(ref.eventId, ref.number))!;
  const [ideas, tally, voters] = await Promise.all([
    shortlistIdeas(deps, vote),
    store.votes.tally(ref.eventId, ref.number),
    store.votes.voterIds(ref.eventId, ref.number),
  ]);
  const texts = Object.fromEntries(
    deps.event.languages.map((language) => [language, resultsText(deps, language, vote, ideas, tally, voters.length)]),
  );
  await deps.broadcasts.send({ id: resultsBroadcastId(vote), audience: "all", list: nameOf(RESULTS_LIST, vote), texts, parseMode: "HTML" });

  const csv = toCsv(resultsRows(vote, ideas, tally, voters.length));
  const told = await store.votes.csvSentTo(ref.eventId, ref.number);
  for (const organiser of await organiserIds(deps)) {
    if (told.has(organiser)) continue;
    const user = await store.users.find(organiser);
    // Telegram lets the bot write only to those who started it.
    if (!user) continue;
    const language = languageOf(deps.event, user.language);
    try {
      await api.sendDocument(organiser, new InputFile(csv, `vote-${vote.number}-results.csv`), {
        caption: deps.i18n.t(language, "vote-csv-caption", { number: vote.number }),
      });
    } catch (error) {
      deps.logger.warn({ err: error, user_id: organiser, vote: vote.number }, "vote results CSV not sent (the next close tries again)");
      continue;
    }
    await store.votes.markCsvSent(ref.eventId, ref.number, organiser, deps.clock());
  }
  return voters.length;
}

/** The event's open vote; one past its close time is closed first (a late or lost close job). */
export async function currentVote(deps: BotDeps, api: Api): Promise<Vote | undefined> {
  const open = await deps.store.votes.open(deps.event.id);
  if (!open || deps.clock() < open.closesAt) return open;
  await closeVote(deps, api, open);
  return undefined;
}

/**
 * The vote's part of the delivery engine, registered in every process at start-up: the close job's
 * handler, the ballot's and the results' recipient lists; and the open vote's close job and ballot
 * queued again (their ids make that a no-op unless a crash lost them).
 */
export async function scheduleVoteJobs(engine: FeatureJobs, deps: BotDeps): Promise<void> {
  engine.onSystemJobs(CLOSE_JOB, async (api, name) => {
    const ref = refOf(name);
    // The vote's own event (its checked-in guests, its texts) in a series.
    if (ref) await closeVote(deps.depsOf(ref.eventId) ?? deps, api, ref);
  });
  engine.registerList(ELIGIBLE_LIST, async (name) => {
    const ref = refOf(name);
    return ref ? deps.store.votes.eligibleIds(ref.eventId, ref.number) : [];
  });
  engine.registerList(RESULTS_LIST, async (name) => {
    const ref = refOf(name);
    // The organisers get the results too; someone in both lists gets them once (the engine counts each chat once).
    return ref ? [...(await deps.store.votes.voterIds(ref.eventId, ref.number)), ...(await organiserIds(deps))] : [];
  });
  const open = await deps.store.votes.open(deps.event.id);
  if (open) {
    await deps.broadcasts.scheduleJob(nameOf(CLOSE_JOB, open), open.closesAt);
    await sendBallot(deps, open);
  }
}

/**
 * Who voted for what is personal. "Forget me": the person's choices go; in an open vote their votes
 * are withdrawn from the counts (as if untapped), in a closed one the announced counts stay.
 * Retention: every ballot and list of voters goes, the counts stay.
 */
export const votePersonalData: PersonalDataEraser = {
  async forget(deps, _api, userId) {
    await deps.store.votes.forgetVoter(deps.event.id, userId);
  },
  async eraseAll(deps) {
    await deps.store.votes.eraseVoters(deps.event.id, deps.clock());
  },
};
