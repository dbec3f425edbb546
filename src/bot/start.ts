import type { Config } from "../config.js";
import type { EventInfo } from "../event/load.js";
import { createStore } from "../store/index.js";
import { connectRedis, type Redis } from "../store/redis.js";
import { registerCommands } from "./commands.js";
import type { Bot } from "grammy";
import type { BotContext, BotDeps } from "./context.js";
import { createI18n } from "./i18n.js";
import { createBot } from "./index.js";
import type { Logger } from "./logger.js";
import { startPolling } from "./polling.js";

export interface RunningBot {
  bot: Bot<BotContext>;
  deps: BotDeps;
  /** Stops taking updates, finishes those in flight, closes Redis. */
  stop(): Promise<void>;
}

/** Wires config, event and Redis into a running bot (long polling). A webhook mode plugs in here. */
export async function startBot(
  config: Config,
  event: EventInfo,
  logger: Logger,
  options: { redis?: Redis; clock?: () => Date; pollingTimeoutSeconds?: number } = {},
): Promise<RunningBot> {
  const redis = options.redis ?? connectRedis(config.REDIS_URL);
  redis.on("error", (error) => logger.warn({ err: error }, "redis error"));
  const store = createStore(redis, config.REDIS_PREFIX);
  const deps: BotDeps = {
    event,
    store,
    logger,
    clock: options.clock ?? (() => new Date()),
    i18n: createI18n(event.languages),
    adminIds: new Set([...event.admins, ...config.ADMIN_IDS]),
  };
  const bot = createBot(config.BOT_TOKEN, deps, config.BOT_API_ROOT ? { client: { apiRoot: config.BOT_API_ROOT } } : undefined);
  await bot.init();
  await registerCommands(bot.api, deps.i18n, event.languages, deps.adminIds);
  const polling = startPolling(bot, { ledger: store.updates, logger, timeoutSeconds: options.pollingTimeoutSeconds });
  logger.info({ bot: bot.botInfo.username, event: event.id }, "bot is running (long polling)");

  return {
    bot,
    deps,
    async stop() {
      await polling.stop();
      if (!options.redis) await redis.quit();
    },
  };
}
