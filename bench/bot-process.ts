/**
 * One bot process for bench/updates.ts: the WeAlmaty bot (the production start-up path) or a
 * bare grammY echo bot with a Redis session (on grammY's default HTTP transport or on undici),
 * against the emulator at BOT_API_ROOT. It runs apart from the emulator and the simulated users,
 * so its own CPU and memory are what is measured.
 * It tells the parent which updates it is done with; on "stop" it reports its peak memory and exits.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Bot, type Context, session, type SessionFlavor } from "grammy";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Redis } from "ioredis";
import { pino } from "pino";
import { parseConfig } from "../src/config.js";
import { loadEvent } from "../src/event/load.js";
import { botApiClient } from "../src/bot/http.js";
import { startBot } from "../src/bot/start.js";

const kind = process.argv[2];
const config = parseConfig({ ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent" });
let stop: () => Promise<void>;

if (kind === "wealmaty") {
  const event = loadEvent(config.EVENT_FILE);
  // A week before the event: registration and ideas are open.
  const now = () => new Date(event.startsAt.getTime() - 7 * 86_400_000);
  // The bot confirms updates to Telegram once stored; the emulator learns when each is done from
  // these reports, sent to the parent in one message per tick.
  let handled: number[] = [];
  const reportHandled = (updateId: number) => {
    if (handled.push(updateId) === 1) {
      setImmediate(() => {
        process.send?.({ handled });
        handled = [];
      });
    }
  };
  const running = await startBot(config, event, pino({ level: config.LOG_LEVEL }, pino.destination(2)), {
    clock: now,
    onUpdateHandled: reportHandled,
  });
  stop = running.stop;
} else {
  type EchoContext = Context & SessionFlavor<{ count: number }>;
  const redis = new Redis(config.REDIS_URL);
  // "echo": grammY's defaults; "echo-undici": the WeAlmaty bot's HTTP transport.
  const client = kind === "echo-undici" ? botApiClient(config.BOT_API_ROOT) : { apiRoot: config.BOT_API_ROOT };
  const bot = new Bot<EchoContext>(config.BOT_TOKEN, { client });
  const storage = new RedisAdapter<{ count: number }>({ instance: redis });
  bot.use(session({ initial: () => ({ count: 0 }), prefix: config.REDIS_PREFIX, storage }));
  bot.on("message:text", async (ctx) => {
    ctx.session.count++;
    await ctx.reply(ctx.message.text, { reply_markup: { inline_keyboard: [[{ text: "echo", callback_data: "echo" }]] } });
  });
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  // grammY's built-in long polling, as a bare bot runs.
  void bot.start();
  stop = async () => {
    await bot.stop();
    await redis.quit();
  };
}

// How late the event loop runs (GC pauses, long synchronous work), for BENCH_DEBUG.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

process.send?.({ ready: true });
// The benchmark is gone (finished, failed or interrupted): so is this bot.
process.on("disconnect", () => process.exit(1));
process.on("message", async (message: { stop?: boolean; resetLoopDelay?: boolean }) => {
  if (message.resetLoopDelay) loopDelay.reset();
  if (!message.stop) return;
  const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  await stop();
  const cpu = process.cpuUsage();
  process.send?.({ peakRssMb: process.resourceUsage().maxRSS / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6, loop });
  process.exit(0);
});
