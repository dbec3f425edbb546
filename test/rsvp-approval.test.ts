import { describe, expect, it } from "vitest";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { grantRole } from "./support/team.js";

const RIVERSIDE = "test/fixtures/events/riverside-cleanup.yaml";
const ADMIN = 4242;
const startTestBot = botPerTest();
let bot: TestBot | undefined;

const rsvps = () => bot!.running.deps.store.rsvps;
const texts = (user: TelegramUser) => user.messages().map((m) => m.text ?? m.caption ?? "");
const photos = (user: TelegramUser) => user.messages().filter((m) => m.kind === "photo");
const lastToast = (user: TelegramUser) => user.callbackAnswers().at(-1)?.text;

/** The riverside event (en, ru; the form asks the name only; 2 seats unless `capacity`) with approval on. */
const approvalEvent = (capacity?: number) => eventWith({ rsvp: { approval: true, ...(capacity ? { capacity } : {}) } }, RIVERSIDE);

/** A team member with a role, as /team's invite link would make them. */
async function member(role: "organiser" | "staff", options: { languageCode: "en" | "ru"; firstName: string }) {
  const user = bot!.user(options);
  await grantRole(bot!, user.id, role, { name: options.firstName, createdBy: ADMIN });
  await user.command("start");
  return user;
}

async function request(user: TelegramUser, name: string, language: "en" | "ru" = "en") {
  await user.command("rsvp");
  await user.tap(language === "en" ? "✅ I agree" : "✅ Даю согласие");
  await user.send(name);
  await user.tap(language === "en" ? "✅ Confirm" : "✅ Подтвердить");
}

/** The admin's card of a guest's request (the newest of them). */
function cardOf(organiser: TelegramUser, name: string) {
  return [...organiser.messages()].reverse().find((m) => (m.text ?? "").includes(name) && /request|Запрос/i.test(m.text ?? ""))!;
}

describe("Registration approval (rsvp.approval)", () => {
  it("keeps a registration pending, sends organisers a card in their language, and an approval sends the ticket", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Aida" });
    await admin.command("start");
    const olga = await member("organiser", { languageCode: "ru", firstName: "Ольга" });
    const guest = bot.user({ languageCode: "ru" });
    await request(guest, "Дана Омарова", "ru");

    expect(guest.lastText()).toContain("Ваш запрос на участие отправлен организаторам");
    expect(photos(guest)).toHaveLength(0);
    expect((await rsvps().find(guest.id))?.status).toBe("pending");
    await guest.command("rsvp");
    expect(guest.lastText()).toContain("ждёт одобрения организаторов");
    expect(guest.buttons()).not.toContain("🎟 Показать билет");

    const card = cardOf(admin, "Дана Омарова");
    expect(card.text).toContain("Registration request");
    expect(admin.buttons(card)).toEqual(["✅ Approve", "❌ Decline"]);
    expect(cardOf(olga, "Дана Омарова").text).toContain("Запрос на участие");

    await admin.tap("✅ Approve");
    expect(lastToast(admin)).toBe("✅ Approved: Дана Омарова");
    expect((await rsvps().find(guest.id))?.status).toBe("confirmed");
    expect(texts(guest).some((t) => t.includes("Ваша регистрация одобрена"))).toBe(true);
    expect(photos(guest)).toHaveLength(1);
    // Every card shows the decision and who took it; a later tap is told.
    expect(bot.api.message(admin.id, card.message_id)?.text).toContain("Approved by Aida");
    const olgaCard = cardOf(olga, "Дана Омарова");
    expect(bot.api.message(olga.id, olgaCard.message_id)?.text).toContain("Одобрено — Aida");
    await olga.tapData(`rsvp:ap:${guest.id}`, olgaCard.message_id);
    expect(lastToast(olga)).toBe("Уже решено: Aida.");
    expect(photos(guest)).toHaveLength(1);
  });

  it("says before the consent that the organisers approve each registration, with the full hall's note too", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(), adminIds: [ADMIN] });
    const [intro, consent] = await bot.user({ languageCode: "ru" }).command("rsvp");
    expect(intro?.text).toContain("Участие подтверждают организаторы: после анкеты ваш запрос уйдёт к ним");
    expect(consent?.text).toContain("Согласие");
    await bot.restart({ eventFile: eventWith({ rsvp: { approval: true, capacity: 1 } }, RIVERSIDE) });
    const first = bot.user({ languageCode: "en" });
    await request(first, "Emma Stone");
    await bot.user({ id: ADMIN, languageCode: "en" }).tap("✅ Approve");
    const [full] = await bot.user({ languageCode: "en" }).command("rsvp");
    expect(full?.text).toContain("The organisers approve each registration");
    expect(full?.text).toContain("No seats are left for now.");
    // Without approval the intro does not say it.
    await bot.restart({ eventFile: RIVERSIDE });
    const [plain] = await bot.user({ languageCode: "en" }).command("rsvp");
    expect(plain?.text).toContain("Registration");
    expect(plain?.text).not.toContain("approve");
  });

  it("declines with a preset reason or the organiser's own words, each guest told in their language", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Aida" });
    await admin.command("start");
    const english = bot.user({ languageCode: "en" });
    await request(english, "Emma Stone");
    await admin.tap("❌ Decline");
    expect(admin.lastText()).toContain("Why do you decline Emma Stone?");
    await admin.tap("the hall is full");
    expect(await rsvps().find(english.id)).toMatchObject({ status: "declined", declineReason: "preset:full" });
    expect(english.lastText()).toContain("The organisers could not accept your registration.");
    expect(english.lastText()).toContain("Reason: the hall is full");

    const russian = bot.user({ languageCode: "ru" });
    await request(russian, "Дана Омарова", "ru");
    await admin.tap("❌ Decline");
    await admin.tap("✍️ In my own words");
    await admin.send("Мест для <групп> больше нет");
    expect(russian.lastText()).toContain("Организаторы не смогли принять вашу регистрацию.");
    expect(russian.lastText()).toContain("Причина: Мест для <групп> больше нет");
    expect(bot.api.message(admin.id, cardOf(admin, "Дана Омарова").message_id)?.text).toContain(
      "Declined by Aida: Мест для <групп> больше нет",
    );

    // A declined guest sees the decision rather than a new form.
    await russian.command("rsvp");
    expect(russian.lastText()).toContain("отклонена: Мест для <групп> больше нет");
    expect(await rsvps().counts()).toMatchObject({ confirmed: 0 });
    expect(await rsvps().requestCounts()).toEqual({ pending: 0, declined: 2 });
  });

  it("asks an organiser for the reason naming the guest as written, with no case ending to get wrong", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(), adminIds: [ADMIN] });
    const olga = await member("organiser", { languageCode: "ru", firstName: "Ольга" });
    await request(bot.user({ languageCode: "en" }), "Emma Stone");
    await olga.tap("❌ Отклонить");
    expect(olga.lastText()).toBe("Emma Stone: почему вы отклоняете запрос? Гость увидит причину.");
  });

  it("lets one of two organisers tapping at once decide; the other is told who did", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Aida" });
    await admin.command("start");
    const olga = await member("organiser", { languageCode: "ru", firstName: "Ольга" });
    const guest = bot.user({ languageCode: "en" });
    await request(guest, "Emma Stone");
    await Promise.all([admin.tap("✅ Approve"), olga.tap("❌ Отклонить")]);
    // Olga's form (if it opened) decides only at its end: the approval came first.
    if (olga.lastText().includes("Почему вы отклоняете")) await olga.tap("зал заполнен");
    expect((await rsvps().find(guest.id))?.status).toBe("confirmed");
    expect(
      texts(olga)
        .concat(olga.callbackAnswers().map((a) => a.text ?? ""))
        .some((t) => t.includes("Уже решено: Aida")),
    ).toBe(true);
    expect(photos(guest)).toHaveLength(1);
    expect(texts(guest).some((t) => t.includes("could not accept"))).toBe(false);

    // Both tap Approve at the same moment: one decision, one ticket, one "already decided".
    const second = bot.user({ languageCode: "en" });
    await request(second, "Sam Second");
    await Promise.all([admin.tap("✅ Approve"), olga.tap("✅ Одобрить")]);
    const answers = [lastToast(admin), lastToast(olga)];
    expect(answers.filter((a) => a?.startsWith("✅"))).toHaveLength(1);
    expect(answers.filter((a) => a === "Already decided by Ольга." || a === "Уже решено: Aida.")).toHaveLength(1);
    expect(photos(second)).toHaveLength(1);
    expect(await rsvps().counts()).toMatchObject({ confirmed: 2 });
  });

  it("puts a guest approved beyond the capacity on the waiting list and tells them", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(1), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Aida" });
    await admin.command("start");
    const first = bot.user({ languageCode: "en" });
    const second = bot.user({ languageCode: "ru" });
    await request(first, "Emma Stone");
    await request(second, "Дана Омарова", "ru");
    // Pending requests take no seat.
    expect(await rsvps().counts()).toMatchObject({ confirmed: 0, waitlisted: 0 });
    await admin.tapData(`rsvp:ap:${second.id}`, cardOf(admin, "Дана Омарова").message_id);
    await admin.tapData(`rsvp:ap:${first.id}`, cardOf(admin, "Emma Stone").message_id);
    expect((await rsvps().find(second.id))?.status).toBe("confirmed");
    expect((await rsvps().find(first.id))?.status).toBe("waitlisted");
    expect(first.lastText()).toContain("you are on the waiting list");
    expect(first.lastText()).toContain("Your place in the queue: 1");
    expect(photos(first)).toHaveLength(0);
    expect(bot.api.message(admin.id, cardOf(admin, "Emma Stone").message_id)?.text).toContain("Approved by Aida (on the waiting list)");
  });

  it("lists pending requests ten a page in /requests and approves all shown", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(20), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Aida" });
    await admin.command("start");
    await admin.command("requests");
    expect(admin.lastText()).toBe("No requests await approval.");
    const guests: TelegramUser[] = [];
    for (let i = 0; i < 11; i++) {
      const guest = bot.user({ languageCode: "en" });
      await request(guest, `Guest ${"ABCDEFGHIJK"[i]}`);
      guests.push(guest);
      bot.clock.advance(1000);
    }
    await admin.command("requests");
    expect(admin.lastText()).toContain("Requests awaiting approval: 11 (page 1 of 2)");
    expect(admin.lastText()).toContain("1. Guest A — 1 ppl");
    expect(admin.lastText()).not.toContain("Guest K");
    expect(admin.buttons()).toContain("✅ Approve all shown (10)");
    await admin.tap("▶️");
    expect(admin.lastText()).toContain("11. Guest K");
    await admin.tap("◀️");
    await admin.tap("✅ Approve all shown (10)");
    expect(lastToast(admin)).toBe("Approved: 10");
    expect(await rsvps().counts()).toMatchObject({ confirmed: 10 });
    expect((await rsvps().find(guests[10]!.id))?.status).toBe("pending");
    expect(photos(guests[0]!)).toHaveLength(1);
    expect(admin.lastText()).toContain("Requests awaiting approval: 1 (page 1 of 1)");
  });

  it("refuses staff and attendees at the moment of the tap, and a revoked organiser too", async () => {
    bot = await startTestBot({ eventFile: approvalEvent(), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Aida" });
    await admin.command("start");
    const olga = await member("organiser", { languageCode: "ru", firstName: "Ольга" });
    const staff = await member("staff", { languageCode: "en", firstName: "Zed" });
    const attendee = bot.user({ languageCode: "en" });
    await attendee.command("start");
    const guest = bot.user({ languageCode: "en" });
    await request(guest, "Emma Stone");
    expect(texts(staff).some((t) => t.includes("Emma Stone"))).toBe(false);

    for (const user of [staff, attendee]) {
      await user.tapData(`rsvp:ap:${guest.id}`);
      expect(lastToast(user)).toBe("Only organisers can do this.");
      await user.tapData(`rsvp:dc:${guest.id}`);
      expect(lastToast(user)).toBe("Only organisers can do this.");
      await user.command("requests");
      expect(user.lastText()).toBe("Only organisers can do this.");
    }
    await bot.running.deps.store.team.revoke(olga.id);
    await olga.tap("✅ Одобрить");
    expect(lastToast(olga)).toBe("Это доступно только организаторам.");
    expect((await rsvps().find(guest.id))?.status).toBe("pending");
  });

  it("forgets a request with its cards, and retention erases companions and a decline's words", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { approval: true, plusOnes: 1 } }, RIVERSIDE), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Aida" });
    await admin.command("start");
    const { store } = bot.running.deps;
    const keys = store.keys.rsvp;
    const leaving = bot.user({ languageCode: "en" });
    await leaving.command("rsvp");
    await leaving.tap("✅ I agree");
    await leaving.send("Emma Stone");
    await leaving.tap("1");
    await leaving.send("Bob Ray");
    await leaving.tap("✅ Confirm");
    expect(cardOf(admin, "Emma Stone").text).toContain("Bringing 1: Bob Ray");
    expect(await store.redis.exists(keys.cards(leaving.id))).toBe(1);
    await store.rsvps.forget(leaving.id, bot.clock.now(), undefined);
    expect(await store.redis.exists(keys.cards(leaving.id), keys.guest(leaving.id))).toBe(0);
    expect(await store.redis.zscore(keys.status("pending"), String(leaving.id))).toBeNull();

    const declined = bot.user({ languageCode: "en" });
    await declined.command("rsvp");
    await declined.tap("✅ I agree");
    await declined.send("Sam Second");
    await declined.tap("0");
    await declined.tap("✅ Confirm");
    await admin.tap("❌ Decline");
    await admin.tap("✍️ In my own words");
    await admin.send("Sam, we know you");
    await store.rsvps.anonymiseAll([]);
    const fields = await store.redis.hkeys(keys.guest(declined.id));
    expect(fields).toContain("status");
    for (const field of ["name", "declineReason", "decidedByName", "companions"]) expect(fields).not.toContain(field);
  });
});

describe("Long text answers", () => {
  it("are shortened (…) in the summary and the organisers' card to fit one message, and kept whole", async () => {
    const questions = [1, 2, 3, 4, 5].map((n) => ({ id: `q${n}`, type: "text" as const, label: `Question ${n}?` }));
    bot = await startTestBot({
      eventFile: eventWith({ rsvp: { approval: true, questions, plusOnes: 2, capacity: 10 } }, RIVERSIDE),
      adminIds: [ADMIN],
    });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const guest = bot.user({ languageCode: "en" });
    await guest.command("rsvp");
    await guest.tap("✅ I agree");
    await guest.send("Ann Lee");
    const answer = (n: number) => `${"Shade and water for every street. ".repeat(29)}End ${n}.`;
    for (const n of [1, 2, 3]) await guest.send(answer(n));
    await guest.send("Short.");
    await guest.send(answer(5));
    await guest.tap("2");
    await guest.send("Bo Lee");
    await guest.send("Cy Lee");
    const summary = guest.lastText();
    expect(summary.length).toBeLessThanOrEqual(4096);
    expect(summary).toContain("Question 4? — Short.\n");
    expect(summary.match(/…\n/g)).toHaveLength(4);
    expect(summary).toContain("\nBringing 2: Bo Lee, Cy Lee");
    await guest.tap("✅ Confirm");
    expect(guest.lastText()).toContain("Your request has been sent to the organisers");
    expect((await rsvps().find(guest.id))?.answers).toEqual({ q1: answer(1), q2: answer(2), q3: answer(3), q4: "Short.", q5: answer(5) });
    const card = cardOf(admin, "Ann Lee");
    expect(card.text!.length).toBeLessThanOrEqual(4096);
    expect(admin.buttons(card)).toEqual(["✅ Approve", "❌ Decline"]);
  });
});
