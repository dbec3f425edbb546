/** The benchmark's settings, from the environment (bench/README.md lists them). */
import { readFileSync } from "node:fs";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const USERS = env("BENCH_USERS", 1000);
export const MESSAGES = env("BENCH_MESSAGES", 10_000);
export const IN_FLIGHT = env("BENCH_IN_FLIGHT", 64);
/** Users who each go through a real flow once (per flow). */
export const FLOW_USERS = env("BENCH_FLOW_USERS", USERS);
export const MEMORY_USERS = env("BENCH_MEMORY_USERS", 12_000);
/** Messages in each echo run beside a workload (see benchWorkloads). */
export const ECHO_SLICE = env("BENCH_ECHO_SLICE", 5000);
/** The share of a workload's size run unmeasured just before it (0 runs one task). */
export const WARM_UP = env("BENCH_WARM_UP", 0.2);
export const SOAK_MINUTES = env("BENCH_SOAK_MINUTES", 0);
/** Every Bot API call but getUpdates is served this many ms late, for both bots: a round trip to the real Telegram. */
export const API_LATENCY_MS = env("BENCH_API_LATENCY_MS", 0);
/** Comma-separated workload names to run (default all): free-text,info-command,start,info,rsvp,idea. */
export const ONLY = process.env.BENCH_ONLY?.split(",");
// BENCH_NODE_FLAGS: extra node flags for the bot processes (e.g. --max-semi-space-size=8), to try memory settings.
export const DEBUG = Boolean(process.env.BENCH_DEBUG);
/** Run the bots' TypeScript through tsx instead of compiled JavaScript (the production form). */
export const THROUGH_TSX = Boolean(process.env.BENCH_TSX);

/** The node flags production runs the bot with (`npm start`, the Dockerfile): the bot's process gets them too, the echo bot none. */
const packageJson = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
export const PRODUCTION_NODE_FLAGS = (JSON.parse(packageJson) as { scripts: { start: string } }).scripts.start
  .split(" ")
  .filter((arg) => arg.startsWith("--"));
