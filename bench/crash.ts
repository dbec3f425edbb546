/**
 * npm run bench:crash — the bot process killed (kill -9) under load, then started again, as in
 * issue 12: BENCH_CRASH_USERS users (1,000) each send two free-text messages, closed loop with
 * BENCH_IN_FLIGHT (64) in flight; the process is killed once a random share (10–90%) of the
 * answers is out, and a new one is started on the same Redis and emulator. Prints how many
 * messages were never answered (lost) and how many were answered twice, per run (BENCH_CRASH_RUNS).
 * The bot runs as `npm start` does (its node flags), its TypeScript through tsx.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { Redis } from "ioredis";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { TelegramUser } from "../test/support/telegram-user.js";
import { IN_FLIGHT, PRODUCTION_NODE_FLAGS, REDIS_URL } from "./support/settings.js";

const USERS = Number(process.env.BENCH_CRASH_USERS ?? 1000);
const RUNS = Number(process.env.BENCH_CRASH_RUNS ?? 1);
const MESSAGES_PER_USER = 2;
const ANSWER = "I didn't understand that";
/** How long a message may wait for its answer, the restart included, before it counts as lost. */
const ANSWER_TIMEOUT_MS = 60_000;

/** The bot's UPDATES_HANDLED_AT_ONCE when set here (its default otherwise), to compare settings. */
const handledAtOnce = process.env.UPDATES_HANDLED_AT_ONCE ? { UPDATES_HANDLED_AT_ONCE: process.env.UPDATES_HANDLED_AT_ONCE } : {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the bot (src/main.ts) against the emulator; resolves at its first getUpdates. */
async function startBot(api: FakeBotApi, prefix: string): Promise<ChildProcess> {
  let polled = false;
  const stopWatching = api.gateCalls((method) => {
    if (method === "getUpdates") polled = true;
  });
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, "--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH,
      BOT_TOKEN: api.token,
      BOT_API_ROOT: api.apiRoot,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: "warn",
      ...handledAtOnce,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  while (!polled) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    await sleep(10);
  }
  stopWatching();
  return child;
}

async function run() {
  const api = await FakeBotApi.start();
  const prefix = `bench-crash:${randomUUID()}:`;
  const answers = (user: TelegramUser) => user.messages().filter((m) => m.from === "bot" && m.text?.startsWith(ANSWER)).length;
  const users = Array.from(
    { length: USERS },
    (_, i) => new TelegramUser(api, { id: 2_000_000 + i, firstName: `User${i}`, languageCode: "en", timeoutMs: ANSWER_TIMEOUT_MS }),
  );
  const total = USERS * MESSAGES_PER_USER;
  const killAt = Math.round(total * (0.1 + 0.8 * Math.random()));
  let answered = 0;
  let lost = 0;
  const first = await startBot(api, prefix);
  let next = 0;
  const load = Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < users.length) {
        const user = users[next++]!;
        for (let message = 1; message <= MESSAGES_PER_USER; message++) {
          await user.send(`Hello! Message ${message}: where do I find the bike parking?`).catch(() => undefined);
          const deadline = Date.now() + ANSWER_TIMEOUT_MS;
          while (answers(user) < message && Date.now() < deadline) await sleep(20);
          if (answers(user) < message) lost++;
          else answered++;
        }
      }
    }),
  );
  while (answered < killAt) await sleep(2);
  first.kill("SIGKILL");
  await once(first, "exit");
  const answeredAtKill = answered;
  const second = await startBot(api, prefix);
  await load;
  await api.waitIdle(30_000);
  // A repeat comes with the leftovers, right after the start: give them a moment.
  await sleep(1000);
  second.kill("SIGTERM");
  await once(second, "exit");
  const twice = users.reduce((sum, user) => sum + Math.max(0, answers(user) - MESSAGES_PER_USER), 0);
  const redis = new Redis(REDIS_URL);
  await deleteKeysWithPrefix(redis, prefix);
  await redis.quit();
  await api.close();
  return { answeredAtKill, lost, twice };
}

console.log(`${USERS} users × ${MESSAGES_PER_USER} free-text messages, ${IN_FLIGHT} in flight, kill -9 at a random moment, restart`);
for (let i = 1; i <= RUNS; i++) {
  const { answeredAtKill, lost, twice } = await run();
  console.log(`run ${i}: killed after ${answeredAtKill} of ${USERS * MESSAGES_PER_USER} answers; lost ${lost}, answered twice ${twice}`);
}
process.exit(0);
