import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";
import { scanKeys } from "./redis.js";

export const IDEA_STATUSES = ["new", "published", "under_review", "accepted", "rejected", "in_progress", "done", "merged"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** Statuses that passed moderation: shown in Browse and open to supports. */
export const PUBLIC_STATUSES: readonly IdeaStatus[] = ["published", "under_review", "accepted", "in_progress", "done"];
export const isPublicStatus = (status: IdeaStatus): boolean => PUBLIC_STATUSES.includes(status);
export const isIdeaStatus = (value: string): value is IdeaStatus => (IDEA_STATUSES as readonly string[]).includes(value);

export interface IdeaDraft {
  authorId: number;
  /** Shown to organisers only; erased by forgetAuthor. */
  authorName: string;
  /** The author's interface language, for the status notifications. */
  language: string;
  category: string;
  text: string;
  photo?: string;
  latitude?: number;
  longitude?: number;
  /** The event of the series running when it was proposed, if any (ideas themselves are the series'). */
  eventId?: string;
}

/** Plain data (numbers for times) so it survives conversation replay storage as JSON. */
export interface Idea extends IdeaDraft {
  id: number;
  status: IdeaStatus;
  /** The organisers' answer to the author. */
  answer?: string;
  createdAt: number;
  updatedAt: number;
  supports: number;
  /** A duplicate merged into another idea: that idea's id (status "merged"). */
  mergedInto?: number;
}

export type CreateResult = { ok: true; idea: Idea } | { ok: false; reason: "daily-limit" };
export type StatusResult =
  { ok: true; before: Idea; after: Idea } | { ok: false; reason: "missing" | "unchanged" | "conflict"; idea?: Idea };
export type SupportResult = { ok: true; supported: boolean; supports: number } | { ok: false; reason: "missing" | "not-public" | "own" };

const DAILY_TTL_SECONDS = 48 * 60 * 60;
// The hash keeps an erased author as 0.
const NO_AUTHOR = 0;

// Sets the status (and answer) only if the idea exists and is in the expected status; keeps
// the public lists in step. Atomic, so two organisers tapping at once change it once.
const SET_STATUS = `
local old = redis.call('HGET', KEYS[1], 'status')
if not old then return {'missing', ''} end
if ARGV[7] ~= '' and old ~= ARGV[7] then return {'conflict', old} end
if old == ARGV[1] and ARGV[2] == '' then return {'unchanged', old} end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'updatedAt', ARGV[3])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'answer', ARGV[2]) end
if ARGV[6] == '1' then
  redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4])
  redis.call('ZADD', KEYS[3], redis.call('SCARD', KEYS[4]), ARGV[4])
else
  redis.call('ZREM', KEYS[2], ARGV[4])
  redis.call('ZREM', KEYS[3], ARGV[4])
end
return {'changed', old}
`;

// One support per user: a second call withdraws it. The ranking score is the set's size.
// KEYS: supporters, idea, ranking. ARGV: user id, idea id, then the public statuses (only those ideas take supports).
const TOGGLE_SUPPORT = `
local status = redis.call('HGET', KEYS[2], 'status')
if not status then return {-1, 0} end
local public = false
for i = 3, #ARGV do if status == ARGV[i] then public = true end end
if not public then return {-2, 0} end
local supported = 1
if redis.call('SREM', KEYS[1], ARGV[1]) == 1 then supported = 0 else redis.call('SADD', KEYS[1], ARGV[1]) end
local count = redis.call('SCARD', KEYS[1])
redis.call('ZADD', KEYS[3], 'XX', count, ARGV[2])
return {supported, count}
`;

// Counts an idea against the day's limit, or refuses without counting.
const RESERVE_DAILY = `
local sent = tonumber(redis.call('GET', KEYS[1]) or '0')
if sent >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`;

function toIdea(data: Record<string, string>, supports: number): Idea | undefined {
  if (!data.id || !data.status) return undefined;
  const number = (value: string | undefined) => (value === undefined || value === "" ? undefined : Number(value));
  return {
    id: Number(data.id),
    authorId: Number(data.authorId ?? NO_AUTHOR),
    authorName: data.authorName ?? "",
    language: data.language ?? "",
    category: data.category ?? "",
    text: data.text ?? "",
    photo: data.photo || undefined,
    latitude: number(data.latitude),
    longitude: number(data.longitude),
    eventId: data.eventId || undefined,
    status: isIdeaStatus(data.status) ? data.status : "new",
    answer: data.answer || undefined,
    createdAt: Number(data.createdAt ?? 0),
    updatedAt: Number(data.updatedAt ?? 0),
    supports,
    mergedInto: number(data.mergedInto),
  };
}

/** Ideas for the city: drafts become ideas, organisers moderate them, attendees support them. */
export function createIdeaRepository(redis: Redis, keys: Keyspace) {
  const reserveDailyScript = defineScript(redis, "ideasReserveDaily", RESERVE_DAILY);
  const setStatusScript = defineScript(redis, "ideasSetStatus", SET_STATUS);
  const toggleSupportScript = defineScript(redis, "ideasToggleSupport", TOGGLE_SUPPORT);
  async function getMany(ids: readonly number[]): Promise<Idea[]> {
    if (ids.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hgetall(keys.idea(id)).scard(keys.ideaSupporters(id));
    const replies = (await pipeline.exec()) ?? [];
    const ideas: Idea[] = [];
    for (let i = 0; i < ids.length; i++) {
      const data = replies[2 * i]?.[1] as Record<string, string> | undefined;
      const idea = data && toIdea(data, Number(replies[2 * i + 1]?.[1] ?? 0));
      if (idea) ideas.push(idea);
    }
    return ideas;
  }

  async function get(id: number): Promise<Idea | undefined> {
    return (await getMany([id]))[0];
  }

  return {
    get,
    getMany,

    /** How many ideas the user sent on that day. */
    async sentOn(userId: number, day: string): Promise<number> {
      return Number((await redis.get(keys.ideasDaily(userId, day))) ?? 0);
    },

    /**
     * Stores a new idea unless the author reached the day's limit. `publish` skips moderation.
     */
    async create(draft: IdeaDraft, options: { now: Date; day: string; dailyLimit: number; publish: boolean }): Promise<CreateResult> {
      const dailyKey = keys.ideasDaily(draft.authorId, options.day);
      const reserved = await reserveDailyScript(1, dailyKey, options.dailyLimit, DAILY_TTL_SECONDS);
      if (Number(reserved) !== 1) return { ok: false, reason: "daily-limit" };
      const id = await redis.incr(keys.ideaSeq);
      const at = options.now.getTime();
      const status: IdeaStatus = options.publish ? "published" : "new";
      const fields: Record<string, string> = {
        id: String(id),
        authorId: String(draft.authorId),
        authorName: draft.authorName,
        language: draft.language,
        category: draft.category,
        text: draft.text,
        status,
        createdAt: String(at),
        updatedAt: String(at),
      };
      if (draft.photo) fields.photo = draft.photo;
      if (draft.eventId) fields.eventId = draft.eventId;
      if (draft.latitude !== undefined && draft.longitude !== undefined) {
        fields.latitude = String(draft.latitude);
        fields.longitude = String(draft.longitude);
      }
      const multi = redis
        .multi()
        .hset(keys.idea(id), fields)
        .zadd(keys.ideas, at, String(id))
        .zadd(keys.ideasBy(draft.authorId), at, String(id))
        .sadd(keys.ideaAuthors, String(draft.authorId));
      if (options.publish) multi.zadd(keys.ideasPublic(draft.category), at, String(id)).zadd(keys.ideasTop(draft.category), 0, String(id));
      await multi.exec();
      return { ok: true, idea: { ...draft, id, status, createdAt: at, updatedAt: at, supports: 0 } };
    },

    /**
     * Changes the status (and, if given, the answer to the author). With `expected`, only from
     * that status: a moderation button tapped after another organiser acted changes nothing.
     */
    async setStatus(id: number, status: IdeaStatus, options: { now: Date; answer?: string; expected?: IdeaStatus }): Promise<StatusResult> {
      const before = await get(id);
      if (!before) return { ok: false, reason: "missing" };
      const [outcome] = (await setStatusScript(
        4,
        keys.idea(id),
        keys.ideasPublic(before.category),
        keys.ideasTop(before.category),
        keys.ideaSupporters(id),
        status,
        options.answer ?? "",
        String(options.now.getTime()),
        String(id),
        String(before.createdAt),
        isPublicStatus(status) ? "1" : "0",
        options.expected ?? "",
      )) as [string, string];
      const after = await get(id);
      if (outcome !== "changed" || !after) {
        return { ok: false, reason: outcome === "missing" ? "missing" : outcome === "conflict" ? "conflict" : "unchanged", idea: after };
      }
      return { ok: true, before, after };
    },

    /** The organisers' answer to the author, without a status change. */
    async setAnswer(id: number, answer: string, now: Date): Promise<Idea | undefined> {
      if (!(await redis.exists(keys.idea(id)))) return undefined;
      await redis.hset(keys.idea(id), { answer, updatedAt: String(now.getTime()) });
      return get(id);
    },

    /** Adds the user's support, or withdraws it if given before. Atomic per idea. */
    async toggleSupport(id: number, userId: number): Promise<SupportResult> {
      const [category, authorId] = (await redis.hmget(keys.idea(id), "category", "authorId")) as [string | null, string | null];
      if (category === null) return { ok: false, reason: "missing" };
      // Support counts what others think: an author's own vote would say nothing.
      if (authorId === String(userId)) return { ok: false, reason: "own" };
      const [supported, supports] = (await toggleSupportScript(
        3,
        keys.ideaSupporters(id),
        keys.idea(id),
        keys.ideasTop(category),
        String(userId),
        String(id),
        ...PUBLIC_STATUSES,
      )) as [number, number];
      if (supported < 0) return { ok: false, reason: supported === -1 ? "missing" : "not-public" };
      return { ok: true, supported: supported === 1, supports };
    },

    async supports(id: number, userId: number): Promise<boolean> {
      return (await redis.sismember(keys.ideaSupporters(id), String(userId))) === 1;
    },

    /** A user's own ideas, newest first. */
    async byAuthor(userId: number): Promise<Idea[]> {
      return getMany((await redis.zrevrange(keys.ideasBy(userId), 0, -1)).map(Number));
    },

    /** Visible ideas of a category, newest or most supported first, one page. */
    async listPublic(category: string, order: "new" | "top", offset: number, count: number): Promise<{ ideas: Idea[]; total: number }> {
      const key = order === "top" ? keys.ideasTop(category) : keys.ideasPublic(category);
      const [ids, total] = await Promise.all([redis.zrevrange(key, offset, offset + count - 1), redis.zcard(key)]);
      return { ideas: await getMany(ids.map(Number)), total };
    },

    /** How many visible ideas each category has. */
    async countPublic(categories: readonly string[]): Promise<Record<string, number>> {
      const counts = await Promise.all(categories.map((category) => redis.zcard(keys.ideasPublic(category))));
      return Object.fromEntries(categories.map((category, i) => [category, counts[i] ?? 0]));
    },

    /** Every visible idea of a category (the similar-ideas hint compares against them). */
    async publicInCategory(category: string, max = 500): Promise<Idea[]> {
      return getMany((await redis.zrevrange(keys.ideasPublic(category), 0, max - 1)).map(Number));
    },

    /** Every idea, oldest first (organisers' lists and exports; an event has hundreds, not millions). */
    async all(): Promise<Idea[]> {
      return getMany((await redis.zrange(keys.ideas, 0, -1)).map(Number));
    },

    /** Audience "idea authors" for broadcasts. */
    async authorIds(): Promise<number[]> {
      return (await redis.smembers(keys.ideaAuthors)).map(Number).sort((a, b) => a - b);
    },

    /**
     * Retention: every idea stays as an anonymous proposal (text, category, photo, pin, supports);
     * authors' ids, names and languages, the per-author lists and the daily counters go.
     */
    async anonymiseAll(): Promise<void> {
      const erase = redis.multi();
      for (const id of (await redis.zrange(keys.ideas, 0, -1)).map(Number)) {
        erase.hset(keys.idea(id), { authorId: String(NO_AUTHOR), authorName: "", language: "" });
      }
      for (const authorId of (await redis.smembers(keys.ideaAuthors)).map(Number)) erase.del(keys.ideasBy(authorId));
      erase.del(keys.ideaAuthors);
      for (const key of await scanKeys(redis, keys.ideasDailyOf())) erase.del(key);
      await erase.exec();
    },

    /**
     * "Forget me": the user's ideas stay as anonymous proposals (the city may still use them),
     * but the author's id, name and language are erased and the user's supports withdrawn.
     */
    async forgetUser(userId: number): Promise<void> {
      const own = (await redis.zrange(keys.ideasBy(userId), 0, -1)).map(Number);
      const erase = redis.multi();
      for (const id of own) {
        erase.hset(keys.idea(id), { authorId: String(NO_AUTHOR), authorName: "", language: "" });
      }
      erase.del(keys.ideasBy(userId)).srem(keys.ideaAuthors, String(userId));
      // The daily counters carry the user id in their names.
      for (const key of await scanKeys(redis, keys.ideasDailyOf(userId))) erase.del(key);
      await erase.exec();
      for (const idea of await getMany((await redis.zrange(keys.ideas, 0, -1)).map(Number))) {
        if ((await redis.srem(keys.ideaSupporters(idea.id), String(userId))) === 0) continue;
        // XX: only ideas in the ranking (visible ones) get their score corrected.
        await redis.zadd(keys.ideasTop(idea.category), "XX", await redis.scard(keys.ideaSupporters(idea.id)), String(idea.id));
      }
    },
  };
}

export type IdeaRepository = ReturnType<typeof createIdeaRepository>;
