import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSeriesDir } from "../src/event/series.js";
import { announceNewEvents } from "../src/features/followers/index.js";
import { createStore } from "../src/store/index.js";
import { connectRedis } from "../src/store/redis.js";
import { parseConfig } from "../src/config.js";
import { pino } from "pino";
import { startBot as startBotProcess } from "../src/app/start.js";
import { botPerTest, REDIS_URL, type TestBot } from "./support/harness.js";
import { registerInEnglish } from "./support/flows.js";
import { registerGuest } from "./support/seed.js";
import { seriesDir } from "./support/series-dir.js";
import { until } from "./support/wait.js";

const PAST = "forum-past";
const A = "forum-a";
const B = "forum-b";
const C = "forum-c";
const ADMIN = 9_101;
const startBot = botPerTest();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One past event (2017), two upcoming (November and December 2099): a fresh folder per test, since tests add to it. */
const threeEvents = () =>
  seriesDir([
    { id: B, title: "Forum B", month: "2099-12" },
    { id: PAST, title: "Forum Past" },
    { id: A, title: "Forum A", month: "2099-11" },
  ]);

/** Puts a fourth event file (January 2100) into the folder. */
function addFourth(dir: string): void {
  const other = seriesDir([{ id: C, title: "Forum C", month: "2100-01" }]);
  copyFileSync(join(other, `${C}.yaml`), join(dir, `${C}.yaml`));
}

const announcementsIn = (bot: TestBot, chatId: number) => bot.api.chat(chatId).filter((m) => m.text?.startsWith("🆕"));

describe("followers: announcements of new events", () => {
  it("announces a new (fourth) event once to every follower in their language, none to those who turned it off; Register opens its RSVP", async () => {
    const dir = threeEvents();
    const bot = await startBot({ eventsDir: dir, now: "2099-11-01T06:00:00Z" });
    const [en, ru, kk, quiet] = ["en", "ru", "kk", "en"].map((languageCode) => bot.user({ languageCode }));
    for (const user of [en!, ru!, kk!, quiet!]) await user.command("start");

    // The setting: on by default, turned off from /events' button, shown by /notifications.
    await quiet!.command("events");
    await quiet!.tap("🔔 Notifications");
    expect(quiet!.lastText()).toContain("🔔 Notifications are on");
    await quiet!.tap("🔕 Turn off");
    expect(quiet!.lastText()).toContain("🔕 Notifications are off");
    await quiet!.command("notifications");
    expect(quiet!.lastText()).toContain("🔕 Notifications are off");
    expect(quiet!.buttons()).toContain("🔔 Turn on");
    expect(await bot.running.deps.store.followers.isMuted(quiet!.id)).toBe(true);
    await ru!.command("notifications");
    expect(ru!.lastText()).toContain("🔔 Уведомления включены");
    await kk!.command("notifications");
    expect(kk!.lastText()).toContain("🔔 Хабарландырулар қосулы");

    // The first start announced nothing: the three events were there before announcements began.
    for (const user of [en!, ru!, kk!, quiet!]) expect(announcementsIn(bot, user.id)).toEqual([]);

    addFourth(dir);
    await bot.restart();
    const expected: [typeof en, string, string][] = [
      [en, "🆕 New event: <b>Forum C</b>", "30 January 2100, 9:00"],
      [ru, "🆕 Новое событие: <b>Forum C (ru)</b>", "30 января 2100, 9:00"],
      [kk, "🆕 Жаңа іс-шара: <b>Forum C (kk)</b>", "2100 жылғы 30 қаңтар, 9:00"],
    ];
    for (const [user, heading, when] of expected) {
      const [message] = await until(
        () => announcementsIn(bot, user!.id),
        (found) => found.length > 0,
      );
      expect(message!.raw).toContain(heading);
      expect(message!.text).toContain(when);
      expect(message!.text).toContain("📍");
    }
    expect(en!.buttons()).toEqual(["📝 Register"]);
    expect(ru!.buttons()).toEqual(["📝 Зарегистрироваться"]);
    expect(kk!.buttons()).toEqual(["📝 Тіркелу"]);
    const progress = await until(
      () => bot.running.deps.broadcasts.progress(`announce-${C}`),
      (p) => p?.status === "done",
    );
    expect(progress).toMatchObject({ total: 3, sent: 3 });
    expect(announcementsIn(bot, quiet!.id)).toEqual([]);

    // A restart announces nothing again.
    await bot.restart();
    await sleep(1_000);
    for (const user of [en!, ru!, kk!]) expect(announcementsIn(bot, user!.id)).toHaveLength(1);
    expect(announcementsIn(bot, quiet!.id)).toEqual([]);

    // Register opens the new event's RSVP: it becomes the chosen event, and the form registers for it.
    await en!.tap("📝 Register");
    expect(en!.buttons()).toContain("✅ I agree");
    await registerInEnglish(en!, "Follower Guest");
    expect((await bot.running.deps.store.forEvent(C).rsvps.find(en!.id))?.status).toBe("confirmed");
    expect(await bot.running.deps.store.forEvent(A).rsvps.find(en!.id)).toBeUndefined();

    // A forged or outdated Register button (an event no longer in the series) gets a note and changes nothing.
    await en!.tapData("followers:register:no-such-forum");
    expect(en!.callbackAnswers().at(-1)?.text).toBe("This event is no longer in the series.");

    // "Forget me" removes the setting.
    await bot.running.deps.store.users.forget(quiet!.id);
    expect(await bot.running.deps.store.followers.isMuted(quiet!.id)).toBe(false);
    expect(bot.errors()).toEqual([]);
  });

  it("announces a file added and /reload-ed, once, in the follower's language; a restart after it adds nothing", async () => {
    const dir = threeEvents();
    const bot = await startBot({ eventsDir: dir, now: "2099-11-01T06:00:00Z", adminIds: [ADMIN] });
    const ru = bot.user({ languageCode: "ru" });
    await ru.command("start");
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    addFourth(dir);
    const replies = await admin.command("reload");
    expect(replies.map((m) => m.text ?? "").join("\n")).toContain(`Added (1): Forum C (${C})`);
    const [message] = await until(
      () => announcementsIn(bot, ru.id),
      (found) => found.length > 0,
    );
    expect(message!.raw).toContain("🆕 Новое событие: <b>Forum C (ru)</b>");
    await until(
      () => bot.running.deps.broadcasts.progress(`announce-${C}`),
      (p) => p?.status === "done",
    );
    await bot.restart();
    await sleep(500);
    expect(announcementsIn(bot, ru.id)).toHaveLength(1);
  });

  it("two instances announcing at once send one announcement; past events are never announced", async () => {
    const dir = threeEvents();
    const bot = await startBot({ eventsDir: dir, now: "2099-11-01T06:00:00Z" });
    const users = ["en", "ru"].map((languageCode) => bot.user({ languageCode }));
    for (const user of users) await user.command("start");
    addFourth(dir);
    // A past file appearing later is not news either.
    const past = seriesDir([{ id: "forum-older", title: "Forum Older", month: "2016-11" }]);
    copyFileSync(join(past, "forum-older.yaml"), join(dir, "forum-older.yaml"));
    const series = loadSeriesDir(dir);

    // Two instances: their own Redis connections and stores on the same prefix, one queue.
    const config = parseConfig({ BOT_TOKEN: "1:x", REDIS_URL, REDIS_PREFIX: bot.prefix, EVENTS_DIR: dir, LOG_LEVEL: "silent" });
    const connections = [connectRedis(config), connectRedis(config)];
    try {
      const instances = connections.map((redis) => ({ ...bot.running.deps, series, store: createStore(redis, bot.prefix).forEvent(A) }));
      const now = bot.clock.now();
      const results = await Promise.all(instances.map((deps) => announceNewEvents(bot.running.deps.broadcasts, deps, now)));
      expect(results.flat()).toEqual([C]);
    } finally {
      await Promise.all(connections.map((redis) => redis.quit()));
    }
    for (const user of users) {
      await until(
        () => announcementsIn(bot, user.id),
        (found) => found.length > 0,
      );
    }
    // A third call (a reload) and a restart add nothing.
    expect(await announceNewEvents(bot.running.deps.broadcasts, { ...bot.running.deps, series }, bot.clock.now())).toEqual([]);
    await bot.restart();
    await sleep(1_000);
    for (const user of users) expect(announcementsIn(bot, user.id)).toHaveLength(1);
    expect(await bot.running.deps.store.followers.announced("forum-older")).toBeUndefined();
    expect(await bot.running.deps.broadcasts.progress("announce-forum-older")).toBeUndefined();
  });
});

describe("followers: two instances starting at once", () => {
  it("announce the new event once", async () => {
    const dir = threeEvents();
    const bot = await startBot({ eventsDir: dir, now: "2099-11-01T06:00:00Z" });
    const users = ["en", "kk"].map((languageCode) => bot.user({ languageCode }));
    for (const user of users) await user.command("start");
    addFourth(dir);
    await bot.running.stop();
    const config = parseConfig({
      BOT_TOKEN: bot.api.token,
      BOT_API_ROOT: bot.api.apiRoot,
      REDIS_URL,
      REDIS_PREFIX: bot.prefix,
      EVENTS_DIR: dir,
      LOG_LEVEL: "silent",
      FLOOD_LIMIT: "0",
    });
    const logger = pino({ level: "silent" });
    const start = () => startBotProcess(config, loadSeriesDir(dir), logger, { redis: bot.redis, clock: bot.clock.now });
    const [first, second] = await Promise.all([start(), start()]);
    try {
      for (const user of users) {
        await until(
          () => announcementsIn(bot, user.id),
          (found) => found.length > 0,
        );
      }
      await sleep(1_000);
      for (const user of users) expect(announcementsIn(bot, user.id)).toHaveLength(1);
      expect(await first.deps.broadcasts.progress(`announce-${C}`)).toMatchObject({ status: "done", total: 2, sent: 2 });
    } finally {
      await first.stop();
      // The harness stops the one it holds.
      bot.running = second;
    }
  });
});

describe("followers: the nudge 72 hours before", () => {
  it("reaches only followers not registered (any status), once, in their language", async () => {
    const dir = threeEvents();
    // Forum A starts 2099-11-30 09:00 Almaty (04:00Z): its nudge is due at 2099-11-27 04:00Z, 6 s after this start.
    const bot = await startBot({ eventsDir: dir, now: "2099-11-27T03:59:54Z" });
    const store = bot.running.deps.store;
    const now = bot.clock.now();
    const ids = { en: 7001, ru: 7002, confirmed: 7003, waitlisted: 7004, muted: 7005 };
    for (const [name, id] of Object.entries(ids)) {
      await store.users.remember({ id, first_name: "Guest" }, name === "ru" ? "ru" : "en", now);
    }
    await registerGuest(store.forEvent(A), ids.confirmed, { status: "confirmed", now });
    await registerGuest(store.forEvent(A), ids.waitlisted, { status: "waitlisted", now });
    await store.followers.setMuted(ids.muted, true);

    const progress = await until(
      () => bot.running.deps.broadcasts.progress(`nudge-${A}`),
      (p) => p?.status === "done",
    );
    expect(progress).toMatchObject({ total: 2, sent: 2 });
    const nudges = (id: number) => bot.api.chat(id).filter((m) => m.text?.startsWith("⏳"));
    expect(nudges(ids.en)[0]?.text).toContain("Forum A is in three days: 30 November 2099, 9:00");
    expect(nudges(ids.ru)[0]?.text).toContain("До события Forum A (ru) три дня");
    for (const id of [ids.confirmed, ids.waitlisted, ids.muted]) expect(nudges(id)).toEqual([]);
    // Its Register button opens forum A's registration.
    const en = bot.user({ id: ids.en, languageCode: "en" });
    expect(en.buttons(nudges(ids.en)[0]!)).toEqual(["📝 Register"]);

    // Once: a restart does not send it again; forum B's nudge is a month away.
    await bot.restart();
    await sleep(1_500);
    expect(nudges(ids.en)).toHaveLength(1);
    expect(await bot.running.deps.broadcasts.progress(`nudge-${B}`)).toBeUndefined();
    expect(await bot.running.deps.broadcasts.progress(`nudge-${PAST}`)).toBeUndefined();
    expect(bot.errors()).toEqual([]);
  });

  it("is skipped when missed by more than the reminder grace", async () => {
    const dir = threeEvents();
    // Three hours after forum A's nudge was due (the grace is 2 h): the job fires at once and sends nothing.
    const bot = await startBot({ eventsDir: dir, now: "2099-11-27T07:00:00Z", logLevel: "warn" });
    await bot.running.deps.store.users.remember({ id: 7101, first_name: "Guest" }, "en", bot.clock.now());
    await until(
      () => bot.logs().some((line) => line.includes("nudge missed its grace period")),
      (found) => found,
    );
    expect(await bot.running.deps.broadcasts.progress(`nudge-${A}`)).toBeUndefined();
    expect(bot.api.chat(7101)).toEqual([]);
  });
});

describe("the broadcast form's audiences in a series", () => {
  it("offers all followers, and asks which event for a per-event audience (the spec carries it)", async () => {
    const dir = threeEvents();
    const bot = await startBot({ eventsDir: dir, now: "2099-11-01T06:00:00Z", adminIds: [ADMIN] });
    const store = bot.running.deps.store;
    const now = bot.clock.now();
    for (const [id, language] of [
      [8001, "en"],
      [8002, "en"],
      [8003, "en"],
    ] as const) {
      await store.users.remember({ id, first_name: "Guest" }, language, now);
    }
    await registerGuest(store.forEvent(B), 8001, { status: "confirmed", now });
    await store.followers.setMuted(8003, true);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");

    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.send("Doors open at nine");
    expect(admin.buttons()).toContain("All followers (notifications on)");
    await admin.tap("Registered (confirmed)");
    expect(admin.lastText()).toContain("Which event is it about?");
    // The organiser's chosen event (the current one, forum A) comes first.
    expect(admin.buttons().slice(0, 3)).toEqual(["Forum A", "Forum B", "Forum Past"]);
    await admin.tap("Forum B");
    expect(admin.lastText()).toMatch(/Registered \(confirmed\) — 1 recipient/);
    await admin.tap("🚀 Send now");
    await until(
      () => bot.api.chat(8001).map((m) => m.text),
      (texts) => texts.includes("Doors open at nine"),
    );
    const [record] = await store.broadcasts.recent(1);
    expect(record?.spec).toMatchObject({ audience: "confirmed", eventId: B });

    // All followers: everyone who started the bot minus the muted one; no event question.
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.send("A new season");
    await admin.tap("All followers (notifications on)");
    expect(admin.lastText()).not.toContain("Which event");
    // 8001, 8002 and the admin.
    expect(admin.lastText()).toMatch(/All followers \(notifications on\) — 3 recipients/);
    await admin.tap("🚀 Send now");
    await until(
      () => bot.api.chat(8002).map((m) => m.text),
      (texts) => texts.includes("A new season"),
    );
    expect(bot.api.chat(8003).map((m) => m.text)).not.toContain("A new season");
  });
});
