import { randomUUID } from "node:crypto";
import { afterEach } from "vitest";
import { Redis } from "ioredis";
import { pino } from "pino";
import { parseConfig } from "../../src/config.js";
import { BUNDLED_EVENT_FILE, loadEvent, type EventInfo } from "../../src/event/load.js";
import { loadSeriesDir } from "../../src/event/series.js";
import { startBot, type RunningBot } from "../../src/app/start.js";
import type { SeriesReloadedHook } from "../../src/app/series-runtime.js";
import { connectRedis, deleteKeysWithPrefix } from "../../src/store/redis.js";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { TelegramUser } from "./telegram-user.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A clock the test moves by hand: deadlines and countdowns at any moment. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current);
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestBotOptions {
  /** An event file path; default: the bundled WeAlmaty forum. */
  eventFile?: string;
  /** A folder of event files (EVENTS_DIR): the bot runs that series instead of one file. */
  eventsDir?: string;
  /** The moment the bot believes it is; default: one week before the event starts. */
  now?: Date | string;
  /** Organisers' user ids (as ADMIN_IDS). */
  adminIds?: number[];
  /** Another Redis than the shared one (e.g. one the test stops and starts). */
  redisUrl?: string;
  /** Updates per user per 2 s (FLOOD_LIMIT); off by default so tests can type fast. */
  floodLimit?: number;
  /** The lowest level logs() captures (default "error"). */
  logLevel?: string;
  /** More variables for the configuration, e.g. REDIS_SENTINELS (they win over the ones above). */
  env?: Record<string, string>;
  /** The Mini App's built front end (with MINIAPP_URL in env). */
  miniappDir?: string;
  /** Another bot id than the emulator's default (a second bot on the same Redis prefix keeps its own inbox). */
  botId?: number;
  /** Steps run after each successful /reload (src/app/series-runtime.ts). */
  onSeriesReloaded?: SeriesReloadedHook[];
}

export interface TestBot {
  api: FakeBotApi;
  redis: Redis;
  /** The unique Redis key prefix of this test. */
  prefix: string;
  event: EventInfo;
  clock: TestClock;
  running: RunningBot;
  /** A Telegram user in a private chat with the bot. */
  user(options?: { id?: number; firstName?: string; languageCode?: string; username?: string }): TelegramUser;
  /** Error-level log lines the bot wrote (failed updates, unhandled errors). */
  errors(): string[];
  /** Every log line the bot wrote at logLevel or above. */
  logs(): string[];
  /** Stops the bot and starts it again on the same Redis prefix and fake server, maybe with another event file or admin list. */
  restart(options?: { eventFile?: string; adminIds?: number[] }): Promise<void>;
  /**
   * Stops the bot, deletes this test's keys and closes the fake server; then fails if the bot
   * answered any callback query twice (Telegram refuses the second answer with a 400, which the
   * bot meets as an error in the middle of a flow), so every test checks it.
   */
  stop(): Promise<void>;
}

let nextUserId = 1000;

/**
 * Starts the real bot (the production start-up path, long polling) against a fresh fake Bot
 * API server and the real Redis under a unique prefix.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  // The bot confirms updates once stored, and reports when it is done with each.
  const api = await FakeBotApi.start({ handledWhen: "reported", ...(options.botId ? { botInfo: { id: options.botId } } : {}) });
  const prefix = `test:${randomUUID()}:`;
  const redisUrl = options.redisUrl ?? REDIS_URL;

  const eventFile = options.eventFile ?? BUNDLED_EVENT_FILE;
  const series = options.eventsDir ? loadSeriesDir(options.eventsDir) : undefined;
  const event = series ? series.events[0]! : loadEvent(eventFile);
  const clock = new TestClock(new Date(options.now ?? event.startsAt.getTime() - 7 * 86_400_000));
  const config = parseConfig({
    BOT_TOKEN: api.token,
    BOT_API_ROOT: api.apiRoot,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    ...(options.eventsDir ? { EVENTS_DIR: options.eventsDir } : { EVENT_FILE: eventFile }),
    ADMIN_IDS: (options.adminIds ?? []).join(","),
    LOG_LEVEL: "silent",
    FLOOD_LIMIT: String(options.floodLimit ?? 0),
    ...options.env,
  });
  // As before the factory: ioredis' reconnection pace and no auto-pipelining (the emulator's 5 s waits are tuned to them).
  const redis = connectRedis(config, "bot", { retryStrategy: (attempt) => Math.min(attempt * 50, 2_000), enableAutoPipelining: false });
  redis.on("error", () => undefined); // outages are what some tests are about; the bot logs them
  const errorLines: string[] = [];
  const lines: string[] = [];
  const echo = process.env.TEST_LOG_LEVEL;
  const logger = pino(
    { level: echo ?? options.logLevel ?? "error" },
    {
      write(line: string) {
        lines.push(line);
        if ((JSON.parse(line) as { level: number }).level >= 50) errorLines.push(line);
        if (echo) process.stderr.write(line);
      },
    },
  );
  const running = await startBot(config, series ?? event, logger, {
    redis,
    clock: clock.now,
    onUpdateHandled: (id) => api.reportHandled(id),
    miniappDir: options.miniappDir,
    onSeriesReloaded: options.onSeriesReloaded,
  });

  const bot: TestBot = {
    api,
    redis,
    prefix,
    event,
    clock,
    running,
    errors: () => [...errorLines],
    logs: () => [...lines],
    async restart(restartOptions = {}) {
      await bot.running.stop();
      const file = restartOptions.eventFile ?? eventFile;
      // A series bot restarts on its folder as it is now (files added or removed meanwhile).
      const again = options.eventsDir && !restartOptions.eventFile ? loadSeriesDir(options.eventsDir) : undefined;
      bot.event = again ? again.events[0]! : loadEvent(file);
      const admins = restartOptions.adminIds ?? config.ADMIN_IDS;
      const eventConfig = again ? { EVENTS_DIR: options.eventsDir } : { EVENT_FILE: file };
      bot.running = await startBot({ ...config, ...eventConfig, ADMIN_IDS: admins }, again ?? bot.event, logger, {
        redis,
        clock: clock.now,
        onUpdateHandled: (id) => api.reportHandled(id),
        miniappDir: options.miniappDir,
      });
    },
    user(userOptions = {}) {
      return new TelegramUser(api, {
        id: userOptions.id ?? nextUserId++,
        firstName: userOptions.firstName ?? "Aigerim",
        languageCode: userOptions.languageCode,
        username: userOptions.username,
      });
    },
    async stop() {
      try {
        await bot.running.stop();
      } finally {
        await deleteKeysWithPrefix(redis, prefix);
        await redis.quit();
        await api.close();
      }
      const twice = api.callbacksAnsweredTwice;
      if (twice.length > 0) throw new Error(`callback queries answered twice: ${twice.join(", ")}`);
    },
  };
  return bot;
}

/**
 * For a file whose tests each start their own bot: returns the function that starts one, and
 * after each test stops every bot it started (which deletes their keys), failed tests included.
 */
export function botPerTest(defaults: TestBotOptions = {}): (options?: TestBotOptions) => Promise<TestBot> {
  const started: TestBot[] = [];
  afterEach(async () => {
    const outcomes = await Promise.allSettled(started.splice(0).map((bot) => bot.stop()));
    const failure = outcomes.find((outcome) => outcome.status === "rejected");
    if (failure) throw failure.reason;
  });
  return async (options = {}) => {
    const bot = await startTestBot({ ...defaults, ...options });
    started.push(bot);
    return bot;
  };
}
