/**
 * npm run bench:updates — the bot against the reference, in the same run: an echo bot with a Redis
 * session on @grammyjs/runner (concurrent across chats, sequential per chat), the fastest way a
 * grammY bot runs. Both get the same emulator and the same closed-loop driver: BENCH_MESSAGES
 * messages from BENCH_USERS users, BENCH_IN_FLIGHT updates in flight at most. Prints, per workload
 * (free text, /info, and the real flows: start, event info, the RSVP form to its ticket, an idea),
 * updates/s and its ratio to the reference, p50/p99 from an update to its first answer at full
 * load and at half that rate, Redis commands and API calls per update and the bot's peak memory;
 * then the peak memory after BENCH_MEMORY_USERS distinct users each started the bot, the start-up
 * time (process start to the first getUpdates) and, with BENCH_SOAK_MINUTES, a soak at a steady
 * rate. Each bot runs in its own process (bench/bot-process.ts). bench/README.md has the figures.
 */
import { randomUUID } from "node:crypto";
import { fork } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import ts from "typescript";
import { BUNDLED_EVENT_FILE } from "../src/event/load.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { FakeBotApi, type ApiCall } from "@wealmaty/telegram-emulator";
import { proposeIdeaInEnglish, registerInEnglish } from "../test/support/flows.js";
import { TelegramUser } from "../test/support/telegram-user.js";

const driverLoop = monitorEventLoopDelay({ resolution: 5 });
driverLoop.enable();

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const USERS = env("BENCH_USERS", 1000);
const MESSAGES = env("BENCH_MESSAGES", 10_000);
const IN_FLIGHT = env("BENCH_IN_FLIGHT", 64);
/** Users who each go through a real flow once (per flow). */
const FLOW_USERS = env("BENCH_FLOW_USERS", USERS);
const MEMORY_USERS = env("BENCH_MEMORY_USERS", 12_000);
/** Messages in each echo run beside a workload (see benchWorkloads). */
const ECHO_SLICE = env("BENCH_ECHO_SLICE", 5000);
const SOAK_MINUTES = env("BENCH_SOAK_MINUTES", 0);
/** Comma-separated workload names to run (default all): free-text,info-command,start,info,rsvp,idea. */
const ONLY = process.env.BENCH_ONLY?.split(",");
// BENCH_NODE_FLAGS: extra node flags for the bot processes (e.g. --max-semi-space-size=8), to try memory settings.
const DEBUG = Boolean(process.env.BENCH_DEBUG);
/** Run the bots' TypeScript through tsx instead of compiled JavaScript (the production form). */
const THROUGH_TSX = Boolean(process.env.BENCH_TSX);

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The node flags production runs the bot with (`npm start`, the Dockerfile): the bot's process gets them too, the echo bot none. */
const PRODUCTION_NODE_FLAGS = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start
  .split(" ")
  .filter((arg) => arg.startsWith("--"));

/**
 * The bots run as production does, compiled to JavaScript (npm run build: node dist/main.js), not
 * through tsx, whose loader adds its own memory and start-up time: src and bench/bot-process.ts
 * are transpiled (no type check) into a temporary directory, removed at exit.
 */
function compileBots(): string {
  const out = mkdtempSync(join(tmpdir(), "wealmaty-bench-"));
  process.on("exit", () => rmSync(out, { recursive: true, force: true }));
  symlinkSync(join(ROOT, "node_modules"), join(out, "node_modules"));
  const sources = [
    ...readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }).map((file) => join("src", file)),
    join("bench", "bot-process.ts"),
  ].filter((file) => file.endsWith(".ts"));
  for (const file of sources) {
    const { outputText } = ts.transpileModule(readFileSync(join(ROOT, file), "utf8"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      fileName: file,
    });
    const target = join(out, file.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  cpSync(join(ROOT, "src", "locales"), join(out, "src", "locales"), { recursive: true });
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }));
  if (DEBUG) console.log(`  compiled ${sources.length} files into ${relative(ROOT, out)}`);
  return join(out, "bench", "bot-process.js");
}
const BOT_PROCESS = THROUGH_TSX ? fileURLToPath(new URL("./bot-process.ts", import.meta.url)) : compileBots();

// --- workloads -------------------------------------------------------------------------------

/** One closed-loop task: a message from a returning user, or one new user's whole flow. */
type Step = (user: TelegramUser) => Promise<unknown>;
interface Workload {
  name: string;
  label: string;
  /** "messages": MESSAGES single updates from USERS users; "flow": FLOW_USERS new users each run `step` once. */
  shape: "messages" | "flow";
  step: Step;
}

const FREE_TEXT = "Hello! Where do I find the bike parking?";

const WORKLOADS: Workload[] = [
  { name: "free-text", label: "free text", shape: "messages", step: (user) => user.send(FREE_TEXT) },
  { name: "info-command", label: "/info", shape: "messages", step: (user) => user.command("info") },
  { name: "start", label: "flow: /start (new user)", shape: "flow", step: (user) => user.command("start") },
  {
    name: "info",
    label: "flow: /start, event info, programme",
    shape: "flow",
    step: async (user) => {
      await user.command("start");
      await user.tap("ℹ️ Event info");
      await user.tap("📋 Programme");
    },
  },
  { name: "rsvp", label: "flow: RSVP form to its ticket", shape: "flow", step: (user) => registerInEnglish(user) },
  {
    name: "idea",
    label: "flow: an idea",
    shape: "flow",
    step: (user) => proposeIdeaInEnglish(user, "A protected bike lane along Abay avenue from the river to the university"),
  },
];

const ECHO: Workload = {
  name: "echo",
  label: "echo (runner + Redis session)",
  shape: "messages",
  step: (user) => user.send(FREE_TEXT),
};

// --- bot processes ---------------------------------------------------------------------------

interface BotStats {
  redisCommands: number;
  rssMb: number;
  heapUsedMb: number;
  peakRssMb: number;
}

interface BotProcess {
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
async function startBotProcess(kind: "wealmaty" | "echo-runner"): Promise<BotProcess> {
  // The bot reports when it is done with each update: the runner confirms updates as it fetches them.
  const api = await FakeBotApi.start({ maxPollTimeoutSeconds: 1, recordCalls: false, handledWhen: "reported" });
  const prefix = `bench-${kind}:${randomUUID()}:`;
  let firstPoll: number | undefined;
  const stopWatching = api.gateCalls((method) => {
    if (method === "getUpdates") firstPoll ??= performance.now();
  });
  const forkedAt = performance.now();
  const child = fork(BOT_PROCESS, [kind], {
    execArgv: [
      ...(THROUGH_TSX ? ["--import", "tsx"] : []),
      ...(kind === "wealmaty" ? PRODUCTION_NODE_FLAGS : []),
      ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
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
  const reply = <T>(key: string) => new Promise<T>((resolve) => {
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

interface Figures {
  label: string;
  updates: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  redisPerUpdate: number;
  apiCallsPerUpdate: number;
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

let nextUserId = 1_000_000;

/**
 * Runs a workload with at most IN_FLIGHT updates in flight (IN_FLIGHT lanes, each waiting for its
 * update to be handled before the next); with `rate`, no update starts before its slot, spaced
 * 1/rate apart, so the bot sees a steady stream. Latency is from pushing an update to the first
 * API call that answers it (the first message to its chat; for a tap, answerCallbackQuery).
 */
async function drive(bot: BotProcess, workload: Workload, rate?: number, tasks?: number): Promise<Figures> {
  const { api } = bot;
  const pushedAt = new Map<string, number>();
  const latencies: number[] = [];
  let apiCalls = 0;
  const stopListening = api.onCall((call: ApiCall) => {
    apiCalls++;
    const key = call.method === "answerCallbackQuery" ? `q:${call.payload.callback_query_id}` : `c:${call.payload.chat_id}`;
    const started = pushedAt.get(key);
    if (started !== undefined) {
      latencies.push(performance.now() - started);
      pushedAt.delete(key);
    }
  });
  const stopUpdates = api.onUpdate((update) => {
    const query = update.callback_query;
    if (query) pushedAt.set(`q:${query.id}`, performance.now());
    else if (update.message) pushedAt.set(`c:${update.message.chat.id}`, performance.now());
  });

  // Messages come from USERS returning users in turn (never two of one user in flight); each flow from new users.
  const taskCount = tasks ?? (workload.shape === "messages" ? MESSAGES : FLOW_USERS);
  const users =
    workload.shape === "messages"
      ? Array.from({ length: Math.min(USERS, taskCount) }, () => newUser(api))
      : undefined;
  let slot = performance.now();
  const paced = async () => {
    if (rate === undefined) return;
    slot = Math.max(performance.now(), slot + 1000 / rate);
    const wait = slot - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };

  const before = await bot.stats();
  const updatesBefore = api.lastUpdateId;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, taskCount) }, async () => {
      while (next < taskCount) {
        const task = next++;
        const user = users ? users[task % users.length]! : newUser(api);
        const dispatch = user.dispatch.bind(user);
        user.dispatch = async (update) => (await paced(), dispatch(update));
        try {
          await workload.step(user);
        } catch (error) {
          // What this user saw, to tell a bot fault from a harness one.
          const transcript = api.conversation(user.id).map((m) => `${m.from}: ${(m.text ?? m.caption ?? m.kind).slice(0, 60)}`);
          throw new Error(`${workload.label}: ${(error as Error).message}\n${transcript.join("\n")}`, { cause: error });
        } finally {
          user.dispatch = dispatch;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  stopListening();
  stopUpdates();
  const after = await bot.stats();
  const updates = api.lastUpdateId - updatesBefore;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    label: workload.label,
    updates,
    seconds,
    rate: updates / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    redisPerUpdate: (after.redisCommands - before.redisCommands) / updates,
    apiCallsPerUpdate: apiCalls / updates,
  };
}

function newUser(api: FakeBotApi): TelegramUser {
  const id = nextUserId++;
  return new TelegramUser(api, { id, firstName: `User${id}`, languageCode: "en", timeoutMs: 120_000 });
}

// --- output ----------------------------------------------------------------------------------

const fixed = (n: number, digits = 0) => n.toFixed(digits);
const cells = (values: string[], widths: number[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
const WIDTHS = [38, 7, 9, 7, 6, 8, 8, 9, 9, 8, 7];

function header() {
  console.log(cells(["workload", "updates", "updates/s", "echo/s", "ratio", "p50 ms", "p99 ms", "½ p50 ms", "½ p99 ms", "Redis/u", "API/u"], WIDTHS));
}

function row(full: Figures, reference: number, half?: Figures) {
  console.log(
    cells(
      [
        full.label,
        String(full.updates),
        fixed(full.rate),
        fixed(reference),
        fixed(full.rate / reference, 2),
        fixed(full.p50, 1),
        fixed(full.p99, 1),
        half ? fixed(half.p50, 1) : "-",
        half ? fixed(half.p99, 1) : "-",
        fixed(full.redisPerUpdate, 1),
        fixed(full.apiCallsPerUpdate, 1),
      ],
      WIDTHS,
    ),
  );
}

const met = (ok: boolean) => (ok ? "met" : "NOT met");

// --- the run ---------------------------------------------------------------------------------

/**
 * The reference and the bot side by side: the echo bot runs ECHO_SLICE messages just before and
 * just after each workload at full load, and that workload's ratio is to the mean of the two (the
 * shared machine's speed drifts within minutes). Then the workload again at half its rate.
 */
async function benchWorkloads() {
  const echo = await startBotProcess("echo-runner");
  const echoFull = await drive(echo, ECHO);
  const echoRates: number[] = [];
  const echoSlice = async () => {
    const { rate } = await drive(echo, ECHO, undefined, ECHO_SLICE);
    echoRates.push(rate);
    return rate;
  };
  const bot = await startBotProcess("wealmaty");
  const results: { full: Figures; half: Figures; reference: number }[] = [];
  for (const workload of WORKLOADS.filter((w) => !ONLY || ONLY.includes(w.name))) {
    const before = await echoSlice();
    const full = await drive(bot, workload);
    const reference = (before + (await echoSlice())) / 2;
    bot.resetLoopDelay();
    // Half the rate just measured, same number of updates, as a steady stream.
    const half = await drive(bot, workload, full.rate / 2);
    results.push({ full, half, reference });
    if (DEBUG) console.log(`  ${workload.label}: ${fixed(full.rate)} updates/s (echo ${fixed(reference)}), half-rate p99 ${fixed(half.p99, 1)} ms`);
  }
  return {
    results,
    echo: { figures: echoFull, rates: echoRates, idleRssMb: echo.idleRssMb, peakRssMb: await echo.stop(), startupMs: echo.startupMs },
    peakRssMb: await bot.stop(),
    startupMs: bot.startupMs,
  };
}

/** A fresh bot; MEMORY_USERS new users each send /start; the bot's peak memory after. */
async function benchMemory() {
  const bot = await startBotProcess("wealmaty");
  const start = WORKLOADS.find((w) => w.name === "start")!;
  const figures = await drive(bot, start, undefined, MEMORY_USERS);
  const { heapUsedMb } = await bot.stats();
  return { figures, heapUsedMb, idleRssMb: bot.idleRssMb, peakRssMb: await bot.stop(), startupMs: bot.startupMs };
}

/**
 * A fresh bot under a steady mixed load for SOAK_MINUTES: new users start, read the info, write
 * free text, one in four registers. Its resident memory after the first minute and at the end.
 */
async function soak(rate: number) {
  const bot = await startBotProcess("wealmaty");
  const mixed: Workload = {
    name: "soak",
    label: "soak",
    shape: "flow",
    step: async (user) => {
      await user.command("start");
      await user.command("info");
      await user.send(FREE_TEXT);
      if (user.id % 4 === 0) await registerInEnglish(user);
    },
  };
  const startedAt = performance.now();
  const endAt = startedAt + SOAK_MINUTES * 60_000;
  const samples: { minute: number; rssMb: number }[] = [];
  const sampler = setInterval(() => {
    void bot.stats().then((stats) => samples.push({ minute: (performance.now() - startedAt) / 60_000, rssMb: stats.rssMb }));
  }, 10_000);
  let updates = 0;
  while (performance.now() < endAt) {
    // In rounds of ~10 s of traffic at the steady rate (4.75 updates per user on average).
    const figures = await drive(bot, mixed, rate, Math.max(1, Math.round((rate * 10) / 4.75)));
    updates += figures.updates;
  }
  clearInterval(sampler);
  const afterFirstMinute = samples.find((s) => s.minute >= 1) ?? samples[0]!;
  const end = (await bot.stats()).rssMb;
  const peakRssMb = await bot.stop();
  return { updates, afterFirstMinute: afterFirstMinute.rssMb, end, peakRssMb, samples };
}

const { results, echo, peakRssMb, startupMs } = await benchWorkloads();
const sortedEcho = [...echo.rates].sort((x, y) => x - y);

console.log(
  `\n${MESSAGES} messages from ${USERS} users (${FLOW_USERS} new users per flow), at most ${IN_FLIGHT} updates in flight; ` +
    `Node ${process.version}, Redis ${REDIS_URL}; each bot in its own process, the emulator and the users in this one; ` +
    `the bot with npm start's node flags (${PRODUCTION_NODE_FLAGS.join(" ") || "none"}), the echo bot with none.` +
    `\nratio = updates/s ÷ the echo bot's in ${ECHO_SLICE}-message runs just before and after it (echo/s); ` +
    `½ = at half the workload's own rate; Redis/u = commands sent by the bot's connection per update; ` +
    `API/u = Bot API calls per update (getUpdates not counted)\n`,
);
header();
row(echo.figures, echo.figures.rate);
for (const { full, half, reference } of results) row(full, reference, half);
if (sortedEcho.length > 0) {
  console.log(
    `\nthe echo bot's runs beside the workloads: median ${fixed(percentile(sortedEcho, 0.5))} updates/s ` +
      `(${fixed(sortedEcho[0]!)}–${fixed(sortedEcho.at(-1)!)}, ${sortedEcho.length} runs)`,
  );
}
console.log(
  `peak RSS: WeAlmaty bot ${fixed(peakRssMb)} MB over the workloads; the runner echo bot ${fixed(echo.peakRssMb)} MB ` +
    `(${fixed(echo.idleRssMb)} MB once started)`,
);

const memory = MEMORY_USERS > 0 ? await benchMemory() : undefined;
if (memory) {
  console.log(
    `memory: ${memory.figures.updates} new users each sent /start (${fixed(memory.figures.rate)} updates/s): peak RSS ${fixed(memory.peakRssMb)} MB ` +
      `(${fixed(memory.idleRssMb)} MB once started; V8 heap in use at the end ${fixed(memory.heapUsedMb)} MB)`,
  );
}
const startups = [startupMs, ...(memory ? [memory.startupMs] : [])];
console.log(
  `start-up (process start to the first getUpdates, ${THROUGH_TSX ? "TypeScript through tsx" : "compiled JavaScript"}): WeAlmaty ${startups.map((ms) => `${fixed(ms)} ms`).join(", ")}; ` +
    `runner echo ${fixed(echo.startupMs)} ms`,
);

// The issue's goals, each with the figure measured.
const byName = (name: string) => results.find((r) => r.full.label === WORKLOADS.find((w) => w.name === name)!.label);
const goals: string[] = [];
for (const name of ["free-text", "info-command"]) {
  const r = byName(name);
  if (!r) continue;
  const ratio = r.full.rate / r.reference;
  goals.push(`${r.full.label} >= 0.5x the reference: ${met(ratio >= 0.5)} (${fixed(ratio, 2)}x; 0.75x: ${met(ratio >= 0.75)})`);
}
const freeText = byName("free-text");
if (freeText) goals.push(`free text p99 < 100 ms at ${IN_FLIGHT} in flight: ${met(freeText.full.p99 < 100)} (${fixed(freeText.full.p99, 1)} ms)`);
if (results.length > 0) {
  const worst = results.reduce((a, b) => (b.half.p99 > a.half.p99 ? b : a));
  goals.push(`p99 < 50 ms at half the rate, every workload: ${met(worst.half.p99 < 50)} (worst ${fixed(worst.half.p99, 1)} ms, ${worst.full.label})`);
}
if (memory) {
  goals.push(
    `peak RSS after ${memory.figures.updates} users started < 250 MB: ${met(memory.peakRssMb < 250)} (${fixed(memory.peakRssMb)} MB; < 150 MB: ${met(memory.peakRssMb < 150)})`,
  );
}
goals.push(`start-up < 1.5 s: ${met(Math.max(...startups) < 1500)} (slowest ${fixed(Math.max(...startups))} ms)`);

if (SOAK_MINUTES > 0) {
  const soakRate = (freeText?.full.rate ?? 400) / 2;
  console.log(`\nsoak: ${SOAK_MINUTES} min at ${fixed(soakRate)} updates/s (new users: /start, /info, free text, one in four registers)`);
  const s = await soak(soakRate);
  console.log(`  RSS every 10 s (MB): ${s.samples.map((x) => fixed(x.rssMb)).join(" ")}`);
  const growth = s.end / s.afterFirstMinute - 1;
  console.log(`  ${s.updates} updates; RSS after the first minute ${fixed(s.afterFirstMinute)} MB, at the end ${fixed(s.end)} MB, peak ${fixed(s.peakRssMb)} MB`);
  goals.push(`soak: RSS at the end within 10% of after the first minute: ${met(Math.abs(growth) <= 0.1)} (${growth >= 0 ? "+" : ""}${fixed(100 * growth, 1)}%)`);
}

console.log(`\ngoals:\n${goals.map((goal) => `  ${goal}`).join("\n")}`);
process.exit(0);
