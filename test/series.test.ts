import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { botPerTest } from "./support/harness.js";
import { proposeIdeaInEnglish, registerInEnglish } from "./support/flows.js";
import { parseCsv } from "./support/csv.js";
import { seriesDir, writeSeriesEvent } from "./support/series-dir.js";
import { until } from "./support/wait.js";
import { grantRole } from "./support/team.js";
import { startMiniAppBot } from "./support/miniapp.js";

const PAST = "forum-past";
const A = "forum-a";
const B = "forum-b";
/** One past event (the 2017 dates), two upcoming ones (November and December 2099), one seat each upcoming. */
const dir = seriesDir([
  { id: B, title: "Forum B", month: "2099-12", capacity: 1 },
  { id: PAST, title: "Forum Past" },
  { id: A, title: "Forum A", month: "2099-11", capacity: 1 },
]);
const startBot = botPerTest({ eventsDir: dir, now: "2099-11-01T06:00:00Z" });
const ADMIN = 9_001;
const DOOR = 9_002;

describe("the series: several events on one bot", () => {
  it("/events lists upcoming events by date and past ones apart, in ru, kk and en", async () => {
    const bot = await startBot();
    const expected = {
      en: [
        "Upcoming",
        "30 November 2099, 9:00 — Forum A",
        "30 December 2099, 9:00 — Forum B",
        "Past",
        "30 November 2017, 9:00 — Forum Past",
      ],
      ru: ["Предстоящие", "30 ноября 2099, 9:00 — Forum A (ru)", "30 декабря 2099, 9:00 — Forum B (ru)", "Прошедшие", "Forum Past (ru)"],
      kk: [
        "Алдағы",
        "2099 жылғы 30 қараша, 9:00 — Forum A (kk)",
        "2099 жылғы 30 желтоқсан, 9:00 — Forum B (kk)",
        "Өткен",
        "Forum Past (kk)",
      ],
    };
    for (const [languageCode, lines] of Object.entries(expected)) {
      const user = bot.user({ languageCode });
      await user.command("events");
      const text = user.lastText();
      let at = -1;
      for (const line of lines) {
        const found = text.indexOf(line, at + 1);
        expect(found, `${languageCode}: «${line}» after position ${at} in\n${text}`).toBeGreaterThan(at);
        at = found;
      }
      // Not an organiser: no deep links.
      expect(text).not.toContain("?start=e_");
      // Three events, "Add all to calendar", 🔔 Notifications and Back.
      expect(user.buttons()).toHaveLength(6);
    }
    // /start presents the series and the next upcoming event.
    const en = bot.user({ languageCode: "en" });
    await en.command("start");
    expect(en.lastText()).toContain("Series T");
    expect(en.lastText()).toContain("Now in focus: Forum A");
    expect(en.buttons()).toContain("🗓 All events");
  });

  it("/help names /events and /notifications in a series, in ru, kk and en, and not for a single event, whose stale event link opens its menu", async () => {
    const bot = await startBot();
    const lines = {
      en: "/rsvp — register for the event\n/events — all events of the series\n/notifications — messages about new events: on or off",
      ru: "/events — все события серии\n/notifications — сообщения о новых событиях: включить или выключить",
      kk: "/events — сериядағы барлық іс-шаралар\n/notifications — жаңа іс-шаралар туралы хабарламалар: қосу не өшіру",
    };
    for (const [languageCode, expected] of Object.entries(lines)) {
      const user = bot.user({ languageCode });
      await user.command("help");
      expect(user.lastText(), languageCode).toContain(expected);
    }
    // One event file: no series to list, as the menu has no 🗓 button then.
    const single = await startBot({ eventsDir: undefined });
    const [help] = await single.user({ languageCode: "en" }).command("help");
    expect(help?.text).toContain("/rsvp — register for the event");
    expect(help?.text).not.toContain("/events");
    // A stale event link there gets the one event's menu, not a "series" list of one.
    const stale = single.user({ languageCode: "ru" });
    await stale.command("start", "e_no-such-forum");
    expect(stale.lastText()).toContain("Такого события я не знаю: возможно, его убрали.\n\n");
    expect(stale.lastText()).not.toContain("серии");
    expect(stale.buttons()).toContain("📝 Регистрация");
  });

  it('calls a folder of events without series.yaml "this series", not after its first event, in ru, kk and en', async () => {
    const untitled = seriesDir([{ id: A, title: "Forum A", month: "2099-11" }]);
    rmSync(join(untitled, "series.yaml"));
    writeSeriesEvent(untitled, { id: B, title: "Forum B", month: "2099-12" });
    const bot = await startBot({ eventsDir: untitled });
    const expected = {
      en: {
        start: "I am the assistant of this series of events.",
        events: "Events of this series",
        notifications: "a new event of this series",
      },
      ru: { start: "Я помощник этой серии событий.", events: "События этой серии", notifications: "о каждом новом событии этой серии" },
      kk: {
        start: "Мен осы іс-шаралар сериясының көмекшісімін.",
        events: "Осы сериядағы іс-шаралар",
        notifications: "бот осы серияның әр жаңа",
      },
    };
    for (const [languageCode, texts] of Object.entries(expected)) {
      const user = bot.user({ languageCode });
      await user.command("start");
      expect(user.lastText(), languageCode).toContain(texts.start);
      await user.command("events");
      expect(user.lastText(), languageCode).toContain(texts.events);
      expect(user.lastText(), languageCode).not.toContain("Forum A: ");
      await user.command("notifications");
      expect(user.lastText(), languageCode).toContain(texts.notifications);
    }
    // The calendar of all events has no name of its own then, rather than the first event's.
    const en = bot.user({ languageCode: "en" });
    await en.command("events");
    await en.tap("📅 Add all to calendar");
    const file = Buffer.from(en.documents().at(-1)!.document!.data!).toString("utf8");
    expect(file).toContain("SUMMARY:Forum A");
    expect(file).not.toContain("X-WR-CALNAME");
  });

  it("/events names each event's time zone when the series' events are in more than one", async () => {
    // The shared series: every event in Asia/Almaty, so no zone is named.
    const en = (await startBot()).user({ languageCode: "en" });
    await en.command("events");
    expect(en.lastText()).toContain("30 November 2099, 9:00 — Forum A");
    expect(en.lastText()).not.toContain("(Asia/Almaty)");

    const zones = seriesDir([{ id: A, title: "Forum A", month: "2099-11" }]);
    writeSeriesEvent(zones, { id: "forum-london", title: "Forum London", month: "2099-12" }, (data) => {
      data.timezone = "Europe/London";
    });
    const bot = await startBot({ eventsDir: zones });
    for (const [languageCode, lines] of Object.entries({
      en: ["30 November 2099, 9:00 (Asia/Almaty) — Forum A", "30 December 2099, 9:00 (Europe/London) — Forum London"],
      ru: ["30 ноября 2099, 9:00 (Asia/Almaty) — Forum A (ru)", "30 декабря 2099, 9:00 (Europe/London) — Forum London (ru)"],
    })) {
      const user = bot.user({ languageCode });
      await user.command("events");
      for (const line of lines) expect(user.lastText()).toContain(line);
    }
  });

  it("keeps registration, waiting list and export apart for each upcoming event; ✅ marks the user's events", async () => {
    const bot = await startBot({ adminIds: [ADMIN] });
    const [first, second] = [bot.user({ languageCode: "en" }), bot.user({ languageCode: "en" })];
    // The first takes forum A's only seat; the second waits for A and takes B's seat.
    await first.command("events");
    await first.tap("Forum A");
    expect(first.lastText()).toContain("🗓 Forum A");
    await registerInEnglish(first, "First Guest");
    await second.command("events");
    await second.tap("Forum A");
    await registerInEnglish(second, "Second Guest");
    await second.command("events");
    await second.tap("Forum B");
    await registerInEnglish(second, "Second Guest");
    // Each ticket names its event.
    const tickets = second.messages().filter((m) => m.kind === "photo" && m.caption?.includes("Your ticket"));
    expect(tickets.map((m) => m.caption?.split("\n")[0])).toEqual(["🗓 Forum B"]);
    expect(
      first
        .messages()
        .find((m) => m.kind === "photo")
        ?.caption?.split("\n")[0],
    ).toBe("🗓 Forum A");

    const store = bot.running.deps.store;
    expect(await store.forEvent(A).rsvps.counts()).toMatchObject({ confirmed: 1, waitlisted: 1 });
    expect(await store.forEvent(B).rsvps.counts()).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect((await store.forEvent(A).rsvps.find(second.id))?.status).toBe("waitlisted");
    expect((await store.forEvent(B).rsvps.find(second.id))?.status).toBe("confirmed");
    expect(await store.forEvent(PAST).rsvps.counts()).toMatchObject({ confirmed: 0, waitlisted: 0 });

    // "My registration" names its event.
    await second.command("rsvp");
    expect(second.lastText()).toMatch(/^🗓 Forum B\n/);
    await second.command("events");
    expect(second.lastText()).toContain("✅ 30 November 2099, 9:00 — Forum A");
    expect(second.lastText()).toContain("✅ 30 December 2099, 9:00 — Forum B");
    await first.command("events");
    expect(first.lastText()).toContain("✅ 30 November 2099, 9:00 — Forum A");
    expect(first.lastText()).not.toContain("✅ 30 December 2099");

    // The organiser exports each event's own guests.
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const exported = async (eventId: string) => {
      await admin.command("start", `e_${eventId}`);
      await admin.command("export");
      const file = admin.documents().at(-1)!;
      expect(file.document?.filename).toContain(`${eventId}-guests-`);
      const [header, ...rows] = parseCsv(file.document!.data!);
      const status = header!.indexOf("status");
      return rows.map((row) => [Number(row[0]), row[status]]);
    };
    expect(await exported(A)).toEqual(
      expect.arrayContaining([
        [first.id, "confirmed"],
        [second.id, "waitlisted"],
      ]),
    );
    expect(await exported(A)).toHaveLength(2);
    expect(await exported(B)).toEqual([[second.id, "confirmed"]]);
  });

  it("names the chosen event on the organiser's screens (the panel, /stats, /export, check-in, /find, the quiz) and the door team's count, in ru, kk and en", async () => {
    const bot = await startBot({ adminIds: [ADMIN] });
    const titles = { en: "🗓 Forum B", ru: "🗓 Forum B (ru)", kk: "🗓 Forum B (kk)" };
    for (const [languageCode, title] of Object.entries(titles)) {
      const admin = bot.user({ id: ADMIN, languageCode });
      await admin.command("language");
      await admin.tap(languageCode === "en" ? /English/ : languageCode === "ru" ? /Русский/ : /Қазақша/);
      await admin.command("start", `e_${B}`);
      for (const command of ["admin", "stats", "checkin", "quiz"]) {
        await admin.command(command);
        expect(admin.lastText().split("\n")[0], `${languageCode} /${command}`).toBe(title);
      }
      await admin.command("cancel");
      // An export needs a guest; its caption names the event too.
      if (languageCode === "en") {
        const guest = bot.user({ languageCode: "en" });
        await guest.command("start", `e_${B}`);
        await registerInEnglish(guest);
      }
      await admin.command("export");
      expect(admin.documents().at(-1)!.caption!.split("\n")[0], `${languageCode} /export`).toBe(title);
      // The door's name search says which event's guests it searched, found or not.
      for (const name of ["Aigerim", "Nobody"]) {
        await admin.command("find", name);
        expect(admin.lastText().split("\n")[0], `${languageCode} /find ${name}`).toBe(title);
      }
    }
    // The door team's /stats (a count of arrivals) names it too.
    await grantRole(bot, DOOR, "staff", { name: "Door", createdBy: ADMIN });
    const door = bot.user({ id: DOOR, languageCode: "en" });
    await door.command("start", `e_${B}`);
    await door.command("stats");
    expect(door.lastText()).toBe("🗓 Forum B\n\nChecked in: 0 of 1.");
    // The guest took Forum B's one seat: the capacity alert names it.
    const alert = bot
      .user({ id: ADMIN })
      .messages()
      .find((m) => m.text?.includes("100%"));
    expect(alert?.text?.split("\n")[0]).toBe("🗓 Forum B");
  });

  it("tells the door a ticket or code of another event of the series, rather than calling it invalid, in en and ru", async () => {
    const bot = await startBot({ adminIds: [ADMIN] });
    const guest = bot.user({ languageCode: "en" });
    await guest.command("start", `e_${A}`);
    await registerInEnglish(guest, "Guest Of A");
    const { code, token } = (await bot.running.deps.store.forEvent(A).rsvps.find(guest.id))!;
    const expected = {
      en: "🗓 Forum B\n\n🎟 This ticket is for another event: Forum A, 30 November 2099, 9:00–13:00. To check its guests in, choose that event in /events.",
      ru: "🗓 Forum B (ru)\n\n🎟 Этот билет на другое событие: Forum A (ru), 30 ноября 2099, 9:00–13:00. Чтобы отмечать его гостей, выберите это событие в /events.",
    };
    for (const [languageCode, text] of Object.entries(expected)) {
      const admin = bot.user({ id: ADMIN, languageCode });
      await admin.command("language");
      await admin.tap(languageCode === "en" ? /English/ : /Русский/);
      await admin.command("start", `e_${B}`);
      await admin.command("checkin", code);
      expect(admin.lastText(), `${languageCode} code`).toBe(text);
      await admin.command("start", `ci_${token}`);
      expect(admin.lastText(), `${languageCode} ticket`).toBe(text);
      expect(admin.buttons()).toEqual([]);
    }
    // Nobody was checked in, and a code no event holds is still unknown.
    expect((await bot.running.deps.store.forEvent(A).rsvps.find(guest.id))?.checkedInAt).toBeUndefined();
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("checkin", "ZZZZZZ");
    expect(admin.lastText()).toBe("Регистрации с кодом ZZZZZZ нет.");
  });

  it("tells the Mini App's door scanner a ticket of another event of the series, not 'not found'", async () => {
    const { bot, call } = await startMiniAppBot(startBot, { adminIds: [ADMIN] });
    const guest = bot.user({ languageCode: "en" });
    await guest.command("start", `e_${B}`);
    await registerInEnglish(guest, "Guest Of B");
    const { code, token } = (await bot.running.deps.store.forEvent(B).rsvps.find(guest.id))!;
    // The Mini App works on the series' current event: forum A, running next.
    for (const scanned of [code, `ci_${token}`]) {
      expect((await call({ id: ADMIN }, "door/checkin", { body: { code: scanned } })).json).toMatchObject({ outcome: "other_event" });
    }
    expect((await call({ id: ADMIN }, "door/checkin", { body: { code: "ZZZZZZ" } })).json).toMatchObject({ outcome: "not_found" });
    expect((await bot.running.deps.store.forEvent(B).rsvps.find(guest.id))?.checkedInAt).toBeUndefined();
  });

  it("offers every language of the series on /language, also while an event in one language is chosen", async () => {
    const mixed = seriesDir([{ id: A, title: "Forum A", month: "2099-11" }]);
    writeSeriesEvent(mixed, { id: "forum-kk", title: "Forum KK", month: "2099-12" }, (data) => {
      data.languages = ["kk"];
    });
    const bot = await startBot({ eventsDir: mixed });
    const reader = bot.user({ languageCode: "ru" });
    await reader.command("start", "e_forum-kk");
    await reader.command("language");
    expect(reader.buttons()).toEqual(["Русский", "Қазақша", "English", "⬅️ Меню"]);
    // Back to English from there, and the choice holds.
    await reader.tap("English");
    expect(reader.lastText()).toContain("Language: English");
  });

  it("names the event on a registration request's card in a series", async () => {
    const approval = seriesDir([{ id: A, title: "Forum A", month: "2099-11" }]);
    writeSeriesEvent(approval, { id: "forum-c", title: "Forum C", month: "2099-12" }, (data) => {
      (data.rsvp as Record<string, unknown>).approval = true;
    });
    const bot = await startBot({ eventsDir: approval, adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const guest = bot.user({ languageCode: "en" });
    await guest.command("start", "e_forum-c");
    await registerInEnglish(guest);
    const card = admin.messages().find((m) => m.text?.includes("Registration request"));
    expect(card?.text?.split("\n")[0]).toBe("🗓 Forum C");
  });

  it("opens an event by its deep link, remembers it, and meets an unknown id with a note and the list", async () => {
    const bot = await startBot({ adminIds: [ADMIN] });
    const user = bot.user({ languageCode: "en" });
    await user.command("start", `e_${B}`);
    expect(user.lastText()).toContain("You are now in: Forum B");
    expect(user.buttons()).toContain("📝 Registration");
    // Remembered: the menu and the info are forum B's.
    await user.command("info");
    expect(user.messages().at(-2)?.text ?? "").toContain("Forum B");
    await user.command("start", "e_no-such-forum");
    expect(user.lastText()).toContain("I don't know that event");
    expect(user.lastText()).toContain("Forum A");
    // Organisers see every event's deep link.
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("events");
    const username = bot.running.bot.botInfo.username;
    for (const id of [PAST, A, B]) expect(admin.lastText()).toContain(`https://t.me/${username}?start=e_${id}`);
  });

  it("tags an idea with the event running when it is proposed, and none between events", async () => {
    const bot = await startBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const user = bot.user({ languageCode: "en" });
    await proposeIdeaInEnglish(user, "Shade along the river promenade, proposed between forums");
    // Forum A runs 09:00–13:00 in Almaty on 30 November 2099 (04:00–08:00Z).
    bot.clock.set("2099-11-30T05:00:00Z");
    await proposeIdeaInEnglish(user, "Drinking fountains at every bus stop, proposed at forum A");
    const ideas = await bot.running.deps.store.ideas.all();
    const byText = (part: string) => ideas.find((idea) => idea.text.includes(part));
    expect(byText("between forums")?.eventId).toBeUndefined();
    expect(byText("at forum A")?.eventId).toBe(A);
    // Organisers see it on the idea's card.
    const cards = admin.messages().map((message) => message.text ?? "");
    expect(cards.find((text) => text.includes("at forum A"))).toContain("Proposed during: Forum A");
    expect(cards.find((text) => text.includes("between forums"))).not.toContain("Proposed during");
  });

  it("sends a broadcast to the confirmed guests of the event the organiser has chosen", async () => {
    const bot = await startBot({ adminIds: [ADMIN] });
    const [guestA, guestB] = [bot.user({ languageCode: "en" }), bot.user({ languageCode: "en" })];
    await guestA.command("start", `e_${A}`);
    await registerInEnglish(guestA, "Guest Of A");
    await guestB.command("start", `e_${B}`);
    await registerInEnglish(guestB, "Guest Of B");
    guestA.markSeen();
    guestB.markSeen();

    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start", `e_${B}`);
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.send("Forum B moves to the big hall");
    await admin.tap("Registered (confirmed)");
    // A per-event audience: the organiser's chosen event is offered first.
    expect(admin.buttons()[0]).toBe("Forum B");
    await admin.tap("Forum B");
    expect(admin.lastText()).toMatch(/Registered \(confirmed\) — 1 recipient/);
    await admin.tap("🚀 Send now");
    await until(
      () => guestB.newMessages().map((message) => message.text),
      (texts) => texts.includes("Forum B moves to the big hall"),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(guestA.newMessages().map((message) => message.text)).not.toContain("Forum B moves to the big hall");
  });

  it("forgets a guest in every event of the series at once", async () => {
    const bot = await startBot();
    const guest = bot.user({ languageCode: "en" });
    for (const id of [A, B]) {
      await guest.command("start", `e_${id}`);
      await registerInEnglish(guest, "Guest Of Both");
    }
    const { store } = bot.running.deps;
    for (const id of [A, B]) expect((await store.forEvent(id).rsvps.find(guest.id))?.status).toBe("confirmed");
    await guest.command("forget_me");
    await guest.tap("🗑 Yes, delete my data");
    expect(guest.lastText()).toContain("Your data is deleted");
    for (const id of [A, B]) expect(await store.forEvent(id).rsvps.find(guest.id)).toBeUndefined();
    expect(await bot.redis.keys(`${bot.prefix}event:*:rsvp:guest:${guest.id}`)).toEqual([]);
  });
});
