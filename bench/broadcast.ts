/**
 * Broadcast benchmark: 10,000 users through the fake Bot API enforcing Telegram-like limits
 * (a global rate, 1% random 429s, 2% users who blocked the bot), on the real engine and Redis.
 *
 *   npm run bench:broadcast                    # limit 150/s (Telegram's 30/s ×5, flood waits ÷5)
 *   npm run bench:broadcast -- --limit 30      # Telegram's real numbers (about 7 minutes)
 *   options: --users N --limit N --retry-after S --share429 F --blocked F
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createI18n } from "../src/bot/i18n.js";
import { createBroadcastEngine } from "../src/broadcasts/engine.js";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { FakeBotApi } from "../src/emulator/fake-bot-api.js";
import { createStore } from "../src/store/index.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";

const TELEGRAM_RATE = 30;
const { values } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    limit: { type: "string", default: "150" },
    "retry-after": { type: "string" },
    share429: { type: "string", default: "0.01" },
    blocked: { type: "string", default: "0.02" },
  },
});
const users = Number(values.users);
const limit = Number(values.limit);
// Scaling the rate up scales time down: a 1 s flood wait at 30/s is 0.1 s at 300/s.
const scale = limit / TELEGRAM_RATE;
const retryAfter = values["retry-after"] !== undefined ? Number(values["retry-after"]) : 1 / scale;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const api = await FakeBotApi.start();
const enforcer = api.enforceRate({
  perSecond: limit,
  random429Share: Number(values.share429),
  blockedShare: Number(values.blocked),
  retryAfterSeconds: retryAfter,
});
const prefix = `bench:${randomUUID()}:`;
const redis = new Redis(redisUrl);
const store = createStore(redis, prefix);
const event = loadEvent(BUNDLED_EVENT_FILE);
const languages = event.languages;

const firstId = 100_000;
for (let i = 0; i < users; i += 1000) {
  const pipeline = redis.pipeline();
  for (let id = firstId + i; id < firstId + Math.min(users, i + 1000); id++) {
    pipeline.hset(store.keys.user(id), { firstName: "U", username: "", language: languages[id % languages.length]! });
    pipeline.zadd(store.keys.users, id, String(id));
  }
  await pipeline.exec();
}

const engine = createBroadcastEngine({
  redisUrl,
  token: api.token,
  apiRoot: api.apiRoot,
  rate: limit,
  store,
  event,
  logger: pino({ level: process.env.LOG_LEVEL ?? "warn" }),
  clock: () => new Date(),
  i18n: createI18n(event.languages),
});
await engine.start();

console.log(`broadcast to ${users} users, limit ${limit} msg/s${scale !== 1 ? ` (Telegram's ${TELEGRAM_RATE}/s scaled ×${scale}; flood waits scaled ÷${scale})` : ""}, ` +
  `${Number(values.share429) * 100}% random 429 (retry_after ${retryAfter} s), ${Number(values.blocked) * 100}% blocked users`);
const started = Date.now();
await engine.broadcaster.send({ id: "bench", audience: "all", texts: { ru: "Проверка", kk: "Тексеру", en: "Test" } });
let progress = await engine.broadcaster.progress("bench");
let lastPrint = 0;
while (progress?.status !== "done") {
  await new Promise((resolve) => setTimeout(resolve, 200));
  progress = await engine.broadcaster.progress("bench");
  if (Date.now() - lastPrint > 5000) {
    lastPrint = Date.now();
    console.log(`  … sent ${progress?.sent}, blocked ${progress?.blocked}, failed ${progress?.failed}, remaining ${progress?.remaining}`);
  }
}
const wallMs = Date.now() - started;

const successes = new Map<number, number>();
let accepted = 0;
let rejected429 = 0;
for (const call of api.callsTo("sendMessage")) {
  if (call.ok) successes.set(Number(call.payload.chat_id), (successes.get(Number(call.payload.chat_id)) ?? 0) + 1);
  if (call.ok || call.error?.error_code === 403) accepted++;
  if (call.error?.error_code === 429) rejected429++;
}
let duplicates = 0;
let missed = 0;
let blocked = 0;
for (let id = firstId; id < firstId + users; id++) {
  const count = successes.get(id) ?? 0;
  if (count > 1) duplicates++;
  if (enforcer.isBlocked(id)) blocked++;
  else if (count === 0) missed++;
}
const seconds = wallMs / 1000;
const rate = accepted / seconds;
const floodWaitSeconds = (enforcer.stats.random429 + enforcer.stats.overLimit) * retryAfter;
const rateOutsideWaits = accepted / Math.max(0.001, seconds - floodWaitSeconds);
console.log(`wall time         ${seconds.toFixed(1)} s (ideal at the limit: ${(users / limit).toFixed(1)} s)`);
console.log(`achieved rate     ${rate.toFixed(1)} msg/s = ${((rate / limit) * 100).toFixed(1)}% of the limit (sends Telegram accepted: delivered + 403)`);
console.log(`outside waits     ${rateOutsideWaits.toFixed(1)} msg/s = ${((rateOutsideWaits / limit) * 100).toFixed(1)}% of the limit, excluding the ${floodWaitSeconds.toFixed(1)} s of flood waits Telegram imposed`);
console.log(`429s              ${rejected429} (random ${enforcer.stats.random429}, over the limit ${enforcer.stats.overLimit}, sent during a wait ${enforcer.stats.duringFloodWait})`);
console.log(`delivered         ${progress.sent}, blocked ${progress.blocked} (expected ${blocked}), failed ${progress.failed}`);
console.log(`duplicates        ${duplicates}`);
console.log(`missed            ${missed}`);

await engine.close();
await deleteKeysWithPrefix(redis, prefix);
await redis.quit();
await api.close();
process.exit(duplicates === 0 && missed === 0 ? 0 : 1);
