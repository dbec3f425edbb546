import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";
import type { ChatState } from "./sessions.js";

/** Counts one update of a user in the current window (the window starts with its first update): one round trip. */
const COUNT = `
local hits = redis.call("INCR", KEYS[1])
if hits == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return hits`;

/** The flood limit's counters, shared by every process. */
export function createFloodCounters(redis: Redis, keys: Keyspace, chatState: ChatState) {
  const countScript = defineScript(redis, "countFlood", COUNT);
  return {
    /**
     * The user's updates so far in the window of `windowMs` their first one opened; counted with the
     * state read of `chatId`'s update in hand (one round trip), else on its own.
     */
    count: (userId: number, windowMs: number, chatId?: number): Promise<number> => {
      const counterKey = keys.rateLimitPrefix + userId;
      const alone = async () => Number(await countScript(1, counterKey, windowMs));
      return chatId === undefined ? alone() : chatState.countWithRead(chatId, counterKey, windowMs, alone);
    },
    /** Counts on its own a count that was waiting for the state read of `chatId`'s update. */
    settle: (chatId: number) => chatState.settleCount(chatId),
    /** True once per `seconds` for a user: whether to send the polite notice now. */
    noticeDue: async (userId: number, seconds: number): Promise<boolean> =>
      (await redis.set(keys.floodNotice(userId), "1", "EX", seconds, "NX")) === "OK",
  };
}

export type FloodCounters = ReturnType<typeof createFloodCounters>;
