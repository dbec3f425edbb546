import { describe, expect, it } from "vitest";
import { EventFileError, parseEvent } from "../src/event/load.js";
import { parseCsv } from "./support/csv.js";
import { dumpKeys } from "./support/redis-dump.js";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;
const ADMIN = 7001;

type Lang = "ru" | "kk" | "en";
const DISTRICT = { ru: "В каком районе вы живёте?", kk: "Қай ауданда тұрасыз?", en: "Which district do you live in?" };
const ALMALY = { ru: "Алмалинский", kk: "Алмалы", en: "Almaly" };
const BOSTANDYK = { ru: "Бостандыкский", kk: "Бостандық", en: "Bostandyk" };
const TOPIC = { ru: "Какая тема вам интереснее всего?", kk: "Сізге қай тақырып қызық?", en: "Which topic interests you most?" };
const AGE = { ru: "Сколько вам лет?", kk: "Жасыңыз нешеде?", en: "How old are you?" };
const FORMATS = { ru: "В чём хотите участвовать?", kk: "Неге қатысқыңыз келеді?", en: "What would you join?" };
const TALKS = { ru: "Доклады", kk: "Баяндамалар", en: "Talks" };
const WALK = { ru: "Прогулка", kk: "Серуен", en: "A walk" };
const WORKSHOP = { ru: "Мастерская", kk: "Шеберхана", en: "A workshop" };

/** The bundled event with the organisers' own questions instead of the bundled ones. */
const customEvent = () =>
  eventWith({
    rsvp: {
      questions: [
        {
          id: "district",
          type: "choice",
          label: DISTRICT,
          options: [
            { id: "almaly", label: ALMALY },
            { id: "bostandyk", label: BOSTANDYK },
          ],
        },
        { id: "topic", type: "text", label: TOPIC, required: false, max: 30 },
        { id: "age", type: "number", label: AGE, min: 14, max: 120 },
        {
          id: "formats",
          type: "multi",
          label: FORMATS,
          max: 2,
          options: [
            { id: "talks", label: TALKS },
            { id: "walk", label: WALK },
            { id: "workshop", label: WORKSHOP },
          ],
        },
      ],
    },
  });

/** A guest speaking `lang` who agreed and gave a name: the form is at the event file's first question. */
async function guestAtFirstQuestion(lang: Lang) {
  const t = (key: string, vars?: Record<string, string | number>) => bot!.running.deps.i18n.t(lang, key, vars);
  const guest = bot!.user({ languageCode: lang });
  await guest.command("rsvp");
  await guest.tap(t("consent-agree"));
  await guest.send("Ann Lee");
  return { t, guest };
}

describe("registration questions from the event file", () => {
  for (const lang of ["ru", "kk", "en"] as Lang[]) {
    it(`asks them, refuses wrong answers, shows and edits them in the summary, exports and counts them, in ${lang}`, async () => {
      bot = await startTestBot({ eventFile: customEvent(), adminIds: [ADMIN] });
      const t = (key: string, vars?: Record<string, string | number>) => bot!.running.deps.i18n.t(lang, key, vars);
      const rsvps = bot.running.deps.store.rsvps;
      const ann = bot.user({ languageCode: lang });
      await ann.command("rsvp");
      await ann.tap(t("consent-agree"));
      await ann.send("Aigerim Saparova");

      // The choice: its options as buttons, a typed answer that names none of them refused.
      expect(ann.lastText()).toContain(t("form-step", { number: 2, total: 5 }).replace(/<\/?b>/g, ""));
      expect(ann.lastText()).toContain(DISTRICT[lang]);
      expect(ann.buttons()).toEqual([ALMALY[lang], BOSTANDYK[lang], t("form-cancel")]);
      await ann.send("42");
      expect(ann.lastText()).toBe(`✋ ${t("form-use-buttons")}`);
      // The hint comes below the question that holds the buttons: it must not send the eye further down.
      expect(ann.lastText()).not.toMatch(/below|ниже|Төмендегі/i);
      await ann.tap(BOSTANDYK[lang]);

      // The optional text: Skip offered, too long refused.
      expect(ann.lastText()).toContain(TOPIC[lang]);
      expect(ann.buttons()).toContain(t("rsvp-skip"));
      await ann.send("x".repeat(31));
      expect(ann.lastText()).toContain(t("form-too-long", { length: 31, max: 30 }));
      await ann.sendSticker();
      expect(ann.lastText()).toBe(`✋ ${t("form-text-expected")}`);
      await ann.send("Bike lanes");

      // The number: not a number, out of range, then right.
      expect(ann.lastText()).toContain(`${AGE[lang]}\n${t("rsvp-number-between", { min: 14, max: 120, whole: "no" })}`);
      await ann.send("thirty");
      expect(ann.lastText()).toBe(`✋ ${t("rsvp-error-number-range", { min: 14, max: 120 })}`);
      await ann.send("7");
      expect(ann.lastText()).toBe(`✋ ${t("rsvp-error-number-range", { min: 14, max: 120 })}`);
      await ann.send("30");

      // The multi: says it takes at most 2 of the 3, toggles in place, Done.
      expect(ann.lastText()).toContain(FORMATS[lang]);
      expect(ann.lastText()).toContain(t("rsvp-multi-at-most", { max: 2 }));
      const question = ann.lastMessage().message_id;
      await ann.tap(TALKS[lang]);
      await ann.tap(WORKSHOP[lang]);
      expect(ann.lastMessage().message_id).toBe(question);
      expect(ann.buttons()).toEqual(expect.arrayContaining([`✅ ${TALKS[lang]}`, WALK[lang], `✅ ${WORKSHOP[lang]}`]));
      await ann.tap(WALK[lang]);
      expect(ann.callbackAnswers().at(-1)?.text).toBe(`✋ ${t("rsvp-error-multi-max", { max: 2 }).replace(/<[^>]+>/g, "")}`);
      expect(ann.buttons()).not.toContain(`✅ ${WALK[lang]}`);
      await ann.tap(`✅ ${TALKS[lang]}`);
      await ann.tap(WALK[lang]);
      // A text naming no option is told how a multi is answered, not "choose one" (labels typed: test/forms).
      await ann.send(`${TALKS[lang]} 42`);
      expect(ann.lastText()).toBe(`✋ ${t("rsvp-multi-use-buttons")}`);
      expect(ann.lastText()).toContain(t("rsvp-multi-done").replace("✔️ ", ""));
      await ann.sendSticker();
      expect(ann.lastText()).toBe(`✋ ${t("rsvp-multi-use-buttons")}`);
      await ann.tap(t("rsvp-multi-done"));
      expect(ann.messages().find((m) => m.message_id === question)?.text).toContain(`${WALK[lang]}; ${WORKSHOP[lang]}`);

      // The summary: every answer by its label; an edit there works.
      const line = (label: string, answer: string) => t("rsvp-answer-line", { label, answer });
      expect(ann.lastText()).toContain(line(DISTRICT[lang], BOSTANDYK[lang]));
      expect(ann.lastText()).toContain(line(TOPIC[lang], "Bike lanes"));
      expect(ann.lastText()).toContain(line(AGE[lang], "30"));
      expect(ann.lastText()).toContain(line(FORMATS[lang], `${WALK[lang]}; ${WORKSHOP[lang]}`));
      expect(await rsvps.find(ann.id)).toBeUndefined();
      await ann.tap(t("rsvp-edit"));
      await ann.tap(DISTRICT[lang]);
      await ann.tap(ALMALY[lang]);
      expect(ann.lastText()).toContain(line(DISTRICT[lang], ALMALY[lang]));
      await ann.tap(t("rsvp-edit"));
      await ann.tap(TOPIC[lang]);
      await ann.tap(t("rsvp-skip"));
      expect(ann.lastText()).toContain(line(TOPIC[lang], t("rsvp-not-answered")));
      // The question keeps what its answer is, not the Skip button's label.
      const skippedQuestion = ann.messages().at(-2)?.text ?? "";
      expect(skippedQuestion).toContain(TOPIC[lang]);
      expect(skippedQuestion).toContain(t("form-chosen", { choice: t("rsvp-not-answered") }));
      await ann.tap(t("rsvp-confirm"));
      expect((await rsvps.find(ann.id))?.answers).toEqual({ district: "almaly", age: "30", formats: "walk,workshop" });

      const bob = bot.user({ languageCode: lang });
      await bob.command("rsvp");
      await bob.tap(t("consent-agree"));
      await bob.send("Bob Ray");
      await bob.tap(ALMALY[lang]);
      await bob.send("Parks");
      await bob.send("41,5");
      await bob.tap(t("rsvp-multi-done"));
      expect(bob.callbackAnswers().at(-1)?.text).toBe(`✋ ${t("rsvp-error-multi-min", { min: 1 }).replace(/<[^>]+>/g, "")}`);
      await bob.tap(TALKS[lang]);
      await bob.tap(t("rsvp-multi-done"));
      await bob.tap(t("rsvp-confirm"));
      expect((await rsvps.find(bob.id))?.answers).toEqual({ district: "almaly", topic: "Parks", age: "41.5", formats: "talks" });

      // "My registration" shows the answers too.
      await bob.command("rsvp");
      expect(bob.lastText()).toContain(line(TOPIC[lang], "Parks"));
      // A number reads in the language's decimals there (the export keeps it as stored).
      expect(bob.lastText()).toContain(line(AGE[lang], { en: "41.5", ru: "41,5", kk: "41,5" }[lang]));

      // The export: a column per question in the file's order, labels in the organiser's language.
      const admin = bot.user({ id: ADMIN, languageCode: lang });
      await admin.command("export");
      const [header, ...rows] = parseCsv(admin.documents().at(-1)!.document!.data!);
      expect(header!.slice(3, 9)).toEqual(["name", DISTRICT[lang], TOPIC[lang], AGE[lang], FORMATS[lang], "language"]);
      const row = (id: number) => rows.find((r) => r[0] === String(id))!.slice(3, 8);
      expect(row(ann.id)).toEqual(["Aigerim Saparova", ALMALY[lang], "", "30", `${WALK[lang]}; ${WORKSHOP[lang]}`]);
      expect(row(bob.id)).toEqual(["Bob Ray", ALMALY[lang], "Parks", "41.5", TALKS[lang]]);

      // /stats: a count per option of the choice and the multi.
      await admin.command("stats");
      const stats = admin.lastText();
      expect(stats).toContain(`${DISTRICT[lang]}`);
      expect(stats).toContain(`${ALMALY[lang]}: 2\n${BOSTANDYK[lang]}: 0`);
      expect(stats).toContain(`${TALKS[lang]}: 1\n${WALK[lang]}: 1\n${WORKSHOP[lang]}: 1`);
      expect(stats).not.toContain(TOPIC[lang]);
      // and the sum and average of the number (30 and 41.5), in the language's decimals.
      const numbers = {
        en: "Total: 71.5 · average: 35.8 · answers: 2",
        ru: "Сумма: 71,5 · в среднем: 35,8 · ответов: 2",
        kk: "Барлығы: 71,5 · орташа: 35,8 · жауап саны: 2",
      };
      expect(stats).toContain(`${AGE[lang]} `);
      expect(stats).toContain(numbers[lang]);
      expect(bot.errors()).toEqual([]);
    });
  }

  it("gives examples and bounds a number and a multi question take", async () => {
    const eventFile = eventWith({
      rsvp: {
        questions: [
          { id: "age", type: "number", whole: true, min: 14, max: 99, label: { en: "Your age?" } },
          { id: "guests", type: "number", whole: true, label: { en: "How many seats?" } },
          { id: "size", type: "number", label: { en: "Your shoe size?" } },
          {
            id: "topics",
            type: "multi",
            min: 2,
            label: { en: "Which topics?" },
            options: ["trees", "benches", "light"].map((id) => ({ id, label: { en: id } })),
          },
          {
            id: "pick",
            type: "multi",
            min: 2,
            max: 2,
            label: { en: "Pick two" },
            options: [
              { id: "a", label: { en: "A" } },
              { id: "b", label: { en: "B" } },
              { id: "c", label: { en: "C" } },
            ],
          },
          {
            id: "any",
            type: "multi",
            label: { en: "Any of these?" },
            options: [
              { id: "x", label: { en: "X" } },
              { id: "y", label: { en: "Y" } },
            ],
          },
        ],
      },
    });
    bot = await startTestBot({ eventFile });
    const ann = bot.user({ languageCode: "en" });
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.send("Ann Lee");
    // The bounds are said with the question, not only after a wrong answer.
    expect(ann.lastText()).toContain("Your age?\nA whole number from 14 to 99.");
    await ann.send("12.5");
    expect(ann.lastText()).toBe("✋ Please send a whole number, without a fraction, e.g. 14.");
    await ann.send("twelve");
    expect(ann.lastText()).toBe("✋ Please send a number from 14 to 99.");
    await ann.send("30");
    expect(ann.lastText()).toContain("How many seats?\nA whole number.");
    await ann.send("1.5");
    expect(ann.lastText()).toBe("✋ Please send a whole number, without a fraction, e.g. 2.");
    await ann.send("3");
    expect(ann.lastText()).not.toContain("A number");
    await ann.send("big");
    expect(ann.lastText()).toBe("✋ Please send a number, e.g. 25.");
    await ann.send("-38,5");
    expect(ann.lastText()).toBe("✋ Please send a number of at least 0.");
    await ann.send("38,5");
    expect(ann.lastText()).toContain("Which topics?\nTap the options to mark them ✅, then “Done”.\nChoose at least 2.");
    await ann.tap("trees");
    await ann.tap("light");
    await ann.tap("✔️ Done");
    expect(ann.lastText()).toContain("Pick two\nTap the options to mark them ✅, then “Done”.\nChoose 2.");
    await ann.tap("A");
    await ann.tap("C");
    await ann.tap("✔️ Done");
    expect(ann.lastText()).toMatch(/Any of these\?\nTap the options to mark them ✅, then “Done”\.$/);
    await ann.tap("Y");
    await ann.tap("✔️ Done");
    await ann.tap("✅ Confirm");
    expect((await bot.running.deps.store.rsvps.find(ann.id))?.answers).toEqual({
      age: "30",
      guests: "3",
      size: "38.5",
      topics: "trees,light",
      pick: "a,c",
      any: "y",
    });
    expect(bot.errors()).toEqual([]);
  });

  it("asks yes/no, e-mail and an optional phone with Skip, and erases phone and e-mail answers with the person", async () => {
    const eventFile = eventWith({
      rsvp: {
        questions: [
          { id: "first", type: "yes_no", label: { en: "Is it your first forum?" } },
          { id: "mail", type: "email", label: { en: "Your e-mail?" } },
          { id: "phone", type: "phone", label: { en: "Your phone?" }, required: false },
        ],
      },
    });
    bot = await startTestBot({ eventFile, adminIds: [ADMIN] });
    const ann = bot.user({ languageCode: "en" });
    await ann.command("rsvp");
    await ann.tap("✅ I agree");
    await ann.send("Ann Lee");
    expect(ann.buttons()).toEqual(["Yes", "No", "❌ Cancel"]);
    await ann.tap("Yes");
    await ann.send("ann@");
    expect(ann.lastText()).toContain("does not look like an e-mail address");
    await ann.send("Ann@Example.ORG");
    expect(ann.replyKeyboard()?.flat()).toEqual(["📱 Share my phone", "Skip ➡️", "❌ Cancel"]);
    await ann.send("12");
    expect(ann.lastText()).toContain("does not look like a phone number");
    await ann.tapReply("Skip ➡️");
    // The note that removes the keyboard says what the summary says: no phone, not "Saved".
    expect(ann.messages().at(-2)?.text).toBe("not given ✓");
    expect(ann.lastText()).toContain("Your phone? — not given");
    await ann.tap("✏️ Edit a field");
    await ann.tap("Your phone?");
    await ann.tapReply("📱 Share my phone");
    // Read in groups (+7 700 000 12 34), stored and exported as E.164.
    expect(ann.lastText()).toContain(`Your phone? — ${ann.phoneShown}`);
    await ann.tap("✅ Confirm");
    expect((await bot.running.deps.store.rsvps.find(ann.id))?.answers).toEqual({
      first: "yes",
      mail: "Ann@example.org",
      phone: ann.phoneNumber,
    });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("stats");
    expect(admin.lastText()).toContain("Is it your first forum?</b> (confirmed)\nYes: 1\nNo: 0".replace("</b>", ""));
    // Without plus-ones, people are registrations: no second count of them.
    expect(admin.lastText()).not.toContain("People (with companions)");

    await ann.command("forget_me");
    await ann.tap("🗑 Yes, delete my data");
    const dump = JSON.stringify(await dumpKeys(bot.redis, bot.prefix));
    expect(await bot.running.deps.store.rsvps.find(ann.id)).toBeUndefined();
    expect(dump).not.toContain("Ann@example.org");
    expect(dump).not.toContain(ann.phoneNumber);
    expect(bot.logs().join("\n")).not.toContain("Ann@example.org");
  });

  it("takes whole numbers only where the question says `whole`, and none below 0 without a `min`, in ru, kk and en", async () => {
    const label = { ru: "Сколько друзей придут с вами?", kk: "Қанша досыңыз келеді?", en: "How many friends come with you?" };
    const eventFile = eventWith({ rsvp: { questions: [{ id: "friends", type: "number", label, max: 3, whole: true }] } });
    bot = await startTestBot({ eventFile });
    for (const lang of ["ru", "kk", "en"] as const) {
      const { t, guest } = await guestAtFirstQuestion(lang);
      const bounds = { ru: "Целое число от 0 до 3.", kk: "0–3 аралығындағы бүтін сан.", en: "A whole number from 0 to 3." };
      expect(guest.lastText()).toContain(`${label[lang]}\n${bounds[lang]}`);
      // The file's bounds are never negative: a count below 0 is a slip.
      await guest.send("-1");
      expect(guest.lastText()).toBe(`✋ ${t("rsvp-error-number-range", { min: 0, max: 3 })}`);
      await guest.send("2,5");
      expect(guest.lastText()).toBe(`✋ ${t("rsvp-error-number-whole", { example: 2 })}`);
      await guest.send("2");
      expect(guest.lastText()).toContain(t("rsvp-answer-line", { label: label[lang], answer: "2" }));
      await guest.tap(t("rsvp-confirm"));
      expect((await bot.running.deps.store.rsvps.find(guest.id))?.answers).toEqual({ friends: "2" });
    }
  });

  it("marks a skipped optional multi question as not given, as the summary reads, in ru, kk and en", async () => {
    const eventFile = eventWith({
      rsvp: {
        questions: [
          {
            id: "formats",
            type: "multi",
            label: FORMATS,
            required: false,
            options: [
              { id: "walk", label: WALK },
              { id: "talks", label: TALKS },
            ],
          },
        ],
      },
    });
    bot = await startTestBot({ eventFile });
    for (const lang of ["ru", "kk", "en"] as const) {
      const { t, guest } = await guestAtFirstQuestion(lang);
      await guest.tap(t("rsvp-skip"));
      const question = guest.messages().find((m) => m.text?.includes(FORMATS[lang]))?.text ?? "";
      expect(question).toContain(t("form-chosen", { choice: t("rsvp-not-answered") }));
      expect(question).not.toContain(t("form-chosen", { choice: t("rsvp-skip") }));
      expect(guest.lastText()).toContain(t("rsvp-answer-line", { label: FORMATS[lang], answer: t("rsvp-not-answered") }));
    }
  });

  it("erases text, e-mail and phone answers at retention and keeps the choices", async () => {
    bot = await startTestBot({ eventFile: customEvent() });
    const { store, event } = bot.running.deps;
    const now = bot.clock.now();
    const identity = { newCode: () => "ABC234", newToken: () => "t".repeat(22) };
    const details = { name: "Ann Lee", answers: { district: "almaly", topic: "Near my house", age: "30" }, language: "en", consentAt: now };
    await store.rsvps.register(1, details, { now, identity });
    for (const eraser of bot.running.deps.personalData) await eraser.eraseAll(bot.running.deps);
    const record = (await store.rsvps.find(1))!;
    expect(record.name).toBe("");
    expect(record.answers).toEqual({ district: "almaly", age: "30" });
    expect(event.rsvp.questions.map((q) => q.id)).toEqual(["district", "topic", "age", "formats"]);
  });

  it("reads registrations stored before the questions came from the event file as the bundled file's answers", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    // The event's keys (src/store/keys.ts: under event:<id>:).
    const scope = `${bot.prefix}event:${bot.event.id}:`;
    const key = `${scope}rsvp:guest:4242`;
    const at = bot.clock.now().toISOString();
    await bot.redis.hset(key, { userId: "4242", status: "confirmed", code: "QWE234", token: "o".repeat(22), name: "Old Guest" });
    await bot.redis.hset(key, {
      sector: "academia",
      organisation: "KBTU",
      phone: "+77017650510",
      language: "en",
      createdAt: at,
      consentAt: at,
    });
    await bot.redis.zadd(`${scope}rsvp:guests`, 1, "4242");
    await bot.redis.set(`${scope}rsvp:code:QWE234`, "4242");
    await bot.redis.zadd(`${scope}rsvp:status:confirmed`, 1, "4242");
    expect((await bot.running.deps.store.rsvps.find(4242))?.answers).toEqual({
      sector: "academia",
      organisation: "KBTU",
      contact: "+77017650510",
    });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("export");
    const [header, row] = parseCsv(admin.documents().at(-1)!.document!.data!);
    const cells = Object.fromEntries(header!.map((column, i) => [column, row![i]]));
    expect(cells).toMatchObject({
      name: "Old Guest",
      "Which sector do you represent?": "Academia",
      "Which organisation are you from?": "KBTU",
      "How can the organisers reach you?": "+77017650510",
    });
    await admin.command("stats");
    expect(admin.lastText()).toContain("Academia: 1");
    await admin.command("checkin", "QWE234");
    expect(admin.lastText()).toContain("Which organisation are you from? — KBTU");
  });
});

describe("the event file's questions are checked at start", () => {
  const base = (questions: string) => `
id: test-event
timezone: Asia/Almaty
languages: [en]
title: Test
summary: Test
starts: "2030-01-01T10:00"
ends: "2030-01-01T12:00"
venue: { name: Hall, address: Street 1, latitude: 43.2, longitude: 76.9 }
rsvp:
  deadline: "2029-12-31T12:00"
  questions:
${questions}
`;
  const problems = (questions: string) => {
    try {
      parseEvent(base(questions), "my-event.yaml");
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(EventFileError);
      expect((error as Error).message).toContain("my-event.yaml");
      return (error as EventFileError).problems;
    }
  };

  it("takes a valid list", () => {
    const event = parseEvent(
      base(`    - { id: district, type: choice, label: District, options: [{ id: a, label: A }] }
    - { id: topic, type: text, label: Topic, required: false, max: 300 }`),
    );
    expect(event.rsvp.questions.map((q) => [q.id, q.required])).toEqual([
      ["district", true],
      ["topic", false],
    ]);
  });

  it("refuses repeated ids, a choice without options and other mistakes, each with its path", () => {
    expect(
      problems(`    - { id: topic, type: text, label: Topic }
    - { id: topic, type: number, label: Age }`),
    ).toEqual(['rsvp.questions.1.id: question id "topic" is used twice']);
    expect(problems(`    - { id: district, type: choice, label: District }`)).toEqual([
      "rsvp.questions.0.options: a choice question needs options",
    ]);
    expect(problems(`    - { id: formats, type: multi, label: Formats, options: [] }`)).toEqual([
      "rsvp.questions.0.options: a multi question needs options",
    ]);
    expect(problems(`    - { id: d, type: choice, label: D, options: [{ id: a, label: A }, { id: a, label: B }] }`)).toEqual([
      'rsvp.questions.0.options.1.id: option id "a" is used twice',
    ]);
    expect(problems(`    - { id: x, type: yes_no, label: X, options: [{ id: a, label: A }], max: 3 }`)).toEqual([
      "rsvp.questions.0.options: only choice and multi questions have options",
      "rsvp.questions.0.max: only text, number and multi questions take min and max",
    ]);
    expect(problems(`    - { id: Bad Id, type: date, label: X }`)).toEqual([
      "rsvp.questions.0.id: expected a short id of a-z, 0-9, _ or -",
      expect.stringMatching(/^rsvp\.questions\.0\.type: /),
    ]);
    expect(problems(`    - { id: t, type: text, label: T, whole: true }`)).toEqual([
      "rsvp.questions.0.whole: only number questions take `whole`",
    ]);
    expect(problems(`    - { id: t, type: text, label: T, min: 10, max: 5 }`)).toEqual([
      "rsvp.questions.0.min: `min` must not exceed `max`",
    ]);
  });
});
