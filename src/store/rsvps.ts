import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript, type LuaScript } from "./scripts.js";
import { durable } from "./redis.js";
import {
  ANSWER_PREFIX,
  answerField,
  detailPairs,
  LEGACY_LUA,
  toRsvp,
  type RegisterResult,
  type Rsvp,
  type RsvpDetails,
  type RsvpStatus,
} from "./rsvp-records.js";

export * from "./rsvp-records.js";

// Drops every answer of KEYS[1] (a new registration or an edit stores the whole form again).
const DROP_ANSWERS_LUA = `
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(field, 1, ${ANSWER_PREFIX.length}) == '${ANSWER_PREFIX}' then redis.call('HDEL', KEYS[1], field) end
end`;

// Registration decides the seat atomically: every process runs this in Redis, one at a time.
// KEYS: guest, confirmed, waitlisted, cancelled, guests, code, token. ARGV: user id, now (ms),
// now (ISO), capacity (0 = unlimited), code, token, then field/value pairs of the details.
const REGISTER = `
local status = redis.call('HGET', KEYS[1], 'status')
local fields = {}
for i = 7, #ARGV do fields[#fields + 1] = ARGV[i] end
if status == 'confirmed' or status == 'waitlisted' then
  return {status, 0}
end
if not redis.call('HGET', KEYS[1], 'code') then
  if redis.call('EXISTS', KEYS[6]) == 1 or redis.call('EXISTS', KEYS[7]) == 1 then return {'retry', 0} end
  redis.call('SET', KEYS[6], ARGV[1])
  redis.call('SET', KEYS[7], ARGV[1])
  redis.call('HSET', KEYS[1], 'userId', ARGV[1], 'code', ARGV[5], 'token', ARGV[6], 'createdAt', ARGV[3])
  redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
end
redis.call('HDEL', KEYS[1], 'confirmedAt', 'waitlistedAt', 'cancelledAt', 'cancelReason', 'reconfirmAskedAt', 'reconfirmedAt', 'promotedAt', ${LEGACY_LUA})
${DROP_ANSWERS_LUA}
if #fields > 0 then redis.call('HSET', KEYS[1], unpack(fields)) end
local capacity = tonumber(ARGV[4])
local next
if capacity == 0 or (redis.call('ZCARD', KEYS[2]) < capacity and redis.call('ZCARD', KEYS[3]) == 0) then
  next = 'confirmed'
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  redis.call('HSET', KEYS[1], 'confirmedAt', ARGV[3])
else
  next = 'waitlisted'
  redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
  redis.call('HSET', KEYS[1], 'waitlistedAt', ARGV[3])
end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HSET', KEYS[1], 'status', next, 'updatedAt', ARGV[3])
return {next, 1}
`;

// Lua helpers shared by every script that frees a seat, so the freed seat is refilled in the same step.
// promote() moves the first waitlisted guests into free seats and notes each in the "not told yet" set.
const SEAT_HELPERS = `
local function promote(confirmed, waitlisted, untold, guestPrefix, nowMs, nowIso, capacity)
  local promoted = {}
  while redis.call('ZCARD', waitlisted) > 0 and (capacity == 0 or redis.call('ZCARD', confirmed) < capacity) do
    local id = redis.call('ZPOPMIN', waitlisted)[1]
    redis.call('ZADD', confirmed, nowMs, id)
    redis.call('HSET', guestPrefix .. id, 'status', 'confirmed', 'confirmedAt', nowIso, 'promotedAt', nowIso, 'updatedAt', nowIso)
    redis.call('ZADD', untold, nowMs, id)
    promoted[#promoted + 1] = id
  end
  return promoted
end
local function withPromoted(first, promoted)
  local result = {first}
  for _, id in ipairs(promoted) do result[#result + 1] = id end
  return result
end
`;

// KEYS: guest, confirmed, waitlisted, cancelled, untold. ARGV: user id, now (ms), now (ISO), reason,
// guest key prefix, capacity (0 = unlimited). Returns {previous status, promoted ids...} or nil.
const CANCEL = `${SEAT_HELPERS}
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'confirmed' and status ~= 'waitlisted' then return false end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[1], 'status', 'cancelled', 'cancelledAt', ARGV[3], 'cancelReason', ARGV[4], 'updatedAt', ARGV[3])
return withPromoted(status, promote(KEYS[2], KEYS[3], KEYS[5], ARGV[5], ARGV[2], ARGV[3], tonumber(ARGV[6])))
`;

// Releases the seat of a guest asked to re-confirm at or before the cutoff who has not answered, deciding
// and cancelling in one step so a "Yes" stored meanwhile always wins. KEYS: as CANCEL. ARGV: user id,
// now (ms), now (ISO), cutoff (ISO: asked times compare as strings), guest key prefix, capacity.
const RELEASE_UNANSWERED = `${SEAT_HELPERS}
if redis.call('HGET', KEYS[1], 'status') ~= 'confirmed' then return false end
local asked = redis.call('HGET', KEYS[1], 'reconfirmAskedAt')
if not asked or asked > ARGV[4] or redis.call('HEXISTS', KEYS[1], 'reconfirmedAt') == 1 then return false end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[1], 'status', 'cancelled', 'cancelledAt', ARGV[3], 'cancelReason', 'no-reconfirmation', 'updatedAt', ARGV[3])
return withPromoted('released', promote(KEYS[2], KEYS[3], KEYS[5], ARGV[5], ARGV[2], ARGV[3], tonumber(ARGV[6])))
`;

// Gives free seats to the waitlist (a raised capacity, a leftover). KEYS: confirmed, waitlisted, untold.
// ARGV: guest key prefix, now (ms), now (ISO), capacity (0 = unlimited).
const FILL_SEATS = `${SEAT_HELPERS}
return promote(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]))
`;

// Erases a guest and refills their seat in one step. KEYS: guest, guests, checked-in, confirmed, waitlisted,
// cancelled, untold. ARGV: user id, code key prefix, token key prefix, guest key prefix, now (ms), now (ISO),
// capacity. Returns {previous status, promoted ids...} or nil.
const FORGET = `${SEAT_HELPERS}
local record = redis.call('HMGET', KEYS[1], 'status', 'code', 'token')
if not record[1] then return false end
if record[2] then redis.call('DEL', ARGV[2] .. record[2]) end
if record[3] then redis.call('DEL', ARGV[3] .. record[3]) end
redis.call('DEL', KEYS[1])
for i = 2, 7 do redis.call('ZREM', KEYS[i], ARGV[1]) end
return withPromoted(record[1], promote(KEYS[4], KEYS[5], KEYS[7], ARGV[4], ARGV[5], ARGV[6], tonumber(ARGV[7])))
`;

// KEYS: guest, checked-in index. ARGV: user id, now (ms), now (ISO), admin id.
const CHECK_IN = `
if redis.call('HGET', KEYS[1], 'status') ~= 'confirmed' then return {'not-confirmed'} end
local first = redis.call('HGET', KEYS[1], 'checkedInAt')
if first then return {'again', first} end
redis.call('HSET', KEYS[1], 'checkedInAt', ARGV[3], 'checkedInBy', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return {'first', ARGV[3]}
`;

// KEYS: guest. ARGV: now (ISO). Asks once: only confirmed guests not asked yet.
const MARK_ASKED = `
if redis.call('HGET', KEYS[1], 'status') ~= 'confirmed' then return 0 end
return redis.call('HSETNX', KEYS[1], 'reconfirmAskedAt', ARGV[1])
`;

// KEYS: guest. ARGV: now (ISO).
const MARK_RECONFIRMED = `
if redis.call('HGET', KEYS[1], 'status') ~= 'confirmed' then return 0 end
redis.call('HSET', KEYS[1], 'reconfirmedAt', ARGV[1], 'updatedAt', ARGV[1])
return 1
`;

// KEYS: guest. ARGV: field/value pairs of the details. Changes the answers of a registration that exists.
const UPDATE_DETAILS = `
if redis.call('EXISTS', KEYS[1]) == 0 or not redis.call('HGET', KEYS[1], 'status') then return 0 end
redis.call('HDEL', KEYS[1], ${LEGACY_LUA})
${DROP_ANSWERS_LUA}
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
`;

export interface SeatChange {
  previous: RsvpStatus;
  promoted: number[];
}

function seatChange(result: unknown): SeatChange | undefined {
  if (!result) return undefined;
  const [previous, ...promoted] = result as string[];
  return { previous: previous as RsvpStatus, promoted: promoted.map(Number) };
}

export interface RsvpIdentity {
  newCode: () => string;
  newToken: () => string;
}

/**
 * Registrations: one hash per guest plus status indexes, never expiring and separate from
 * sessions. Every change of status runs as one Lua script, so several bot processes agree.
 */
export function createRsvpRepository(redis: Redis, keys: Keyspace) {
  const checkInScript = defineScript(redis, "rsvpCheckIn", CHECK_IN);
  const fillSeatsScript = defineScript(redis, "rsvpFillSeats", FILL_SEATS);
  const forgetScript = defineScript(redis, "rsvpForget", FORGET);
  const markAskedScript = defineScript(redis, "rsvpMarkAsked", MARK_ASKED);
  const markReconfirmedScript = defineScript(redis, "rsvpMarkReconfirmed", MARK_RECONFIRMED);
  const registerScript = defineScript(redis, "rsvpRegister", REGISTER);
  const cancelScript = defineScript(redis, "rsvpCancel", CANCEL);
  const releaseUnansweredScript = defineScript(redis, "rsvpReleaseUnanswered", RELEASE_UNANSWERED);
  const updateDetailsScript = defineScript(redis, "rsvpUpdateDetails", UPDATE_DETAILS);
  const k = keys.rsvp;
  const statusKeys = [k.status("confirmed"), k.status("waitlisted"), k.status("cancelled")];

  /** Runs a script that frees a seat and promotes from the waitlist (CANCEL, RELEASE_UNANSWERED); `condition` is its own argument. */
  function freeSeat(script: LuaScript, userId: number, now: Date, condition: string, capacity: number | undefined): Promise<unknown> {
    return script(
      5,
      k.guest(userId),
      ...statusKeys,
      k.untold,
      String(userId),
      String(now.getTime()),
      now.toISOString(),
      condition,
      k.guestPrefix,
      String(capacity ?? 0),
    );
  }

  async function find(userId: number): Promise<Rsvp | undefined> {
    return toRsvp(await redis.hgetall(k.guest(userId)));
  }

  async function findBy(key: string): Promise<Rsvp | undefined> {
    const id = await redis.get(key);
    return id ? find(Number(id)) : undefined;
  }

  async function idsByStatus(status: RsvpStatus): Promise<number[]> {
    return (await redis.zrange(k.status(status), 0, -1)).map(Number);
  }

  return {
    find,
    findByCode: (code: string) => findBy(k.code(code)),
    findByToken: (token: string) => findBy(k.token(token)),

    /**
     * Takes a seat if one is free (and nobody waits), else a waitlist place. A user who already
     * holds either keeps it: replays and double taps give one record.
     */
    async register(
      userId: number,
      details: RsvpDetails,
      options: { now: Date; capacity?: number; identity: RsvpIdentity },
    ): Promise<RegisterResult> {
      for (let attempt = 0; attempt < 10; attempt++) {
        const code = options.identity.newCode();
        const token = options.identity.newToken();
        const [status, created] = (await registerScript(
          7,
          k.guest(userId),
          ...statusKeys,
          k.guests,
          k.code(code),
          k.token(token),
          String(userId),
          String(options.now.getTime()),
          options.now.toISOString(),
          String(options.capacity ?? 0),
          code,
          token,
          ...detailPairs(details),
        )) as [string, number];
        if (status === "retry") continue;
        await durable(redis); // the guest is told next: a failover must not take the seat back
        return { status: status as RsvpStatus, created: created === 1, record: (await find(userId))! };
      }
      throw new Error("could not find a free registration code");
    },

    /** Changes the form answers of an existing registration, keeping its status and place. */
    async updateDetails(userId: number, details: RsvpDetails, now: Date): Promise<Rsvp | undefined> {
      const updated = await updateDetailsScript(1, k.guest(userId), ...detailPairs(details), "updatedAt", now.toISOString());
      return updated === 1 ? find(userId) : undefined;
    },

    /**
     * Cancels a seat or waitlist place and gives a freed seat to the waitlist in the same script;
     * returns the status it had and who was promoted (to be told), or undefined if it had none.
     */
    async cancel(userId: number, now: Date, reason: string, capacity: number | undefined): Promise<SeatChange | undefined> {
      return seatChange(await freeSeat(cancelScript, userId, now, reason, capacity));
    },

    /**
     * Releases the seat of a confirmed guest asked to re-confirm at or before `askedBy` who has not
     * answered; undefined when they answered, were asked later or hold no seat. Decided in one script.
     */
    async releaseUnanswered(userId: number, askedBy: Date, now: Date, capacity: number | undefined): Promise<SeatChange | undefined> {
      const result = await freeSeat(releaseUnansweredScript, userId, now, askedBy.toISOString(), capacity);
      return result ? { previous: "confirmed", promoted: (result as string[]).slice(1).map(Number) } : undefined;
    },

    /** Gives free seats to the waitlist in order; returns the promoted user ids. */
    async fillSeats(now: Date, capacity: number | undefined): Promise<number[]> {
      const ids = (await fillSeatsScript(
        3,
        k.status("confirmed"),
        k.status("waitlisted"),
        k.untold,
        k.guestPrefix,
        String(now.getTime()),
        now.toISOString(),
        String(capacity ?? 0),
      )) as string[];
      return ids.map(Number);
    },

    /** Guests promoted whose "the seat is yours" message has not been claimed yet (e.g. a crash right after). */
    async untoldPromotions(): Promise<number[]> {
      return (await redis.zrange(k.untold, 0, -1)).map(Number);
    },

    /** True for exactly one caller: the one that tells the promoted guest. */
    async claimPromotionNotice(userId: number): Promise<boolean> {
      return (await redis.zrem(k.untold, String(userId))) === 1;
    },

    /** A claimed notice that could not be sent: the seat repair tries it again. */
    async returnPromotionNotice(userId: number, now: Date): Promise<void> {
      await redis.zadd(k.untold, now.getTime(), String(userId));
    },

    /** 1-based place on the waitlist. */
    async waitlistPosition(userId: number): Promise<number | undefined> {
      const rank = await redis.zrank(k.status("waitlisted"), String(userId));
      return rank === null ? undefined : rank + 1;
    },

    async counts(): Promise<Record<RsvpStatus | "checkedIn", number>> {
      const [confirmed, waitlisted, cancelled, checkedIn] = await Promise.all([
        ...statusKeys.map((key) => redis.zcard(key)),
        redis.zcard(k.checkedIn),
      ]);
      return { confirmed: confirmed!, waitlisted: waitlisted!, cancelled: cancelled!, checkedIn: checkedIn! };
    },

    /** User ids with a status, in the order they got it (audiences of broadcasts). */
    idsByStatus,

    /** User ids checked in at the door, in check-in order (the feedback survey, broadcast audiences). */
    async checkedInIds(): Promise<number[]> {
      return (await redis.zrange(k.checkedIn, 0, -1)).map(Number);
    },

    /** Every registration, oldest first (stats and the export). */
    async all(): Promise<Rsvp[]> {
      const ids = await redis.zrange(k.guests, 0, -1);
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(k.guest(Number(id)));
      const results = (await pipeline.exec()) ?? [];
      return results.map(([, data]) => toRsvp(data as Record<string, string>)).filter((r): r is Rsvp => r !== undefined);
    },

    /** Marks a confirmed guest as arrived, once; a second scan reports the first time. */
    async checkIn(
      userId: number,
      adminId: number,
      now: Date,
    ): Promise<{ result: "first" | "again"; at: Date } | { result: "not-confirmed" }> {
      const [result, at] = (await checkInScript(
        2,
        k.guest(userId),
        k.checkedIn,
        String(userId),
        String(now.getTime()),
        now.toISOString(),
        String(adminId),
      )) as [string, string?];
      if (result === "not-confirmed") return { result };
      return { result: result as "first" | "again", at: new Date(at!) };
    },

    /** Records that a confirmed guest was asked to re-confirm; true only the first time. */
    async markReconfirmAsked(userId: number, now: Date): Promise<boolean> {
      return (await markAskedScript(1, k.guest(userId), now.toISOString())) === 1;
    },

    async markReconfirmed(userId: number, now: Date): Promise<boolean> {
      return (await markReconfirmedScript(1, k.guest(userId), now.toISOString())) === 1;
    },

    /** True once per threshold (80, 100): the capacity alert is sent one time only. */
    async claimCapacityAlert(percent: number, now: Date): Promise<boolean> {
      return (await redis.hsetnx(k.alerts, String(percent), now.toISOString())) === 1;
    },

    /**
     * Retention: every guest's name and personal answers (`personal`: the ids of text, e-mail and phone
     * questions) erased, with the fields of older registrations; statuses, choices, codes and times
     * stay, so the counts and /stats do too.
     */
    async anonymiseAll(personal: readonly string[]): Promise<void> {
      const fields = ["name", "organisation", "phone", "email", ...personal.map(answerField)];
      const pipeline = redis.pipeline();
      for (const id of await redis.zrange(k.guests, 0, -1)) pipeline.hdel(k.guest(Number(id)), ...fields);
      await pipeline.exec();
    },

    /** Erases a guest's personal data (a "forget me" request) and gives a freed seat to the waitlist, in one script. */
    async forget(userId: number, now: Date, capacity: number | undefined): Promise<SeatChange | undefined> {
      const result = await forgetScript(
        7,
        k.guest(userId),
        k.guests,
        k.checkedIn,
        ...statusKeys,
        k.untold,
        String(userId),
        k.code(""),
        k.token(""),
        k.guestPrefix,
        String(now.getTime()),
        now.toISOString(),
        String(capacity ?? 0),
      );
      return seatChange(result);
    },
  };
}

export type RsvpRepository = ReturnType<typeof createRsvpRepository>;
