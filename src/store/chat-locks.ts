import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * One update per chat at a time across all bot processes, so sessions and flows stay
 * consistent behind a load balancer. The lock expires, so a dead process never blocks a chat.
 */
export function createChatLocks(redis: Redis, keys: Keyspace) {
  return {
    async withLock<T>(chatKey: string, work: () => Promise<T>, options = { ttlMs: 15_000, waitMs: 10_000 }): Promise<T> {
      const key = keys.chatLock(chatKey);
      const token = randomUUID();
      const giveUpAt = Date.now() + options.waitMs;
      let pause = 5;
      while ((await redis.set(key, token, "PX", options.ttlMs, "NX")) !== "OK") {
        if (Date.now() > giveUpAt) throw new Error(`chat ${chatKey} stayed locked for ${options.waitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 100);
      }
      try {
        return await work();
      } finally {
        await redis.eval(RELEASE, 1, key, token);
      }
    },
  };
}

export type ChatLocks = ReturnType<typeof createChatLocks>;
