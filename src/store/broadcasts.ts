import type { Redis } from "ioredis";
import { z } from "zod";
import { reminderAudiences, SUPPORTED_LANGUAGES } from "../event/schema.js";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";
import { parseStored } from "./json.js";
import { scanKeys } from "./redis.js";

/** A broadcast's spec: what to send to whom. Stored as JSON in its record and checked when read. */
const broadcastSpecSchema = z.object({
  kind: z.enum(["broadcast", "reminder"]),
  /** Stable id (a-z, 0-9, - and _): sending twice with one id sends once. */
  id: z.string(),
  /** Who it goes to; resolved when it fires, not when it is scheduled. */
  audience: z.enum(reminderAudiences),
  /** Named people instead of the audience (a feature's message to those it concerns, e.g. an idea's followers). */
  recipients: z.array(z.number().int()).optional(),
  /** One text for everyone, or one per language (users get theirs, else the event's first language). */
  texts: z.union([z.string(), z.partialRecord(z.enum(SUPPORTED_LANGUAGES), z.string())]),
  /** "HTML" when the texts carry tags (escape anything user-written yourself). */
  parseMode: z.literal("HTML").optional(),
  /** Sends a photo with the text as its caption. */
  photoFileId: z.string().optional(),
  /** Follows the message with the venue pin from the event file. */
  venue: z.boolean().optional(),
  /** The event of the series it is about (its audiences, venue pin); absent: the default event (stored before the series). */
  eventId: z.string().optional(),
  /** The organiser's user id: gets the progress message and the final report. */
  createdBy: z.number().int().optional(),
  /** The organiser's language for the progress message and report (default: their stored one). */
  reportLanguage: z.string().optional(),
  /** Inline buttons under the message, row by row: [label (one, or one per language), callback data]. */
  buttons: z
    .array(z.array(z.tuple([z.union([z.string(), z.partialRecord(z.enum(SUPPORTED_LANGUAGES), z.string())]), z.string()])))
    .optional(),
  /** A recipient list a feature registered with the engine (a vote's voters, "<family>.<args>"): replaces `audience`. */
  list: z.string().optional(),
});

export type BroadcastSpec = z.infer<typeof broadcastSpecSchema>;

/** What a recipient's delivery ended as; each is counted once per broadcast. */
export type DeliveryOutcome = "sent" | "failed" | "blocked";

export type BroadcastStatus = "scheduled" | "sending" | "done" | "cancelled" | "skipped";

/** A broadcast as stored: its spec and its counters. */
export interface BroadcastRecord {
  id: string;
  spec: BroadcastSpec;
  status: BroadcastStatus;
  /** When it is (or was) due. */
  at: Date;
  createdAt: Date;
  finishedAt?: Date;
  /** Content hash of a reminder, so a stale delayed job recognises it was replaced. */
  hash: string;
  total?: number;
  sent: number;
  failed: number;
  blocked: number;
  /** Where the progress message lives (the organiser's chat), if any. */
  reportChat?: number;
  reportMessage?: number;
}

const RECENT_KEPT = 50;
const LEDGER_TTL_SECONDS = 60 * 24 * 60 * 60;

/**
 * Records one recipient's outcome exactly once (HSETNX on the ledger), bumps the counter, and
 * tells the caller whether this finished the broadcast and whether a progress report is due.
 * KEYS: record, ledger. ARGV: chat id ("" = only check), outcome, now ms, report interval ms, ledger TTL s.
 */
const RECORD_SCRIPT = `
local recorded = 0
if ARGV[1] ~= "" then
  if redis.call('hsetnx', KEYS[2], ARGV[1], ARGV[2]) == 1 then
    redis.call('hincrby', KEYS[1], ARGV[2], 1)
    redis.call('expire', KEYS[2], ARGV[5])
    recorded = 1
  end
end
local r = redis.call('hmget', KEYS[1], 'status', 'total', 'sent', 'failed', 'blocked', 'lastReportAt')
if r[1] ~= 'sending' then return {recorded, 0, 0} end
local done = tonumber(r[3] or '0') + tonumber(r[4] or '0') + tonumber(r[5] or '0')
if r[2] and done >= tonumber(r[2]) then
  redis.call('hset', KEYS[1], 'status', 'done', 'finishedAt', ARGV[3])
  return {recorded, 1, 0}
end
if tonumber(ARGV[3]) - tonumber(r[6] or '0') >= tonumber(ARGV[4]) then
  redis.call('hset', KEYS[1], 'lastReportAt', ARGV[3])
  return {recorded, 0, 1}
end
return {recorded, 0, 0}
`;

/**
 * Creates a broadcast only if its id is free (SET NX on the whole record): of two creations at
 * once, one wins and the other leaves the first's spec alone.
 * KEYS: record, recent list. ARGV: id, spec, due ms, now ms, entries kept in the list (0: not listed).
 */
const CREATE_SCRIPT = `
if redis.call('exists', KEYS[1]) == 1 then return 0 end
redis.call('hset', KEYS[1], 'spec', ARGV[2], 'at', ARGV[3], 'hash', '', 'status', 'scheduled', 'createdAt', ARGV[4])
if ARGV[5] ~= '0' then
  redis.call('zadd', KEYS[2], ARGV[3], ARGV[1])
  redis.call('zremrangebyrank', KEYS[2], 0, -tonumber(ARGV[5]) - 1)
end
return 1
`;

/** Moves a broadcast from one of the given statuses to another; returns whether it did. */
const TRANSITION_SCRIPT = `
local status = redis.call('hget', KEYS[1], 'status')
for i = 2, #ARGV do
  if status == ARGV[i] then
    redis.call('hset', KEYS[1], 'status', ARGV[1])
    return 1
  end
end
return 0
`;

function parseRecord(id: string, data: Record<string, string>): BroadcastRecord | undefined {
  if (!data.spec) return undefined;
  const number = (value: string | undefined) => (value === undefined || value === "" ? undefined : Number(value));
  return {
    id,
    spec: parseStored(broadcastSpecSchema, data.spec, `broadcast ${id}`),
    status: data.status as BroadcastStatus,
    at: new Date(Number(data.at)),
    createdAt: new Date(Number(data.createdAt)),
    finishedAt: data.finishedAt ? new Date(Number(data.finishedAt)) : undefined,
    hash: data.hash ?? "",
    total: number(data.total),
    sent: number(data.sent) ?? 0,
    failed: number(data.failed) ?? 0,
    blocked: number(data.blocked) ?? 0,
    reportChat: number(data.reportChat),
    reportMessage: number(data.reportMessage),
  };
}

/**
 * KEYS: next slot, pause. ARGV: slot ms. Returns the slot (ms, as a string: Redis truncates Lua
 * numbers to integers) and the wait in ms; the slot is never before the pause ends.
 */
const RESERVE_SEND_SLOT = `
local time = redis.call("TIME")
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local slot = math.max(now, tonumber(redis.call("GET", KEYS[1]) or "0"), now + math.max(0, redis.call("PTTL", KEYS[2])))
redis.call("SET", KEYS[1], tostring(slot + tonumber(ARGV[1])), "PX", 60000)
return { string.format("%.3f", slot), math.ceil(slot - now) }
`;

/** Broadcasts, their per-recipient ledgers, the shared 429 pause and the reminder registry. */
export function createBroadcastRepository(redis: Redis, keys: Keyspace) {
  const createScript = defineScript(redis, "broadcastCreate", CREATE_SCRIPT);
  const recordScript = defineScript(redis, "broadcastRecord", RECORD_SCRIPT);
  const reserveSendSlotScript = defineScript(redis, "broadcastReserveSendSlot", RESERVE_SEND_SLOT);
  const transitionScript = defineScript(redis, "broadcastTransition", TRANSITION_SCRIPT);
  return {
    /** Creates a broadcast under a new id; false (and nothing changed) if the id is taken. */
    async create(input: { id: string; spec: BroadcastSpec; at: Date; now: Date }): Promise<boolean> {
      const created = await createScript(
        2,
        keys.broadcast(input.id),
        keys.broadcasts,
        input.id,
        JSON.stringify(input.spec),
        input.at.getTime(),
        input.now.getTime(),
        // A feature's message to named people (an idea's followers) is not the organisers' to list in /broadcasts.
        input.spec.recipients ? 0 : RECENT_KEPT,
      );
      return created === 1;
    },

    /** Creates the record, or refreshes a scheduled one (a reminder edited in the event file). */
    async save(input: { id: string; spec: BroadcastSpec; at: Date; now: Date; hash?: string }): Promise<void> {
      const key = keys.broadcast(input.id);
      await redis
        .multi()
        .hset(key, { spec: JSON.stringify(input.spec), at: input.at.getTime(), hash: input.hash ?? "" })
        .hsetnx(key, "status", "scheduled")
        .hsetnx(key, "createdAt", input.now.getTime())
        .zadd(keys.broadcasts, input.at.getTime(), input.id)
        .exec();
      // Only the newest entries are listed; their records stay (the ledger must outlive restarts).
      await redis.zremrangebyrank(keys.broadcasts, 0, -RECENT_KEPT - 1);
    },

    async find(id: string): Promise<BroadcastRecord | undefined> {
      return parseRecord(id, await redis.hgetall(keys.broadcast(id)));
    },

    async status(id: string): Promise<BroadcastStatus | undefined> {
      return ((await redis.hget(keys.broadcast(id), "status")) ?? undefined) as BroadcastStatus | undefined;
    },

    /** Newest first (by due time). */
    async recent(limit = 10): Promise<BroadcastRecord[]> {
      const ids = await redis.zrevrange(keys.broadcasts, 0, limit - 1);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(keys.broadcast(id));
      const results = (await pipeline.exec()) ?? [];
      return ids.flatMap((id, i) => parseRecord(id, (results[i]?.[1] ?? {}) as Record<string, string>) ?? []);
    },

    async transition(id: string, to: BroadcastStatus, from: BroadcastStatus[]): Promise<boolean> {
      return (await transitionScript(1, keys.broadcast(id), to, ...from)) === 1;
    },

    /** Marks the start of sending with the audience size (set before the jobs are queued). */
    async start(id: string, total: number, now: Date): Promise<boolean> {
      if (!(await this.transition(id, "sending", ["scheduled", "sending"]))) return false;
      // A fan-out re-run after a crash keeps the first start (the rate counts from there).
      await redis
        .multi()
        .hset(keys.broadcast(id), "total", total)
        .hsetnx(keys.broadcast(id), "startedAt", now.getTime())
        .hsetnx(keys.broadcast(id), "lastReportAt", now.getTime())
        .exec();
      return true;
    },

    async finishedAs(id: string, status: "done" | "skipped", now: Date): Promise<void> {
      await redis.hset(keys.broadcast(id), { status, finishedAt: now.getTime() });
    },

    async setReport(id: string, chatId: number, messageId: number): Promise<void> {
      await redis.hset(keys.broadcast(id), { reportChat: chatId, reportMessage: messageId });
    },

    async startedAt(id: string): Promise<Date | undefined> {
      const value = await redis.hget(keys.broadcast(id), "startedAt");
      return value ? new Date(Number(value)) : undefined;
    },

    /** One round trip before a send: the broadcast's status and whether this chat already has an outcome. */
    async beforeSend(id: string, field: number | string): Promise<{ status?: BroadcastStatus; outcome?: DeliveryOutcome }> {
      const results =
        (await redis.pipeline().hget(keys.broadcast(id), "status").hget(keys.broadcastLedger(id), String(field)).exec()) ?? [];
      const [status, outcome] = results.map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      return {
        status: (status ?? undefined) as BroadcastStatus | undefined,
        outcome: (outcome ?? undefined) as DeliveryOutcome | undefined,
      };
    },

    /** A ledger entry without counters (the venue pin after a reminder: "venue:<chat id>"). */
    async recordExtra(id: string, field: string, outcome: DeliveryOutcome): Promise<void> {
      await redis.hsetnx(keys.broadcastLedger(id), field, outcome);
    },

    /** Records an outcome once; `finished` is true for exactly one caller, `report` at most every interval. */
    async record(
      id: string,
      chatId: number | undefined,
      outcome: DeliveryOutcome,
      now: Date,
      reportEveryMs: number,
    ): Promise<{ recorded: boolean; finished: boolean; report: boolean }> {
      const [recorded, finished, report] = (await recordScript(
        2,
        keys.broadcast(id),
        keys.broadcastLedger(id),
        chatId === undefined ? "" : String(chatId),
        outcome,
        now.getTime(),
        reportEveryMs,
        LEDGER_TTL_SECONDS,
      )) as [number, number, number];
      return { recorded: recorded === 1, finished: finished === 1, report: report === 1 };
    },

    async ledger(id: string): Promise<Record<string, DeliveryOutcome>> {
      return (await redis.hgetall(keys.broadcastLedger(id))) as Record<string, DeliveryOutcome>;
    },

    /** Replaces a broadcast's spec (a winner who asked to be forgotten); false if there is no such broadcast. */
    async replaceSpec(id: string, spec: BroadcastSpec): Promise<boolean> {
      if (!(await redis.exists(keys.broadcast(id)))) return false;
      await redis.hset(keys.broadcast(id), "spec", JSON.stringify(spec));
      return true;
    },

    /** "Forget me": the chat's outcomes (and its venue pins) leave every ledger. */
    async forgetRecipient(chatId: number): Promise<void> {
      const ledgers = await scanKeys(redis, keys.broadcastLedgers);
      const pipeline = redis.pipeline();
      for (const ledger of ledgers) pipeline.hdel(ledger, String(chatId), `venue:${chatId}`);
      await pipeline.exec();
    },

    /** Retention: the ledgers of broadcasts no longer sending go (their counters stay on the record). */
    async dropFinishedLedgers(): Promise<number> {
      const ledgers = await scanKeys(redis, keys.broadcastLedgers);
      const statusKeys = ledgers.map((ledger) => ledger.slice(0, -":ledger".length));
      const statuses = ledgers.length ? await Promise.all(statusKeys.map((key) => redis.hget(key, "status"))) : [];
      const finished = ledgers.filter((_, i) => statuses[i] !== "sending" && statuses[i] !== "scheduled");
      if (finished.length) await redis.del(...finished);
      return finished.length;
    },

    /** Every bot process stops sending until then (a 429's retry_after). */
    async pause(ms: number): Promise<void> {
      await redis.set(keys.broadcastPause, "1", "PX", Math.max(1, Math.ceil(ms)));
    },

    /**
     * Takes the next send slot, shared by every process (Redis' clock, so they agree), after any
     * 429 pause: when it is (Redis' ms) and how long to wait for it.
     */
    async reserveSendSlot(slotMs: number): Promise<{ slotAt: number; waitMs: number }> {
      const [slotAt, waitMs] = (await reserveSendSlotScript(2, keys.broadcastNextSlot, keys.broadcastPause, slotMs)) as [string, number];
      return { slotAt: Number(slotAt), waitMs };
    },

    /** How long the queue-wide 429 pause still lasts (ms, ≤ 0 = none). */
    async pauseLeft(): Promise<number> {
      return redis.pttl(keys.broadcastPause);
    },

    /** Notes a 429 for a chat; returns how many chats got one within the last `windowMs` (all processes). */
    async noteRefusedChat(chatId: number, windowMs: number, nowMs: number): Promise<number> {
      const results = await redis
        .multi()
        .zadd(keys.broadcastRefusedChats, nowMs, String(chatId))
        .zremrangebyscore(keys.broadcastRefusedChats, "-inf", nowMs - windowMs)
        .pexpire(keys.broadcastRefusedChats, Math.max(1, Math.ceil(windowMs)))
        .zcard(keys.broadcastRefusedChats)
        .exec();
      return Number(results?.[3]?.[1] ?? 1);
    },

    /** Each user's interface language ("" if unknown), in one round trip. */
    async languagesOf(userIds: number[]): Promise<string[]> {
      const pipeline = redis.pipeline();
      for (const id of userIds) pipeline.hget(keys.user(id), "language");
      const results = (await pipeline.exec()) ?? [];
      return userIds.map((_, i) => (results[i]?.[1] as string | null) ?? "");
    },

    /** Reminder id → the content hash it is scheduled with. */
    async scheduledReminders(): Promise<Record<string, string>> {
      return redis.hgetall(keys.reminderRegistry);
    },
    async registerReminder(reminderId: string, hash: string): Promise<void> {
      await redis.hset(keys.reminderRegistry, reminderId, hash);
    },
    async unregisterReminder(reminderId: string): Promise<void> {
      await redis.hdel(keys.reminderRegistry, reminderId);
    },
  };
}

/**
 * Users who blocked the bot (403): broadcasts skip them until they write again. A set, so the
 * per-update reactivation is one SREM.
 */
export function createActivityRepository(redis: Redis, keys: Keyspace) {
  return {
    async markInactive(userId: number): Promise<void> {
      await redis.sadd(keys.inactiveUsers, String(userId));
    },
    async reactivate(userId: number): Promise<void> {
      await redis.srem(keys.inactiveUsers, String(userId));
    },
    async inactiveIds(): Promise<Set<number>> {
      return new Set((await redis.smembers(keys.inactiveUsers)).map(Number));
    },
    async isInactive(userId: number): Promise<boolean> {
      return (await redis.sismember(keys.inactiveUsers, String(userId))) === 1;
    },
  };
}

export type BroadcastRepository = ReturnType<typeof createBroadcastRepository>;
export type ActivityRepository = ReturnType<typeof createActivityRepository>;
