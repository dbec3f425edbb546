import type { StorageAdapter } from "grammy";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Redis } from "ioredis";

/** Sessions refreshed by this process, remembered up to this many (then forgotten at once). */
const MAX_REMEMBERED = 100_000;

/**
 * grammY session storage in Redis with a TTL that skips writing back a session nothing changed:
 * every update reads the session (the language choice) and almost none changes it. An unchanged
 * session is still written twice a day per process, so its TTL counts from the last activity.
 */
export function sessionStorage<T>(redis: Redis, ttlSeconds: number, now: () => number = Date.now): StorageAdapter<T> {
  const redisAdapter = new RedisAdapter<T>({ instance: redis, ttl: ttlSeconds });
  const refreshEveryMs = Math.min(ttlSeconds * 1000, 24 * 60 * 60 * 1000) / 2;
  /** The session as read by the update in hand (one update per chat at a time), until it writes. */
  const asRead = new Map<string, string | undefined>();
  const writtenAt = new Map<string, number>();
  return {
    async read(key) {
      const value = await redisAdapter.read(key);
      asRead.set(key, JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      const before = asRead.get(key);
      asRead.delete(key);
      const at = now();
      if (before === JSON.stringify(value) && at - (writtenAt.get(key) ?? -Infinity) < refreshEveryMs) return;
      await redisAdapter.write(key, value);
      if (writtenAt.size >= MAX_REMEMBERED) writtenAt.clear();
      writtenAt.set(key, at);
    },
    async delete(key) {
      asRead.delete(key);
      writtenAt.delete(key);
      await redisAdapter.delete(key);
    },
  };
}
