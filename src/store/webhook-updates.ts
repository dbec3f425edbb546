import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import type { WebhookExit } from "./sessions.js";

/** Telegram does not deliver an update again after a day. */
const HANDLED_TTL_SECONDS = 24 * 60 * 60;

/** Stores an update unless it was handled: its JSON, its place in its chat's queue, the chat among those with work. */
const ACCEPT = `
local seen = redis.call("get", KEYS[1])
if seen == "done" or seen == "dropped" then return 0 end
redis.call("hsetnx", KEYS[2], ARGV[1], ARGV[2])
redis.call("zadd", KEYS[3], ARGV[1], ARGV[1])
redis.call("sadd", KEYS[4], ARGV[3])
return 1`;

/** For the chat lock's holder only: the chat's oldest waiting update, or, when none is left, the chat freed. */
const NEXT = `
if redis.call("get", KEYS[1]) ~= ARGV[1] then return {"lost"} end
while true do
  local id = redis.call("zrange", KEYS[2], 0, 0)[1]
  if not id then
    redis.call("del", KEYS[1])
    redis.call("srem", KEYS[4], ARGV[2])
    return {"idle"}
  end
  local json = redis.call("hget", KEYS[3], id)
  if json then return {"update", json} end
  redis.call("zrem", KEYS[2], id)
end`;

/** Out of the queue, remembered as handled (ARGV[2]: "done", or "dropped" after too many failures). */
const FINISH = `
redis.call("set", KEYS[1], ARGV[2], "EX", ARGV[3])
redis.call("hdel", KEYS[2], ARGV[1], ARGV[1] .. ":tries")
redis.call("zrem", KEYS[3], ARGV[1])
return 1`;

/** Counts a failure; at the limit the update is dropped, so its chat moves on. */
const FAIL = `
local tries = redis.call("hincrby", KEYS[2], ARGV[1] .. ":tries", 1)
if tries < tonumber(ARGV[2]) then return tries end
redis.call("set", KEYS[1], "dropped", "EX", ARGV[3])
redis.call("hdel", KEYS[2], ARGV[1], ARGV[1] .. ":tries")
redis.call("zrem", KEYS[3], ARGV[1])
return tries`;

/** Chats with waiting updates and no holder: a dead or stopped instance's. ARGV[1] is the chat lock keys' prefix. */
const STALLED = `
local stalled = {}
for _, chat in ipairs(redis.call("smembers", KEYS[1])) do
  if redis.call("exists", ARGV[1] .. chat) == 0 then stalled[#stalled + 1] = chat end
end
return stalled`;

export type NextUpdate = { state: "update"; update: Update } | { state: "idle" } | { state: "lost" };

/**
 * The webhook inbox, per bot: an update is stored before Telegram is answered, queued per chat in
 * update id order, and leaves once handled. Whoever holds a chat's lock handles its queue; a
 * chat whose holder died is taken by another instance's sweep, so an update answered to Telegram
 * is never lost, and one Telegram sends again is handled once.
 */
export function createWebhookInbox(redis: Redis, keys: Keyspace, botId: number) {
  const updates = keys.webhookUpdates(botId);
  const chats = keys.webhookChats(botId);
  const done = (updateId: number) => keys.update(botId, updateId);
  return {
    /** Stores the update in its chat's queue; false if it was handled before (a repeat). */
    async accept(update: Update, chatKey: string): Promise<boolean> {
      const id = update.update_id;
      const json = JSON.stringify(update);
      return (await redis.eval(ACCEPT, 4, done(id), updates, keys.webhookPending(botId, chatKey), chats, id, json, chatKey)) === 1;
    },
    async isHandled(updateId: number): Promise<boolean> {
      const seen = await redis.get(done(updateId));
      // An older version's "processing" lease on the same key is no outcome.
      return seen === "done" || seen === "dropped";
    },
    /** The chat's oldest waiting update, for the holder of `lockToken`; "idle" has freed the chat. */
    async next(chatKey: string, lockToken: string): Promise<NextUpdate> {
      const pending = keys.webhookPending(botId, chatKey);
      const lock = keys.chatLock(chatKey);
      const [state, json] = (await redis.eval(NEXT, 4, lock, pending, updates, chats, lockToken, chatKey)) as [string, string?];
      if (state === "update") return { state, update: JSON.parse(json!) as Update };
      return { state: state === "idle" ? "idle" : "lost" };
    },
    /** How the update leaves when its handler commits its chat's state: in that same script (src/store/sessions.ts). */
    exit(updateId: number, chatKey: string): WebhookExit {
      return { keys: [done(updateId), updates, keys.webhookPending(botId, chatKey)], handledTtlSeconds: HANDLED_TTL_SECONDS };
    },
    /** Takes out an update that changed no state (one that did left with its state write). */
    async finish(updateId: number, chatKey: string): Promise<void> {
      await redis.eval(FINISH, 3, done(updateId), updates, keys.webhookPending(botId, chatKey), updateId, "done", HANDLED_TTL_SECONDS);
    },
    /** Counts a failed attempt; at `maxTries` the update is dropped. Returns the attempts so far. */
    async fail(updateId: number, chatKey: string, maxTries: number): Promise<number> {
      const pending = keys.webhookPending(botId, chatKey);
      return (await redis.eval(FAIL, 3, done(updateId), updates, pending, updateId, maxTries, HANDLED_TTL_SECONDS)) as number;
    },
    /** Chats with waiting updates that nobody holds. */
    async stalledChats(): Promise<string[]> {
      return (await redis.eval(STALLED, 1, chats, keys.chatLock(""))) as string[];
    },
  };
}

export type WebhookInbox = ReturnType<typeof createWebhookInbox>;
