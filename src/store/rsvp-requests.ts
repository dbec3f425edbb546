import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";
import { durable } from "./redis.js";
import { SEAT_HELPERS } from "./rsvp-seats.js";
import type { RsvpStatus } from "./rsvp-records.js";

// Decides a request (rsvp.approval) once: pending → confirmed or waitlisted (approve: seats as at
// registration) or declined. KEYS: guest, confirmed, waitlisted, pending, declined. ARGV: user id,
// now (ms), now (ISO), "approve" / "decline", organiser id, organiser name, reason, guest key prefix,
// capacity. Returns {new status} or {"decided", status, by name} when it was decided before (or gone).
const DECIDE = `${SEAT_HELPERS}
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'pending' then
  return {'decided', status or 'gone', redis.call('HGET', KEYS[1], 'decidedByName') or ''}
end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HSET', KEYS[1], 'decidedAt', ARGV[3], 'decidedBy', ARGV[5], 'decidedByName', ARGV[6], 'updatedAt', ARGV[3])
local next
if ARGV[4] == 'decline' then
  next = 'declined'
  redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
  redis.call('HSET', KEYS[1], 'declineReason', ARGV[7])
else
  next = seatOrWait(KEYS[1], KEYS[2], KEYS[3], ARGV[8], ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[9]))
end
redis.call('HSET', KEYS[1], 'status', next)
return {next}
`;

/** Requests awaiting approval (rsvp.approval): the decision, the /requests pages and the organisers' cards. */
export function createRsvpRequestRepository(redis: Redis, keys: Keyspace) {
  const decideScript = defineScript(redis, "rsvpDecide", DECIDE);
  const k = keys.rsvp;
  return {
    /**
     * Approves or declines a pending request, once: the first organiser's tap decides, in one script;
     * a later one learns the status it got and who decided.
     */
    async decide(
      userId: number,
      decision: { approve: true } | { approve: false; reason: string },
      by: { id: number; name: string },
      now: Date,
      capacity: number | undefined,
    ): Promise<{ decided: true; status: RsvpStatus } | { decided: false; status: RsvpStatus | "gone"; by: string }> {
      const result = (await decideScript(
        5,
        k.guest(userId),
        k.status("confirmed"),
        k.status("waitlisted"),
        k.status("pending"),
        k.status("declined"),
        String(userId),
        String(now.getTime()),
        now.toISOString(),
        decision.approve ? "approve" : "decline",
        String(by.id),
        by.name,
        decision.approve ? "" : decision.reason,
        k.guestPrefix,
        String(capacity ?? 0),
      )) as string[];
      if (result[0] === "decided") return { decided: false, status: result[1] as RsvpStatus | "gone", by: result[2] ?? "" };
      if (result[0] === "waitlisted" || result[0] === "confirmed") await durable(redis); // the guest is told next
      return { decided: true, status: result[0] as RsvpStatus };
    },

    /** Pending requests, oldest first, with the time each was made (ms: /requests' "Approve all shown" range). */
    async pendingPage(offset: number, count: number): Promise<{ total: number; page: { userId: number; at: number }[] }> {
      const [total, flat] = await Promise.all([
        redis.zcard(k.status("pending")),
        redis.zrange(k.status("pending"), offset, offset + count - 1, "WITHSCORES"),
      ]);
      const page: { userId: number; at: number }[] = [];
      for (let i = 0; i < flat.length; i += 2) page.push({ userId: Number(flat[i]), at: Number(flat[i + 1]) });
      return { total, page };
    },

    /** Pending requests made between two times (ms, inclusive): those an organiser was shown on a page. */
    async pendingBetween(from: number, to: number): Promise<number[]> {
      return (await redis.zrangebyscore(k.status("pending"), from, to)).map(Number);
    },

    /** Where each organiser's card of a request is (chat id → message id), to show the decision on all of them. */
    async rememberCard(userId: number, chatId: number, messageId: number): Promise<void> {
      await redis.hset(k.cards(userId), String(chatId), String(messageId));
    },

    async cards(userId: number): Promise<{ chatId: number; messageId: number }[]> {
      const all = await redis.hgetall(k.cards(userId));
      return Object.entries(all).map(([chatId, messageId]) => ({ chatId: Number(chatId), messageId: Number(messageId) }));
    },
  };
}

export type RsvpRequestRepository = ReturnType<typeof createRsvpRequestRepository>;
