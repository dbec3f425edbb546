import { describe, expect, it } from "vitest";
import { eventWith } from "./support/event-file.js";
import { parseCsv } from "./support/csv.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { grantRole } from "./support/team.js";
import { dumpKeys } from "./support/redis-dump.js";
import { phoneForReading } from "../src/features/rsvp/rules.js";

const RIVERSIDE = "test/fixtures/events/riverside-cleanup.yaml";
const ADMIN = 4242;
const startTestBot = botPerTest();
let bot: TestBot | undefined;

const rsvps = () => bot!.running.deps.store.rsvps;
const texts = (user: TelegramUser) => user.messages().map((m) => m.text ?? m.caption ?? "");

/** The riverside event (en, ru; the name is its only question) with 4 seats and up to 2 companions. */
const groupEvent = () => eventWith({ rsvp: { plusOnes: 2, capacity: 4 } }, RIVERSIDE);

async function registerGroup(user: TelegramUser, name: string, companions: string[], language: "en" | "ru" = "en") {
  await user.command("rsvp");
  await user.tap(language === "en" ? "✅ I agree" : "✅ Даю согласие");
  await user.send(name);
  await user.tap(String(companions.length));
  for (const companion of companions) await user.send(companion);
  await user.tap(language === "en" ? "✅ Confirm" : "✅ Подтвердить");
}

async function staffMember() {
  const user = bot!.user({ languageCode: "en", firstName: "Zed" });
  await grantRole(bot!, user.id, "staff", { name: "Zed", createdBy: ADMIN });
  await user.command("start");
  return user;
}

describe("Plus-ones (rsvp.plusOnes): seats count people", () => {
  it("seats a group of 3, waitlists a group of 2 that does not fit, and promotes it when the whole group fits", async () => {
    bot = await startTestBot({ eventFile: groupEvent(), adminIds: [ADMIN] });
    const ann = bot.user({ languageCode: "en" });
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.send("Ann Lee");
    expect(ann.lastText()).toContain("How many people are you bringing with you (up to 2)?");
    expect(ann.buttons().slice(0, 3)).toEqual(["0", "1", "2"]);
    await ann.tap("2");
    expect(ann.lastText()).toContain("Full name of the person you bring (1 of 2)");
    await ann.send("x1");
    expect(ann.lastText()).not.toContain("Please check your details");
    // A companion's name is not the guest's own: the hint says "the full name", not "your".
    expect(ann.lastText()).toBe("✋ Please use only letters, spaces, hyphens and apostrophes. Type the full name again.");
    await ann.send("😀");
    expect(ann.lastText()).toBe("✋ The name must be 2 to 100 characters long. Please type the full name.");
    await ann.send("Bob Ray");
    await ann.send("Cleo Park");
    expect(ann.lastText()).toContain("Bringing 2: Bob Ray, Cleo Park");
    // Editable in the summary: one companion fewer, then back to two.
    await ann.tap("✏️ Edit a field");
    await ann.tap("People I bring");
    await ann.tap("1");
    await ann.send("Bob Ray");
    expect(ann.lastText()).toContain("Bringing 1: Bob Ray");
    await ann.tap("✏️ Edit a field");
    await ann.tap("People I bring");
    await ann.tap("2");
    await ann.send("Bob Ray");
    await ann.send("Cleo Park");
    await ann.tap("✅ Confirm");
    expect(await rsvps().find(ann.id)).toMatchObject({ status: "confirmed", party: 3, companions: ["Bob Ray", "Cleo Park"] });
    const ticket = ann.messages().find((m) => m.kind === "photo")!;
    expect(ticket.caption).toContain("For 3 people.");

    // 3 of 4 seats taken: a guest with one companion (2 people) waits, in Russian.
    const dana = bot.user({ languageCode: "ru" });
    await registerGroup(dana, "Дана Омарова", ["Ерлан Омаров"], "ru");
    expect(await rsvps().find(dana.id)).toMatchObject({ status: "waitlisted", party: 2 });
    // One seat is free: she is told it is too few for her group, not that every seat is taken.
    expect(dana.lastText()).toContain("Свободных мест: 1, а вашей группе нужно 2, поэтому вы в листе ожидания.");
    expect(await rsvps().peopleCounts()).toMatchObject({ confirmed: 3, waitlisted: 2 });

    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("stats");
    expect(admin.lastText()).toContain("Confirmed: 1");
    expect(admin.lastText()).toContain("People (with companions): confirmed 3, waiting 2");
    expect(admin.lastText()).toContain("Seats left: 1");

    await ann.command("rsvp");
    await ann.tap("❌ Cancel my registration");
    await ann.tap("Yes, cancel it");
    expect((await rsvps().find(dana.id))?.status).toBe("confirmed");
    expect(texts(dana).some((t) => t.includes("На 2 чел."))).toBe(true);
    expect(await rsvps().peopleCounts()).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it("names the companions' names in the generic consent and /privacy, and /forget_me deletes them, in en and ru", async () => {
    bot = await startTestBot({ eventFile: groupEvent() });
    const ann = bot.user({ languageCode: "en" });
    const bea = bot.user({ languageCode: "ru" });
    await ann.command("rsvp");
    expect(ann.lastText()).toContain("I agree that my name, the names of the people I bring and my answers");
    await bea.command("rsvp");
    expect(bea.lastText()).toContain("на обработку моего имени, имён людей, которых я приведу, и ответов");
    await Promise.all([ann, bea].map((user) => user.command("cancel")));
    await registerGroup(ann, "Ann Lee", ["Bob Ray", "Cleo Park"]);
    await registerGroup(bea, "Беатриса Ким", ["Дана Ли"], "ru");
    await ann.command("privacy");
    expect(ann.lastText()).toContain("Registration: name, the names of the 2 people you bring, status, ticket code, dates");
    await bea.command("privacy");
    expect(bea.lastText()).toContain("Регистрация: имя, имя спутника, статус, код билета, даты");
    await ann.command("forget_me");
    await ann.tap("🗑 Yes, delete my data");
    expect(JSON.stringify(await dumpKeys(bot.redis, bot.prefix))).not.toMatch(/Bob Ray|Cleo Park/);
  });

  it("refuses a companion's name already given (the guest's own or an earlier companion's), in en, ru and kk", async () => {
    bot = await startTestBot({ eventFile: eventWith({ languages: ["en", "ru", "kk"], rsvp: { plusOnes: 2, capacity: 10 } }, RIVERSIDE) });
    for (const language of ["en", "ru", "kk"]) {
      const t = (key: string, vars?: Record<string, string | number>) => bot!.running.deps.i18n.t(language, key, vars);
      const guest = bot.user({ languageCode: language });
      await guest.command("rsvp");
      await guest.tap(t("consent-agree"));
      await guest.send("Ann Lee");
      await guest.tap("2");
      await guest.send("ann  lee");
      expect(guest.lastText(), language).toBe(`✋ ${t("rsvp-error-companion-repeated", { name: "Ann Lee" })}`);
      await guest.send("Bob Ray");
      await guest.send("BOB RAY");
      expect(guest.lastText(), language).toBe(`✋ ${t("rsvp-error-companion-repeated", { name: "Bob Ray" })}`);
      await guest.send("Cleo Park");
      await guest.tap(t("rsvp-confirm"));
      expect(await rsvps().find(guest.id), language).toMatchObject({ status: "confirmed", companions: ["Bob Ray", "Cleo Park"] });
    }
  });

  it("keeps a waiting group in line until all of it fits: a smaller one behind it waits too", async () => {
    bot = await startTestBot({ eventFile: groupEvent() });
    const first = bot.user({ languageCode: "en" });
    const group = bot.user({ languageCode: "en" });
    const single = bot.user({ languageCode: "en" });
    await registerGroup(first, "Ann Lee", ["Bob Ray"]);
    await registerGroup(group, "Gus Grant", ["Hal Hart", "Ida Ivy"]);
    await registerGroup(single, "Sol Sun", []);
    expect(await rsvps().peopleCounts()).toMatchObject({ confirmed: 2, waitlisted: 4 });
    expect(group.lastText()).toContain("Seats left: 2, and your group needs 3, so you are on the waiting list.");
    expect(single.lastText()).toContain("Free seats go first to those already waiting, so you are on the waiting list too.");
    // Two seats free: the group of 3 does not fit, and the single guest behind it does not jump the queue.
    expect(await rsvps().fillSeats(bot.clock.now(), 4)).toEqual([]);
    await first.command("rsvp");
    await first.tap("❌ Cancel my registration");
    await first.tap("Yes, cancel it");
    expect((await rsvps().find(group.id))?.status).toBe("confirmed");
    expect((await rsvps().find(single.id))?.status).toBe("confirmed");
    // A group is told its seats are free, a single guest that the seat is theirs.
    expect(texts(group)).toContainEqual(expect.stringContaining("Good news: seats freed up for your group of 3!"));
    expect(texts(single)).toContainEqual(expect.stringContaining("Good news: a seat freed up and it is yours!"));
  });

  it("lets a confirmed guest add companions only into free seats, and gives seats a smaller group frees to the waiting list", async () => {
    bot = await startTestBot({ eventFile: groupEvent() });
    const alone = bot.user({ languageCode: "en" });
    const group = bot.user({ languageCode: "ru" });
    const waiting = bot.user({ languageCode: "en" });
    await registerGroup(alone, "Ann Lee", []);
    await registerGroup(group, "Дана Омарова", ["Ерлан Омаров", "Алия Омарова"], "ru");
    await registerGroup(waiting, "Sol Sun", []);
    expect((await rsvps().find(waiting.id))?.status).toBe("waitlisted");

    await alone.command("rsvp");
    await alone.tap("✏️ Change my details");
    await alone.tap("✏️ Edit a field");
    await alone.tap("People I bring");
    await alone.tap("1");
    await alone.send("Bob Ray");
    await alone.tap("✅ Confirm");
    expect(alone.lastText()).toContain("There are not enough free seats for that many people");
    expect(await rsvps().find(alone.id)).toMatchObject({ party: 1, status: "confirmed" });

    await group.command("rsvp");
    await group.tap("✏️ Изменить данные");
    await group.tap("✏️ Изменить поле");
    await group.tap("Мои гости");
    await group.tap("1");
    await group.send("Ерлан Омаров");
    await group.tap("✅ Подтвердить");
    expect(await rsvps().find(group.id)).toMatchObject({ party: 2, companions: ["Ерлан Омаров"] });
    expect((await rsvps().find(waiting.id))?.status).toBe("confirmed");
    expect(texts(waiting).some((t) => t.includes("a seat freed up and it is yours"))).toBe(true);
  });

  it("checks in 2 of a group of 3, counts people, shows staff no contact, and exports the companions", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { plusOnes: 2 } }), adminIds: [ADMIN] });
    const guest = bot.user({ languageCode: "en" });
    await guest.command("rsvp");
    await guest.tap("✅ I agree");
    await guest.send("Aigerim Saparova");
    await guest.tap("Media");
    await guest.tap("Skip ➡️");
    await guest.tapReply("📱 Share my phone");
    await guest.tap("2");
    await guest.send("Bob Ray");
    await guest.send("Cleo Park");
    await guest.tap("✅ Confirm");
    const record = (await rsvps().find(guest.id))!;
    expect(record.party).toBe(3);
    const phone = record.answers.contact!;
    expect(phone).toMatch(/^\+\d+$/);

    // The door staff see the name, the group and the status; no contact, no answers.
    const staff = await staffMember();
    await staff.command("checkin", record.code);
    const card = staff.lastText();
    expect(card).toContain("Aigerim Saparova");
    expect(card).toContain("Group: 3 people");
    expect(card).not.toContain(phone);
    expect(card).not.toContain("Media");
    expect(card).not.toContain("Bob Ray");
    expect(staff.buttons()).toEqual(["✅ Check in all 3", "1", "2"]);
    expect(card).toContain("Not all of them here? Tap how many people came.");
    // A companion who comes alone is found by their own name, with the guest who registered them.
    await staff.command("find", "cleo");
    expect(staff.lastText()).toContain(`• Cleo Park (with Aigerim Saparova) — ${record.code}`);
    expect(staff.lastText()).not.toContain("Bob Ray");
    // Organisers see it all as before.
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("checkin", record.code);
    expect(admin.lastText()).toContain(phoneForReading(phone));
    expect(admin.lastText()).toContain("Bringing 2: Bob Ray, Cleo Park");
    // In Russian and Kazakh the line speaks of the guest, not "with me": the organiser reads it.
    const companions = { ru: "Спутники (2): Bob Ray, Cleo Park", kk: "Бірге келетіндер (2): Bob Ray, Cleo Park" };
    for (const [language, line] of Object.entries(companions)) {
      const organiser = bot.user({ id: ADMIN, languageCode: language });
      await organiser.command("language");
      await organiser.tap(language === "ru" ? /Русский/ : /Қазақша/);
      await organiser.command("checkin", record.code);
      expect(organiser.lastText(), language).toContain(line);
    }

    await staff.tap("2");
    expect(await rsvps().find(guest.id)).toMatchObject({ arrived: 2 });
    expect(staff.lastText()).toContain("Arrived: 2 of 3.");
    expect(staff.callbackAnswers().at(-1)?.text).toBe("Checked in: 2 of 3.");
    await staff.command("stats");
    expect(staff.lastText()).toBe("Checked in: 2 of 3.");

    // A registration of someone alone counts one.
    const solo = bot.user({ languageCode: "en" });
    await solo.command("rsvp");
    await solo.tap("✅ I agree");
    await solo.send("Dana Omar");
    await solo.tap("Media");
    await solo.tap("Skip ➡️");
    await solo.tapReply("📱 Share my phone");
    await solo.tap("0");
    await solo.tap("✅ Confirm");
    expect(await rsvps().peopleCounts()).toMatchObject({ confirmed: 4, checkedIn: 2 });

    await admin.command("export");
    const [header, ...rows] = parseCsv(admin.documents().at(-1)!.document!.data!);
    const row = Object.fromEntries(header!.map((column, i) => [column, rows.find((r) => r[0] === String(guest.id))![i]]));
    expect(row).toMatchObject({ companions: "Bob Ray; Cleo Park", group_size: "3", arrived: "2", status: "confirmed" });
    const soloRow = Object.fromEntries(header!.map((column, i) => [column, rows.find((r) => r[0] === String(solo.id))![i]]));
    expect(soloRow).toMatchObject({ companions: "", group_size: "1", arrived: "" });
  });
});
