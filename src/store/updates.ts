import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

const HANDLED_TTL_SECONDS = 24 * 60 * 60;

/** Remembers which updates were handled, so one Telegram re-delivers is handled once. */
export function createUpdateLedger(redis: Redis, keys: Keyspace) {
  return {
    async wasHandled(updateId: number): Promise<boolean> {
      return (await redis.exists(keys.update(updateId))) === 1;
    },
    async markHandled(updateId: number): Promise<void> {
      await redis.set(keys.update(updateId), "1", "EX", HANDLED_TTL_SECONDS);
    },
  };
}

export type UpdateLedger = ReturnType<typeof createUpdateLedger>;
