import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

const HANDLED_TTL_SECONDS = 24 * 60 * 60;
const DONE = "done";

export type Claim = "claimed" | "done" | "busy";

/**
 * Remembers which updates were handled, so an update Telegram delivers again (after a crash,
 * a restart, or to another instance) is handled once.
 */
export function createUpdateLedger(redis: Redis, keys: Keyspace) {
  return {
    async wasHandled(updateId: number): Promise<boolean> {
      return (await redis.get(keys.update(updateId))) === DONE;
    },
    async markHandled(updateId: number): Promise<void> {
      await redis.set(keys.update(updateId), DONE, "EX", HANDLED_TTL_SECONDS);
    },
    /**
     * Takes an update for this process (webhook mode, several instances): "busy" while another
     * holds it; the lease expires, so an instance that died mid-update does not lose it.
     */
    async claim(updateId: number, leaseMs: number): Promise<Claim> {
      const key = keys.update(updateId);
      if ((await redis.set(key, "processing", "PX", leaseMs, "NX")) === "OK") return "claimed";
      return (await redis.get(key)) === DONE ? "done" : "busy";
    },
    async release(updateId: number): Promise<void> {
      await redis.del(keys.update(updateId));
    },
  };
}

export type UpdateLedger = ReturnType<typeof createUpdateLedger>;
