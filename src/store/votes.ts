import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";
import { scanKeys } from "./redis.js";

/** Who may vote: everyone who started the bot, or the checked-in guests of the event. */
export type VoteElectorate = "all" | "checked_in";

export interface VoteSettings {
  /** The shortlist: idea ids, in the order shown. */
  ideas: number[];
  /** Votes per person (1…ideas.length). */
  max: number;
  electorate: VoteElectorate;
  /** Counts shown to voters while the vote is open, or only at the close. */
  live: boolean;
  closesAt: Date;
}

export interface Vote extends VoteSettings {
  eventId: string;
  /** The vote's number within its event. */
  number: number;
  status: "open" | "closed";
  createdBy: number;
  createdAt: Date;
  closedAt?: Date;
}

export type ToggleOutcome = "added" | "removed" | "full" | "closed" | "not-eligible" | "unknown";

export interface ToggleResult {
  outcome: ToggleOutcome;
  /** The voter's choices after the tap (idea ids). */
  chosen: number[];
  /** Votes per idea after the tap (empty for "closed" and "unknown"). */
  tally: Map<number, number>;
}

/**
 * Opens a vote unless one is open in the event (SET NX on the open pointer).
 * KEYS: open, meta, tally, all. ARGV: number, now ms, then field/value pairs, then "|", then idea ids.
 */
const START = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') == false then return 0 end
local i = 3
while ARGV[i] ~= '|' do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  i = i + 2
end
for j = i + 1, #ARGV do redis.call('HSET', KEYS[3], ARGV[j], 0) end
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
return 1
`;

/**
 * One tap on the ballot, decided at once: open and before the close, an idea of the shortlist,
 * an eligible voter, at most `max` choices; the choice and the tally change together.
 * KEYS: meta, tally, eligible, ballot, voters. ARGV: user id, idea id, now ms.
 */
const TOGGLE = `
local m = redis.call('HMGET', KEYS[1], 'status', 'closesAt', 'max')
if not m[1] then return {'unknown', {}, {}} end
if m[1] ~= 'open' or tonumber(ARGV[3]) >= tonumber(m[2]) then return {'closed', {}, {}} end
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 0 then return {'unknown', {}, {}} end
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 0 then return {'not-eligible', {}, {}} end
local outcome = 'added'
if redis.call('SREM', KEYS[4], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[2], -1)
  if redis.call('SCARD', KEYS[4]) == 0 then redis.call('SREM', KEYS[5], ARGV[1]) end
  outcome = 'removed'
elseif redis.call('SCARD', KEYS[4]) >= tonumber(m[3]) then
  outcome = 'full'
else
  redis.call('SADD', KEYS[4], ARGV[2])
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  redis.call('SADD', KEYS[5], ARGV[1])
end
return {outcome, redis.call('SMEMBERS', KEYS[4]), redis.call('HGETALL', KEYS[2])}
`;

/**
 * Closes a vote once (later calls change nothing) and frees the event for the next one.
 * KEYS: meta, open. ARGV: number, now ms. Returns 1 when this call closed it.
 */
const CLOSE = `
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'closed', 'closedAt', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
`;

/**
 * "Forget me" on one vote: the person's choices go; while the vote is open their votes are
 * withdrawn from the tally (as if untapped), after the close the announced counts stay.
 * KEYS: meta, tally, ballot, voters, eligible, csv. ARGV: user id.
 */
const FORGET = `
local open = redis.call('HGET', KEYS[1], 'status') == 'open'
for _, idea in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if open then redis.call('HINCRBY', KEYS[2], idea, -1) end
end
redis.call('DEL', KEYS[3])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('SREM', KEYS[5], ARGV[1])
redis.call('HDEL', KEYS[6], ARGV[1])
return 1
`;

const pairsToTally = (flat: string[]): Map<number, number> => {
  const tally = new Map<number, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) tally.set(Number(flat[i]), Number(flat[i + 1]));
  return tally;
};

function toVote(eventId: string, number: number, data: Record<string, string>): Vote | undefined {
  if (!data.status || !data.ideas) return undefined;
  return {
    eventId,
    number,
    ideas: data.ideas.split(",").map(Number),
    max: Number(data.max),
    electorate: data.electorate === "checked_in" ? "checked_in" : "all",
    live: data.live === "1",
    closesAt: new Date(Number(data.closesAt)),
    status: data.status === "open" ? "open" : "closed",
    createdBy: Number(data.createdBy ?? 0),
    createdAt: new Date(Number(data.createdAt ?? 0)),
    closedAt: data.closedAt ? new Date(Number(data.closedAt)) : undefined,
  };
}

const ELIGIBLE_CHUNK = 1000;

/** Votes on a shortlist of ideas, per event: one open at a time, an exact tally under concurrent taps. */
export function createVoteRepository(redis: Redis, keys: Keyspace) {
  const k = keys.vote;
  const startScript = defineScript(redis, "voteStart", START);
  const toggleScript = defineScript(redis, "voteToggle", TOGGLE);
  const closeScript = defineScript(redis, "voteClose", CLOSE);
  const forgetScript = defineScript(redis, "voteForget", FORGET);

  async function get(eventId: string, number: number): Promise<Vote | undefined> {
    return toVote(eventId, number, await redis.hgetall(k.meta(eventId, number)));
  }

  async function numbers(eventId: string): Promise<number[]> {
    return (await redis.zrange(k.all(eventId), 0, -1)).map(Number);
  }

  return {
    get,

    /** The event's open vote, if any (it may be past its close time until the close job ran). */
    async open(eventId: string): Promise<Vote | undefined> {
      const number = await redis.get(k.open(eventId));
      return number === null ? undefined : get(eventId, Number(number));
    },

    /**
     * Opens a vote with the people who may vote fixed now; undefined when another vote is open
     * in the event (its number is then in `open`).
     */
    async start(
      eventId: string,
      settings: VoteSettings,
      options: { createdBy: number; now: Date; eligible: readonly number[] },
    ): Promise<Vote | undefined> {
      if (await redis.exists(k.open(eventId))) return undefined;
      const number = await redis.incr(k.seq(eventId));
      const eligibleKey = k.eligible(eventId, number);
      for (let i = 0; i < options.eligible.length; i += ELIGIBLE_CHUNK) {
        await redis.sadd(eligibleKey, ...options.eligible.slice(i, i + ELIGIBLE_CHUNK).map(String));
      }
      const fields = {
        ideas: settings.ideas.join(","),
        max: String(settings.max),
        electorate: settings.electorate,
        live: settings.live ? "1" : "0",
        closesAt: String(settings.closesAt.getTime()),
        status: "open",
        createdBy: String(options.createdBy),
        createdAt: String(options.now.getTime()),
      };
      const started = await startScript(
        4,
        k.open(eventId),
        k.meta(eventId, number),
        k.tally(eventId, number),
        k.all(eventId),
        String(number),
        String(options.now.getTime()),
        ...Object.entries(fields).flat(),
        "|",
        ...settings.ideas.map(String),
      );
      if (Number(started) !== 1) {
        await redis.del(eligibleKey);
        return undefined;
      }
      return get(eventId, number);
    },

    /** Adds the idea to the voter's choices, or takes it back (see TOGGLE). */
    async toggle(eventId: string, number: number, userId: number, ideaId: number, now: Date): Promise<ToggleResult> {
      const [outcome, chosen, flat] = (await toggleScript(
        5,
        k.meta(eventId, number),
        k.tally(eventId, number),
        k.eligible(eventId, number),
        k.ballot(eventId, number, userId),
        k.voters(eventId, number),
        String(userId),
        String(ideaId),
        String(now.getTime()),
      )) as [ToggleOutcome, string[], string[]];
      return { outcome, chosen: chosen.map(Number).sort((a, b) => a - b), tally: pairsToTally(flat) };
    },

    async tally(eventId: string, number: number): Promise<Map<number, number>> {
      return pairsToTally(Object.entries(await redis.hgetall(k.tally(eventId, number))).flat());
    },

    async choices(eventId: string, number: number, userId: number): Promise<number[]> {
      return (await redis.smembers(k.ballot(eventId, number, userId))).map(Number).sort((a, b) => a - b);
    },

    async voterIds(eventId: string, number: number): Promise<number[]> {
      return (await redis.smembers(k.voters(eventId, number))).map(Number).sort((a, b) => a - b);
    },

    async eligibleIds(eventId: string, number: number): Promise<number[]> {
      return (await redis.smembers(k.eligible(eventId, number))).map(Number).sort((a, b) => a - b);
    },

    async eligibleCount(eventId: string, number: number): Promise<number> {
      return redis.scard(k.eligible(eventId, number));
    },

    /** Checked-in guests (rsvp:checkedin), for a vote of checked-in guests only. */
    async checkedInIds(): Promise<number[]> {
      return (await redis.zrange(keys.rsvp.checkedIn, 0, -1)).map(Number);
    },

    /** Closes the vote; true only for the call that closed it. */
    async close(eventId: string, number: number, now: Date): Promise<boolean> {
      return Number(await closeScript(2, k.meta(eventId, number), k.open(eventId), String(number), String(now.getTime()))) === 1;
    },

    /** Organisers already sent the results CSV. */
    async csvSentTo(eventId: string, number: number): Promise<Set<number>> {
      return new Set(Object.keys(await redis.hgetall(k.csv(eventId, number))).map(Number));
    },

    async markCsvSent(eventId: string, number: number, organiserId: number, now: Date): Promise<void> {
      await redis.hset(k.csv(eventId, number), String(organiserId), String(now.getTime()));
    },

    /** "Forget me": the person's choices in every vote of the event (see FORGET for the counts). */
    async forgetVoter(eventId: string, userId: number): Promise<void> {
      for (const number of await numbers(eventId)) {
        await forgetScript(
          6,
          k.meta(eventId, number),
          k.tally(eventId, number),
          k.ballot(eventId, number, userId),
          k.voters(eventId, number),
          k.eligible(eventId, number),
          k.csv(eventId, number),
          String(userId),
        );
      }
    },

    /**
     * Retention: who voted for what, who could vote and who voted go; each vote's counts stay.
     * An open vote is closed first (nobody could vote in it any more).
     */
    async eraseVoters(eventId: string, now: Date): Promise<void> {
      for (const number of await numbers(eventId)) {
        await closeScript(2, k.meta(eventId, number), k.open(eventId), String(number), String(now.getTime()));
        const ballots = await scanKeys(redis, k.ballots(eventId, number));
        const erase = redis.multi().del(k.voters(eventId, number), k.eligible(eventId, number), k.csv(eventId, number));
        for (const key of ballots) erase.del(key);
        await erase.exec();
      }
    },
  };
}

export type VoteRepository = ReturnType<typeof createVoteRepository>;
