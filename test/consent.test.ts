import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { parseCsv } from "./support/csv.js";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";

const ADMIN = 7301;
const startTestBot = botPerTest();
let bot: TestBot | undefined;

/** Every value stored under the test's prefix, whatever the key's type. */
async function dumpPrefix(test: TestBot): Promise<string> {
  const { redis, prefix } = test;
  const parts: string[] = [];
  for (const key of await redis.keys(`${prefix}*`)) {
    const type = await redis.type(key);
    if (type === "string") parts.push(key, (await redis.get(key)) ?? "");
    else if (type === "hash") parts.push(key, JSON.stringify(await redis.hgetall(key)));
    else if (type === "list") parts.push(key, ...(await redis.lrange(key, 0, -1)));
    else if (type === "set") parts.push(key, ...(await redis.smembers(key)));
    else if (type === "zset") parts.push(key, ...(await redis.zrange(key, 0, -1)));
    else if (type === "stream") parts.push(key, JSON.stringify(await redis.xrange(key, "-", "+")));
  }
  return parts.join("\n");
}

/** The consent message as the bot sent it to a chat (the exact text, HTML included). */
function consentSent(test: TestBot, user: TelegramUser, title: string): string {
  const call = test.api
    .callsTo("sendMessage")
    .filter((c) => c.payload.chat_id === user.id && String(c.payload.text).includes(title))
    .at(-1);
  return String(call?.payload.text);
}

const versionOf = (text: string) => createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);

const EN = { agree: "✅ I agree", sector: "Media", skip: "Skip ➡️", confirm: "✅ Confirm" };
const RU = { agree: "✅ Даю согласие", sector: "СМИ", skip: "Пропустить ➡️", confirm: "✅ Подтвердить" };

/** Agrees, then fills the form with a typed phone; the labels are the user's language's. */
async function registerAfterConsent(user: TelegramUser, name: string, { agree, sector, skip, confirm } = EN) {
  await user.command("rsvp");
  await user.tap(agree);
  await user.send(name);
  await user.tap(sector);
  await user.tap(skip);
  await user.send(`+7 701 765 ${String(user.id).slice(-4, -2)} ${String(user.id).slice(-2)}`);
  await user.tap(confirm);
}

/** The bundled event with its English consent text reworded. */
function eventWithNewConsentText(): string {
  const { text } = loadEvent(BUNDLED_EVENT_FILE).rsvp.consent as { text: Record<string, string> };
  return eventWith({ rsvp: { consent: { text: { en: `${text.en} Photos taken at the forum may be published.` } } } });
}

describe("consent first", () => {
  it("says in the generic text until when the data is kept, in ru, kk and en", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { consent: undefined }, privacy: { retainFor: "30d" } }) });
    const kept = {
      ru: "хранятся до 30 декабря 2017, 13:00 или удаляются раньше по моему запросу (/forget_me)",
      kk: "Сақталу мерзімі: 2017 жылғы 30 желтоқсан, 13:00; менің сұрауым бойынша одан ертерек жойылады (/forget_me)",
      en: "kept until 30 December 2017, 13:00, or deleted earlier at my request (/forget_me)",
    };
    for (const [language, text] of Object.entries(kept)) {
      const user = bot.user({ languageCode: language });
      await user.command("rsvp");
      expect(user.lastText()).toContain(text);
    }
  });

  it("points text or a sticker sent before the consent is answered to its buttons, in ru, kk and en, then lets go after a tap", async () => {
    bot = await startTestBot();
    const pointer = {
      ru: "👆 Сначала ответьте на согласие выше: нажмите «✅ Даю согласие», чтобы продолжить, или «❌ Отмена».",
      kk: "👆 Алдымен жоғарыдағы келісімге жауап беріңіз: жалғастыру үшін «✅ Келісемін», болмаса «❌ Бас тарту» батырмасын басыңыз.",
      en: "👆 First answer the consent above: tap “✅ I agree” to go on, or “❌ Cancel”.",
    };
    for (const [language, text] of Object.entries(pointer)) {
      const user = bot.user({ languageCode: language });
      await user.command("rsvp");
      await user.send("Aigerim Saparova");
      expect(user.lastText(), language).toBe(text);
      await user.sendSticker();
      expect(user.lastText(), language).toBe(text);
      // However many answers are typed on, each is pointed there, not taken for small talk with the menu.
      for (const typed of ["aigerim@mail.kz", "+7 701 765 05 10", "?"]) {
        await user.send(typed);
        expect(user.lastText(), language).toBe(text);
      }
      expect(await dumpPrefix(bot)).not.toMatch(/Saparova|aigerim@/);
      // The same before a first idea; after Cancel, typed text gets the usual hint and menu.
      await user.command("idea");
      await user.tap(/✍️/);
      await user.send("A bench by the river");
      expect(user.lastText(), language).toBe(text);
      await user.tap(/❌/);
      await user.send("hello");
      expect(user.lastText(), language).not.toBe(text);
      expect(user.buttons().length, language).toBeGreaterThan(1);
    }
    expect(bot.errors()).toEqual([]);
  });

  it("takes /cancel typed under a consent as its Cancel: the buttons go, nothing is stored, in ru, kk and en", async () => {
    bot = await startTestBot();
    for (const language of ["ru", "kk", "en"]) {
      const t = (key: string) => bot!.running.deps.i18n.t(language, key);
      const user = bot.user({ languageCode: language });
      for (const open of [() => user.command("rsvp"), () => user.command("idea").then(() => user.tap(/✍️/))]) {
        await open();
        const consent = user.lastMessage();
        expect(user.buttons(consent), language).toContain(t("consent-agree"));
        await user.send("/cancel");
        expect(user.lastText(), language).toBe(`${t("cancel-consent")}\n\n${t("menu-title")}`);
        const closed = user.messages().find((m) => m.message_id === consent.message_id);
        expect(closed?.text, language).toBe(consent.text);
        expect(user.buttons(closed!), language).toEqual([]);
        // Moved on: typed text gets the usual hint, not the pointer to the consent.
        await user.send("hello");
        expect(user.lastText(), language).toBe(t("unhandled-text"));
      }
      // With no consent waiting, /cancel still says there is nothing to cancel.
      await user.send("/cancel");
      expect(user.lastText(), language).toBe(`${t("cancel-nothing")}\n\n${t("menu-title")}`);
      expect(await bot.running.deps.store.rsvps.find(user.id)).toBeUndefined();
    }
    expect(bot.errors()).toEqual([]);
  });

  it("asks for consent before anything personal, and stores nothing before Agree", async () => {
    bot = await startTestBot();
    const ann = bot.user({ languageCode: "en" });
    await ann.command("rsvp");
    expect(ann.messages().at(-2)?.text).toContain("Registration is open until");
    expect(ann.lastText()).toContain("Consent to the processing of personal data");
    expect(ann.lastText()).toContain("Data controller: British Council Kazakhstan");
    expect(ann.lastText()).not.toContain("full name");
    expect(ann.buttons()).toEqual(["✅ I agree", "❌ Cancel"]);

    // Personal details typed before agreeing are not taken as answers, and nothing keeps them.
    await ann.send("Aigerim Saparova +77017650510");
    expect(ann.lastText()).not.toContain("Saparova");
    expect(await bot.redis.get(`${bot.prefix}conversation:${ann.id}`)).toBeNull();
    const stored = await dumpPrefix(bot);
    expect(stored).not.toContain("Saparova");
    expect(stored).not.toContain("77017650510");

    // Cancel ends politely and stores nothing.
    await ann.tap("❌ Cancel");
    expect(ann.lastText()).toContain("Registration cancelled; nothing was saved");
    expect(await bot.redis.keys(`${bot.prefix}event:*:rsvp:*`)).toEqual([]);
    expect(await bot.redis.get(`${bot.prefix}conversation:${ann.id}`)).toBeNull();

    // Agree opens the form at its first question; the consent keeps its text and shows it was agreed to.
    await ann.command("rsvp");
    const consentId = ann.lastMessage().message_id;
    await ann.tap("✅ I agree");
    expect(ann.lastText()).toContain("full name");
    expect(ann.buttons()).not.toContain("✅ I agree");
    const agreed = ann.messages().find((m) => m.message_id === consentId)!;
    expect(agreed.text).toMatch(/^🔒 Consent to the processing of personal data\n[^]*\n\n✅ I agree ✓$/);
    expect(ann.buttons(agreed)).toEqual([]);
  });

  it("stores the moment, the language and the version (a hash of the exact text shown) with the registration", async () => {
    bot = await startTestBot();
    const { clock } = bot;
    const ru = bot.user();
    await ru.command("rsvp");
    const shownRu = consentSent(bot, ru, "Согласие на обработку персональных данных");
    clock.advance(60_000);
    const agreedAt = clock.now();
    await ru.tap("✅ Даю согласие");
    clock.advance(60_000);
    await ru.send("Елена Сим");
    await ru.tap("СМИ");
    await ru.tap("Пропустить ➡️");
    await ru.send("+7 701 765 05 10");
    await ru.tap("✅ Подтвердить");
    const record = (await bot.running.deps.store.rsvps.find(ru.id))!;
    expect(record).toMatchObject({ status: "confirmed", consentLanguage: "ru", consentVersion: versionOf(shownRu) });
    expect(record.consentAt).toEqual(agreedAt);

    const en = bot.user({ languageCode: "en" });
    await registerAfterConsent(en, "Ann Lee");
    const shownEn = consentSent(bot, en, "Consent to the processing of personal data");
    const enRecord = (await bot.running.deps.store.rsvps.find(en.id))!;
    expect(enRecord).toMatchObject({ consentLanguage: "en", consentVersion: versionOf(shownEn) });
    expect(enRecord.consentVersion).not.toBe(record.consentVersion);

    // Changing one's details later keeps the consent as it was given.
    await en.command("rsvp");
    await en.tap("✏️ Change my details");
    await en.tap("✏️ Edit a field");
    await en.tap("Name");
    await en.send("Ann Smith");
    await en.tap("✅ Confirm");
    expect(await bot.running.deps.store.rsvps.find(en.id)).toMatchObject({
      name: "Ann Smith",
      consentVersion: enRecord.consentVersion,
      consentAt: enRecord.consentAt,
    });
  });

  it("shows organisers the version in the export, and who agreed to an earlier text after it changed", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const ann = bot.user({ languageCode: "en" });
    await registerAfterConsent(ann, "Ann Lee");
    await admin.command("export");
    const before = parseCsv(admin.documents().at(-1)!.document!.data!);
    expect(before[0]).toEqual(expect.arrayContaining(["consent_at", "consent_language", "consent_version", "consent_current"]));
    expect(admin.documents().at(-1)?.caption).not.toContain("earlier consent text");

    // The organisers reword the consent and restart the bot on the same data, while Carol reads the old text.
    const carol = bot.user({ languageCode: "en" });
    await carol.command("rsvp");
    await bot.restart({ eventFile: eventWithNewConsentText() });
    await carol.tap("✅ I agree");
    expect(carol.callbackAnswers().at(-1)?.text).toBe("The consent text has changed: please read the new one below.");
    expect(carol.lastText()).toContain("Photos taken at the forum may be published.");
    await carol.tap("✅ I agree");
    expect(carol.lastText()).toContain("full name");
    const bob = bot.user({ languageCode: "en" });
    await bob.command("rsvp");
    expect(bob.lastText()).toContain("Photos taken at the forum may be published.");
    await bob.tap("✅ I agree");
    await bob.send("Bob Ray");
    await bob.tap("Media");
    await bob.tap("Skip ➡️");
    await bob.send("+7 701 765 05 11");
    await bob.tap("✅ Confirm");
    const ru = bot.user();
    await registerAfterConsent(ru, "Елена Сим", RU);

    await admin.command("export");
    const file = admin.documents().at(-1)!;
    expect(file.caption).toContain("1 guest agreed to an earlier consent text");
    const [header, ...rows] = parseCsv(file.document!.data!);
    const row = (id: number) => Object.fromEntries(header!.map((column, i) => [column, rows.find((r) => r[0] === String(id))![i]]));
    const annRow = row(ann.id);
    const bobRow = row(bob.id);
    const versionStored = async (user: TelegramUser) => (await bot!.running.deps.store.rsvps.find(user.id))!.consentVersion;
    expect(annRow).toMatchObject({ consent_language: "en", consent_version: await versionStored(ann), consent_current: "no" });
    expect(bobRow).toMatchObject({ consent_language: "en", consent_version: await versionStored(bob), consent_current: "yes" });
    expect(row(ru.id)).toMatchObject({ consent_language: "ru", consent_current: "yes" });
    expect(annRow.consent_version).toMatch(/^[0-9a-f]{12}$/);
    expect(annRow.consent_version).not.toBe(bobRow.consent_version);
    expect(annRow.consent_at).toMatch(/^2017-11-23 \d{2}:\d{2}:\d{2}\+06:00$/);

    await admin.command("stats");
    const stats = admin.lastText();
    expect(stats).toContain("Consent texts");
    expect(stats).toContain(`${bobRow.consent_version} (en, current text): 1`);
    expect(stats).toContain(`${annRow.consent_version} (en, earlier text): 1 — Ann Lee`);
    expect(stats).not.toContain("Bob Ray");
  });
});

describe("consent before a first idea or contest entry", () => {
  const IDEA = "Велодорожка вдоль проспекта Абая от Достык до Байзакова";

  it("asks once before the first idea: nothing is kept before I agree, Cancel keeps nothing, /forget_me asks again", async () => {
    bot = await startTestBot();
    const users = bot.running.deps.store.users;
    const author = bot.user({ languageCode: "ru" });
    await author.command("idea");
    const [consent] = await author.tap("✍️ Предложить идею");
    expect(consent?.text).toContain("🔒 Перед первой идеей");
    expect(consent?.text).toContain("место на карте смогут увидеть все пользователи бота");
    expect(author.buttons(consent)).toEqual(["✅ Даю согласие", "❌ Отмена"]);
    // Typed before I agree: not kept anywhere, and no form is open.
    await author.send(IDEA);
    expect(await dumpPrefix(bot)).not.toContain("Достык");
    expect(await bot.redis.exists(`${bot.prefix}conversation:${author.id}`)).toBe(0);
    await author.tap("❌ Отмена");
    expect(author.lastText()).toContain("Идеи для города");
    expect(await users.consentOf(author.id, "ideas")).toBeUndefined();

    const [again] = await author.tap("✍️ Предложить идею");
    await author.tap("✅ Даю согласие");
    expect(author.lastText()).toMatch(/^Шаг 1 из 4\. /);
    const agreed = author.messages().find((m) => m.message_id === again!.message_id)!;
    expect(agreed.text).toMatch(/^🔒 Перед первой идеей[^]*\n\n✅ Даю согласие ✓$/);
    expect(author.buttons(agreed)).toEqual([]);
    const given = await users.consentOf(author.id, "ideas");
    expect(given).toEqual({
      at: bot.clock.now().toISOString(),
      language: "ru",
      version: versionOf(consentSent(bot, author, "Перед первой идеей")),
    });
    await author.command("cancel");
    // Agreed once: the next idea opens the form at once.
    await author.command("idea");
    await author.tap("✍️ Предложить идею");
    expect(author.lastText()).toMatch(/^Шаг 1 из 4\. /);
    await author.command("cancel");

    await author.command("forget_me");
    await author.tap(/Да, удалить/);
    expect(await users.consentOf(author.id, "ideas")).toBeUndefined();
  });

  it("asks before a first contest entry, in the user's language, and shows a changed text again", async () => {
    bot = await startTestBot();
    const entrant = bot.user({ languageCode: "kk" });
    await entrant.command("contest");
    const [consent] = await entrant.tap("📤 Өтінімімді жіберу");
    expect(consent?.text).toContain("🔒 Өтінім алдында");
    expect(consent?.text).toContain("Дербес деректер операторы:");
    // A button of an older text: told, and the current text is shown again; nothing is stored.
    await entrant.tapData("contest:agree:0123456789ab", consent!.message_id);
    expect(entrant.callbackAnswers().at(-1)?.text).toBe("Келісім мәтіні өзгерді: төмендегі жаңа мәтінді оқып шығыңыз.");
    expect(entrant.lastText()).toContain("🔒 Өтінім алдында");
    expect(await bot.running.deps.store.users.consentOf(entrant.id, "contest")).toBeUndefined();
    await entrant.tap("✅ Келісемін");
    expect(entrant.lastText()).toMatch(/^1-қадам, барлығы 3\. /);
    expect((await bot.running.deps.store.users.consentOf(entrant.id, "contest"))?.language).toBe("kk");
    // The older message's button once today's text is agreed to: the form opens again, not nothing.
    await entrant.command("cancel");
    await entrant.tapData("contest:agree:0123456789ab", consent!.message_id);
    expect(entrant.lastText()).toMatch(/^1-қадам, барлығы 3\. /);
  });
});

describe("export access", () => {
  it("records who exported the guest list and when, shown in /audit", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en", firstName: "Dana", username: "dana_org" });
    await admin.command("start");
    await registerAfterConsent(bot.user({ languageCode: "en" }), "Ann Lee");
    bot.clock.advance(5 * 60_000);
    await admin.command("export");
    const filename = admin.documents().at(-1)!.document!.filename!;
    const [entry] = await bot.running.deps.store.audit.recent(1);
    expect(entry).toMatchObject({ actor: ADMIN, action: "export", at: bot.clock.now().toISOString() });
    expect(entry!.details).toContain(filename);
    expect(entry!.details).toContain("1 rows");

    await admin.command("audit");
    expect(admin.lastText()).toContain(`23 November 2017, 9:05 — Dana @dana_org (${ADMIN}) — Guest list exported: 1 row`);
  });
});

describe("/privacy", () => {
  it("tells a user what is stored about them, why, for how long and who the controller is, in their language", async () => {
    bot = await startTestBot();
    const ann = bot.user({ languageCode: "en" });
    const bob = bot.user({ languageCode: "en" });
    await ann.command("start");
    await registerAfterConsent(ann, "Ann Lee");
    await registerAfterConsent(bob, "Bob Ray");
    const version = (await bot.running.deps.store.rsvps.find(ann.id))!.consentVersion!;

    await ann.command("privacy");
    const text = ann.lastText();
    expect(text).toContain("Your personal data in this bot");
    expect(text).toContain("Data controller: British Council Kazakhstan");
    expect(text).toContain("elena.sim@kz.britishcouncil.org");
    expect(text).toContain("Registration: name, answers to 2 questions, status, ticket code, dates");
    expect(text).toContain(`consent given 23 November 2017, 9:00 (version ${version}, en)`);
    expect(text).toContain("Ideas: 0");
    expect(text).toContain("28 February 2018"); // 90 days after the event ends
    expect(text).toContain("/forget_me");
    // Their own data only: not even their own values, and nothing of other guests.
    expect(text).not.toContain("Ann Lee");
    expect(text).not.toContain("Bob Ray");

    const ru = bot.user();
    await ru.command("privacy");
    expect(ru.lastText()).toContain("Ваши персональные данные в этом боте");
    expect(ru.lastText()).toContain("Оператор персональных данных: Британский Совет в Казахстане");
    expect(ru.lastText()).toContain("Регистрация: нет");
    const kk = bot.user({ languageCode: "kk" });
    await kk.command("privacy");
    expect(kk.lastText()).toContain("Осы боттағы дербес деректеріңіз");
    expect(kk.lastText()).toContain("Дербес деректер операторы: Қазақстандағы Британ Кеңесі");
  });

  it("names only what the event runs, in /privacy's purposes and in what /forget_me deletes, in ru, kk and en", async () => {
    bot = await startTestBot({ eventFile: eventWith({ contest: undefined, quiz: undefined, feedback: undefined }) });
    const expected = {
      en: {
        why: "So that we can register you and check you in at the entrance, send you news and reminders about the event in your language, collect ideas for the city and answer you.",
        deletes:
          "This deletes your registration (your seat goes to the next person on the waiting list), a form you have not finished, your name on your ideas (the ideas stay, anonymously) and your profile in this bot.",
      },
      ru: {
        why: "Чтобы зарегистрировать вас и отметить на входе, присылать новости и напоминания о мероприятии на вашем языке, собирать идеи для города и отвечать вам.",
        deletes:
          "Будут удалены ваша регистрация (место перейдёт следующему в листе ожидания), незаконченная анкета, ваше имя в ваших идеях (сами идеи останутся анонимно) и ваш профиль в этом боте.",
      },
      kk: {
        why: "Сізді тіркеу және кіреберісте белгілеу, іс-шара туралы жаңалықтар мен еске салғыштарды өз тіліңізде жіберу, қалаға арналған идеяларды жинау және сізге жауап беру үшін.",
        deletes:
          "Сіздің тіркелуіңіз (орныңыз күту тізіміндегі келесі адамға беріледі), аяқталмаған сауалнамаңыз, идеяларыңыздағы атыңыз (идеялардың өзі жасырын түрде қалады) және осы боттағы профиліңіз жойылады.",
      },
    };
    for (const [language, { why, deletes }] of Object.entries(expected)) {
      const user = bot.user({ languageCode: language });
      await user.command("privacy");
      expect(user.lastText(), language).toContain(why);
      await user.command("forget_me");
      expect(user.lastText(), language).toContain(deletes);
    }
  });

  it("answers in the middle of the registration form, which then goes on where it was", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("rsvp");
    await user.tap("✅ I agree");
    await user.send("Dana Omar");
    await user.command("privacy");
    expect(user.lastText()).toContain("Your personal data in this bot");
    await user.tap("Media");
    expect(user.lastText()).toContain("Which organisation are you from?");
  });
});
