import { limit } from "@grammyjs/ratelimiter";
import type { Middleware } from "grammy";
import type { Redis } from "ioredis";
import type { Keyspace } from "../store/keys.js";
import type { BotContext } from "./context.js";

/** Humans tap and type far slower than this; scripts and stuck clients do not. */
const WINDOW_MS = 2_000;
const NOTICE_EVERY_SECONDS = 60;

/**
 * Per-user flood limit shared by all processes (counters in Redis): past the limit a user's
 * updates are dropped, with one polite notice a minute; other users are not affected.
 */
export function floodLimit(redis: Redis, keys: Keyspace, updatesPerWindow: number): Middleware<BotContext> {
  if (updatesPerWindow === 0) return (_ctx, next) => next();
  return limit<BotContext, Redis>({
    timeFrame: WINDOW_MS,
    limit: updatesPerWindow,
    storageClient: redis,
    keyPrefix: keys.rateLimitPrefix,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      if (!ctx.from || ctx.chat?.type !== "private") return;
      const first = await redis.set(keys.floodNotice(ctx.from.id), "1", "EX", NOTICE_EVERY_SECONDS, "NX");
      if (first === "OK") await ctx.reply(ctx.t("flood-notice"));
    },
  });
}
