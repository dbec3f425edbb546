/** The bot processes of the benchmark (bench/bot-process.ts), each forked against its own emulator. */
import { randomUUID } from "node:crypto";
import { fork } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { BUNDLED_EVENT_FILE } from "../../src/event/load.js";
import { deleteKeysWithPrefix } from "../../src/store/redis.js";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { bundle } from "../../tools/build/bundle.js";
import { API_LATENCY_MS, DEBUG, REDIS_URL, PRODUCTION_NODE_FLAGS, THROUGH_TSX } from "./settings.js";

/** How late the benchmark's own event loop runs (it drives the users and the emulator). */
export const driverLoop = monitorEventLoopDelay({ resolution: 5 });
driverLoop.enable();

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The bots run as production does, bundled into one JavaScript file (npm run build:
 * dist/server/main.js), not through tsx, whose loader adds its own memory and start-up time. The
 * bundle of bench/bot-process.ts goes into a temporary directory, removed at exit.
 */
async function bundleBots(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "wealmaty-bench-"));
  process.on("exit", () => rmSync(out, { recursive: true, force: true }));
  const file = join(out, "bench", "bot-process.mjs");
  await bundle(join(ROOT, "bench", "bot-process.ts"), file);
  // Where the bundle's i18n looks for them, as dist/locales beside dist/server/.
  cpSync(join(ROOT, "src", "locales"), join(out, "locales"), { recursive: true });
  if (DEBUG) console.log(`  bundled the bot processes into ${relative(ROOT, file)}`);
  return file;
}
const BOT_PROCESS = THROUGH_TSX ? fileURLToPath(new URL("../bot-process.ts", import.meta.url)) : await bundleBots();

export interface BotStats {
  redisCommands: number;
  /** Bytes the bot's own Redis connection has sent and received. */
  redisBytes: number;
  rssMb: number;
  heapUsedMb: number;
  peakRssMb: number;
  /** The bot's longest event-loop delay since resetLoopDelay(), in ms. */
  loopMaxMs: number;
  /** CPU time the bot's process has used so far (user and system), in ms. */
  cpuMs: number;
  /** The bot's major (mark-compact) garbage collections since resetLoopDelay(): how many, and the longest pause in ms. */
  majorGcs: { count: number; longestMs: number };
}

export interface BotProcess {
  api: FakeBotApi;
  /** Milliseconds from forking the process to its first getUpdates. */
  startupMs: number;
  /** Resident memory once started, before any update. */
  idleRssMb: number;
  stats(): Promise<BotStats>;
  resetLoopDelay(): void;
  /** Stops the bot and returns its peak memory in MB. */
  stop(): Promise<number>;
}

/** Forks a bot (bench/bot-process.ts) against a fresh emulator under its own Redis prefix. */
export async function startBotProcess(kind: "wealmaty" | "echo-runner"): Promise<BotProcess> {
  // The bot reports when it is done with each update: the runner confirms updates as it fetches them.
  const api = await FakeBotApi.start({ maxPollTimeoutSeconds: 1, recordCalls: false, handledWhen: "reported" });
  const prefix = `bench-${kind}:${randomUUID()}:`;
  if (API_LATENCY_MS > 0) {
    // A long poll's own round trip overlaps the handling of the batch before it: only the answers wait.
    api.gateCalls((method) => (method === "getUpdates" ? undefined : new Promise((resolve) => setTimeout(resolve, API_LATENCY_MS))));
  }
  let firstPoll: number | undefined;
  const stopWatching = api.gateCalls((method) => {
    if (method === "getUpdates") firstPoll ??= performance.now();
  });
  const forkedAt = performance.now();
  const child = fork(BOT_PROCESS, [kind], {
    execArgv: [
      ...(THROUGH_TSX ? ["--import", "tsx"] : []),
      ...(kind === "wealmaty" ? PRODUCTION_NODE_FLAGS : []),
      // The bot's own: the echo bot stays the same reference whatever is tried.
      ...(kind === "wealmaty" ? (process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []) : []),
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
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
  while (firstPoll === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  stopWatching();
  child.on("message", (message: { handled?: number[] }) => {
    for (const updateId of message.handled ?? []) api.reportHandled(updateId);
  });
  const reply = <T>(key: string) =>
    new Promise<T>((resolve) => {
      const listener = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off("message", listener);
        resolve(message[key] as T);
      };
      child.on("message", listener);
    });
  const stats = () => {
    const answer = reply<BotStats>("stats");
    child.send({ stats: true });
    return answer;
  };
  return {
    api,
    startupMs: firstPoll - forkedAt,
    idleRssMb: (await stats()).rssMb,
    stats,
    resetLoopDelay() {
      child.send({ resetLoopDelay: true });
      driverLoop.reset();
    },
    async stop() {
      const report = reply<number>("peakRssMb");
      const cpu = reply<number>("cpuSeconds");
      child.send({ stop: true });
      const [peakRssMb, cpuSeconds] = await Promise.all([report, cpu]);
      if (DEBUG) {
        console.log(
          `  [${kind}] bot CPU ${cpuSeconds.toFixed(1)} s; driver CPU ${(process.cpuUsage().user / 1e6).toFixed(1)} s, ` +
            `driver event loop delay p99 ${(driverLoop.percentile(99) / 1e6).toFixed(1)} ms`,
        );
      }
      const redis = new Redis(REDIS_URL);
      await deleteKeysWithPrefix(redis, prefix);
      await redis.quit();
      await api.close();
      return peakRssMb;
    },
  };
}

// --- the closed-loop driver ------------------------------------------------------------------
