/**
 * Broadcast benchmark: 10,000 users through the fake Bot API enforcing Telegram-like limits
 * (a global rate, 1% random 429s, 2% users who blocked the bot), on the real engine and Redis.
 *
 * First the pace alone (no faults: any 429 is the engine's own doing), then with faults.
 *
 *   npm run bench:broadcast                    # limit 150/s (Telegram's 30/s ×5, flood waits ÷5)
 *   npm run bench:broadcast -- --limit 30      # Telegram's real numbers (about 7 minutes)
 *   options: --users N --pace-users N --limit N --rate N (BROADCAST_RATE, default = limit) --retry-after S --share429 F --blocked F
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createI18n } from "../src/bot/i18n.js";
import { createBroadcastEngine } from "../src/delivery/engine.js";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { FakeBotApi, type RateEnforcement } from "@wealmaty/telegram-emulator";
import { createStore } from "../src/store/index.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";

const TELEGRAM_RATE = 30;
const { values } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    "pace-users": { type: "string", default: "3000" },
    limit: { type: "string", default: "150" },
    rate: { type: "string" },
    "retry-after": { type: "string" },
    share429: { type: "string", default: "0.01" },
    blocked: { type: "string", default: "0.02" },
  },
});
const limit = Number(values.limit);
// BROADCAST_RATE at the server's very limit unless told otherwise: the strictest case for the pacing.
const rate = values.rate !== undefined ? Number(values.rate) : limit;
// Scaling the rate up scales time down: a 1 s flood wait at 30/s is 0.1 s at 300/s.
const scale = limit / TELEGRAM_RATE;
const retryAfter = values["retry-after"] !== undefined ? Number(values["retry-after"]) : 1 / scale;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const event = loadEvent(BUNDLED_EVENT_FILE);
const languages = event.languages;
const firstId = 100_000;

interface Phase {
  users: number;
  enforcement: RateEnforcement;
}

/** One broadcast to `users` users through a fresh emulator with these limits; returns what the server saw. */
async function broadcastOnce({ users, enforcement }: Phase) {
  const api = await FakeBotApi.start({ recordCalls: false });
  const enforcer = api.enforceRate(enforcement);
  const successes = new Map<number, number>();
  let accepted = 0;
  let rejected429 = 0;
  let firstAt = Infinity;
  let lastAt = 0;
  api.onCall((call) => {
    if (call.method !== "sendMessage") return;
    const chatId = Number(call.payload.chat_id);
    if (call.ok) successes.set(chatId, (successes.get(chatId) ?? 0) + 1);
    if (call.ok || call.error?.error_code === 403) {
      accepted++;
      firstAt = Math.min(firstAt, call.at);
      lastAt = Math.max(lastAt, call.at);
    }
    if (call.error?.error_code === 429) rejected429++;
  });
  const prefix = `bench:${randomUUID()}:`;
  const redis = new Redis(redisUrl);
  const store = createStore(redis, prefix);
  for (let i = 0; i < users; i += 1000) {
    const pipeline = redis.pipeline();
    for (let id = firstId + i; id < firstId + Math.min(users, i + 1000); id++) {
      pipeline.hset(store.keys.user(id), { firstName: "U", username: "", language: languages[id % languages.length]! });
      pipeline.zadd(store.keys.users, id, String(id));
    }
    await pipeline.exec();
  }
  const engine = createBroadcastEngine({
    redis: { REDIS_URL: redisUrl },
    token: api.token,
    apiRoot: api.apiRoot,
    rate,
    store,
    event,
    logger: pino({ level: process.env.LOG_LEVEL ?? "error" }),
    clock: () => new Date(),
    i18n: createI18n(event.languages),
  });
  await engine.start();
  const started = Date.now();
  await engine.broadcaster.send({ id: "bench", audience: "all", texts: { ru: "Проверка", kk: "Тексеру", en: "Test" } });
  let progress = await engine.broadcaster.progress("bench");
  let lastPrint = Date.now();
  while (progress?.status !== "done") {
    await new Promise((resolve) => setTimeout(resolve, 200));
    progress = await engine.broadcaster.progress("bench");
    if (Date.now() - lastPrint > 5000) {
      lastPrint = Date.now();
      console.log(`  … sent ${progress?.sent}, blocked ${progress?.blocked}, failed ${progress?.failed}, remaining ${progress?.remaining}`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  let duplicates = 0;
  let missed = 0;
  let blocked = 0;
  for (let id = firstId; id < firstId + users; id++) {
    const count = successes.get(id) ?? 0;
    if (count > 1) duplicates++;
    if (enforcer.isBlocked(id)) blocked++;
    else if (count === 0) missed++;
  }
  await engine.close();
  await deleteKeysWithPrefix(redis, prefix);
  await redis.quit();
  await api.close();
  // The pace as Telegram sees it: from the first accepted send to the last.
  const paceRate = (accepted - 1) / Math.max(0.001, (lastAt - firstAt) / 1000);
  return { seconds, paceRate, accepted, rejected429, stats: { ...enforcer.stats }, progress, duplicates, missed, blocked };
}

const scaled = scale !== 1 ? ` (Telegram's ${TELEGRAM_RATE}/s scaled ×${scale}; flood waits scaled ÷${scale})` : "";
let goalsMet = true;

// 1. Pace: no injected faults; every 429 is one the engine drew by its own pace.
const paceUsers = Number(values["pace-users"]);
console.log(
  `pace: ${paceUsers} users, server limit ${limit} msg/s over any sliding second${scaled}, BROADCAST_RATE ${rate}, no injected faults`,
);
const pace = await broadcastOnce({ users: paceUsers, enforcement: { perSecond: limit, retryAfterSeconds: retryAfter } });
const paceRate = pace.paceRate;
const ownPace429 = pace.stats.overLimit + pace.stats.duringFloodWait;
console.log(`  429s by own pace  ${ownPace429} (goal 0)`);
console.log(
  `  achieved rate     ${paceRate.toFixed(1)} msg/s = ${((paceRate / rate) * 100).toFixed(1)}% of BROADCAST_RATE (goal ≥ 90%), ` +
    `first to last send; ${(pace.accepted / pace.seconds).toFixed(1)} msg/s over the whole ${pace.seconds.toFixed(1)} s`,
);
console.log(`  duplicates/missed ${pace.duplicates} / ${pace.missed}`);
goalsMet &&= ownPace429 === 0 && paceRate >= 0.9 * rate && pace.duplicates === 0 && pace.missed === 0;

// 2. Faults: random flood waits and blocked users, as Telegram sometimes does.
const users = Number(values.users);
const share429 = Number(values.share429);
console.log(
  `faults: ${users} users, limit ${limit} msg/s${scaled}, ${share429 * 100}% random 429 (retry_after ${retryAfter} s), ` +
    `${Number(values.blocked) * 100}% blocked users`,
);
const faults = await broadcastOnce({
  users,
  enforcement: { perSecond: limit, random429Share: share429, blockedShare: Number(values.blocked), retryAfterSeconds: retryAfter },
});
const faultRate = faults.accepted / faults.seconds;
const floodWaitSeconds = (faults.stats.random429 + faults.stats.overLimit) * retryAfter;
const rateOutsideWaits = faults.accepted / Math.max(0.001, faults.seconds - floodWaitSeconds);
console.log(`  wall time         ${faults.seconds.toFixed(1)} s (ideal at the limit: ${(users / limit).toFixed(1)} s)`);
console.log(
  `  achieved rate     ${faultRate.toFixed(1)} msg/s = ${((faultRate / limit) * 100).toFixed(1)}% of the limit (delivered + 403)`,
);
console.log(
  `  outside waits     ${rateOutsideWaits.toFixed(1)} msg/s = ${((rateOutsideWaits / limit) * 100).toFixed(1)}% of the limit, ` +
    `excluding the ${floodWaitSeconds.toFixed(1)} s of flood waits injected`,
);
console.log(
  `  429s              ${faults.rejected429}: injected ${faults.stats.random429}, by own pace ${faults.stats.overLimit}, ` +
    `sent during an injected wait ${faults.stats.duringFloodWait}`,
);
console.log(
  `  delivered         ${faults.progress.sent}, blocked ${faults.progress.blocked} (expected ${faults.blocked}), failed ${faults.progress.failed}`,
);
console.log(`  duplicates/missed ${faults.duplicates} / ${faults.missed}`);
goalsMet &&= faults.duplicates === 0 && faults.missed === 0 && faults.stats.overLimit === 0;
console.log(goalsMet ? "goals met" : "goals NOT met");
process.exit(goalsMet ? 0 : 1);
