import type { Redis } from "ioredis";

/** Counts a hit; the first hit of a window sets the window's expiry. */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return hits`;

/**
 * The per-user counters of the flood limit, in the shape @grammyjs/ratelimiter asks of a Redis
 * client (incr, pexpire). The plugin sends PEXPIRE after a first INCR, a second round trip on
 * most updates; here both happen in one script, so pexpire has nothing left to do.
 */
export function floodCounters(redis: Redis, windowMs: number) {
  return {
    incr: async (key: string) => (await redis.eval(HIT, 1, key, windowMs)) as number,
    pexpire: async () => 1,
  };
}
