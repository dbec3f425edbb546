import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";

/**
 * The first start with announcements: records the baseline and marks every event given as known,
 * in one step, so a second instance starting at once never sees the baseline without the marks.
 * KEYS: baseline, then one "announced" key per event. ARGV: now (ISO). Returns 1 if this call set it.
 */
const BASELINE_SCRIPT = `
if redis.call('set', KEYS[1], ARGV[1], 'NX') == false then return 0 end
for i = 2, #KEYS do redis.call('set', KEYS[i], 'known', 'NX') end
return 1
`;

/** Followers of the series: everyone who started the bot, minus those who muted it; and which events were announced. */
export function createFollowerRepository(redis: Redis, keys: Keyspace) {
  const baseline = defineScript(redis, "followersBaseline", BASELINE_SCRIPT);
  return {
    async isMuted(userId: number): Promise<boolean> {
      return (await redis.sismember(keys.followersMuted, String(userId))) === 1;
    },

    /** Turns the user's notifications off (true) or on (false). */
    async setMuted(userId: number, muted: boolean): Promise<void> {
      if (muted) await redis.sadd(keys.followersMuted, String(userId));
      else await redis.srem(keys.followersMuted, String(userId));
    },

    async mutedIds(): Promise<Set<number>> {
      return new Set((await redis.smembers(keys.followersMuted)).map(Number));
    },

    /**
     * On the deployment's first start with announcements, the events present are known (not
     * announced): returns true if this call made that baseline.
     */
    async setBaseline(eventIds: readonly string[], now: Date): Promise<boolean> {
      const eventKeys = eventIds.map((id) => keys.followersAnnounced(id));
      return (await baseline(1 + eventKeys.length, keys.followersBaseline, ...eventKeys, now.toISOString())) === 1;
    },

    /** "known" (there at the baseline), "sent" (announced), or undefined (not yet). */
    async announced(eventId: string): Promise<string | undefined> {
      return (await redis.get(keys.followersAnnounced(eventId))) ?? undefined;
    },

    async markAnnounced(eventId: string): Promise<void> {
      await redis.set(keys.followersAnnounced(eventId), "sent", "NX");
    },
  };
}

export type FollowerRepository = ReturnType<typeof createFollowerRepository>;
