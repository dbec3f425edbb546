import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";

/** Extends the lock only while this holder still owns it. */
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface HeldChatLock {
  /** The holder's token: scripts that act for the holder check it. */
  readonly token: string;
  /** Stops renewing; frees the chat unless a script already did (`freed`). */
  release(freed?: boolean): Promise<void>;
}

/**
 * One holder per chat across all bot processes, so sessions and flows stay consistent behind a
 * load balancer. The lock is short and renewed while its holder lives: a dead process frees its
 * chats within one TTL, and a live one keeps them however long its handler waits.
 */
export function createChatLocks(redis: Redis, keys: Keyspace) {
  const releaseScript = defineScript(redis, "chatLockRelease", RELEASE);
  const renewScript = defineScript(redis, "chatLockRenew", RENEW);
  return {
    /**
     * Takes the chat if nobody holds it, and renews it every third of `ttlMs` until released:
     * only a holder whose process stops (or whose event loop stalls for two thirds of the TTL)
     * loses it.
     */
    async acquire(chatKey: string, ttlMs: number): Promise<HeldChatLock | undefined> {
      const key = keys.chatLock(chatKey);
      const token = randomUUID();
      if ((await redis.set(key, token, "PX", ttlMs, "NX")) !== "OK") return undefined;
      /** A renewal found the lock gone or taken: releasing it is no longer ours to do. */
      let lost = false;
      const renewal = setInterval(
        () => {
          // A Redis error is no verdict: nobody else can take the lock while Redis is away either.
          renewScript(1, key, token, ttlMs).then(
            (renewed) => (lost ||= renewed === 0),
            () => undefined,
          );
        },
        Math.floor(ttlMs / 3),
      );
      return {
        token,
        async release(freed = false) {
          clearInterval(renewal);
          if (!freed && !lost) await releaseScript(1, key, token);
        },
      };
    },
  };
}

export type ChatLocks = ReturnType<typeof createChatLocks>;
