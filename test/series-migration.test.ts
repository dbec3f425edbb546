import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { keyspace } from "../src/store/keys.js";
import { migrateUnscoped, UnscopedDataError } from "../src/store/migrate.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { REDIS_URL, startTestBot, type TestBot } from "./support/harness.js";
import { registerInEnglish } from "./support/flows.js";
import { seriesDir } from "./support/series-dir.js";

const connections: Redis[] = [];
const prefixes: string[] = [];
const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  for (const prefix of prefixes.splice(0)) await deleteKeysWithPrefix(connections[0]!, prefix);
  for (const redis of connections.splice(0)) await redis.quit();
});

function redis(): Redis {
  const connection = new Redis(REDIS_URL);
  connections.push(connection);
  return connection;
}

/** What a bot of before the series left: a guest, a contest entry, a quiz state and a scheduled reminder, unscoped. */
async function plantUnscoped(connection: Redis, prefix: string) {
  await connection.hset(`${prefix}rsvp:guest:42`, { status: "confirmed", name: "Old Guest" });
  await connection.zadd(`${prefix}rsvp:status:confirmed`, 1, "42");
  await connection.hset(`${prefix}contest:entry:42`, { link: "https://www.instagram.com/p/x/" });
  await connection.hset(`${prefix}quiz:state`, { status: "ended" });
  await connection.hset(`${prefix}broadcasts:reminders`, { "day-before": "abc123" });
  await connection.hset(`${prefix}broadcast:reminder-day-before`, { status: "done", hash: "abc123" });
  await connection.hset(`${prefix}broadcast:reminder-day-before:ledger`, { "42": "sent" });
  await connection.zadd(`${prefix}broadcasts`, 5, "reminder-day-before");
  // Series-wide keys stay where they are.
  await connection.hset(`${prefix}user:42`, { name: "Old Guest" });
}

describe("moving the data of before the series under its event", () => {
  it("moves every unscoped per-event key once, with two instances starting at the same time", async () => {
    const prefix = `test:${randomUUID()}:`;
    prefixes.push(prefix);
    const [a, b] = [redis(), redis()];
    await plantUnscoped(a, prefix);
    const keys = keyspace(prefix);
    const results = await Promise.all([a, b].map((connection) => migrateUnscoped(connection, keys, "forum-x", ["forum-x"])));

    expect(results.map((result) => result.eventId)).toEqual(["forum-x", "forum-x"]);
    // Seven keys and the reminder's record and ledger: moved by exactly one of the two.
    expect(results.map((result) => result.moved).sort()).toEqual([0, 7]);
    const scope = `${prefix}event:forum-x:`;
    const left = (await a.keys(`${prefix}*`)).map((key) => key.slice(prefix.length)).sort();
    expect(left).toEqual(
      [
        "broadcast:reminder-forum-x-day-before",
        "broadcast:reminder-forum-x-day-before:ledger",
        "broadcasts",
        "event:forum-x:broadcasts:reminders",
        "event:forum-x:contest:entry:42",
        "event:forum-x:quiz:state",
        "event:forum-x:rsvp:guest:42",
        "event:forum-x:rsvp:status:confirmed",
        "migrated:unscoped",
        "user:42",
      ].sort(),
    );
    expect(await a.hget(`${scope}rsvp:guest:42`, "name")).toBe("Old Guest");
    expect(await a.zrange(`${prefix}broadcasts`, 0, -1)).toEqual(["reminder-forum-x-day-before"]);
    // Idempotent: a later start moves nothing and knows where the data went.
    expect(await migrateUnscoped(a, keys, "forum-x", ["forum-x"])).toEqual({ eventId: "forum-x", moved: 0 });
  });

  it("refuses to guess the event of unscoped data in a folder, naming MIGRATE_UNSCOPED_TO", async () => {
    const prefix = `test:${randomUUID()}:`;
    prefixes.push(prefix);
    const connection = redis();
    await plantUnscoped(connection, prefix);
    const attempt = migrateUnscoped(connection, keyspace(prefix), undefined, ["forum-a", "forum-b"]);
    await expect(attempt).rejects.toThrow(UnscopedDataError);
    await expect(attempt).rejects.toThrow(/MIGRATE_UNSCOPED_TO.*forum-a, forum-b/);
    // Nothing moved, nothing marked.
    expect(await connection.exists(`${prefix}rsvp:guest:42`)).toBe(1);
    expect(await connection.get(`${prefix}migrated:unscoped`)).toBeNull();
    // Nothing to move: no objection, no marker.
    const empty = `test:${randomUUID()}:`;
    expect(await migrateUnscoped(connection, keyspace(empty), undefined, ["forum-a"])).toEqual({ eventId: undefined, moved: 0 });
  });

  it("a guest registered by a bot of one event file is still registered when the file moves into a folder", async () => {
    // The guest registers with one EVENT_FILE; the keys are then put back where a bot of before the series kept them.
    const single = await startTestBot();
    const guest = single.user({ languageCode: "en" });
    await registerInEnglish(guest, "Old Guest");
    const { prefix } = single;
    const eventId = single.event.id;
    await single.running.stop();
    const connection = redis();
    for (const key of await connection.keys(`${prefix}event:${eventId}:*`)) {
      await connection.rename(key, `${prefix}${key.slice(`${prefix}event:${eventId}:`.length)}`);
    }
    await connection.del(`${prefix}migrated:unscoped`);
    // A new fake Telegram numbers its updates from 1 again: the old inbox would take them for repeats.
    for (const key of await connection.keys(`${prefix}updates:inbox:*`)) await connection.del(key);
    await single.api.close();
    await single.redis.quit();
    prefixes.push(prefix);

    // The same forum as a file of a folder, beside a new one; the organiser names it once.
    const dir = seriesDir([
      { id: eventId, title: "Forum 2017" },
      { id: "forum-next", title: "Forum Next", month: "2099-11" },
    ]);
    const env = { REDIS_PREFIX: prefix, MIGRATE_UNSCOPED_TO: eventId };
    const bot = await startTestBot({ eventsDir: dir, now: single.clock.now(), env });
    bots.push(bot);
    expect((await bot.running.deps.store.forEvent(eventId).rsvps.find(guest.id))?.name).toBe("Old Guest");
    expect(await bot.running.deps.store.forEvent("forum-next").rsvps.find(guest.id)).toBeUndefined();
    expect(await connection.keys(`${prefix}rsvp:*`)).toEqual([]);
    const again = bot.user({ id: guest.id, languageCode: "en" });
    await again.command("events");
    expect(again.lastText()).toContain("✅ 30 November 2017, 9:00 — Forum 2017");
  });
});
