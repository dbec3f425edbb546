import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

export interface KnownUser {
  id: number;
  firstName: string;
  username?: string;
  language: string;
  firstSeen: Date;
}

/** A consent as given: when (ISO), in which language, and to which text (its version). */
export interface GivenConsent {
  at: string;
  language: string;
  version: string;
}

/** What a person may send that is kept and shown to others, each asked for consent once. */
export type SubmissionKind = "ideas" | "contest";

/** Users who started the bot: the audience of announcements. Names come from Telegram, not from a form. */
export function createUserRepository(redis: Redis, keys: Keyspace) {
  return {
    async remember(user: { id: number; first_name: string; username?: string }, language: string, now: Date) {
      const key = keys.user(user.id);
      await redis
        .multi()
        .hset(key, { firstName: user.first_name, username: user.username ?? "", language })
        .hsetnx(key, "firstSeen", now.toISOString())
        .zadd(keys.users, "NX", now.getTime(), String(user.id))
        .exec();
    },

    async setLanguage(userId: number, language: string) {
      if (await redis.exists(keys.user(userId))) await redis.hset(keys.user(userId), "language", language);
    },

    async find(userId: number): Promise<KnownUser | undefined> {
      const data = await redis.hgetall(keys.user(userId));
      // Retention erases the name but keeps the language and the date.
      if (!data.firstName && !data.firstSeen) return undefined;
      return {
        id: userId,
        firstName: data.firstName ?? "",
        username: data.username || undefined,
        language: data.language ?? "",
        firstSeen: new Date(data.firstSeen ?? 0),
      };
    },

    /** The consent to a kind of submission (src/ui/consent.ts), kept with the profile: "forget me" deletes both. */
    async giveConsent(userId: number, kind: SubmissionKind, consent: GivenConsent): Promise<void> {
      await redis.hset(keys.user(userId), `consent:${kind}`, JSON.stringify(consent));
    },

    async consentOf(userId: number, kind: SubmissionKind): Promise<GivenConsent | undefined> {
      const raw = await redis.hget(keys.user(userId), `consent:${kind}`);
      return raw ? (JSON.parse(raw) as GivenConsent) : undefined;
    },

    /** Every user id, oldest contact first (the "all" audience of broadcasts). */
    async ids(): Promise<number[]> {
      return (await redis.zrange(keys.users, 0, -1)).map(Number);
    },

    /** "Forget me": the name, username and language Telegram gave us, the membership and the blocked mark. */
    async forget(userId: number): Promise<void> {
      await redis
        .multi()
        .del(keys.user(userId))
        .zrem(keys.users, String(userId))
        .srem(keys.inactiveUsers, String(userId))
        .srem(keys.followersMuted, String(userId))
        .exec();
    },

    /** Retention: every profile's name and username erased; the language and dates stay (broadcast languages). */
    async anonymiseAll(): Promise<void> {
      const pipeline = redis.pipeline();
      for (const id of await redis.zrange(keys.users, 0, -1)) pipeline.hdel(keys.user(Number(id)), "firstName", "username");
      await pipeline.exec();
    },

    async count(): Promise<number> {
      return redis.zcard(keys.users);
    },

    async countByLanguage(): Promise<Record<string, number>> {
      const ids = await redis.zrange(keys.users, 0, -1);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hget(keys.user(Number(id)), "language");
      const counts: Record<string, number> = {};
      for (const [, language] of (await pipeline.exec()) ?? []) {
        const name = (language as string | null) ?? "?";
        counts[name] = (counts[name] ?? 0) + 1;
      }
      return counts;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
