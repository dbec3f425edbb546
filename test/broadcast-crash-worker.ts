/**
 * A bot process reduced to its broadcast engine, for the crash test: the parent kills it with
 * SIGKILL mid-broadcast and starts another one. Configured through the environment.
 */
import { Redis } from "ioredis";
import { pino } from "pino";
import { createI18n } from "../src/bot/i18n.js";
import { createBroadcastEngine } from "../src/delivery/engine.js";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { createStore } from "../src/store/index.js";

const env = process.env;
const event = loadEvent(env.EVENT_FILE ?? BUNDLED_EVENT_FILE);
const redisUrl = env.REDIS_URL ?? "redis://127.0.0.1:6379";
const engine = createBroadcastEngine({
  redis: { REDIS_URL: redisUrl },
  token: env.BOT_TOKEN!,
  apiRoot: env.BOT_API_ROOT,
  rate: Number(env.BROADCAST_RATE ?? 100),
  concurrency: Number(env.BROADCAST_CONCURRENCY ?? 10),
  store: createStore(new Redis(redisUrl), env.REDIS_PREFIX!),
  event,
  logger: pino({ level: env.TEST_LOG_LEVEL ?? "silent" }),
  clock: () => new Date(),
  i18n: createI18n(event.languages),
});
await engine.start();
process.stdout.write("ready\n");
