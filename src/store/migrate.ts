import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { scanKeys } from "./redis.js";

/** The per-event key families of before the series (src/store/keys.ts): moved under `event:<id>:`. */
const UNSCOPED_FAMILIES = ["rsvp:", "contest:", "quiz:", "feedback:"] as const;
const LOCK_SECONDS = 300;
const WAIT_STEP_MS = 100;

/** Unscoped per-event data exists and nobody said which event it belongs to (main.ts prints it). */
export class UnscopedDataError extends Error {
  constructor(readonly eventIds: readonly string[]) {
    super(
      "this Redis holds registrations, contest or quiz data of one event stored before the series " +
        `(no event id in their keys): set MIGRATE_UNSCOPED_TO to the id of the event they belong to (one of: ${eventIds.join(", ")})`,
    );
  }
}

export interface MigrationResult {
  /** The event the unscoped keys belong to (now or since an earlier start); undefined: there were none. */
  eventId: string | undefined;
  /** Keys moved by this call. */
  moved: number;
}

const reminderBroadcast = (eventId: string | undefined, reminderId: string) =>
  eventId === undefined ? `reminder-${reminderId}` : `reminder-${eventId}-${reminderId}`;

/** The broadcast id of an event's reminder (series-wide broadcast keys: the event id keeps them apart). */
export const scopedReminderBroadcastId = (eventId: string, reminderId: string) => reminderBroadcast(eventId, reminderId);

/**
 * Moves the per-event keys written before the series (rsvp:*, contest:*, quiz:*,
 * broadcasts:reminders and the reminders' broadcast records) under `event:<target>:`: one SCAN pass
 * and a RENAMENX per key. Idempotent (the `migrated:unscoped` marker, and nothing left to move) and
 * safe when several instances start at once (a SET NX lock: the others wait for the marker).
 * `target` undefined: refuse (UnscopedDataError) if there is anything to move.
 */
export async function migrateUnscoped(
  redis: Redis,
  keys: Keyspace,
  target: string | undefined,
  eventIds: readonly string[],
  options: { waitMs?: number } = {},
): Promise<MigrationResult> {
  const { prefix } = keys;
  const done = await redis.get(keys.migratedUnscoped);
  if (done !== null) return { eventId: done, moved: 0 };
  const unscoped = (await scanKeys(redis, `${prefix}*`)).filter((key) => {
    const rest = key.slice(prefix.length);
    return UNSCOPED_FAMILIES.some((family) => rest.startsWith(family)) || rest === "broadcasts:reminders";
  });
  if (unscoped.length === 0) return { eventId: undefined, moved: 0 };
  if (target === undefined) throw new UnscopedDataError(eventIds);

  const token = randomUUID();
  const locked = await redis.set(keys.migrateLock, token, "EX", LOCK_SECONDS, "NX");
  if (locked !== "OK") {
    // Another instance is moving them: wait for its marker, then go on as it left things.
    const deadline = Date.now() + (options.waitMs ?? 60_000);
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      const marker = await redis.get(keys.migratedUnscoped);
      if (marker !== null) return { eventId: marker, moved: 0 };
      if ((await redis.exists(keys.migrateLock)) === 0) return migrateUnscoped(redis, keys, target, eventIds, options);
    }
    throw new Error("another instance is moving the data stored before the series and did not finish in time; start again");
  }
  try {
    const scope = keys.eventScope(target);
    let moved = 0;
    // Reminders' broadcast records carry the reminder id only: the event id joins it.
    const registry = await redis.hkeys(`${prefix}broadcasts:reminders`);
    for (const reminderId of registry) {
      const [from, to] = [reminderBroadcast(undefined, reminderId), reminderBroadcast(target, reminderId)];
      moved += await redis.renamenx(keys.broadcast(from), keys.broadcast(to)).catch(() => 0);
      moved += await redis.renamenx(keys.broadcastLedger(from), keys.broadcastLedger(to)).catch(() => 0);
      const score = await redis.zscore(keys.broadcasts, from);
      if (score !== null) await redis.multi().zadd(keys.broadcasts, score, to).zrem(keys.broadcasts, from).exec();
    }
    for (const key of unscoped) {
      // RENAMENX: a key already moved (or rewritten since under the event) is never overwritten.
      moved += await redis.renamenx(key, `${scope}${key.slice(prefix.length)}`).catch(() => 0);
    }
    await redis.set(keys.migratedUnscoped, target);
    return { eventId: target, moved };
  } finally {
    // Only our own lock is released.
    await redis.eval(
      `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`,
      1,
      keys.migrateLock,
      token,
    );
  }
}
