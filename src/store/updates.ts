import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import type { ChatState } from "./sessions.js";

/** The inbox's field holding "<newest stored update id>:<ms stored>". */
const LAST_FIELD = "last";
/**
 * How long the newest stored id is trusted for skipping re-delivered updates. Telegram restarts
 * update ids at a random number only after a week without updates, so a day is safe.
 */
const LAST_STORED_TRUST_MS = 24 * 60 * 60 * 1000;

/** What an earlier polling process left: updates it stored but did not finish. */
export interface InboxLeftovers {
  pending: Update[];
  /** Updates with an id up to this one were stored before: Telegram sending them again is a repeat. */
  lastStoredId: number;
}

/**
 * Long polling's inbox, one per bot: updates are stored here before Telegram is told they arrived
 * (the next getUpdates offset), and removed once handled. A crash therefore loses none: the next
 * process handles what is left, and skips the repeats Telegram sends of updates stored before.
 */
export function createUpdateInbox(redis: Redis, keys: Keyspace, botId: number, chatState: ChatState) {
  const key = keys.updateInbox(botId);
  return {
    /** One command per batch: the updates and the newest id among them. */
    async store(updates: Update[], now = Date.now()): Promise<void> {
      if (updates.length === 0) return;
      // Polling waits for this before handing the batch on: while Redis is away, fail at once rather than after the client's retries.
      if (redis.status !== "ready") throw new Error(`Connection is closed (Redis ${redis.status}): the updates are not stored`);
      const fields: string[] = [];
      for (const update of updates) fields.push(String(update.update_id), JSON.stringify(update));
      const newest = Math.max(...updates.map((update) => update.update_id));
      await redis.hset(key, ...fields, LAST_FIELD, `${newest}:${now}`);
    },
    /** Settles once the update left the inbox, with the next chat state read or the others done in the same tick. */
    done(updateId: number): Promise<void> {
      return chatState.removeFromInbox(key, updateId);
    },
    async leftovers(now = Date.now()): Promise<InboxLeftovers> {
      const entries = await redis.hgetall(key);
      const [lastId, storedAt] = (entries[LAST_FIELD] ?? "0:0").split(":").map(Number);
      const pending = Object.entries(entries)
        .filter(([field]) => field !== LAST_FIELD)
        .map(([, json]) => JSON.parse(json) as Update)
        .sort((a, b) => a.update_id - b.update_id);
      const trusted = now - (storedAt ?? 0) < LAST_STORED_TRUST_MS;
      return { pending, lastStoredId: trusted ? (lastId ?? 0) : 0 };
    },
  };
}

export type UpdateInbox = ReturnType<typeof createUpdateInbox>;
