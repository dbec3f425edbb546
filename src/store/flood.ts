import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";

/** Counts one update of a user in the current window (the window starts with its first update): one round trip. */
const COUNT = `
local hits = redis.call("INCR", KEYS[1])
if hits == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return hits`;

/** The flood limit's counters, shared by every process. */
export function createFloodCounters(redis: Redis, keys: Keyspace) {
  const countScript = defineScript(redis, "countFlood", COUNT);
  return {
    /** The user's updates so far in the window of `windowMs` their first one opened. */
    count: async (userId: number, windowMs: number): Promise<number> =>
      Number(await countScript(1, keys.rateLimitPrefix + userId, windowMs)),
    /** True once per `seconds` for a user: whether to send the polite notice now. */
    noticeDue: async (userId: number, seconds: number): Promise<boolean> =>
      (await redis.set(keys.floodNotice(userId), "1", "EX", seconds, "NX")) === "OK",
  };
}

export type FloodCounters = ReturnType<typeof createFloodCounters>;
