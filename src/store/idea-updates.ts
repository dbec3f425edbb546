import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";
import { PUBLIC_STATUSES } from "./ideas.js";

/** A dated step of an idea's way to the city ("included in the 2018 design brief"). */
export interface Milestone {
  /** YYYY-MM-DD, as the organiser gave it. */
  date: string;
  text: string;
  /** When it was added (ms). */
  at: number;
}

/** What changed, as kept for a digest: the status, the answer, or milestone number n (0-based). */
export type UpdateKind = "s" | "a" | `m${number}`;

export type MergeResult = { ok: true; supports: number; authorOfMerged: number } | { ok: false; reason: "missing" | "same" | "merged" };
export type FollowResult = { ok: true; following: boolean } | { ok: false; reason: "missing" | "not-public" };

/**
 * Merges idea B into idea A at once: B's supporters support A (a set union, so someone who
 * supported both counts once; A's author never supports A), B's followers and author follow A
 * (A's author hears of A anyway),
 * A's ranking takes its new count, B becomes "merged" with a link to A and leaves the public lists.
 * KEYS: A, B, A supporters, B supporters, A followers, B followers, A follow taps, B follow taps,
 * A's ranking, B's public list, B's ranking. ARGV: A id, B id, now ms, then the public statuses.
 */
const MERGE = `
local a = redis.call('HMGET', KEYS[1], 'status', 'authorId')
local b = redis.call('HMGET', KEYS[2], 'status', 'authorId')
if not a[1] or not b[1] then return {'missing', 0, 0} end
if a[1] == 'merged' or b[1] == 'merged' then return {'merged', 0, 0} end
redis.call('SUNIONSTORE', KEYS[3], KEYS[3], KEYS[4])
if a[2] then redis.call('SREM', KEYS[3], a[2]) end
redis.call('SUNIONSTORE', KEYS[5], KEYS[5], KEYS[6])
if b[2] and b[2] ~= '0' and b[2] ~= a[2] then redis.call('SADD', KEYS[5], b[2]) end
if a[2] then redis.call('SREM', KEYS[5], a[2]) end
redis.call('SUNIONSTORE', KEYS[7], KEYS[7], KEYS[8])
redis.call('DEL', KEYS[4], KEYS[6], KEYS[8])
local count = redis.call('SCARD', KEYS[3])
local public = false
for i = 4, #ARGV do if a[1] == ARGV[i] then public = true end end
if public then redis.call('ZADD', KEYS[9], count, ARGV[1]) end
redis.call('ZREM', KEYS[10], ARGV[2])
redis.call('ZREM', KEYS[11], ARGV[2])
redis.call('HSET', KEYS[2], 'status', 'merged', 'mergedInto', ARGV[1], 'updatedAt', ARGV[3])
return {'merged-ok', count, tonumber(b[2] or '0')}
`;

/**
 * Who hears of an update now, and who in their next digest: one message per person per zone day.
 * Someone with a digest waiting, or told today already, gets the update added to their digest.
 * KEYS: last day per user, pending per user, update sequence, outbox. ARGV: today, the update ("<idea>:<kind>"), then user ids.
 * Returns the update's number and the users to tell now (their day is marked, and the update is in
 * the outbox until its broadcast exists, so a crash in between delays it rather than losing it).
 */
const CLAIM = `
local now = {}
local seq = redis.call('INCR', KEYS[3])
for i = 3, #ARGV do
  local user = ARGV[i]
  local pending = redis.call('HGET', KEYS[2], user)
  if pending then
    redis.call('HSET', KEYS[2], user, pending .. ',' .. ARGV[2])
  elseif redis.call('HGET', KEYS[1], user) == ARGV[1] then
    redis.call('HSET', KEYS[2], user, ARGV[2])
  else
    redis.call('HSET', KEYS[1], user, ARGV[1])
    table.insert(now, user)
  end
end
if #now > 0 then redis.call('HSET', KEYS[4], seq, ARGV[2] .. '|' .. table.concat(now, ',')) end
return {seq, now}
`;

/**
 * A digest went out: the updates it listed leave the pending list (later ones stay), and the day is marked.
 * KEYS: last day per user, pending per user. ARGV: user, the updates sent, today.
 */
const COMMIT_DIGEST = `
local pending = redis.call('HGET', KEYS[2], ARGV[1])
if pending == ARGV[2] then
  redis.call('HDEL', KEYS[2], ARGV[1])
elseif pending and string.sub(pending, 1, #ARGV[2] + 1) == ARGV[2] .. ',' then
  redis.call('HSET', KEYS[2], ARGV[1], string.sub(pending, #ARGV[2] + 2))
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`;

/** Follows, milestones, merges and the once-a-day telling of idea updates (src/store/ideas.ts keeps the ideas). */
export function createIdeaUpdateRepository(redis: Redis, keys: Keyspace) {
  const mergeScript = defineScript(redis, "ideasMerge", MERGE);
  const claimScript = defineScript(redis, "ideaUpdatesClaim", CLAIM);
  const commitScript = defineScript(redis, "ideaUpdatesCommitDigest", COMMIT_DIGEST);

  async function ideaIds(): Promise<number[]> {
    return (await redis.zrange(keys.ideas, 0, -1)).map(Number);
  }

  return {
    /** A support follows the idea. */
    async followBySupport(id: number, userId: number): Promise<void> {
      await redis.sadd(keys.ideaFollowers(id), String(userId));
    },

    /** A withdrawn support unfollows, unless the user tapped Follow themselves. */
    async unfollowBySupport(id: number, userId: number): Promise<void> {
      if (await redis.sismember(keys.ideaFollowTaps(id), String(userId))) return;
      await redis.srem(keys.ideaFollowers(id), String(userId));
    },

    /** The Follow / Unfollow button: Unfollow stops the messages even for a supporter. */
    async toggleFollow(id: number, userId: number): Promise<FollowResult> {
      const status = await redis.hget(keys.idea(id), "status");
      if (status === null) return { ok: false, reason: "missing" };
      const user = String(userId);
      if (await redis.sismember(keys.ideaFollowers(id), user)) {
        await redis.multi().srem(keys.ideaFollowers(id), user).srem(keys.ideaFollowTaps(id), user).exec();
        return { ok: true, following: false };
      }
      if (!(PUBLIC_STATUSES as readonly string[]).includes(status)) return { ok: false, reason: "not-public" };
      await redis.multi().sadd(keys.ideaFollowers(id), user).sadd(keys.ideaFollowTaps(id), user).exec();
      return { ok: true, following: true };
    },

    async follows(id: number, userId: number): Promise<boolean> {
      return (await redis.sismember(keys.ideaFollowers(id), String(userId))) === 1;
    },

    async followers(id: number): Promise<number[]> {
      return (await redis.smembers(keys.ideaFollowers(id))).map(Number).sort((a, b) => a - b);
    },

    /** Followers counts and milestones of many ideas (cards and exports). */
    async details(ids: readonly number[]): Promise<Map<number, { followers: number; milestones: Milestone[] }>> {
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.scard(keys.ideaFollowers(id)).lrange(keys.ideaMilestones(id), 0, -1);
      const replies = (await pipeline.exec()) ?? [];
      return new Map(
        ids.map((id, i) => [
          id,
          {
            followers: Number(replies[2 * i]?.[1] ?? 0),
            milestones: ((replies[2 * i + 1]?.[1] as string[] | undefined) ?? []).map((raw) => JSON.parse(raw) as Milestone),
          },
        ]),
      );
    },

    async milestones(id: number): Promise<Milestone[]> {
      return (await redis.lrange(keys.ideaMilestones(id), 0, -1)).map((raw) => JSON.parse(raw) as Milestone);
    },

    /** Adds a milestone; returns its number (0-based), or undefined if the idea is gone. */
    async addMilestone(id: number, milestone: Milestone): Promise<number | undefined> {
      if (!(await redis.exists(keys.idea(id)))) return undefined;
      return (await redis.rpush(keys.ideaMilestones(id), JSON.stringify(milestone))) - 1;
    },

    /** Merges idea `from` into idea `into` (see MERGE). */
    async merge(into: number, from: number, now: Date): Promise<MergeResult> {
      if (into === from) return { ok: false, reason: "same" };
      const [categoryA, categoryB] = await Promise.all([redis.hget(keys.idea(into), "category"), redis.hget(keys.idea(from), "category")]);
      if (categoryA === null || categoryB === null) return { ok: false, reason: "missing" };
      const [outcome, supports, author] = (await mergeScript(
        11,
        keys.idea(into),
        keys.idea(from),
        keys.ideaSupporters(into),
        keys.ideaSupporters(from),
        keys.ideaFollowers(into),
        keys.ideaFollowers(from),
        keys.ideaFollowTaps(into),
        keys.ideaFollowTaps(from),
        keys.ideasTop(categoryA),
        keys.ideasPublic(categoryB),
        keys.ideasTop(categoryB),
        String(into),
        String(from),
        String(now.getTime()),
        ...PUBLIC_STATUSES,
      )) as [string, number, number];
      if (outcome !== "merged-ok") return { ok: false, reason: outcome === "missing" ? "missing" : "merged" };
      return { ok: true, supports, authorOfMerged: author };
    },

    /** Records an update and returns its number and who of `users` hears of it now; the others get it in their digest. */
    async claim(ideaId: number, kind: UpdateKind, day: string, users: readonly number[]): Promise<{ seq: number; now: number[] }> {
      const [seq, now] = (await claimScript(
        4,
        keys.ideaUpdatesLast,
        keys.ideaUpdatesPending,
        keys.ideaUpdateSeq,
        keys.ideaUpdatesOutbox,
        day,
        `${ideaId}:${kind}`,
        ...users.map(String),
      )) as [number, string[]];
      return { seq: Number(seq), now: now.map(Number) };
    },

    /** Updates whose broadcast may not exist yet: number → idea, kind and the people to tell now. */
    async outbox(): Promise<{ seq: number; ideaId: number; kind: UpdateKind; users: number[] }[]> {
      return Object.entries(await redis.hgetall(keys.ideaUpdatesOutbox)).map(([seq, value]) => {
        const [update = "", users = ""] = value.split("|");
        const [ideaId, kind] = update.split(":");
        return { seq: Number(seq), ideaId: Number(ideaId), kind: kind as UpdateKind, users: users.split(",").map(Number) };
      });
    },

    /** The update's broadcast exists: it takes it from here. */
    async sent(seq: number): Promise<void> {
      await redis.hdel(keys.ideaUpdatesOutbox, String(seq));
    },

    /** Digests waiting: user → the updates, oldest first, as kept ("<idea>:<kind>,…"), and the day of their latest message. */
    async pendingDigests(): Promise<{ userId: number; updates: string; lastDay?: string }[]> {
      const pending = await redis.hgetall(keys.ideaUpdatesPending);
      const users = Object.keys(pending);
      if (users.length === 0) return [];
      const days = await redis.hmget(keys.ideaUpdatesLast, ...users);
      return users.map((user, i) => ({ userId: Number(user), updates: pending[user]!, lastDay: days[i] ?? undefined }));
    },

    async commitDigest(userId: number, updates: string, day: string): Promise<void> {
      await commitScript(2, keys.ideaUpdatesLast, keys.ideaUpdatesPending, String(userId), updates, day);
    },

    /**
     * Once per keyspace: supports given before follows existed become follows (later, Unfollow may
     * empty a follower set, and this must not fill it again). Returns whether it ran now.
     */
    async followEarlierSupportsOnce(): Promise<boolean> {
      if ((await redis.set(keys.ideaFollowsSince, String(Date.now()), "NX")) !== "OK") return false;
      const copy = redis.multi();
      for (const id of await ideaIds()) copy.sunionstore(keys.ideaFollowers(id), keys.ideaFollowers(id), keys.ideaSupporters(id));
      await copy.exec();
      return true;
    },

    /** "Forget me": the user follows nothing and has no digest waiting. */
    async forgetUser(userId: number): Promise<void> {
      const user = String(userId);
      const erase = redis.multi().hdel(keys.ideaUpdatesLast, user).hdel(keys.ideaUpdatesPending, user);
      for (const id of await ideaIds()) erase.srem(keys.ideaFollowers(id), user).srem(keys.ideaFollowTaps(id), user);
      await erase.exec();
    },

    /** Retention: no follower lists and no digests remain (milestones are the city's, not personal). */
    async eraseAll(): Promise<void> {
      const erase = redis.multi().del(keys.ideaUpdatesLast, keys.ideaUpdatesPending, keys.ideaUpdatesOutbox);
      for (const id of await ideaIds()) erase.del(keys.ideaFollowers(id), keys.ideaFollowTaps(id));
      await erase.exec();
    },
  };
}

export type IdeaUpdateRepository = ReturnType<typeof createIdeaUpdateRepository>;
