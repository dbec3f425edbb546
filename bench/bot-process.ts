/**
 * One bot process for bench/updates.ts: the WeAlmaty bot (the production start-up path) or the
 * reference, an echo bot with a Redis session on @grammyjs/runner (concurrent across chats,
 * sequential per chat), against the emulator at BOT_API_ROOT. It runs apart from the emulator and
 * the simulated users, so its own CPU and memory are what is measured.
 * It tells the parent which updates it is done with, answers {stats} with its Redis commands sent
 * and memory so far, and on {stop} reports its peak memory and exits.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { Bot, type Context, session, type SessionFlavor } from "grammy";
import { run, sequentialize } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Redis } from "ioredis";
import { pino } from "pino";
import { parseConfig } from "../src/config.js";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { startBot } from "../src/app/start.js";
import { connectRedis } from "../src/store/redis.js";

const kind = process.argv[2];
const config = parseConfig({ ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent" });
let stop: () => Promise<void>;

/** Commands this bot's own Redis connection sent (pipelined and scripted ones count one each). */
let redisCommands = 0;
let counted: Redis | undefined;
function countCommands(redis: Redis): Redis {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (...args: Parameters<Redis["sendCommand"]>) => (redisCommands++, send(...args));
  counted = redis;
  return redis;
}

/** Bytes that connection has sent and received so far (its current socket's: the benchmark never reconnects). */
const redisBytes = () => (counted?.stream ? counted.stream.bytesWritten + counted.stream.bytesRead : 0);

// The emulator learns when each update is done from these reports, sent in one message per tick.
let handled: number[] = [];
const reportHandled = (updateId: number) => {
  if (handled.push(updateId) === 1) {
    setImmediate(() => {
      process.send?.({ handled });
      handled = [];
    });
  }
};

if (kind === "wealmaty") {
  const event = loadEvent(config.EVENT_FILE ?? BUNDLED_EVENT_FILE);
  // A week before the event: registration and ideas are open.
  const now = () => new Date(event.startsAt.getTime() - 7 * 86_400_000);
  const redis = countCommands(connectRedis(config));
  const running = await startBot(config, event, pino({ level: config.LOG_LEVEL }, pino.destination(2)), {
    redis,
    clock: now,
    onUpdateHandled: reportHandled,
  });
  stop = async () => {
    await running.stop();
    await redis.quit();
  };
} else if (kind === "echo-runner") {
  type EchoContext = Context & SessionFlavor<{ count: number }>;
  const redis = countCommands(new Redis(config.REDIS_URL));
  const bot = new Bot<EchoContext>(config.BOT_TOKEN, { client: { apiRoot: config.BOT_API_ROOT } });
  // Done once the session is written back (session() writes after the handler).
  bot.use(async (ctx, next) => {
    await next();
    reportHandled(ctx.update.update_id);
  });
  // The runner's documented set-up with sessions: one chat's updates in order, chats side by side.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  const storage = new RedisAdapter<{ count: number }>({ instance: redis });
  bot.use(session({ initial: () => ({ count: 0 }), prefix: config.REDIS_PREFIX, storage }));
  bot.on("message:text", async (ctx) => {
    ctx.session.count++;
    await ctx.reply(ctx.message.text);
  });
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  const runner = run(bot);
  stop = async () => {
    await runner.stop();
    await redis.quit();
  };
} else {
  throw new Error(`unknown bot kind ${kind}`);
}

// How late the event loop runs (GC pauses, long synchronous work), for BENCH_DEBUG.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

// Its major collections, for BENCH_DEBUG: a half-rate tail that comes with them is the heap's, not a stall's.
const majorGcs = { count: 0, longestMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    majorGcs.count++;
    majorGcs.longestMs = Math.max(majorGcs.longestMs, entry.duration);
  }
}).observe({ entryTypes: ["gc"] });

const mb = (bytes: number) => bytes / 1024 / 1024;
process.send?.({ ready: true });
// The benchmark is gone (finished, failed or interrupted): so is this bot.
process.on("disconnect", () => process.exit(1));
process.on("message", async (message: { stop?: boolean; stats?: boolean; resetLoopDelay?: boolean }) => {
  if (message.resetLoopDelay) {
    loopDelay.reset();
    Object.assign(majorGcs, { count: 0, longestMs: 0 });
  }
  if (message.stats) {
    const loopMaxMs = loopDelay.max / 1e6;
    // With BENCH_NODE_FLAGS=--expose-gc the heap figure is what is retained, garbage collected first.
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const cpu = process.cpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    process.send?.({
      stats: {
        redisCommands,
        redisBytes: redisBytes(),
        rssMb: mb(memory.rss),
        heapUsedMb: mb(memory.heapUsed),
        peakRssMb,
        loopMaxMs,
        cpuMs,
        majorGcs,
      },
    });
  }
  if (!message.stop) return;
  const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  await stop();
  const cpu = process.cpuUsage();
  process.send?.({ peakRssMb: process.resourceUsage().maxRSS / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6, loop });
  process.exit(0);
});
