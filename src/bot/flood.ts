import type { Middleware } from "grammy";
import type { Redis } from "ioredis";
import type { Keyspace } from "../store/keys.js";
import type { BotContext } from "./context.js";

/** Humans tap and type far slower than this; scripts and stuck clients do not. */
const WINDOW_MS = 2_000;
const NOTICE_EVERY_SECONDS = 60;

/** Counts one update of a user in the current window (the window starts with its first update): one round trip. */
const COUNT = `
local hits = redis.call("INCR", KEYS[1])
if hits == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return hits`;

type CountCommand = (key: string, windowMs: number) => Promise<number>;

export interface FloodLimit {
  /** Starts counting the update, so the count travels to Redis with the session read. */
  count: Middleware<BotContext>;
  /** Past the limit, drops the update (one polite notice a minute); it needs the count and i18n. */
  limit: Middleware<BotContext>;
}

/**
 * Per-user flood limit shared by all processes (counters in Redis): past the limit a user's
 * updates are dropped, with one polite notice a minute; other users are not affected.
 */
export function floodLimit(redis: Redis, keys: Keyspace, updatesPerWindow: number): FloodLimit {
  if (updatesPerWindow === 0) return { count: (_ctx, next) => next(), limit: (_ctx, next) => next() };
  redis.defineCommand("countFlood", { numberOfKeys: 1, lua: COUNT });
  const countScript = (redis as unknown as { countFlood: CountCommand }).countFlood.bind(redis);
  const counts = new WeakMap<BotContext, Promise<number>>();
  return {
    count(ctx, next) {
      if (ctx.from) {
        const hits = countScript(keys.rateLimitPrefix + ctx.from.id, WINDOW_MS);
        // Awaited by `limit`; an update that fails before it must not leave an unhandled rejection.
        hits.catch(() => undefined);
        counts.set(ctx, hits);
      }
      return next();
    },
    async limit(ctx, next) {
      const counted = counts.get(ctx);
      if (!counted) return next();
      const hits = await counted;
      if (hits <= updatesPerWindow) return next();
      if (hits > updatesPerWindow + 1 || !ctx.from || ctx.chat?.type !== "private") return;
      const first = await redis.set(keys.floodNotice(ctx.from.id), "1", "EX", NOTICE_EVERY_SECONDS, "NX");
      if (first === "OK") await ctx.reply(ctx.t("flood-notice"));
    },
  };
}
