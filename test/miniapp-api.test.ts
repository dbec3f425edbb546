import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";
import { initData, startMiniAppBot } from "./support/miniapp.js";
import { newCode, newTicketToken } from "../src/features/rsvp/rules.js";
import { eventWith } from "./support/event-file.js";
import { registerGuest } from "./support/seed.js";
import { until } from "./support/wait.js";
import { grantRole } from "./support/team.js";

const ADMIN = 7301;
const startTestBot = botPerTest({ adminIds: [ADMIN] });

const grant = (bot: TestBot, userId: number, role: "organiser" | "staff" | "juror") =>
  grantRole(bot, userId, role, { name: `Member ${userId}`, createdBy: ADMIN });

describe("Mini App API: authentication", () => {
  it("lets in only a fresh initData signed with this bot's token; a user without the right gets 403", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot, { maxAge: 3600 });
    const attendee = { id: 5001, firstName: "Aigerim", languageCode: "en" };
    const valid = initData(bot.api.token, attendee);

    const ok = await call(`tma ${valid}`, "me");
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ user: { id: 5001, firstName: "Aigerim" }, role: null, language: "en" });

    // The same data with another user id in it: the hash no longer matches.
    const forged = valid.replace(/%22id%22%3A5001/, "%22id%22%3A7301");
    expect(forged).not.toBe(valid);
    const refusals = [
      await call(`tma ${forged}`, "me"),
      await call(`tma ${initData("123456:ANOTHER-bots-token", attendee)}`, "me"),
      await call(`tma ${initData(bot.api.token, attendee, new Date(Date.now() - 3700_000))}`, "me"),
      await call(null, "me"),
      await call(`Bearer ${valid}`, "me"),
      await call("tma not-init-data", "me"),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(401);
      expect(refusal.json).toEqual({ error: "unauthorized" });
    }
    // Signed in, but not door staff: 403, and the check-in changed nothing.
    const door = await call(attendee, "door/checkin", { body: { code: "ABCDEF" } });
    expect(door.status).toBe(403);
    expect(door.json).toEqual({ error: "forbidden" });
    expect((await call(attendee, "dashboard")).status).toBe(403);
    // An unknown endpoint is a 404 only for someone signed in.
    expect((await call(attendee, "nothing-here")).status).toBe(404);
    expect((await call(null, "nothing-here")).status).toBe(401);
  });

  it("tells each role and language, checked again at every call (a revoked member is refused at once)", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot);
    await grant(bot, 5101, "organiser");
    await grant(bot, 5102, "staff");
    await grant(bot, 5103, "juror");
    const role = async (id: number, languageCode?: string) => (await call({ id, languageCode }, "me")).json!;
    expect((await role(ADMIN)).role).toBe("admin");
    expect((await role(5101)).role).toBe("organiser");
    expect((await role(5102)).role).toBe("staff");
    expect((await role(5103)).role).toBe("juror");
    expect((await role(5104)).role).toBeNull();

    // The language: the one chosen in the bot, else Telegram's, else the event's first.
    const kazakh = await role(5104, "kk");
    expect(kazakh.language).toBe("kk");
    expect((kazakh.event as { title: string }).title).toBe(bot.event.text(bot.event.title, "kk"));
    expect((await role(5104, "de")).language).toBe(bot.event.languages[0]);
    const user = bot.user({ id: 5105, languageCode: "kk" });
    await user.command("start");
    await user.command("language");
    await user.tap(/English/);
    expect((await role(5105, "kk")).language).toBe("en");
    const me = await role(5105);
    expect(me.event).toMatchObject({
      id: bot.event.id,
      startsAt: bot.event.startsAt.toISOString(),
      timezone: bot.event.timezone,
      venue: { latitude: bot.event.venue.latitude, longitude: bot.event.venue.longitude },
    });

    expect((await call({ id: 5102 }, "door/counter")).status).toBe(200);
    await bot.running.deps.store.team.revoke(5102);
    expect((await call({ id: 5102 }, "door/counter")).status).toBe(403);
  });
});

describe("Mini App API: the door", () => {
  it("checks in by code, link or token: welcome, already (when, by whom), not found, waitlisted, another bot's ticket", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot);
    const { store } = bot.running.deps;
    const now = bot.clock.now();
    for (const id of [6001, 6002]) await registerGuest(store, id, { status: "confirmed", now });
    await registerGuest(store, 6003, { status: "waitlisted", now });
    // Two door staff who joined through an invite link, as the bot knows them.
    const zhanna = bot.user({ id: 6101, firstName: "Zhanna", languageCode: "en" });
    const timur = bot.user({ id: 6102, firstName: "Timur", languageCode: "en" });
    for (const member of [zhanna, timur]) {
      await store.team.createInvite(`door-${member.id}`.padEnd(22, "x"), { role: "staff", uses: 1, createdBy: ADMIN }, now);
      await member.command("start", `team_${`door-${member.id}`.padEnd(22, "x")}`);
    }
    const first = (await store.rsvps.find(6001))!;
    const second = (await store.rsvps.find(6002))!;

    const welcome = await call({ id: zhanna.id, firstName: "Zhanna" }, "door/checkin", { body: { code: first.code.toLowerCase() } });
    expect(welcome.json).toEqual({
      outcome: "welcome",
      guest: { name: "Guest 6001", group: 1 },
      checkedInAt: now.toISOString(),
      checkedInBy: "Zhanna",
      // A week before the event: counted, and said to be early, as on the bot's door card.
      early: true,
      counter: { checkedIn: 1, total: 2 },
    });
    expect((await store.rsvps.find(6001))!.checkedInBy).toBe(zhanna.id);
    // The guest hears it, as after the bot's Check in button.
    const told = await until(
      () => bot.api.chat(6001).map((message) => message.text ?? ""),
      (texts) => texts.some((text) => text.includes("You are checked in")),
    );
    expect(told.at(-1)).toContain("You are checked in");

    bot.clock.advance(60_000);
    const again = await call({ id: timur.id, firstName: "Timur" }, "door/checkin", {
      body: { code: `https://t.me/wealmaty_test_bot?start=ci_${first.token}` },
    });
    expect(again.json).toMatchObject({ outcome: "already", checkedInAt: now.toISOString(), checkedInBy: "Zhanna" });

    bot.clock.set(bot.event.startsAt);
    const byToken = await call({ id: timur.id }, "door/checkin", { body: { code: `ci_${second.token}` } });
    expect(byToken.json).not.toHaveProperty("early");
    expect(byToken.json).toMatchObject({ outcome: "welcome", guest: { name: "Guest 6002" }, counter: { checkedIn: 2, total: 2 } });

    const waitlisted = (await store.rsvps.find(6003))!;
    expect((await call({ id: timur.id }, "door/checkin", { body: { code: waitlisted.code } })).json).toMatchObject({
      outcome: "waitlisted",
      guest: { name: "Guest 6003" },
    });
    for (const code of ["ZZZZZZ", "hello", "", `ci_${"x".repeat(22)}`]) {
      expect((await call({ id: timur.id }, "door/checkin", { body: { code } })).json).toEqual({
        outcome: "not_found",
        counter: { checkedIn: 2, total: 2 },
      });
    }
    expect(
      (await call({ id: timur.id }, "door/checkin", { body: { code: `https://t.me/other_bot?start=ci_${first.token}` } })).json,
    ).toMatchObject({
      outcome: "other_event",
    });
    // Bad input changes nothing.
    expect((await call({ id: timur.id }, "door/checkin", { body: { code: 42 } })).status).toBe(400);
    expect((await call({ id: timur.id }, "door/checkin", { body: { code: "x".repeat(600) } })).status).toBe(400);
    expect((await call({ id: timur.id }, "door/counter")).json).toEqual({ checkedIn: 2, total: 2 });
    // Ids in the audit log; no names in the logs.
    const audit = await bot.redis.lrange(store.keys.audit, 0, -1);
    expect(audit.filter((entry) => entry.includes('"check-in"'))).toHaveLength(2);
    expect(bot.logs().join("\n")).not.toContain("Guest 6001");
  });

  it("two devices scanning one ticket at once: one welcome, one already", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot);
    const { store } = bot.running.deps;
    await grant(bot, 6201, "staff");
    await grant(bot, 6202, "staff");
    for (let round = 0; round < 5; round++) {
      const guest = 6300 + round;
      await registerGuest(store, guest, { status: "confirmed", now: bot.clock.now() });
      const { code } = (await store.rsvps.find(guest))!;
      const scans = await Promise.all([6201, 6202].map((id) => call({ id }, "door/checkin", { body: { code } })));
      expect(scans.map((scan) => scan.json!.outcome).sort()).toEqual(["already", "welcome"]);
      const winner = scans.find((scan) => scan.json!.outcome === "welcome")!.json!;
      const loser = scans.find((scan) => scan.json!.outcome === "already")!.json!;
      expect(loser.checkedInAt).toBe(winner.checkedInAt);
    }
    expect((await store.rsvps.counts()).checkedIn).toBe(5);
  });

  it("searches names from three letters, ten at most, confirmed guests only; staff yes, attendees no", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot);
    const { store } = bot.running.deps;
    for (let i = 0; i < 12; i++) await registerGuest(store, 6400 + i, { status: "confirmed", now: bot.clock.now() });
    await registerGuest(store, 6499, { status: "waitlisted", now: bot.clock.now() });
    await grant(bot, 6501, "staff");
    const staff = { id: 6501 };
    const short = await call(staff, "door/search?q=Gu");
    expect(short.status).toBe(400);
    expect(short.json).toEqual({ error: "query-too-short" });
    const many = await call(staff, `door/search?q=${encodeURIComponent("guest")}`);
    expect((many.json!.guests as unknown[]).length).toBe(10);
    const one = await call(staff, "door/search?q=GUEST%206405");
    const record = (await store.rsvps.find(6405))!;
    expect(one.json).toEqual({ guests: [{ userId: 6405, name: "Guest 6405", status: "confirmed", checkedIn: false, code: record.code }] });
    expect((await call(staff, "door/search?q=guest%206499")).json).toEqual({ guests: [] });
    // A companion who comes alone is found by their own name, beside the guest who registered them.
    await registerGuest(store, 6450, { status: "confirmed", now: bot.clock.now(), companions: ["Cleo Park"] });
    const companion = await call(staff, "door/search?q=cleo");
    const { code } = (await store.rsvps.find(6450))!;
    expect(companion.json).toEqual({
      guests: [{ userId: 6450, name: "Guest 6450", companion: "Cleo Park", status: "confirmed", checkedIn: false, code }],
    });
    expect((await call({ id: 6502 }, "door/search?q=guest")).status).toBe(403);
    // Staff get names only where the door needs them: no list, no dashboard.
    expect((await call(staff, "guests")).status).toBe(403);
    expect((await call(staff, "guests.csv")).status).toBe(403);
    expect((await call(staff, "dashboard")).status).toBe(403);
  });
});

describe("Mini App API: organisers", () => {
  it("the dashboard, the guest list with filters, and the same CSV as /export", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot);
    const { store } = bot.running.deps;
    const day1 = bot.clock.now();
    await registerGuest(store, 7001, { status: "confirmed", now: day1 });
    await registerGuest(store, 7002, { status: "confirmed", now: new Date(day1.getTime() + 86_400_000) });
    await registerGuest(store, 7003, { status: "waitlisted", now: new Date(day1.getTime() + 86_400_000) });
    await store.rsvps.checkIn(7001, ADMIN, day1);
    await store.ideas.create(
      { authorId: 7001, authorName: "A", language: "en", category: "bike", text: "Bike lane on Abay avenue please" },
      { now: day1, day: "d", dailyLimit: 9, publish: false },
    );
    await grant(bot, 7101, "organiser");
    const organiser = { id: 7101 };

    const dashboard = (await call(organiser, "dashboard")).json!;
    expect(dashboard.counts).toMatchObject({ confirmed: 2, waitlisted: 1, cancelled: 0, checkedIn: 1 });
    expect((dashboard.registrationsPerDay as Array<{ count: number }>).map((d) => d.count)).toEqual([1, 2]);
    expect((dashboard.registrationsPerDay as Array<{ day: string }>)[0]!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dashboard.ideas).toEqual({ pending: 1, published: 0 });
    // The event file's reminders are broadcasts waiting for their time.
    expect(dashboard.broadcasts).toContainEqual({
      id: expect.stringMatching(/^reminder-.+-day-before$/),
      kind: "reminder",
      label: expect.any(String),
      status: "scheduled",
      sent: 0,
      total: 0,
    });
    expect(dashboard.feedback).toMatchObject({ responses: 0, averages: {} });

    const all = (await call(organiser, "guests")).json!.guests as Array<Record<string, unknown>>;
    expect(all.map((g) => g.userId)).toEqual([7001, 7002, 7003]);
    expect(all[0]).toMatchObject({ name: "Guest 7001", status: "confirmed", checkedIn: true, answers: { sector: expect.any(String) } });
    const ids = async (query: string) =>
      ((await call(organiser, `guests?${query}`)).json!.guests as Array<{ userId: number }>).map((g) => g.userId);
    expect(await ids("status=waitlisted")).toEqual([7003]);
    expect(await ids("checkedIn=true")).toEqual([7001]);
    expect(await ids("checkedIn=false&status=confirmed")).toEqual([7002]);
    expect(await ids("q=7002")).toEqual([7002]);
    await store.rsvps.updateDetails(
      7002,
      { name: "Guest 7002", answers: { sector: "business", organisation: "Kaspi" }, language: "en", consentAt: day1 },
      day1,
    );
    expect(await ids("question=organisation&answer=kasp")).toEqual([7002]);
    expect(await ids("question=organisation&answer=nobody")).toEqual([]);
    expect((await call(organiser, "guests?status=nobody")).status).toBe(400);

    const csv = await call(organiser, "guests.csv?status=confirmed");
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.slice(1).trim().split("\r\n");
    expect(lines[0]).toMatch(/^user_id,status,code,name,/);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["7001", "7002"]);
    const audit = await bot.redis.lrange(store.keys.audit, 0, -1);
    expect(audit.some((entry) => entry.includes('"export"') && entry.includes("7101"))).toBe(true);
  });
});

describe("Mini App API: ideas and the ticket", () => {
  it("shows the approval queue: pending requests counted on the dashboard and listed by the status filter", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot, { eventFile: eventWith({ rsvp: { approval: true } }) });
    const { store } = bot.running.deps;
    const now = bot.clock.now();
    for (const userId of [7401, 7402]) {
      const details = { name: `Requester ${userId}`, answers: {}, language: "en", consentAt: now };
      await store.rsvps.register(userId, details, { now, approval: true, identity: { newCode, newToken: newTicketToken } });
    }
    await registerGuest(store, 7403, { status: "confirmed", now });
    await grant(bot, 7101, "organiser");
    const dashboard = (await call({ id: 7101 }, "dashboard")).json!;
    expect(dashboard.counts).toMatchObject({ pending: 2, confirmed: 1 });
    const pending = (await call({ id: 7101 }, "guests?status=pending")).json!.guests as Array<{ userId: number; status: string }>;
    expect(pending.map((g) => [g.userId, g.status])).toEqual([
      [7401, "pending"],
      [7402, "pending"],
    ]);
  });

  it("serves ideas with a pin as GeoJSON (published for everyone, pending too for organisers) and toggles support", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot);
    const { store } = bot.running.deps;
    const now = bot.clock.now();
    const create = async (authorId: number, publish: boolean, pin?: [number, number]) => {
      const draft = { authorId, authorName: "A", language: "en", category: "bike", text: `Idea of ${authorId} about bikes` };
      const pinned = pin ? { ...draft, latitude: pin[0], longitude: pin[1] } : draft;
      const result = await store.ideas.create(pinned, { now, day: "d", dailyLimit: 9, publish });
      if (!result.ok) throw new Error("not stored");
      return result.idea.id;
    };
    const published = await create(8001, true, [43.238, 76.945]);
    const pending = await create(8002, false, [43.25, 76.92]);
    await create(8003, true);
    const attendee = { id: 8101, languageCode: "en" };

    const map = await call(attendee, "ideas.geojson");
    expect(map.type).toContain("application/geo+json");
    const collection = map.json as { type: string; features: Array<Record<string, unknown>> };
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.map((f) => f.id)).toEqual([published]);
    const [feature] = collection.features;
    expect(feature!.type).toBe("Feature");
    expect(feature!.geometry).toEqual({ type: "Point", coordinates: [76.945, 43.238] });
    expect(feature!.properties).toMatchObject({
      id: published,
      number: published,
      category: "bike",
      categoryName: bot.event.text(bot.event.ideas!.categories.find((c) => c.id === "bike")!.name, "en"),
      status: "published",
      supports: 0,
      supported: false,
    });
    expect(JSON.stringify(collection)).not.toContain("authorName");

    await grant(bot, 8201, "organiser");
    const all = (await call({ id: 8201 }, "ideas.geojson")).json as { features: Array<{ id: number }> };
    expect(all.features.map((f) => f.id).sort()).toEqual([published, pending].sort());
    expect(
      ((await call({ id: 8201 }, "ideas.geojson?status=new")).json as { features: Array<{ id: number }> }).features.map((f) => f.id),
    ).toEqual([pending]);
    expect(((await call(attendee, "ideas.geojson?category=pedestrian")).json as { features: unknown[] }).features).toEqual([]);
    expect((await call(attendee, "ideas.geojson?status=bogus")).status).toBe(400);

    expect((await call(attendee, `ideas/${published}/support`, { method: "POST" })).json).toEqual({ supported: true, supports: 1 });
    expect(await store.ideas.supports(published, attendee.id)).toBe(true);
    const after = (await call(attendee, "ideas.geojson")).json as { features: Array<{ properties: Record<string, unknown> }> };
    expect(after.features[0]!.properties).toMatchObject({ supports: 1, supported: true });
    expect((await call(attendee, `ideas/${published}/support`, { method: "POST" })).json).toEqual({ supported: false, supports: 0 });
    expect((await call({ id: 8001 }, `ideas/${published}/support`, { method: "POST" })).status).toBe(409);
    expect((await call(attendee, `ideas/${pending}/support`, { method: "POST" })).status).toBe(404);
    expect((await call(attendee, "ideas/99999/support", { method: "POST" })).status).toBe(404);

    // A photo comes through the API (Telegram's file address carries the bot token); pending ones only for organisers.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
    const { file_id } = bot.api.registerFile(jpeg);
    const withPhoto = await store.ideas.create(
      {
        authorId: 8004,
        authorName: "A",
        language: "en",
        category: "bike",
        text: "A photo idea",
        photo: file_id,
        latitude: 43.2,
        longitude: 76.9,
      },
      { now, day: "d", dailyLimit: 9, publish: true },
    );
    if (!withPhoto.ok) throw new Error("not stored");
    const pins = (await call(attendee, "ideas.geojson")).json as { features: Array<{ id: number; properties: Record<string, unknown> }> };
    const pinned = pins.features.find((f) => f.id === withPhoto.idea.id)!;
    expect(pinned.properties.photoUrl).toBe(`/miniapp/api/ideas/${withPhoto.idea.id}/photo`);
    expect(JSON.stringify(pins)).not.toContain(file_id);
    const picture = await call(attendee, `ideas/${withPhoto.idea.id}/photo`);
    expect(picture.status).toBe(200);
    expect(picture.bytes.equals(jpeg)).toBe(true);
    expect((await call(attendee, `ideas/${published}/photo`)).status).toBe(404);
  });

  it("gives my ticket with its QR as SVG, and the calendar file", async () => {
    const { bot, call } = await startMiniAppBot(startTestBot);
    const { store } = bot.running.deps;
    await registerGuest(store, 9001, { status: "confirmed", now: bot.clock.now() });
    const record = (await store.rsvps.find(9001))!;

    const ticket = (await call({ id: 9001, languageCode: "ru" }, "ticket")).json!;
    expect(ticket).toMatchObject({ status: "confirmed", code: record.code, group: 1, icsUrl: "/miniapp/api/ticket.ics" });
    expect(ticket.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect((ticket.event as { title: string }).title).toBe(bot.event.text(bot.event.title, "ru"));
    expect((await call({ id: 9002 }, "ticket")).json).toMatchObject({ status: "none" });
    expect((await call({ id: 9002 }, "ticket")).json).not.toHaveProperty("qrSvg");

    // A party: the ticket and the door give its size, the guest included.
    await registerGuest(store, 9003, { status: "confirmed", now: bot.clock.now(), companions: ["Arman", "Dias"] });
    expect((await call({ id: 9003 }, "ticket")).json).toMatchObject({ status: "confirmed", group: 3 });
    await grant(bot, 9101, "staff");
    const party = (await store.rsvps.find(9003))!;
    expect((await call({ id: 9101 }, "door/checkin", { body: { code: party.code } })).json).toMatchObject({
      outcome: "welcome",
      guest: { name: "Guest 9003", group: 3 },
    });

    const ics = await call({ id: 9001 }, "ticket.ics");
    expect(ics.status).toBe(200);
    expect(ics.type).toContain("text/calendar");
    expect(ics.text).toContain("BEGIN:VCALENDAR");
    expect(ics.text).toContain("BEGIN:VEVENT");
  });
});
