import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Queue } from "bullmq";
import { describe, expect, it } from "vitest";
import { reminderBroadcastId } from "../src/delivery/reminders.js";
import { CONTROL_QUEUE } from "../src/delivery/queue.js";
import type { Store } from "../src/store/index.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import { freePort } from "./support/net.js";
import { enterContest, registerGuest } from "./support/seed.js";
import { seriesDir, writeSeriesEvent, type SeriesEventSpec } from "./support/series-dir.js";
import { grantRole } from "./support/team.js";
import { until } from "./support/wait.js";

const PAST = "forum-past";
const A = "forum-a";
const B = "forum-b";
const D = "forum-d";
const ADMIN = 9_101;
const NOW = "2099-11-01T06:00:00Z";
const SPECS: SeriesEventSpec[] = [
  { id: PAST, title: "Forum Past" },
  { id: A, title: "Forum A", month: "2099-11" },
  { id: B, title: "Forum B", month: "2099-12" },
];

/** Each test edits its folder: its own copy of one past and two upcoming events. */
function freshDir(): string {
  return seriesDir(SPECS);
}

const startBot = botPerTest({ now: NOW, adminIds: [ADMIN] });

/** The calendar's VEVENT blocks, lines unfolded (RFC 5545: a CRLF and a space continue a line). */
function vevents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, "").split(/\r\n/);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).split(";")[0]!;
      current[name] ??= line.slice(colon + 1);
    }
  }
  return events;
}

async function idea(store: Store, authorId: number, eventId: string | undefined, now: Date): Promise<void> {
  const draft = { authorId, authorName: `Author ${authorId}`, language: "en", category: "bike", text: "Shade trees", eventId };
  const created = await store.ideas.create(draft, { now, day: `seed-${authorId}`, dailyLimit: 100, publish: true });
  expect(created.ok).toBe(true);
}

async function reloadAsAdmin(bot: TestBot) {
  const admin = bot.user({ id: ADMIN, languageCode: "en" });
  const replies = await admin.command("reload");
  return { admin, text: replies.map((message) => message.text ?? "").join("\n") };
}

describe("/reload: the events folder read again without a restart", () => {
  it("adds a fourth file: the admin gets the summary and /events lists it", async () => {
    const dir = freshDir();
    // The hook the announcement of new events is registered on: run once, after the swap.
    const reloaded: { added: string[]; inForce: boolean }[] = [];
    const bot: TestBot = await startBot({
      eventsDir: dir,
      onSeriesReloaded: [
        async ({ changes, series }) => {
          reloaded.push({ added: changes.added, inForce: bot.running.deps.series === series });
        },
      ],
    });
    writeSeriesEvent(dir, { id: D, title: "Forum D", month: "2099-12" }, (data) => {
      // Later in December than B, so it is listed after it.
      data.starts = "2099-12-31T09:00";
      data.ends = "2099-12-31T13:00";
    });
    const { text } = await reloadAsAdmin(bot);
    expect(text).toContain("The event files are reloaded.");
    expect(text).toContain(`Added (1): Forum D (${D})`);
    expect(text).toContain("Changed (0): —");
    expect(text).toContain("Removed, archived (0): —");
    expect(text).toContain(`Unchanged (3):`);
    expect(bot.running.deps.series.events.map((event) => event.id)).toEqual([PAST, A, B, D]);
    expect(reloaded).toEqual([{ added: [D], inForce: true }]);

    const user = bot.user({ languageCode: "en" });
    await user.command("events");
    const list = user.lastText();
    expect(list.indexOf("Forum B")).toBeLessThan(list.indexOf("31 December 2099, 9:00 — Forum D"));
    expect(list.indexOf("31 December 2099, 9:00 — Forum D")).toBeLessThan(list.indexOf("Past"));
    // It opens like the others: its menu, in its own store.
    await user.tap("Forum D");
    expect(user.lastText()).toContain("🗓 Forum D");
    expect(bot.running.deps.depsOf(D)?.store.eventId).toBe(D);
    // Its reminders are scheduled like those of the events loaded at start.
    expect(Object.keys(await bot.running.deps.store.forEvent(D).broadcasts.scheduledReminders()).sort()).toEqual(
      Object.keys(await bot.running.deps.store.forEvent(A).broadcasts.scheduledReminders()).sort(),
    );
    expect(bot.errors()).toEqual([]);
  });

  it("refuses a broken folder: the running set stays and the admin gets every problem with its path", async () => {
    const dir = freshDir();
    const bot = await startBot({ eventsDir: dir });
    const before = bot.running.deps.series;
    // A new file with two schema problems, and a YAML syntax error in an existing one.
    const bad = writeSeriesEvent(dir, { id: D, title: "Forum <D>", month: "2099-12" }, (data) => {
      (data.rsvp as { capacity: number }).capacity = -5;
      delete data.venue;
    });
    const broken = join(dir, `${B}.yaml`);
    writeFileSync(broken, "id: forum-b\ntitle: [unclosed\n");
    const { text } = await reloadAsAdmin(bot);
    expect(text).toContain("Not reloaded.");
    expect(text).toContain("2 files have problems");
    expect(text).toContain(bad);
    expect(text).toContain(broken);
    expect(text).toMatch(/• rsvp\.capacity: /);
    expect(text).toMatch(/• venue: /);
    expect(text).toMatch(/• YAML: /);
    // Unchanged: the same series object, the same events in /events.
    expect(bot.running.deps.series).toBe(before);
    const user = bot.user({ languageCode: "en" });
    await user.command("events");
    expect(user.lastText()).toContain("Forum B");
    expect(user.lastText()).not.toContain("Forum <D>");
    expect(user.lastText()).not.toContain("Forum &lt;D&gt;");
    expect(bot.errors()).toEqual([]);
  });

  it("reschedules a reminder whose time changed", async () => {
    const dir = freshDir();
    const bot = await startBot({ eventsDir: dir });
    const store = bot.running.deps.store.forEvent(A);
    const id = reminderBroadcastId(A, "day-before");
    const old = await store.broadcasts.find(id);
    expect(old?.status).toBe("scheduled");
    writeSeriesEvent(dir, SPECS[1]!, (data) => {
      const reminder = (data.reminders as { id: string; before?: string }[]).find((each) => each.id === "day-before")!;
      reminder.before = "48h";
    });
    const { text } = await reloadAsAdmin(bot);
    expect(text).toContain(`Changed (1): Forum A (${A})`);
    const now = await store.broadcasts.find(id);
    expect(now?.at.getTime()).toBe(old!.at.getTime() - 24 * 3_600_000);
    expect(now?.hash).not.toBe(old?.hash);
    expect((await store.broadcasts.scheduledReminders())["day-before"]).toBe(now?.hash);
    // The queue holds the new delayed job, not the old one.
    const control = new Queue(CONTROL_QUEUE, { connection: bot.redis, prefix: bot.running.deps.store.keys.bullPrefix });
    try {
      expect(await control.getJob(`f-${id}-${now!.hash}`)).toBeDefined();
      expect(await control.getJob(`f-${id}-${old!.hash}`)).toBeUndefined();
    } finally {
      await control.close();
    }
  });

  it("sends a list of problems longer than one message in several, each file once, none over 4,096 characters", async () => {
    const dir = freshDir();
    const bot = await startBot({ eventsDir: dir });
    const broken = Array.from({ length: 40 }, (_, i) => join(dir, `broken-<${i}>-${"x".repeat(40)}.yaml`));
    for (const file of broken) writeFileSync(file, "id: broken\ntitle: [unclosed\n");
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const replies = (await admin.command("reload")).map((message) => message.text ?? "");
    expect(replies.length).toBeGreaterThan(1);
    expect(replies.every((text) => text.length <= 4096)).toBe(true);
    expect(replies[0]).toContain("Not reloaded.");
    for (const file of broken) expect(replies.join("\n").split(file)).toHaveLength(2);
    expect(bot.errors()).toEqual([]);
  });

  it("archives a removed file's event: listed as past, its registrations kept, its summary shown", async () => {
    const dir = freshDir();
    const bot = await startBot({ eventsDir: dir });
    const guest = bot.user({ languageCode: "en" });
    const store = bot.running.deps.store.forEvent(B);
    await registerGuest(store, guest.id, { status: "confirmed", now: bot.clock.now() });
    const reminder = reminderBroadcastId(B, "day-before");
    expect((await store.broadcasts.find(reminder))?.status).toBe("scheduled");

    rmSync(join(dir, `${B}.yaml`));
    const { text } = await reloadAsAdmin(bot);
    expect(text).toContain(`Removed, archived (1): Forum B (${B})`);
    expect(bot.running.deps.series.isArchived(B)).toBe(true);
    // Its data stays; its pending reminders are cancelled.
    expect((await store.rsvps.find(guest.id))?.status).toBe("confirmed");
    expect((await store.broadcasts.find(reminder))?.status).toBe("cancelled");

    await guest.command("events");
    const list = guest.lastText();
    expect(list.indexOf("Past")).toBeGreaterThan(-1);
    expect(list.indexOf("✅ 30 December 2099, 9:00 — Forum B")).toBeGreaterThan(list.indexOf("Past"));
    await guest.tap("✅ Forum B");
    expect(guest.lastText()).toContain("🗄 Forum B");
    expect(guest.lastText()).toContain("👥 Guests: 1 registered, 0 came");
    expect(guest.lastText()).toContain("This event is in the archive");
    // No menu to open: an archived event takes no registrations.
    expect(guest.buttons()).toEqual(["⬅️ All events"]);

    // The archive is in Redis: another instance (or a restart) on the same keys lists it too.
    const other = await startBot({ eventsDir: dir, env: { REDIS_PREFIX: bot.prefix }, botId: 777_002 });
    expect(other.running.deps.series.isArchived(B)).toBe(true);
    expect(other.running.deps.series.past(other.clock.now()).map((event) => event.id)).toEqual([B, PAST]);
  });

  it("sets the command menus again: a file that brings the first contest brings /contest and /entries", async () => {
    const dir = seriesDir([]);
    for (const spec of SPECS) writeSeriesEvent(dir, spec, (data) => delete data.contest && delete data.quiz);
    const bot = await startBot({ eventsDir: dir });
    const menu = (chatId: number) => bot.api.visibleCommands(chatId, "en").map((each) => each.command);
    // A team organiser's own menu, as /team's invite sets it when they join.
    const organiser = bot.user({ languageCode: "en" });
    await grantRole(bot, organiser.id, "organiser", { name: "Olga", createdBy: ADMIN });
    expect(menu(5_000_002)).not.toContain("contest");
    expect(menu(ADMIN)).not.toContain("entries");
    writeSeriesEvent(dir, { id: D, title: "Forum D", month: "2099-12" });
    expect((await reloadAsAdmin(bot)).text).toContain(`Added (1): Forum D (${D})`);
    expect(menu(5_000_002)).toContain("contest");
    expect(menu(ADMIN)).toEqual(expect.arrayContaining(["contest", "entries", "winner", "quiz"]));
    expect(menu(organiser.id)).toEqual(expect.arrayContaining(["contest", "entries", "winner", "export"]));
    expect(menu(organiser.id)).not.toContain("reload");
  });

  it("refuses /reload to anyone but an admin, and changes nothing", async () => {
    const dir = freshDir();
    const bot = await startBot({ eventsDir: dir });
    writeSeriesEvent(dir, { id: D, title: "Forum D", month: "2099-12" });
    const user = bot.user({ languageCode: "en" });
    const [reply] = await user.command("reload");
    expect(reply?.text).toBe("Only admins can do this: they manage the team.");
    expect(bot.running.deps.series.byId(D)).toBeUndefined();
    await user.command("events");
    expect(user.lastText()).not.toContain("Forum D");
  });

  it("a reload on one instance reaches the other through series:version", async () => {
    const dir = freshDir();
    const first = await startBot({ eventsDir: dir });
    // Another bot id: each instance handles only the updates of its own emulator.
    const second = await startBot({ eventsDir: dir, env: { REDIS_PREFIX: first.prefix }, botId: 777_001 });
    writeSeriesEvent(dir, { id: D, title: "Forum D", month: "2099-12" });
    await reloadAsAdmin(first);
    expect(first.running.deps.series.byId(D)).toBeDefined();
    // The other checks the version every 5 s.
    await until(
      () => second.running.deps.series.byId(D),
      (event) => event !== undefined,
      12_000,
    );
    // Its view is whole: the new event's own dependencies, on its own keys.
    expect(second.running.deps.depsOf(D)?.store.eventId).toBe(D);
    expect(second.running.deps.series.upcoming(second.clock.now()).map((event) => event.id)).toEqual([A, B, D]);
  }, 20_000);
});

describe("the archive: a past event's summary", () => {
  it("shows the title, dates, venue, the announced winner, guests and ideas proposed during it", async () => {
    const bot = await startBot({ eventsDir: freshDir() });
    const store = bot.running.deps.store.forEvent(PAST);
    const during = new Date("2017-11-30T05:00:00Z");
    await registerGuest(store, 501, { status: "confirmed", now: during });
    await registerGuest(store, 502, { status: "confirmed", now: during });
    expect(await store.rsvps.checkIn(501, ADMIN, during)).toMatchObject({ result: "first" });
    await enterContest(store, 601, during);
    await store.contest.claimAnnouncement({ winnerId: 601, runnersUp: [], texts: { en: "x" }, sentBy: 1, sentAt: during.toISOString() });
    await idea(store, 701, PAST, during);
    await idea(store, 702, PAST, during);
    await idea(store, 703, A, during);
    await idea(store, 704, undefined, during);

    const user = bot.user({ languageCode: "en" });
    await user.command("events");
    await user.tap("Forum Past");
    const text = user.lastText();
    expect(text).toContain("🗄 Forum Past");
    expect(text).toContain("🗓 30 November 2017, 9:00–13:00");
    expect(text).toContain("📍 ");
    expect(text).toContain("🏆 Contest winner: Entrant 601");
    expect(text).toContain("👥 Guests: 2 registered, 1 came");
    expect(text).toContain("💡 Ideas proposed during the event: 2");
    // Not archived: its menu is one tap away.
    expect(user.buttons()).toEqual(["➡️ Open the event", "⬅️ All events"]);
    await user.tap("➡️ Open the event");
    expect(user.lastText()).toContain("🗓 Forum Past");

    // In Russian and Kazakh too, and without a winner before one is announced.
    const ru = bot.user({ languageCode: "ru" });
    await ru.command("events");
    await ru.tap("Forum Past (ru)");
    expect(ru.lastText()).toContain("👥 Гости: зарегистрировались 2, пришли 1");
    const kk = bot.user({ languageCode: "kk" });
    await kk.command("events");
    await kk.tap("Forum A (kk)");
    expect(kk.lastText()).not.toContain("🗄");
  });
});

describe("the calendar of the series", () => {
  it("/events sends the upcoming events as one .ics, one VEVENT each", async () => {
    const bot = await startBot({ eventsDir: freshDir() });
    const user = bot.user({ languageCode: "kk" });
    await user.command("events");
    const [file] = await user.tap("📅 Барлығын күнтізбеге қосу");
    expect(file?.document?.filename).toBe("events.ics");
    const events = vevents(file!.document!.data!.toString("utf8"));
    expect(events.map((event) => event.UID)).toEqual([`${A}@wealmaty-bot`, `${B}@wealmaty-bot`]);
    expect(events.map((event) => event.SUMMARY)).toEqual(["Forum A (kk)", "Forum B (kk)"]);
    expect(events[0]!.DTSTART).toBe("20991130T040000Z");
    expect(events[0]!.GEO).toMatch(/^\d+\.\d+;\d+\.\d+$/);
  });

  it("serves GET /calendar.ics on the bot's HTTP server (webhook mode)", async () => {
    const port = await freePort();
    const dir = freshDir();
    const bot = await startBot({
      eventsDir: dir,
      env: { PORT: String(port), WEBHOOK_URL: "https://bot.example.test/telegram/hook", WEBHOOK_SECRET: "calendar-secret-0123456789" },
    });
    const response = await fetch(`http://127.0.0.1:${port}/calendar.ics?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = vevents(await response.text());
    expect(events.map((event) => event.SUMMARY)).toEqual(["Forum A", "Forum B"]);
    // After a reload the feed follows the series in force.
    writeSeriesEvent(dir, { id: D, title: "Forum D", month: "2099-12" });
    const result = await bot.running.deps.reloadSeries!();
    expect(result.ok).toBe(true);
    const again = vevents(await (await fetch(`http://127.0.0.1:${port}/calendar.ics`)).text());
    expect(again.map((event) => event.UID).sort()).toEqual([`${A}@wealmaty-bot`, `${B}@wealmaty-bot`, `${D}@wealmaty-bot`]);
    expect((await fetch(`http://127.0.0.1:${port}/calendar.ics`, { method: "POST" })).status).toBe(405);
  });
});
