/**
 * npm run bench:updates — 1,000 simulated users run the real flows (start, info, RSVP, idea)
 * through the local Bot API emulator against the real Redis, then the same traffic goes to a
 * bare grammY echo bot with a Redis session, the reference; and to that echo bot on the bot's
 * own HTTP transport (undici), a stricter one, printed alongside. Prints updates/s, p50/p99 time
 * from an update to the bot's first answer, Redis commands per update and the bot process's
 * peak memory. Each bot runs in its own process (bench/bot-process.ts).
 */
import { randomUUID } from "node:crypto";
import { fork } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { BUNDLED_EVENT_FILE } from "../src/event/load.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { FakeBotApi, type ApiCall } from "../src/emulator/fake-bot-api.js";
import { registerInEnglish } from "../test/support/flows.js";
import { TelegramUser } from "../test/support/telegram-user.js";

const driverLoop = monitorEventLoopDelay({ resolution: 5 });
driverLoop.enable();

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const USERS = Number(process.env.BENCH_USERS ?? 1000);

type Flow = (user: TelegramUser) => Promise<unknown>;

/** The real flows, as an attendee taps through them (English labels). */
const wealmatyFlow: Flow = async (user) => {
  await user.command("start");
  await user.tap("ℹ️ Event info");
  await user.tap("📋 Programme");
  await registerInEnglish(user);
  await user.command("idea");
  await user.tap("✍️ Propose an idea");
  await user.tap("Bike lanes");
  await user.send("A protected bike lane along Abay avenue from the river to the university");
  await user.tap("Skip ➡️");
  await user.tapReply("Skip ➡️");
  await user.tap("✅ Submit");
};

/** The same number of updates for the echo bot: texts and taps on its echo button. */
const echoFlow: Flow = async (user) => {
  for (let step = 0; step < 17; step++) {
    if (step % 3 === 2) await user.tap("echo");
    else await user.send(`message ${step}`);
  }
};

interface Figures {
  updates: number;
  seconds: number;
  p50: number;
  p99: number;
  redisPerUpdate: number;
  apiCallsPerUpdate: number;
  peakRssMb: number;
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

async function commandsProcessed(redis: Redis): Promise<number> {
  const info = await redis.info("stats");
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

/**
 * Runs `users` users through `flow` at once, each pausing `thinkMs` (randomised) between steps;
 * latency is the time from pushing an update to the first API call that answers it.
 */
async function drive(api: FakeBotApi, redis: Redis, flow: Flow, users: number, firstId: number, thinkMs = 0): Promise<Figures> {
  const pushedAt = new Map<string, number>();
  const latencies: number[] = [];
  const stopListening = api.onCall((call: ApiCall) => {
    const chat = call.payload.chat_id ?? undefined;
    const key = call.method === "answerCallbackQuery" ? `q:${call.payload.callback_query_id}` : `c:${chat}`;
    const started = pushedAt.get(key);
    if (started !== undefined) {
      latencies.push(performance.now() - started);
      pushedAt.delete(key);
    }
  });
  const stopUpdates = api.onUpdate((update) => {
    const query = update.callback_query;
    // A tap is answered by answerCallbackQuery; a message by the first message to its chat.
    if (query) pushedAt.set(`q:${query.id}`, performance.now());
    else if (update.message) pushedAt.set(`c:${update.message.chat.id}`, performance.now());
  });

  const commandsBefore = await commandsProcessed(redis);
  const updatesBefore = api.lastUpdateId;
  let apiCalls = 0;
  const countCalls = api.onCall(() => apiCalls++);
  const started = performance.now();

  const pause = () => new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
  await Promise.all(
    Array.from({ length: users }, async (_, index) => {
      const user = new TelegramUser(api, { id: firstId + index, firstName: `User${index}`, languageCode: "en", timeoutMs: 120_000 });
      if (thinkMs > 0) {
        // Every action is preceded by a pause: an open, steady stream of updates.
        const dispatch = user.dispatch.bind(user);
        user.dispatch = async (update) => (await pause(), dispatch(update));
      }
      try {
        await flow(user);
      } catch (error) {
        // What this user saw, to tell a bot fault from a harness one.
        const transcript = api.conversation(user.id).map((m) => `${m.from}: ${(m.text ?? m.caption ?? m.kind).slice(0, 60)}`);
        throw new Error(`${(error as Error).message}\n${transcript.join("\n")}`, { cause: error });
      }
    }),
  );

  const seconds = (performance.now() - started) / 1000;
  stopListening();
  stopUpdates();
  countCalls();
  const updates = api.lastUpdateId - updatesBefore;
  const commands = (await commandsProcessed(redis)) - commandsBefore;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    updates,
    seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    redisPerUpdate: commands / updates,
    apiCallsPerUpdate: apiCalls / updates,
    peakRssMb: 0,
  };
}

function print(label: string, figures: Figures) {
  console.log(
    `${label.padEnd(36)} ${String(figures.updates).padStart(6)} updates  ${(figures.updates / figures.seconds).toFixed(0).padStart(5)} updates/s` +
      `  p50 ${figures.p50.toFixed(1).padStart(6)} ms  p99 ${figures.p99.toFixed(1).padStart(6)} ms` +
      `  ${figures.redisPerUpdate.toFixed(1).padStart(5)} Redis cmds/update  ${figures.apiCallsPerUpdate.toFixed(1)} API calls/update  bot peak RSS ${figures.peakRssMb.toFixed(0)} MB`,
  );
}

/** Starts a bot process (bench/bot-process.ts) against the emulator under its own Redis prefix. */
async function startBotProcess(kind: "wealmaty" | "echo" | "echo-undici", api: FakeBotApi, prefix: string) {
  const child = fork(fileURLToPath(new URL("./bot-process.ts", import.meta.url)), [kind], {
    execArgv: ["--import", "tsx", ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
    env: {
      ...process.env,
      BOT_TOKEN: api.token,
      BOT_API_ROOT: api.apiRoot,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      EVENT_FILE: BUNDLED_EVENT_FILE,
    },
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`bot process exited with ${code}`)));
  });
  child.on("message", (message: { handled?: number[] }) => {
    for (const updateId of message.handled ?? []) api.reportHandled(updateId);
  });
  return {
    /** Measures the bot's event loop delay from now on. */
    resetLoopDelay() {
      child.send({ resetLoopDelay: true });
      driverLoop.reset();
    },
    /** Stops the bot and returns its peak memory in MB. */
    async stop(): Promise<number> {
      const report = new Promise<number>((resolve) =>
        child.once("message", (m: { peakRssMb: number; cpuSeconds: number; loop: { p99: number; max: number } }) => {
          if (process.env.BENCH_DEBUG) {
            console.log(
              `bot process CPU ${m.cpuSeconds.toFixed(1)} s, event loop delay p99 ${m.loop.p99.toFixed(1)} ms max ${m.loop.max.toFixed(1)} ms` +
                ` (last run); driver CPU ${(process.cpuUsage().user / 1e6).toFixed(1)} s, event loop delay p99 ${(driverLoop.percentile(99) / 1e6).toFixed(1)} ms max ${(driverLoop.max / 1e6).toFixed(1)} ms`,
            );
          }
          resolve(m.peakRssMb);
        }),
      );
      child.send({ stop: true });
      return report;
    },
  };
}

async function benchWealmaty() {
  // The bot reports when it is done with each update (it confirms them to Telegram once stored).
  const api = await FakeBotApi.start({ maxPollTimeoutSeconds: 1, recordCalls: false, handledWhen: "reported" });
  const prefix = `bench:${randomUUID()}:`;
  const redis = new Redis(REDIS_URL);
  const bot = await startBotProcess("wealmaty", api, prefix);
  try {
    const full = await drive(api, redis, wealmatyFlow, USERS, 1_000_000);
    // Half the load just measured: the same number of users, each pausing between steps.
    const halfRate = full.updates / full.seconds / 2;
    bot.resetLoopDelay();
    const half = await drive(api, redis, wealmatyFlow, USERS, 2_000_000, (1000 * USERS) / halfRate);
    const peakRssMb = await bot.stop();
    return { full: { ...full, peakRssMb }, half: { ...half, peakRssMb } };
  } finally {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    await api.close();
  }
}

async function benchEcho(kind: "echo" | "echo-undici") {
  const api = await FakeBotApi.start({ maxPollTimeoutSeconds: 1, recordCalls: false });
  const prefix = `bench-echo:${randomUUID()}:`;
  const redis = new Redis(REDIS_URL);
  const bot = await startBotProcess(kind, api, prefix);
  try {
    const figures = await drive(api, redis, echoFlow, USERS, 3_000_000);
    return { ...figures, peakRssMb: await bot.stop() };
  } finally {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    await api.close();
  }
}

const { full, half } = await benchWealmaty();
const echo = await benchEcho("echo");
// The bot's own HTTP transport (undici) makes the echo bot faster too: a stricter reference, printed alongside.
const echoUndici = await benchEcho("echo-undici");
console.log(`\n${USERS} simulated users, Node ${process.version}, Redis ${REDIS_URL}; each bot in its own process, the emulator and users in this one\n`);
print("WeAlmaty bot, all users at once", full);
print("WeAlmaty bot, at half that rate", half);
print("bare grammY echo bot + Redis session", echo);
print("the same echo bot on undici", echoUndici);
const throughput = full.updates / full.seconds;
const echoThroughput = echo.updates / echo.seconds;
const echoUndiciThroughput = echoUndici.updates / echoUndici.seconds;
console.log(
  `\ngoals: >= 1000 updates/s: ${throughput >= 1000 ? "met" : "NOT met"} (${throughput.toFixed(0)}); ` +
    `p99 < 50 ms at half load: ${half.p99 < 50 ? "met" : "NOT met"} (${half.p99.toFixed(1)} ms); ` +
    `>= half the bare echo bot's throughput: ${throughput >= echoThroughput / 2 ? "met" : "NOT met"} (${((100 * throughput) / echoThroughput).toFixed(0)}%; ` +
    `${((100 * throughput) / echoUndiciThroughput).toFixed(0)}% of the echo bot on undici)`,
);
process.exit(0);
