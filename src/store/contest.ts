import type { Redis } from "ioredis";
import { z } from "zod";
import type { Keyspace } from "./keys.js";
import { parseStored } from "./json.js";
import { scanKeys } from "./redis.js";

export interface ContestEntry {
  userId: number;
  /** Telegram name at submission, for the jury and the announcement. */
  firstName: string;
  username?: string;
  language: string;
  link: string;
  idea: string;
  /** Telegram file id of the screenshot or photo. */
  photoFileId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface JuryScore {
  jurorId: number;
  criterionId: string;
  score: number;
}

/** The winner and runners-up an admin is choosing with /winner. */
export interface WinnerDraft {
  winnerId?: number;
  runnersUp: number[];
}

/** The announcement an admin confirmed: kept so a second /winner finishes or shows it instead of sending again. */
export interface SentAnnouncement {
  winnerId: number;
  runnersUp: number[];
  /** The announcement per language, as broadcast. */
  texts: Record<string, string>;
  sentBy: number;
  sentAt: string;
  /** Set once its broadcast exists; until then a later /winner sends it. */
  announcedAt?: string;
}

const userId = z.number().int();
const winnerDraftSchema: z.ZodType<WinnerDraft> = z.object({ winnerId: userId.optional(), runnersUp: z.array(userId) });
const sentAnnouncementSchema: z.ZodType<SentAnnouncement> = z.object({
  winnerId: userId,
  runnersUp: z.array(userId),
  texts: z.record(z.string(), z.string()),
  sentBy: userId,
  sentAt: z.string(),
  announcedAt: z.string().optional(),
});

const DRAFT_TTL_SECONDS = 24 * 60 * 60;

function toEntry(userId: number, data: Record<string, string>): ContestEntry | undefined {
  // Retention erases the link and the names but keeps the entry (the idea, the scores, the count).
  if (!data.createdAt) return undefined;
  return {
    userId,
    firstName: data.firstName ?? "",
    username: data.username || undefined,
    language: data.language ?? "",
    link: data.link ?? "",
    idea: data.idea ?? "",
    photoFileId: data.photoFileId ?? "",
    createdAt: new Date(data.createdAt ?? 0),
    updatedAt: new Date(data.updatedAt ?? 0),
  };
}

/** Main-contest entries (one per user), jury scores, shortlist and the once-only announcement. */
export function createContestRepository(redis: Redis, keys: Keyspace) {
  const k = keys.contest;

  async function find(userId: number): Promise<ContestEntry | undefined> {
    return toEntry(userId, await redis.hgetall(k.entry(userId)));
  }

  async function entrantIds(): Promise<number[]> {
    return (await redis.zrange(k.entries, 0, -1)).map(Number);
  }

  return {
    find,
    entrantIds,

    /** Creates or replaces the user's entry; the first submission time is kept. */
    async save(entry: Omit<ContestEntry, "createdAt" | "updatedAt">, now: Date): Promise<ContestEntry> {
      const key = k.entry(entry.userId);
      await redis
        .multi()
        .hset(key, {
          firstName: entry.firstName,
          username: entry.username ?? "",
          language: entry.language,
          link: entry.link,
          idea: entry.idea,
          photoFileId: entry.photoFileId,
          updatedAt: now.toISOString(),
        })
        .hsetnx(key, "createdAt", now.toISOString())
        .zadd(k.entries, "NX", now.getTime(), String(entry.userId))
        .exec();
      return (await find(entry.userId))!;
    },

    async count(): Promise<number> {
      return redis.zcard(k.entries);
    },

    /** Every entry in submission order. */
    async list(): Promise<ContestEntry[]> {
      const ids = await entrantIds();
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(k.entry(id));
      const results = (await pipeline.exec()) ?? [];
      return ids
        .map((id, index) => toEntry(id, (results[index]?.[1] as Record<string, string>) ?? {}))
        .filter((entry): entry is ContestEntry => entry !== undefined);
    },

    /** Deletes a user's entry with its scores ("forget me"). True if there was one. */
    async remove(userId: number): Promise<boolean> {
      const results = await redis
        .multi()
        .del(k.entry(userId))
        .zrem(k.entries, String(userId))
        .del(k.scores(userId))
        .srem(k.shortlist, String(userId))
        .exec();
      return results?.[0]?.[1] === 1;
    },

    /** A juror's score: the field carries the juror id, so nobody can overwrite another's. */
    async setScore(entrantId: number, jurorId: number, criterionId: string, score: number): Promise<void> {
      await redis.hset(k.scores(entrantId), `${jurorId}:${criterionId}`, String(score));
    },

    async scoresOf(entrantId: number): Promise<JuryScore[]> {
      return parseScores(await redis.hgetall(k.scores(entrantId)));
    },

    async allScores(ids: readonly number[]): Promise<Map<number, JuryScore[]>> {
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(k.scores(id));
      const results = ids.length ? ((await pipeline.exec()) ?? []) : [];
      return new Map(ids.map((id, index) => [id, parseScores((results[index]?.[1] as Record<string, string>) ?? {})]));
    },

    async setShortlisted(entrantId: number, on: boolean): Promise<void> {
      if (on) await redis.sadd(k.shortlist, String(entrantId));
      else await redis.srem(k.shortlist, String(entrantId));
    },

    async shortlist(): Promise<Set<number>> {
      return new Set((await redis.smembers(k.shortlist)).map(Number));
    },

    async isShortlisted(entrantId: number): Promise<boolean> {
      return (await redis.sismember(k.shortlist, String(entrantId))) === 1;
    },

    async draft(adminId: number): Promise<WinnerDraft> {
      const raw = await redis.get(k.winnerDraft(adminId));
      return raw ? parseStored(winnerDraftSchema, raw, `winner draft of ${adminId}`) : { runnersUp: [] };
    },

    async saveDraft(adminId: number, draft: WinnerDraft): Promise<void> {
      await redis.set(k.winnerDraft(adminId), JSON.stringify(draft), "EX", DRAFT_TTL_SECONDS);
    },

    /**
     * Fixes what is announced, once (SET NX). Returns undefined when this call fixed it, or the
     * announcement confirmed earlier (sent, or still to be sent if `announcedAt` is missing).
     */
    async claimAnnouncement(announcement: SentAnnouncement): Promise<SentAnnouncement | undefined> {
      const claimed = await redis.set(k.announcement, JSON.stringify(announcement), "NX");
      if (claimed === "OK") return undefined;
      return (await this.announcement())!;
    },

    /** Rewrites the sent announcement (its people erased); the once-only claim stays. */
    async replaceAnnouncement(announcement: SentAnnouncement): Promise<void> {
      // When it went out lives in its own key (see announcement()).
      await redis.set(k.announcement, JSON.stringify({ ...announcement, announcedAt: undefined }), "XX");
    },

    /** "Forget me": the user leaves every admin's winner draft, and their own draft goes. */
    async forgetInDrafts(userId: number): Promise<void> {
      await redis.del(k.winnerDraft(userId));
      for (const key of await scanKeys(redis, k.winnerDrafts)) {
        const raw = await redis.get(key);
        if (!raw) continue;
        const draft = parseStored(winnerDraftSchema, raw, "winner draft");
        if (draft.winnerId !== userId && !draft.runnersUp.includes(userId)) continue;
        // A draft without its winner is of no use; one without a runner-up keeps the rest.
        if (draft.winnerId === userId) await redis.del(key);
        else await redis.set(key, JSON.stringify({ ...draft, runnersUp: draft.runnersUp.filter((id) => id !== userId) }), "KEEPTTL");
      }
    },

    /** Retention: every entry's link and names erased (the idea, photo, scores and count stay); drafts dropped. */
    async anonymiseAll(): Promise<void> {
      const pipeline = redis.pipeline();
      for (const id of await entrantIds()) pipeline.hdel(k.entry(id), "link", "firstName", "username");
      for (const key of await scanKeys(redis, k.winnerDrafts)) pipeline.del(key);
      await pipeline.exec();
    },

    /** Records, after its broadcast exists, that the announcement went out; true for one caller only (SET NX). */
    async markAnnounced(now: Date): Promise<boolean> {
      return (await redis.set(k.announced, now.toISOString(), "NX")) === "OK";
    },

    async announcement(): Promise<SentAnnouncement | undefined> {
      const [raw, announcedAt] = await redis.mget(k.announcement, k.announced);
      if (!raw) return undefined;
      const announcement = parseStored(sentAnnouncementSchema, raw, "winner announcement");
      return announcedAt ? { ...announcement, announcedAt } : announcement;
    },
  };
}

function parseScores(data: Record<string, string>): JuryScore[] {
  return Object.entries(data).flatMap(([field, value]) => {
    const separator = field.indexOf(":");
    const jurorId = Number(field.slice(0, separator));
    if (separator < 0 || !Number.isInteger(jurorId)) return [];
    return [{ jurorId, criterionId: field.slice(separator + 1), score: Number(value) }];
  });
}

export type ContestRepository = ReturnType<typeof createContestRepository>;
