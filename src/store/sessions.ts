import type { StorageAdapter } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";

/** Sessions refreshed by this process, remembered up to this many, the least recently written forgotten first. */
const MAX_REMEMBERED = 20_000;

/**
 * Writes a chat's state of one update and takes the update out of its inbox, atomically.
 * KEYS: the state keys, then the inbox's keys: the polling inbox, or (webhook mode) the update's
 * "handled" mark, the webhook updates and the chat's queue. ARGV: the number of state keys, a JSON
 * value ("" deletes) and a TTL per state key, the update id, then the handled mark's TTL (webhook).
 */
const COMMIT = `
local n = tonumber(ARGV[1])
for i = 1, n do
  local value = ARGV[2 * i]
  if value == "" then redis.call("DEL", KEYS[i]) else redis.call("SET", KEYS[i], value, "EX", ARGV[2 * i + 1]) end
end
local id = ARGV[2 * n + 2]
if #KEYS == n + 1 then
  redis.call("HDEL", KEYS[n + 1], id)
else
  redis.call("SET", KEYS[n + 1], "done", "EX", ARGV[2 * n + 3])
  redis.call("HDEL", KEYS[n + 2], id, id .. ":tries")
  redis.call("ZREM", KEYS[n + 3], id)
end
return n`;

/**
 * A chat's state read, in one round trip with what travels along: an update's count on a counter
 * (INCR; its window of ARGV[1] ms starts with its first update; "" counts nothing) and the removal
 * of updates handled before from the polling inbox. KEYS: the counter, the inbox, then the state
 * keys (a key not used stands in for the counter or the inbox). ARGV: the window, then the ids to remove.
 */
const READ_WITH_COUNT_AND_REMOVALS = `
local hits = 0
if ARGV[1] ~= "" then
  hits = redis.call("INCR", KEYS[1])
  if hits == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
end
if #ARGV > 1 then redis.call("HDEL", KEYS[2], unpack(ARGV, 2)) end
local values = redis.call("MGET", unpack(KEYS, 3))
table.insert(values, 1, hits)
return values`;

/** An update's removal from the polling inbox, waiting to travel with the next state read. */
interface RemovalAhead {
  id: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A count waiting to travel with the chat's next state read. */
interface CountAhead {
  counterKey: string;
  windowMs: number;
  alone: () => Promise<number>;
  resolve: (hits: number) => void;
  reject: (error: unknown) => void;
}

/** How a webhook update leaves its inbox (src/store/webhook-updates.ts): its handled mark, the updates hash, its chat's queue. */
export interface WebhookExit {
  keys: [handledMark: string, updates: string, chatQueue: string];
  handledTtlSeconds: number;
}

type CommitCommand = (numKeys: number, ...keysAndArgs: (string | number)[]) => Promise<number>;

/** The state writes of the update a chat is handling: Redis key → JSON ("" = delete) and TTL. */
type PendingWrites = Map<string, { json: string; ttlSeconds: number }>;

/**
 * The session and conversation state of the chats being handled. During an update its writes wait
 * in memory; at the update's end they are written in one script that also removes the update from
 * the polling inbox. After a crash an update is therefore either done, its state saved, or still
 * in the inbox with none of its state saved: a replay never feeds an old answer to a form's next
 * question, and only an update killed between its answer and this one write repeats its answer.
 * A webhook update leaves the webhook inbox the same way (leavesBy()).
 */
export function createChatState(redis: Redis, keys: Keyspace) {
  redis.defineCommand("commitChatState", { lua: COMMIT });
  const commitScript = (redis as unknown as { commitChatState: CommitCommand }).commitChatState.bind(redis);
  const readAlong = defineScript(redis, "readChatStateAlong", READ_WITH_COUNT_AND_REMOVALS);
  /** By chat id: the count asked for in the update in hand, until its state read carries it. */
  const countsAhead = new Map<string, CountAhead>();
  /** Counts a count no state read carried, on its own. */
  const countAlone = (chat: string) => {
    const ahead = countsAhead.get(chat);
    if (!ahead) return;
    countsAhead.delete(chat);
    ahead.alone().then(ahead.resolve, ahead.reject);
  };
  /** By chat id; one update per chat is handled at a time (polling orders them, webhooks lock the chat). */
  const inHand = new Map<string, PendingWrites>();
  /** By chat id: state read ahead with another key of the chat's update in hand (key → JSON, null = none). */
  const readAhead = new Map<string, Map<string, string | null>>();
  /** Updates whose removal from the inbox was committed with their state. */
  const finished = new WeakSet<Update>();
  /** Webhook updates being handled: how each leaves the webhook inbox (polling updates leave the polling inbox). */
  const webhookExits = new WeakMap<Update, WebhookExit>();
  /** By polling inbox key: removals the next state read carries, or else an HDEL on the next turn of the event loop. */
  let removalsAhead = new Map<string, RemovalAhead[]>();
  const settle = (removals: RemovalAhead[], reply: Promise<unknown>) =>
    reply.then(
      () => removals.forEach((removal) => removal.resolve()),
      (error: unknown) => removals.forEach((removal) => removal.reject(error)),
    );
  const takeRemovals = () => {
    const [first] = removalsAhead;
    if (first) removalsAhead.delete(first[0]);
    return first;
  };
  const removeAlone = () => {
    const ahead = removalsAhead;
    removalsAhead = new Map();
    for (const [key, removals] of ahead) settle(removals, redis.hdel(key, ...removals.map((removal) => removal.id)));
  };

  return {
    /**
     * A grammY storage adapter (sessions, conversations) for keys `<prefix><chat id>`. While a chat
     * handles an update, a read also fetches the chat's keys under `readAlso` prefixes in the same
     * round trip (MGET); the first read of each in that update takes that value instead of a GET.
     */
    adapter<T>(prefix: string, ttlSeconds: number, readAlso: readonly string[] = []): StorageAdapter<T> {
      const chatOf = (key: string) => (key.startsWith(prefix) ? key.slice(prefix.length) : undefined);
      const pendingFor = (key: string) => {
        const chat = chatOf(key);
        return chat === undefined ? undefined : inHand.get(chat);
      };
      const readJson = async (key: string): Promise<string | null> => {
        const chat = chatOf(key);
        if (chat === undefined || !inHand.has(chat)) return redis.get(key);
        const ahead = readAhead.get(chat);
        if (ahead?.has(key)) {
          const json = ahead.get(key)!;
          ahead.delete(key);
          return json;
        }
        if (readAlso.length === 0) return redis.get(key);
        const others = readAlso.map((other) => other + chat);
        const [json = null, ...values] = await readWithCount(chat, [key, ...others]);
        // Still the same update: commit() forgets what was read ahead.
        if (inHand.has(chat)) {
          const entry = readAhead.get(chat) ?? new Map<string, string | null>();
          others.forEach((other, index) => entry.set(other, values[index] ?? null));
          readAhead.set(chat, entry);
        }
        return json;
      };
      /** MGET of the keys, with the count the chat's update asked for (countWithRead) and the inbox removals ahead, if any. */
      const readWithCount = async (chat: string, keysToRead: string[]): Promise<(string | null)[]> => {
        const ahead = countsAhead.get(chat);
        const removals = takeRemovals();
        if (!ahead && !removals) return redis.mget(...keysToRead);
        countsAhead.delete(chat);
        const [inboxKey, removing = []] = removals ?? [];
        const stateKey = keysToRead[0]!;
        const reply = readAlong(
          2 + keysToRead.length,
          ahead?.counterKey ?? stateKey,
          inboxKey ?? stateKey,
          ...keysToRead,
          ahead?.windowMs ?? "",
          ...removing.map((removal) => removal.id),
        ) as Promise<[number, ...(string | null)[]]>;
        void settle(removing, reply);
        try {
          const [hits, ...values] = await reply;
          ahead?.resolve(hits);
          return values;
        } catch (error) {
          ahead?.reject(error);
          throw error;
        }
      };
      return {
        async read(key) {
          const json = await readJson(key);
          return json === null ? undefined : (JSON.parse(json) as T);
        },
        async write(key, value) {
          const json = JSON.stringify(value);
          const pending = pendingFor(key);
          if (pending) pending.set(key, { json, ttlSeconds });
          else await redis.set(key, json, "EX", ttlSeconds);
        },
        async delete(key) {
          const pending = pendingFor(key);
          if (pending) pending.set(key, { json: "", ttlSeconds });
          else await redis.del(key);
        },
      };
    },
    /**
     * Counts the update on `counterKey` in the same round trip as the chat's state read, or on its
     * own (`alone`) if the chat is not handling an update or its state was not read by settleCount().
     */
    countWithRead(chatId: number, counterKey: string, windowMs: number, alone: () => Promise<number>): Promise<number> {
      const chat = String(chatId);
      if (!inHand.has(chat)) return alone();
      countAlone(chat);
      return new Promise<number>((resolve, reject) => countsAhead.set(chat, { counterKey, windowMs, alone, resolve, reject }));
    },
    /**
     * Whether the chat has no state under `prefix`, as read ahead with another of its keys in this
     * update (the value stays for its own read); undefined when it was not read ahead.
     */
    isEmptyAhead(prefix: string, chatId: number): boolean | undefined {
      const chat = String(chatId);
      const ahead = readAhead.get(chat);
      const key = prefix + chat;
      return ahead?.has(key) ? ahead.get(key) === null : undefined;
    },
    /** A count no state read carried (yet) is counted on its own now, so nobody waits for it forever. */
    settleCount(chatId: number): void {
      countAlone(String(chatId));
    },
    /** The chat starts handling an update: its state writes wait for commit(). */
    begin(chatId: number): void {
      const chat = String(chatId);
      if (!inHand.has(chat)) inHand.set(chat, new Map());
    },
    /** Writes the chat's state of `update`, if any changed, and removes the update from the bot's inbox, in one script. */
    async commit(chatId: number, botId: number, update: Update): Promise<void> {
      const chat = String(chatId);
      const pending = inHand.get(chat);
      inHand.delete(chat);
      readAhead.delete(chat);
      countAlone(chat);
      if (!pending || pending.size === 0) return;
      const args: (string | number)[] = [pending.size];
      for (const { json, ttlSeconds } of pending.values()) args.push(json, ttlSeconds);
      const exit = webhookExits.get(update);
      const inboxKeys = exit ? exit.keys : [keys.updateInbox(botId)];
      args.push(update.update_id, exit?.handledTtlSeconds ?? 0);
      await commitScript(pending.size + inboxKeys.length, ...pending.keys(), ...inboxKeys, ...args);
      finished.add(update);
    },
    /** The webhook update about to be handled leaves the webhook inbox with its state, not the polling inbox. */
    leavesBy(update: Update, exit: WebhookExit): void {
      webhookExits.set(update, exit);
    },
    /**
     * Takes a handled update out of the polling inbox: the next chat's state read carries the
     * removal, else an HDEL does on the next turn of the event loop.
     */
    removeFromInbox(inboxKey: string, updateId: number): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const waiting = removalsAhead.get(inboxKey) ?? [];
        if (removalsAhead.size === 0) setImmediate(removeAlone);
        waiting.push({ id: String(updateId), resolve, reject });
        removalsAhead.set(inboxKey, waiting);
      });
    },
    /** Whether the update already left the inbox with its state (commit()). */
    isFinished(update: Update): boolean {
      return finished.has(update);
    },
  };
}

export type ChatState = ReturnType<typeof createChatState>;

/**
 * grammY session storage that skips writing back a session nothing changed: every update reads
 * the session (the language choice) and almost none changes it. An unchanged session is still
 * written twice a day per process, so its TTL counts from the last activity.
 */
export function sessionStorage<T>(storage: StorageAdapter<T>, ttlSeconds: number, now: () => number = Date.now): StorageAdapter<T> {
  const refreshEveryMs = Math.min(ttlSeconds * 1000, 24 * 60 * 60 * 1000) / 2;
  /** The session as read by the update in hand (one update per chat at a time), until it writes. */
  const asRead = new Map<string, string | undefined>();
  const writtenAt = new Map<string, number>();
  return {
    async read(key) {
      const value = await storage.read(key);
      asRead.set(key, JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      const before = asRead.get(key);
      asRead.delete(key);
      const at = now();
      if (before === JSON.stringify(value) && at - (writtenAt.get(key) ?? -Infinity) < refreshEveryMs) return;
      await storage.write(key, value);
      // Re-inserted, the key becomes the newest in the Map's order; the first key is the oldest.
      writtenAt.delete(key);
      writtenAt.set(key, at);
      if (writtenAt.size > MAX_REMEMBERED) writtenAt.delete(writtenAt.keys().next().value!);
    },
    async delete(key) {
      asRead.delete(key);
      writtenAt.delete(key);
      await storage.delete(key);
    },
  };
}
