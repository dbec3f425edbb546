import type { Middleware } from "grammy";
import type { FloodCounters } from "../store/flood.js";
import type { BotContext } from "./context.js";

/** Humans tap and type far slower than this; scripts and stuck clients do not. */
const WINDOW_MS = 2_000;
const NOTICE_EVERY_SECONDS = 60;

export interface FloodLimit {
  /** Starts counting the update: the count travels to Redis with the session read (src/store/sessions.ts). */
  count: Middleware<BotContext>;
  /** Past the limit, drops the update (one polite notice a minute); it needs the count and i18n. */
  limit: Middleware<BotContext>;
}

/**
 * Per-user flood limit shared by all processes (counters in Redis): past the limit a user's
 * updates are dropped, with one polite notice a minute; other users are not affected.
 */
export function floodLimit(counters: FloodCounters, updatesPerWindow: number): FloodLimit {
  if (updatesPerWindow === 0) return { count: (_ctx, next) => next(), limit: (_ctx, next) => next() };
  const counts = new WeakMap<BotContext, Promise<number>>();
  return {
    count(ctx, next) {
      if (ctx.from) {
        const hits = counters.count(ctx.from.id, WINDOW_MS, ctx.chatId);
        // Awaited by `limit`; an update that fails before it must not leave an unhandled rejection.
        hits.catch(() => undefined);
        counts.set(ctx, hits);
      }
      return next();
    },
    async limit(ctx, next) {
      const counted = counts.get(ctx);
      if (!counted) return next();
      if (ctx.chatId !== undefined) counters.settle(ctx.chatId);
      const hits = await counted;
      if (hits <= updatesPerWindow) return next();
      if (hits > updatesPerWindow + 1 || !ctx.from || ctx.chat?.type !== "private") return;
      if (await counters.noticeDue(ctx.from.id, NOTICE_EVERY_SECONDS)) await ctx.reply(ctx.t("flood-notice"));
    },
  };
}
