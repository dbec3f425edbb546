import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { parseCsv } from "./support/csv.js";
import { eventWith } from "./support/event-file.js";

const ADMIN = 7001;
const startTestBot = botPerTest();
let bot: TestBot | undefined;

async function register(user: TelegramUser, name: string, organisation: string, sector = "Media") {
  await user.command("rsvp");
  await user.tap("✅ I agree");
  await user.send(name);
  await user.tap(sector);
  await user.send(organisation);
  await user.tapReply("📱 Share my phone");
  await user.tap("✅ Confirm");
}

const rsvps = () => bot!.running.deps.store.rsvps;

describe("RSVP for organisers", () => {
  it("warns on a door card before the event's day, in its zone, and still checks in (en, ru)", async () => {
    // Starts at 00:30 London time on 31 October: already 31 October there while it is 30 October in UTC.
    const eventFile = eventWith({
      timezone: "Europe/London",
      starts: "2027-10-31T00:30",
      ends: "2027-10-31T03:00",
      rsvp: { deadline: undefined },
    });
    bot = await startTestBot({ eventFile, adminIds: [ADMIN, ADMIN + 1], now: "2027-10-29T12:00:00Z" });
    const ann = bot.user({ languageCode: "en" });
    await register(ann, "Ann Lee", "Green Org");
    const { code } = (await rsvps().find(ann.id))!;
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("checkin", code);
    expect(admin.lastText()).toContain("⚠️ Сегодня не день мероприятия. Дата мероприятия: 31 октября 2027.");
    expect(admin.buttons()).toContain("✅ Отметить приход");
    const english = bot.user({ id: ADMIN + 1, languageCode: "en" });
    await english.command("checkin", code);
    expect(english.lastText()).toContain("⚠️ Today is not the event's day. The event is on 31 October 2027.");
    // 23:45 UTC on 30 October is 00:45 on 31 October in London, once the event has begun: no warning.
    bot.clock.set("2027-10-30T23:45:00Z");
    await admin.command("checkin", code);
    expect(admin.lastText()).not.toContain("⚠️");
    await admin.tap("✅ Отметить приход");
    expect((await rsvps().find(ann.id))?.checkedInAt).toEqual(bot.clock.now());
  });

  it("counts in /stats the guests who skipped an optional question, so its lines add up (en, ru)", async () => {
    const shifts = [
      { id: "am", label: { en: "Morning", ru: "Утро" } },
      { id: "pm", label: { en: "Afternoon", ru: "День" } },
    ];
    const eventFile = eventWith({
      rsvp: {
        questions: [
          { id: "gloves", type: "yes_no", required: false, label: { en: "Do you need gloves?", ru: "Нужны ли перчатки?" } },
          { id: "shift", type: "choice", required: false, label: { en: "Which shift?", ru: "Какая смена?" }, options: shifts },
        ],
      },
    });
    bot = await startTestBot({ eventFile, adminIds: [ADMIN, ADMIN + 1] });
    for (const [name, gloves] of [
      ["Ann Lee", "Yes"],
      ["Bob Ray", "Skip ➡️"],
    ]) {
      const guest = bot.user({ languageCode: "en" });
      await guest.command("rsvp");
      await guest.tap("✅ I agree");
      await guest.send(name!);
      await guest.tap(gloves!);
      await guest.tap("Skip ➡️");
      await guest.tap("✅ Confirm");
    }
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("stats");
    expect(admin.lastText()).toContain("Do you need gloves? (confirmed)\nYes: 1\nNo: 0\nNot given: 1\n");
    expect(admin.lastText()).toContain("Which shift? (confirmed)\nMorning: 0\nAfternoon: 0\nNot given: 2\n");
    const russianAdmin = bot.user({ id: ADMIN + 1, languageCode: "ru" });
    await russianAdmin.command("stats");
    expect(russianAdmin.lastText()).toContain("Нужны ли перчатки? (подтверждённые)\nДа: 1\nНет: 0\nНе указано: 1\n");
  });

  it("shows statistics and exports every field as escaped CSV, to admins only", async () => {
    bot = await startTestBot({ adminIds: [ADMIN, ADMIN + 1] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const kazakhAdmin = bot.user({ id: ADMIN + 1, languageCode: "kk" });
    const ann = bot.user({ languageCode: "en" });
    const bob = bot.user({ languageCode: "en" });
    await register(ann, "Ann Lee", '=HYPERLINK("http://evil","x")');
    await register(bob, "Bob Ray", 'Kazakh, "British" Uni', "Academia");
    await bob.command("rsvp");
    await bob.tap("❌ Cancel my registration");
    await bob.tap("Yes, cancel it");

    await ann.command("stats");
    expect(ann.lastText()).toBe("Only organisers can do this.");
    await ann.command("export");
    expect(ann.documents().filter((d) => d.document?.filename?.endsWith(".csv"))).toHaveLength(0);

    await admin.command("stats");
    const stats = admin.lastText();
    expect(stats).toContain("Confirmed: 1");
    expect(stats).toContain("Cancelled: 1");
    expect(stats).toContain("Checked in: 0");
    expect(stats).toContain("Seats left: unlimited");
    expect(stats).toContain("Media: 1");
    expect(stats).toContain("Academia: 0");
    // Each day in the reader's way of writing dates, as everywhere else.
    expect(stats).toContain("23 November 2017: 2");
    await kazakhAdmin.command("stats");
    expect(kazakhAdmin.lastText()).toContain("2017 жылғы 23 қараша: 2");

    await admin.command("export");
    const file = admin.documents().at(-1)!;
    expect(file.document?.filename).toBe(`${bot.event.id}-guests-2017-11-23-0900.csv`);
    const data = file.document!.data!;
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(data);
    expect(header).toContain("checked_in_at");
    const row = (id: number) => Object.fromEntries(header!.map((column, i) => [column, rows.find((r) => r[0] === String(id))![i]]));
    const annRow = row(ann.id);
    expect(annRow).toMatchObject({
      status: "confirmed",
      name: "Ann Lee",
      "Which sector do you represent?": "Media",
      "Which organisation are you from?": `'=HYPERLINK("http://evil","x")`,
      "How can the organisers reach you?": ann.phoneNumber,
      language: "en",
      code: (await rsvps().find(ann.id))!.code,
      checked_in_at: "",
    });
    expect(annRow.registered_at).toMatch(/^2017-11-23 \d{2}:\d{2}:\d{2}\+06:00$/);
    expect(data.toString("utf8")).toContain(`,"${ann.phoneNumber}",`);
    expect(row(bob.id)).toMatchObject({
      status: "cancelled",
      "Which sector do you represent?": "Academia",
      "Which organisation are you from?": 'Kazakh, "British" Uni',
      cancel_reason: "guest",
    });
    expect(data.toString("utf8")).not.toContain((await rsvps().find(ann.id))!.token);
    // `/export ideas` belongs to the ideas feature: RSVP does not answer it with the guest list.
    await admin.command("export", "ideas");
    expect(admin.documents().filter((d) => d.document?.filename?.includes("-guests-"))).toHaveLength(1);
  });

  it("checks a ticket in once, reports a second scan, and shows a non-admin only their own ticket", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const ann = bot.user({ languageCode: "en" });
    const eve = bot.user({ languageCode: "en" });
    await register(ann, "Ann Lee", "Green Org");
    const { token, code } = (await rsvps().find(ann.id))!;

    // Someone else's ticket link tells nothing; the guest's own shows their registration.
    await eve.command("start", `ci_${token}`);
    expect(eve.lastText()).toBe("🙅 This ticket is not yours. Send /rsvp to see your own registration.");
    await ann.command("start", `ci_${token}`);
    expect(ann.lastText()).toContain("My registration");
    await eve.command("start", "ci_forged");
    expect(eve.lastText()).toContain("not yours");
    await eve.command("checkin", code);
    expect(eve.lastText()).toBe("Only organisers can do this.");

    // A forged Check in button from a non-admin changes nothing.
    await eve.tapData(`rsvp:ci:${ann.id}`);
    expect(eve.callbackAnswers().at(-1)?.text).toBe("Only organisers can do this.");
    expect((await rsvps().find(ann.id))?.checkedInAt).toBeUndefined();

    await admin.command("start", `ci_${token}`);
    expect(admin.lastText()).toContain("Ann Lee");
    expect(admin.lastText()).toContain("Green Org");
    await admin.tap("✅ Check in");
    expect(admin.lastText()).toBe("✅ Ann Lee is checked in.");
    const first = (await rsvps().find(ann.id))!.checkedInAt!;
    expect(first).toEqual(bot.clock.now());

    bot.clock.advance(30 * 60_000);
    await admin.command("checkin", code.toLowerCase());
    expect(admin.lastText()).toContain("This ticket was already used: Ann Lee was checked in at 23 November 2017, 9:00");
    expect(admin.buttons()).not.toContain("✅ Check in");
    await admin.tapData(`rsvp:ci:${ann.id}`);
    expect(admin.lastText()).toContain("already used");
    expect((await rsvps().find(ann.id))!.checkedInAt).toEqual(first);
    expect((await rsvps().counts()).checkedIn).toBe(1);

    await admin.command("checkin", "HJKM23");
    expect(admin.lastText()).toBe("No registration with the code HJKM23.");
    await admin.command("checkin");
    expect(admin.lastText()).toContain("Check-in mode");
    await admin.command("cancel");
    await admin.command("start");
    expect(admin.lastText()).toContain("What would you like to do?");
  });
});
