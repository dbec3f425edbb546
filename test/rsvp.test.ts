import { renderTicketQr } from "../src/features/rsvp/ticket-qr.js";
import { describe, expect, it } from "vitest";
import { ticketLink } from "../src/features/rsvp/rules.js";
import { botPerTest, type TestBot, type TestBotOptions } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

async function start(options: TestBotOptions = {}) {
  bot = await startTestBot(options);
  return bot;
}

interface Labels {
  sector: string;
  skip: string;
  share: string;
  agree: string;
  confirm: string;
}
const EN: Labels = { sector: "Media", skip: "Skip ➡️", share: "📱 Share my phone", agree: "✅ I agree", confirm: "✅ Confirm" };
const RU: Labels = {
  sector: "СМИ",
  skip: "Пропустить ➡️",
  share: "📱 Поделиться номером",
  agree: "✅ Даю согласие",
  confirm: "✅ Подтвердить",
};
const KK: Labels = { sector: "БАҚ", skip: "Өткізіп жіберу ➡️", share: "📱 Нөмірімді бөлісу", agree: "✅ Келісемін", confirm: "✅ Растау" };

/** Agrees, fills the whole form with the Skip and Share buttons and returns what Confirm produced. */
async function register(user: TelegramUser, labels: Labels, name = "Aigerim Saparova") {
  await user.command("rsvp");
  await user.tap(labels.agree);
  await user.send(name);
  await user.tap(labels.sector);
  await user.tap(labels.skip);
  await user.tapReply(labels.share);
  return user.tap(labels.confirm);
}

const rsvps = () => bot!.running.deps.store.rsvps;

describe("RSVP: the attendee flow", () => {
  it("registers in English with a code, a QR ticket of the deep link and a calendar file", async () => {
    const { api } = await start();
    const ann = bot!.user({ languageCode: "en" });
    await ann.command("rsvp");
    expect(ann.messages().at(-2)?.text).toContain("Registration is open until 29 November 2017, 12:00 (in 6 days)");
    expect(ann.lastText()).toContain("British Council Kazakhstan");
    await ann.tap("✅ I agree");
    expect(ann.lastText()).toContain("full name");
    await ann.send("Aigerim Saparova");
    expect(ann.buttons()).toContain("Civil society");
    await ann.tap("Media");
    await ann.tap("Skip ➡️");
    expect(ann.replyKeyboard()?.flat()).toContain("📱 Share my phone");
    await ann.tapReply("📱 Share my phone");
    expect(api.replyKeyboard(ann.id)).toBeUndefined();
    expect(ann.lastText()).toContain("Aigerim Saparova");
    expect(ann.lastText()).toContain(ann.phoneShown);
    const sent = await ann.tap("✅ Confirm");

    const record = (await rsvps().find(ann.id))!;
    expect(record).toMatchObject({
      status: "confirmed",
      name: "Aigerim Saparova",
      answers: { sector: "media", contact: ann.phoneNumber },
      language: "en",
    });
    expect(record.answers.organisation).toBeUndefined();
    expect(sent.find((m) => m.text?.includes("You are registered"))?.text).toContain(`Your code: ${record.code}`);
    const qr = sent.find((m) => m.kind === "photo")!;
    expect(qr.photo?.data).toEqual(renderTicketQr(ticketLink(api.botUser.username!, record.token)));
    expect(ticketLink("x", record.token)).toMatch(/\?start=ci_[A-Za-z0-9_-]{22}$/);
    const calendar = ann.documents().at(-1)!;
    expect(calendar.document?.filename).toMatch(/\.ics$/);
    expect(calendar.document?.data?.toString("utf8")).toContain("BEGIN:VCALENDAR");
  });

  it("registers in Russian (the default) and in Kazakh", async () => {
    await start();
    const ru = bot!.user();
    const ruSent = await register(ru, RU, "Елена Сим");
    expect(ruSent.map((m) => m.text ?? "").join("\n")).toContain("Вы зарегистрированы!");
    const kk = bot!.user({ languageCode: "kk" });
    await kk.command("rsvp");
    expect(kk.messages().at(-2)?.text).toContain("Тіркелу");
    expect(kk.lastText()).toContain("Қазақстандағы Британ Кеңесі");
    await kk.tap(KK.agree);
    await kk.send("Әлия Құрманғазықызы");
    await kk.tap(KK.sector);
    await kk.send("ҚБТУ");
    await kk.send("8 701 765 05 10");
    expect(kk.lastText()).toContain("+7 701 765 05 10");
    const kkSent = await kk.tap(KK.confirm);
    expect(kkSent.map((m) => m.text ?? "").join("\n")).toContain("Сіз тіркелдіңіз!");
    expect(await rsvps().find(kk.id)).toMatchObject({
      name: "Әлия Құрманғазықызы",
      answers: { sector: "media", organisation: "ҚБТУ", contact: "+77017650510" },
      language: "kk",
    });
    expect(await rsvps().find(ru.id)).toMatchObject({ name: "Елена Сим", language: "ru" });
  });

  it("re-asks every wrong answer with a hint and keeps the earlier answers", async () => {
    await start();
    const ann = bot!.user({ languageCode: "en" });
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.send("A");
    expect(ann.lastText()).toContain("2 to 100 characters");
    await ann.send("x".repeat(101));
    expect(ann.lastText()).toContain("2 to 100 characters");
    await ann.send("R2-D2");
    expect(ann.lastText()).toContain("only letters");
    await ann.sendSticker();
    expect(ann.lastText()).toContain("I need text here");
    // Another command mid-form: one note, and the question again below it.
    await ann.send("/help");
    expect(ann.messages().at(-2)?.text).toContain("You are filling in “Registration”");
    expect(ann.lastText()).toContain("Step 1 of 4. 👤 What is your full name?");
    await ann.send("Jean-Luc O'Neil");
    await ann.send("Journalist");
    expect(ann.lastText()).toContain("choose one of the buttons");
    // An option's label typed rather than tapped is taken as the tap.
    await ann.send("media");
    await ann.send("X");
    expect(ann.lastText()).toContain("too short: at least 2 characters");
    await ann.send("Almaty Daily");
    await ann.send("call me maybe");
    expect(ann.lastText()).toContain("does not look like a phone number");
    await ann.sendContact("+77010000000", { userId: 999_999 });
    expect(ann.lastText()).toContain("your own number");
    await ann.sendPhoto();
    expect(ann.lastText()).toContain("I need text here");
    // The bundled contact question is a phone: an e-mail is refused with the phone hint.
    await ann.send("Jean@Example.ORG");
    expect(ann.lastText()).toContain("does not look like a phone number");
    await ann.send("8 701 765 05 10");
    expect(ann.lastText()).toContain("Jean-Luc O'Neil");
    expect(ann.lastText()).toContain("Which sector do you represent? — Media");
    expect(ann.lastText()).toContain("Which organisation are you from? — Almaty Daily");
    expect(ann.lastText()).toContain("How can the organisers reach you? — +7 701 765 05 10");
    await ann.tap("✏️ Edit a field");
    await ann.tap("How can the organisers reach you?");
    await ann.send("+7 (727) 244-41-44");
    expect(ann.lastText()).toContain("+7 727 244 41 44");
    expect(ann.lastText()).toContain("Almaty Daily");
    await ann.tap("✅ Confirm");
    expect(await rsvps().find(ann.id)).toMatchObject({
      name: "Jean-Luc O'Neil",
      answers: { sector: "media", organisation: "Almaty Daily", contact: "+77272444144" },
    });
  });

  it("leaves with /cancel or the Cancel buttons at any step, storing nothing", async () => {
    const { api, redis, prefix } = await start();
    const ann = bot!.user({ languageCode: "en" });
    await ann.command("rsvp");
    await ann.tap("❌ Cancel");
    expect(ann.lastText()).toContain("Registration cancelled");
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.command("cancel");
    expect(ann.lastText()).toContain("Registration cancelled");
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.send("Ann Lee");
    await ann.tap("❌ Cancel");
    expect(ann.lastText()).toContain("Registration cancelled");
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.send("Ann Lee");
    const sectorButton = (
      ann
        .keyboard()
        .flat()
        .find((b) => b.text === "Media") as { callback_data: string }
    ).callback_data;
    await ann.tap("Media");
    await ann.tap("Skip ➡️");
    await ann.tapReply("❌ Cancel");
    expect(ann.messages().at(-2)?.text).toContain("Registration cancelled");
    expect(ann.lastText()).toBe("What next?");
    expect(api.replyKeyboard(ann.id)).toBeUndefined();
    expect(await rsvps().find(ann.id)).toBeUndefined();
    expect(await redis.keys(`${prefix}event:*:rsvp:*`)).toEqual([]);
    // A button of the finished form answers politely and changes nothing (every answered question lost its buttons).
    expect(ann.buttons(ann.messages().find((m) => m.text?.includes("Which sector"))!)).toEqual([]);
    await ann.tapData(sectorButton);
    expect(ann.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
    expect(await rsvps().find(ann.id)).toBeUndefined();
  });

  it("shows the deadline just before it and closes registration just after it", async () => {
    const { clock, event } = await start();
    clock.set(new Date(event.rsvpDeadlineAt.getTime() + 59_000));
    const ann = bot!.user({ languageCode: "en" });
    await register(ann, EN);
    expect((await rsvps().find(ann.id))?.status).toBe("confirmed");

    clock.set(new Date(event.rsvpDeadlineAt.getTime() + 60_000));
    const bob = bot!.user({ languageCode: "en" });
    await bob.command("rsvp");
    expect(bob.lastText()).toContain("Registration closed on 29 November 2017, 12:00");
    expect(bob.lastText()).toContain("+7 701 765 05 10");
    expect(bob.lastText()).toContain("elena.sim@kz.britishcouncil.org");

    // A form started before the deadline and confirmed after it is refused.
    clock.set(new Date(event.rsvpDeadlineAt.getTime() - 60_000));
    const cat = bot!.user({ languageCode: "en" });
    await cat.command("rsvp");
    await cat.tap("✅ I agree");
    await cat.send("Cat Stevens");
    await cat.tap("Media");
    await cat.tap("Skip ➡️");
    await cat.tapReply("📱 Share my phone");
    clock.advance(2 * 60_000);
    await cat.tap("✅ Confirm");
    expect(cat.lastText()).toContain("registration closed while you were filling in the form");
    expect(await rsvps().find(cat.id)).toBeUndefined();
  });

  it("gives one record for a replayed Confirm update and a double tap", async () => {
    const { api } = await start();
    const ann = bot!.user({ languageCode: "en" });
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.send("Ann Lee");
    await ann.tap("Media");
    await ann.tap("Skip ➡️");
    await ann.tapReply("📱 Share my phone");
    const summary = ann.lastMessage();
    const confirm = ann
      .keyboard(summary)
      .flat()
      .find((b) => b.text === "✅ Confirm")!;
    const data = "callback_data" in confirm ? confirm.callback_data : "";
    await ann.tapData(data, summary.message_id);
    const updateId = api.lastUpdateId;
    api.redeliver(updateId);
    await api.waitHandled(updateId);
    await ann.tapData(data, summary.message_id);
    expect(ann.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
    expect(await rsvps().counts()).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect(await rsvps().all()).toHaveLength(1);
    expect(ann.messages().filter((m) => m.text?.includes("You are registered"))).toHaveLength(1);
  });

  it("shows My registration, changes details and cancels until the event starts", async () => {
    const { clock, event } = await start();
    const ann = bot!.user({ languageCode: "en" });
    await register(ann, EN);
    const code = (await rsvps().find(ann.id))!.code;
    await ann.command("rsvp");
    expect(ann.lastText()).toContain("My registration");
    expect(ann.lastText()).toContain(code);
    expect(ann.lastText()).toContain("confirmed");
    await ann.tap("✏️ Change my details");
    expect(ann.lastText()).toContain("Please check your details");
    await ann.tap("✏️ Edit a field");
    await ann.tap("Name");
    await ann.send("Ann Smith");
    await ann.tap("✅ Confirm");
    expect(ann.lastText()).toContain("Your details are updated");
    expect(await rsvps().find(ann.id)).toMatchObject({ name: "Ann Smith", status: "confirmed", code });

    await ann.tap("⬅️ Menu");
    // The menu names the section, not an invitation to register again.
    await ann.tap("📝 Registration");
    expect(ann.lastText()).toContain("Ann Smith");
    await ann.tap("❌ Cancel my registration");
    await ann.tap("Yes, cancel it");
    expect(ann.lastText()).toContain("Your registration is cancelled");
    expect((await rsvps().find(ann.id))?.status).toBe("cancelled");

    // Registering again after cancelling reuses the record; after the start nothing changes.
    await register(ann, EN);
    expect((await rsvps().find(ann.id))?.status).toBe("confirmed");
    expect(await rsvps().all()).toHaveLength(1);
    clock.set(event.startsAt);
    await ann.command("rsvp");
    expect(ann.lastText()).toContain("registrations can no longer be changed");
    expect(ann.buttons()).not.toContain("❌ Cancel my registration");
  });
});
