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
import { proposeIdeaInEnglish, registerInEnglish } from "../test/support/flows.js";
import { driverLoop, startBotProcess } from "./support/bot-processes.js";
import { drive, percentile, type Figures, type Workload } from "./support/driver.js";
import { fixed, header, met, row } from "./support/report.js";
import {
  API_LATENCY_MS,
  DEBUG,
  ECHO_SLICE,
  FLOW_USERS,
  IN_FLIGHT,
  MEMORY_USERS,
  MESSAGES,
  ONLY,
  PRODUCTION_NODE_FLAGS,
  REDIS_URL,
  SOAK_MINUTES,
  THROUGH_TSX,
  USERS,
  WARM_UP,
} from "./support/settings.js";

// --- workloads -------------------------------------------------------------------------------

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

// --- the run ---------------------------------------------------------------------------------

/**
 * The reference and the bot side by side: the echo bot runs ECHO_SLICE messages just before and
 * just after each workload at full load, and that workload's ratio is to the mean of the two (the
 * shared machine's speed drifts within minutes). Then the workload again at half its rate. Each
 * workload is first run unmeasured, a BENCH_WARM_UP share of its size, as the echo bot is warmed
 * by its own full run.
 */
async function benchWorkloads() {
  const echo = await startBotProcess("echo-runner");
  const echoFull = await drive(echo, ECHO);
  // The reference at half its own rate: the tail the shared machine gives a bot that does almost nothing.
  const echoHalf = await drive(echo, ECHO, echoFull.rate / 2, ECHO_SLICE);
  const echoRates: number[] = [];
  const echoSlice = async () => {
    const { rate } = await drive(echo, ECHO, undefined, ECHO_SLICE);
    echoRates.push(rate);
    return rate;
  };
  const bot = await startBotProcess("wealmaty");
  const results: { full: Figures; half: Figures; reference: number }[] = [];
  for (const workload of WORKLOADS.filter((w) => !ONLY || ONLY.includes(w.name))) {
    // Unmeasured, as the echo bot's full run before its slices: the JIT has compiled the workload's path, as in a bot that has run a while.
    await drive(bot, workload, undefined, Math.max(1, Math.round((workload.shape === "messages" ? MESSAGES : FLOW_USERS) * WARM_UP)));
    const before = await echoSlice();
    const full = await drive(bot, workload);
    const reference = (before + (await echoSlice())) / 2;
    bot.resetLoopDelay();
    // Half the rate just measured, as a steady stream; a flow's users at different steps. At least as many
    // updates as the echo bot's half-rate run (ECHO_SLICE): over 1,000 updates (2 s), one stall of the machine is the p99.
    const steps = workload.shape === "flow" ? Math.round(full.updates / FLOW_USERS) : undefined;
    const halfTasks = steps === undefined ? Math.max(MESSAGES, ECHO_SLICE) : Math.max(FLOW_USERS, Math.ceil(ECHO_SLICE / steps));
    const half = await drive(bot, workload, full.rate / 2, halfTasks, steps);
    results.push({ full, half, reference });
    if (DEBUG) {
      // A long stall of either process's event loop shows in the half-rate p99: this says whose it was.
      const { loopMaxMs, majorGcs } = await bot.stats();
      const stalls = `longest event-loop delay: bot ${fixed(loopMaxMs, 1)} ms, driver ${fixed(driverLoop.max / 1e6, 1)} ms`;
      const gcs = `the bot's major GCs: ${majorGcs.count} (longest ${fixed(majorGcs.longestMs, 1)} ms)`;
      const bySteps = half.p99ByStep.length ? `; half-rate p99 by step: ${half.p99ByStep.map((ms) => fixed(ms, 1)).join(", ")} ms` : "";
      console.log(
        `  ${workload.label}: ${fixed(full.rate)} updates/s (echo ${fixed(reference)}), half-rate p99 ${fixed(half.p99, 1)} ms; ${stalls}; ${gcs}${bySteps}`,
      );
    }
  }
  return {
    results,
    echo: {
      figures: echoFull,
      half: echoHalf,
      rates: echoRates,
      idleRssMb: echo.idleRssMb,
      peakRssMb: await echo.stop(),
      startupMs: echo.startupMs,
    },
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
    `the bot with npm start's node flags (${PRODUCTION_NODE_FLAGS.join(" ") || "none"})` +
    `${process.env.BENCH_NODE_FLAGS ? `, then BENCH_NODE_FLAGS (${process.env.BENCH_NODE_FLAGS})` : ""}, the echo bot with none.` +
    (API_LATENCY_MS > 0 ? ` Every Bot API call but getUpdates served ${API_LATENCY_MS} ms late (BENCH_API_LATENCY_MS).` : "") +
    `\nratio = updates/s ÷ the echo bot's in ${ECHO_SLICE}-message runs just before and after it (echo/s); ` +
    `½ = at half the workload's own rate, over at least ${ECHO_SLICE} updates; Redis/u = commands sent by the bot's connection per update, KB/u the bytes it sent and received; ` +
    `API/u = Bot API calls per update (getUpdates not counted)\n`,
);
header();
row(echo.figures, echo.figures.rate, echo.half);
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
  `start-up (process start to the first getUpdates, ${THROUGH_TSX ? "TypeScript through tsx" : "bundled JavaScript"}): WeAlmaty ${startups.map((ms) => `${fixed(ms)} ms`).join(", ")}; ` +
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
if (freeText)
  goals.push(
    `free text p99 < 100 ms at ${IN_FLIGHT} in flight: ${met(freeText.full.p99 < 100)} ` +
      `(${fixed(freeText.full.p99, 1)} ms; the echo bot: ${fixed(echo.figures.p99, 1)} ms)`,
  );
if (results.length > 0) {
  const worst = results.reduce((a, b) => (b.half.p99 > a.half.p99 ? b : a));
  goals.push(
    `p99 < 50 ms at half the rate, every workload: ${met(worst.half.p99 < 50)} (worst ${fixed(worst.half.p99, 1)} ms, ${worst.full.label}; ` +
      `the echo bot at half its rate: ${fixed(echo.half.p99, 1)} ms)`,
  );
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
  console.log(
    `  ${s.updates} updates; RSS after the first minute ${fixed(s.afterFirstMinute)} MB, at the end ${fixed(s.end)} MB, peak ${fixed(s.peakRssMb)} MB`,
  );
  goals.push(
    `soak: RSS at the end within 10% of after the first minute: ${met(Math.abs(growth) <= 0.1)} (${growth >= 0 ? "+" : ""}${fixed(100 * growth, 1)}%)`,
  );
}

// The goals are the issue's, against the local emulator: a round trip added is another measurement.
if (API_LATENCY_MS > 0)
  goals.unshift(`(with BENCH_API_LATENCY_MS the goals below are not the issue's measurement, which has no added round trip)`);
console.log(`\ngoals:\n${goals.map((goal) => `  ${goal}`).join("\n")}`);
process.exit(0);
