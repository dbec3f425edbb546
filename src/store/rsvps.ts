import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript, type LuaScript } from "./scripts.js";
import { durable } from "./redis.js";
import { SEAT_HELPERS } from "./rsvp-seats.js";
import {
  ANSWER_PREFIX,
  answerField,
  detailPairs,
  GROUP_FIELDS_LUA,
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
// KEYS: guest, confirmed, waitlisted, cancelled, guests, code, token, pending. ARGV: user id, now (ms),
// now (ISO), capacity (0 = unlimited), code, token, guest key prefix, approval ("1": the request waits
// for the organisers, no seat yet), then field/value pairs of the details. A group (party) takes a
// seat only when all of it fits and nobody waits.
const REGISTER = `${SEAT_HELPERS}
local status = redis.call('HGET', KEYS[1], 'status')
local fields = {}
for i = 9, #ARGV do fields[#fields + 1] = ARGV[i] end
if status == 'confirmed' or status == 'waitlisted' or status == 'pending' then
  return {status, 0}
end
if not redis.call('HGET', KEYS[1], 'code') then
  if redis.call('EXISTS', KEYS[6]) == 1 or redis.call('EXISTS', KEYS[7]) == 1 then return {'retry', 0} end
  redis.call('SET', KEYS[6], ARGV[1])
  redis.call('SET', KEYS[7], ARGV[1])
  redis.call('HSET', KEYS[1], 'userId', ARGV[1], 'code', ARGV[5], 'token', ARGV[6], 'createdAt', ARGV[3])
  redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
end
redis.call('HDEL', KEYS[1], 'confirmedAt', 'waitlistedAt', 'cancelledAt', 'cancelReason', 'reconfirmAskedAt', 'reconfirmedAt', 'promotedAt', 'decidedAt', 'decidedBy', 'decidedByName', 'declineReason', ${GROUP_FIELDS_LUA}, ${LEGACY_LUA})
${DROP_ANSWERS_LUA}
if #fields > 0 then redis.call('HSET', KEYS[1], unpack(fields)) end
local capacity = tonumber(ARGV[4])
if ARGV[8] == '1' then
  redis.call('ZADD', KEYS[8], ARGV[2], ARGV[1])
  redis.call('ZREM', KEYS[4], ARGV[1])
  redis.call('HSET', KEYS[1], 'status', 'pending', 'updatedAt', ARGV[3])
  return {'pending', 1}
end
local next = seatOrWait(KEYS[1], KEYS[2], KEYS[3], ARGV[7], ARGV[1], ARGV[2], ARGV[3], capacity)
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HSET', KEYS[1], 'status', next, 'updatedAt', ARGV[3])
return {next, 1}
`;

// KEYS: guest, confirmed, waitlisted, cancelled, untold, pending. ARGV: user id, now (ms), now (ISO), reason,
// guest key prefix, capacity (0 = unlimited). Returns {previous status, promoted ids...} or nil.
const CANCEL = `${SEAT_HELPERS}
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'confirmed' and status ~= 'waitlisted' and status ~= 'pending' then return false end
removeConfirmed(KEYS[2], ARGV[5], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[6], ARGV[1])
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
removeConfirmed(KEYS[2], ARGV[5], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[1], 'status', 'cancelled', 'cancelledAt', ARGV[3], 'cancelReason', 'no-reconfirmation', 'updatedAt', ARGV[3])
return withPromoted('released', promote(KEYS[2], KEYS[3], KEYS[5], ARGV[5], ARGV[2], ARGV[3], tonumber(ARGV[6])))
`;

// Gives free seats to the waitlist (a raised capacity, a leftover), the seats taken counted again from
// every guest first if they are kept (so a counter gone wrong is right again within one seat repair).
// KEYS: confirmed, waitlisted, untold. ARGV: guest key prefix, now (ms), now (ISO), capacity (0 = unlimited).
const FILL_SEATS = `${SEAT_HELPERS}
if redis.call('DEL', seatsKey(KEYS[1])) == 1 then seatsTaken(KEYS[1], ARGV[1]) end
return promote(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]))
`;

// The seats taken (people confirmed), from the counter, counted once from every guest where it is missing.
// KEYS: confirmed. ARGV: guest key prefix.
const SEATS_TAKEN = `${SEAT_HELPERS}
return seatsTaken(KEYS[1], ARGV[1])
`;

// Erases a guest and refills their seat in one step. KEYS: guest, guests, checked-in, confirmed, waitlisted,
// cancelled, untold, pending, declined, the request's cards. ARGV: user id, code key prefix, token key prefix,
// guest key prefix, now (ms), now (ISO),
// capacity. Returns {previous status, promoted ids...} or nil.
const FORGET = `${SEAT_HELPERS}
local record = redis.call('HMGET', KEYS[1], 'status', 'code', 'token')
if not record[1] then return false end
if record[2] then redis.call('DEL', ARGV[2] .. record[2]) end
if record[3] then redis.call('DEL', ARGV[3] .. record[3]) end
removeConfirmed(KEYS[4], ARGV[4], ARGV[1])
redis.call('DEL', KEYS[1], KEYS[10])
for i = 2, 9 do redis.call('ZREM', KEYS[i], ARGV[1]) end
return withPromoted(record[1], promote(KEYS[4], KEYS[5], KEYS[7], ARGV[4], ARGV[5], ARGV[6], tonumber(ARGV[7])))
`;

// KEYS: guest, checked-in index. ARGV: user id, now (ms), now (ISO), admin id, people arrived (0 = the whole group).
const CHECK_IN = `
if redis.call('HGET', KEYS[1], 'status') ~= 'confirmed' then return {'not-confirmed'} end
local first = redis.call('HGET', KEYS[1], 'checkedInAt')
if first then return {'again', first} end
local party = tonumber(redis.call('HGET', KEYS[1], 'party') or '1') or 1
local arrived = tonumber(ARGV[5]) or 0
if arrived < 1 or arrived > party then arrived = party end
redis.call('HSET', KEYS[1], 'checkedInAt', ARGV[3], 'checkedInBy', ARGV[4], 'arrived', arrived)
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

// KEYS: guest, confirmed. ARGV: guest key prefix, capacity, user id, the new party, then field/value pairs
// of the details. Changes the answers of a registration that exists; a confirmed group grows only into
// free seats (-1 when they are not). Returns the party it had (0: no registration).
const UPDATE_DETAILS = `${SEAT_HELPERS}
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 0 end
local before = partyOf(ARGV[1], ARGV[3])
local capacity = tonumber(ARGV[2])
local party = tonumber(ARGV[4])
if status == 'confirmed' and capacity ~= 0 and party > before and seatsTaken(KEYS[2], ARGV[1]) - before + party > capacity then return -1 end
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HDEL', KEYS[1], ${GROUP_FIELDS_LUA}, ${LEGACY_LUA})
${DROP_ANSWERS_LUA}
redis.call('HSET', KEYS[1], unpack(fields))
if redis.call('ZSCORE', KEYS[2], ARGV[3]) then moveSeats(KEYS[2], partyOf(ARGV[1], ARGV[3]) - before) end
return before
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
  const seatsTakenScript = defineScript(redis, "rsvpSeatsTaken", SEATS_TAKEN);
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
      6,
      k.guest(userId),
      ...statusKeys,
      k.untold,
      k.status("pending"),
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
      options: { now: Date; capacity?: number; identity: RsvpIdentity; approval?: boolean },
    ): Promise<RegisterResult> {
      for (let attempt = 0; attempt < 10; attempt++) {
        const code = options.identity.newCode();
        const token = options.identity.newToken();
        const [status, created] = (await registerScript(
          8,
          k.guest(userId),
          ...statusKeys,
          k.guests,
          k.code(code),
          k.token(token),
          k.status("pending"),
          String(userId),
          String(options.now.getTime()),
          options.now.toISOString(),
          String(options.capacity ?? 0),
          code,
          token,
          k.guestPrefix,
          options.approval ? "1" : "0",
          ...detailPairs(details),
        )) as [string, number];
        if (status === "retry") continue;
        await durable(redis); // the guest is told next: a failover must not take the seat back
        return { status: status as RsvpStatus, created: created === 1, record: (await find(userId))! };
      }
      throw new Error("could not find a free registration code");
    },

    /**
     * Changes the form answers of an existing registration, keeping its status and place; "full" when a
     * confirmed group would grow beyond the free seats (nothing changes). `shrunk`: seats were freed (fill them).
     */
    async updateDetails(
      userId: number,
      details: RsvpDetails,
      now: Date,
      capacity?: number,
    ): Promise<(Rsvp & { shrunk: boolean }) | "full" | undefined> {
      const party = (details.companions?.length ?? 0) + 1;
      const before = Number(
        await updateDetailsScript(
          2,
          k.guest(userId),
          k.status("confirmed"),
          k.guestPrefix,
          String(capacity ?? 0),
          String(userId),
          String(party),
          ...detailPairs(details),
          "updatedAt",
          now.toISOString(),
        ),
      );
      if (before === -1) return "full";
      const record = before === 0 ? undefined : await find(userId);
      return record ? { ...record, shrunk: party < before } : undefined;
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

    /** Seats taken: confirmed guests with their companions (the counter; counted from every guest once where it is missing). */
    async seatsTaken(): Promise<number> {
      return Number(await seatsTakenScript(1, k.status("confirmed"), k.guestPrefix));
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

    /** Registrations per status (confirmed, waitlisted, cancelled) and checked in. */
    async counts(): Promise<Record<"confirmed" | "waitlisted" | "cancelled" | "checkedIn", number>> {
      const [confirmed, waitlisted, cancelled, checkedIn] = await Promise.all([
        ...statusKeys.map((key) => redis.zcard(key)),
        redis.zcard(k.checkedIn),
      ]);
      return { confirmed: confirmed!, waitlisted: waitlisted!, cancelled: cancelled!, checkedIn: checkedIn! };
    },

    /** Requests awaiting approval and declined ones (rsvp.approval). */
    async requestCounts(): Promise<{ pending: number; declined: number }> {
      const [pending, declined] = await Promise.all([redis.zcard(k.status("pending")), redis.zcard(k.status("declined"))]);
      return { pending, declined };
    },

    /** People rather than registrations: each group's size (seats), and how many of each group the door let in. */
    async peopleCounts(): Promise<Record<"confirmed" | "waitlisted" | "pending" | "checkedIn", number>> {
      const people = { confirmed: 0, waitlisted: 0, pending: 0, checkedIn: 0 };
      for (const status of ["confirmed", "waitlisted", "pending"] as const) {
        const ids = await redis.zrange(k.status(status), 0, -1);
        if (ids.length === 0) continue;
        const pipeline = redis.pipeline();
        for (const id of ids) pipeline.hget(k.guest(Number(id)), "party");
        for (const [, party] of (await pipeline.exec()) ?? []) people[status] += Math.max(1, Number(party ?? 1) || 1);
      }
      const arrivedIds = await redis.zrange(k.checkedIn, 0, -1);
      if (arrivedIds.length) {
        const pipeline = redis.pipeline();
        for (const id of arrivedIds) pipeline.hmget(k.guest(Number(id)), "arrived", "party");
        for (const [, value] of (await pipeline.exec()) ?? []) {
          const [arrived, party] = (value ?? []) as (string | null)[];
          people.checkedIn += Math.max(1, Number(arrived ?? party ?? 1) || 1);
        }
      }
      return people;
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

    /** Marks a confirmed guest as arrived, once, with how many of their group came (default all); a second scan reports the first time. */
    async checkIn(
      userId: number,
      adminId: number,
      now: Date,
      arrived?: number,
    ): Promise<{ result: "first" | "again"; at: Date } | { result: "not-confirmed" }> {
      const [result, at] = (await checkInScript(
        2,
        k.guest(userId),
        k.checkedIn,
        String(userId),
        String(now.getTime()),
        now.toISOString(),
        String(adminId),
        String(arrived ?? 0),
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
      const fields = [
        "name",
        "organisation",
        "phone",
        "email",
        "companions",
        "declineReason",
        "decidedByName",
        ...personal.map(answerField),
      ];
      const pipeline = redis.pipeline();
      for (const id of await redis.zrange(k.guests, 0, -1)) pipeline.hdel(k.guest(Number(id)), ...fields);
      await pipeline.exec();
    },

    /** Erases a guest's personal data (a "forget me" request) and gives a freed seat to the waitlist, in one script. */
    async forget(userId: number, now: Date, capacity: number | undefined): Promise<SeatChange | undefined> {
      const result = await forgetScript(
        10,
        k.guest(userId),
        k.guests,
        k.checkedIn,
        ...statusKeys,
        k.untold,
        k.status("pending"),
        k.status("declined"),
        k.cards(userId),
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
