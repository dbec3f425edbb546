import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { reminderBroadcastId, scheduleReminders } from "../src/delivery/reminders.js";
import { TestClock } from "./support/harness.js";
import { eventWith, sharedWorld, sleep, until, type SharedWorld } from "./broadcast-helpers.js";

const logger = pino({ level: "silent" });
// The fixture event's id: reminders' broadcast ids carry it.
const EVENT_ID = "riverside-cleanup-2026";
let world: SharedWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const reminder = (id: string, at: string, text: string, audience = "confirmed") => ({
  id,
  at,
  audience,
  text: { en: text, ru: `${text} (ru)` },
});
const textsIn = (w: SharedWorld, chatId: number) => w.api.chat(chatId).map((m) => m.text ?? `[${m.kind}]`);

describe("reminders from the event file", () => {
  it("fires at the right UTC instant for Asia/Almaty (+05:00 since 2024) in each user's language", async () => {
    world = await sharedWorld();
    const { event } = eventWith([reminder("morning", "2026-11-29T09:00", "Good morning")]);
    // Two seconds before 09:00 in Almaty = 04:00Z.
    const clock = new TestClock(new Date("2026-11-29T03:59:58Z"));
    const [en, ru, stranger] = await world.addUsers(["en", "ru", "en"]);
    await world.confirm([en!, ru!]);
    const engine = world.engine(event, clock);
    await engine.start();
    const started = Date.now();
    await scheduleReminders(engine, world.store, event, clock.now(), logger);

    const id = reminderBroadcastId(EVENT_ID, "morning");
    expect((await engine.broadcaster.progress(id))?.at.toISOString()).toBe("2026-11-29T04:00:00.000Z");
    const progress = await until(
      () => engine.broadcaster.progress(id),
      (p) => p?.status === "done",
    );
    expect(progress).toMatchObject({ total: 2, sent: 2 });
    expect(textsIn(world, en!)).toEqual(["Good morning"]);
    expect(textsIn(world, ru!)).toEqual(["Good morning (ru)"]);
    expect(textsIn(world, stranger!)).toEqual([]);
    // The delayed job waited out the two seconds to 04:00Z (minus scheduling slack).
    const firstSend = world.api.callsTo("sendMessage")[0]!;
    expect(firstSend.at - started).toBeGreaterThanOrEqual(1500);
  });

  it("reschedules edited reminders and drops removed ones on restart", async () => {
    world = await sharedWorld();
    const clock = new TestClock(new Date("2026-11-29T03:00:00Z"));
    const [user] = await world.addUsers(["en"]);
    await world.confirm([user!]);
    // First run: two reminders an hour away.
    const first = eventWith([reminder("a", "2026-11-29T09:00", "A old"), reminder("b", "2026-11-29T09:00", "B")]).event;
    const before = world.engine(first, clock);
    await before.start();
    await scheduleReminders(before, world.store, first, clock.now(), logger);
    expect(await before.queues.control.getDelayedCount()).toBe(2);
    await before.close();

    // Restart with "a" moved to 08:00:01 (a second from now) and reworded, "b" removed.
    clock.set("2026-11-29T03:00:00Z");
    const second = eventWith([reminder("a", "2026-11-29T08:00", "A new")]).event;
    clock.set(new Date(second.reminderAt(second.reminders[0]!).getTime() - 1000));
    const after = world.engine(second, clock);
    await after.start();
    await scheduleReminders(after, world.store, second, clock.now(), logger);
    expect(await after.queues.control.getDelayedCount()).toBe(1);
    await until(
      () => after.broadcaster.progress(reminderBroadcastId(EVENT_ID, "a")),
      (p) => p?.status === "done",
    );
    expect((await after.broadcaster.progress(reminderBroadcastId(EVENT_ID, "b")))?.status).toBe("cancelled");
    expect(textsIn(world, user!)).toEqual(["A new"]);
    expect(await world.store.broadcasts.scheduledReminders()).toEqual({ a: expect.any(String) });
  });

  it("two bot processes scheduling the same reminders send each one once per user", async () => {
    world = await sharedWorld();
    const clock = new TestClock(new Date("2026-11-29T03:59:59Z"));
    const users = await world.addUsers(["en", "en", "ru", "en", "ru"]);
    await world.confirm(users);
    const { event } = eventWith([
      reminder("one", "2026-11-29T09:00", "First"),
      { ...reminder("two", "2026-11-29T09:00", "Second", "all"), venue: true },
    ]);
    const a = world.engine(event, clock);
    const b = world.engine(event, clock);
    await Promise.all([a.start(), b.start()]);
    await Promise.all([
      scheduleReminders(a, world.store, event, clock.now(), logger),
      scheduleReminders(b, world.store, event, clock.now(), logger),
    ]);
    for (const id of ["one", "two"]) {
      await until(
        () => a.broadcaster.progress(reminderBroadcastId(EVENT_ID, id)),
        (p) => p?.status === "done",
      );
    }
    // The venue pins follow the texts; give them a moment.
    await until(
      () => world!.api.callsTo("sendVenue").length,
      (n) => n >= users.length,
    );
    await sleep(300);
    for (const user of users) {
      const seen = textsIn(world, user).sort();
      expect(seen.filter((t) => t.startsWith("First"))).toHaveLength(1);
      expect(seen.filter((t) => t.startsWith("Second"))).toHaveLength(1);
      expect(seen.filter((t) => t === "[venue]")).toHaveLength(1);
    }
  });

  it("sends a reminder missed while down within the grace, skips one missed by more", async () => {
    world = await sharedWorld();
    const [user] = await world.addUsers(["en"]);
    await world.confirm([user!]);
    const { event } = eventWith([reminder("late", "2026-11-29T08:00", "Still useful"), reminder("stale", "2026-11-29T05:00", "Too old")], {
      reminderGrace: "2h",
    });
    // 09:30 Almaty: "late" is 1.5 h overdue (within 2 h), "stale" 4.5 h (beyond).
    const clock = new TestClock(new Date("2026-11-29T04:30:00Z"));
    const engine = world.engine(event, clock);
    await engine.start();
    await scheduleReminders(engine, world.store, event, clock.now(), logger);
    await until(
      () => engine.broadcaster.progress(reminderBroadcastId(EVENT_ID, "late")),
      (p) => p?.status === "done",
    );
    await until(
      () => engine.broadcaster.progress(reminderBroadcastId(EVENT_ID, "stale")),
      (p) => p?.status === "skipped",
    );
    expect(textsIn(world, user!)).toEqual(["Still useful"]);
  });
});
