/** Shared set-up for the broadcast engine tests: engines without polling, event files with chosen reminders. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { pino } from "pino";
import { parse, stringify } from "yaml";
import { createBroadcastEngine, type BroadcastEngine } from "../src/delivery/engine.js";
import { createI18n } from "../src/bot/i18n.js";
import { parseEvent, type EventInfo } from "../src/event/load.js";
import { createStore, type Store } from "../src/store/index.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { REDIS_URL, TestClock } from "./support/harness.js";
import { until } from "./support/wait.js";
export { until };

export const FIXTURE = join(import.meta.dirname, "fixtures/events/riverside-cleanup.yaml");

/** The riverside fixture with other reminders (and optionally more top-level fields). */
export function eventWith(reminders: unknown[], extra: Record<string, unknown> = {}): { event: EventInfo; file: string } {
  const data = { ...(parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>), reminders, ...extra };
  const source = stringify(data);
  const file = join(mkdtempSync(join(tmpdir(), "broadcast-event-")), "event.yaml");
  writeFileSync(file, source);
  return { event: parseEvent(source, file), file };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fake Bot API, a Redis prefix and a store: what several engines (processes) share. */
export async function sharedWorld() {
  const api = await FakeBotApi.start();
  const prefix = `test:${randomUUID()}:`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  const store = createStore(redis, prefix);
  const engines: BroadcastEngine[] = [];
  const connections: Redis[] = [];
  return {
    api,
    prefix,
    redis,
    store,
    /** One more "bot process": an engine of its own over its own connections. */
    engine(event: EventInfo, clock: TestClock, options: { rate?: number; concurrency?: number } = {}) {
      const connection = new Redis(REDIS_URL);
      connections.push(connection);
      const engine = createBroadcastEngine({
        redis: { REDIS_URL },
        token: api.token,
        apiRoot: api.apiRoot,
        rate: options.rate ?? 50,
        concurrency: options.concurrency,
        store: createStore(connection, prefix),
        event,
        logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
        clock: clock.now,
        i18n: createI18n(event.languages),
      });
      engines.push(engine);
      return engine;
    },
    async addUsers(languages: string[], firstId = 7000): Promise<number[]> {
      const ids: number[] = [];
      for (const [i, language] of languages.entries()) {
        await store.users.remember({ id: firstId + i, first_name: `U${firstId + i}` }, language, new Date());
        ids.push(firstId + i);
      }
      return ids;
    },
    async confirm(ids: number[]) {
      for (const id of ids) await redis.zadd(store.keys.rsvp.status("confirmed"), Date.now(), String(id));
    },
    async close() {
      for (const engine of engines) await engine.close().catch(() => undefined);
      for (const connection of connections) await connection.quit().catch(() => undefined);
      await deleteKeysWithPrefix(redis, prefix);
      await redis.quit();
      await api.close();
    },
  };
}

export type SharedWorld = Awaited<ReturnType<typeof sharedWorld>>;
export type { Store };
