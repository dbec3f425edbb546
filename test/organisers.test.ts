import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { startBot } from "../src/app/start.js";
import { parseConfig } from "../src/config.js";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { createStore } from "../src/store/index.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { REDIS_URL, botPerTest, type TestBot } from "./support/harness.js";
import { registerGuest } from "./support/seed.js";
import { until } from "./support/wait.js";
import { enterContestInEnglish, registerInEnglish, openSubmission } from "./support/flows.js";

const ADMIN = 4242;
const startTestBot = botPerTest();
let bot: TestBot | undefined;

describe("organisers see names, not internal ids", () => {
  it("names a broadcast by its first words and a reminder by its text", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("start");
    const texts = { ru: "Завтра в <b>9:00</b> встречаемся у входа в парк Горького", kk: "Ертең 9:00-де", en: "Tomorrow at 9:00" };
    await bot.running.deps.broadcasts.send({ id: "b-171123-0907-x44d", audience: "all", texts, parseMode: "HTML", createdBy: ADMIN });
    // The organiser is in the audience too: the report is the message that ends up saying "завершена".
    const report = () => admin.messages().find((m) => m.text?.includes("завершена"))?.text ?? "";
    await until(report, (text) => text !== "", 10_000);
    expect(report()).toContain("✅ Рассылка «Завтра в 9:00 встречаемся у входа в парк…» завершена");
    expect(report()).not.toContain("b-171123");

    await admin.command("broadcasts");
    expect(admin.lastText()).not.toMatch(/reminder-|b-171123/);
    expect(admin.lastText()).toContain("Рассылка «Завтра в 9:00 встречаемся у входа в парк…»");
    const cancel = admin.buttons().find((label) => label.includes("Напоминание «Завтра в 12:00 заканчивается"));
    expect(cancel).toBe("❌ Отменить: Напоминание «Завтра в 12:00 заканчивается регистрация…»");
    expect(admin.buttons().join("\n")).not.toContain("reminder-");
    await admin.tap(cancel!);
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Отменено: Напоминание «Завтра в 12:00 заканчивается регистрация…».");
  });
});

describe("/audit", () => {
  it("names the people and says what was done in the organiser's language", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru", firstName: "Дана" });
    await admin.command("start");
    const guest = bot.user({ languageCode: "en", firstName: "Aigerim" });
    await registerInEnglish(guest, "Aigerim Saparova");
    const ann = bot.user({ languageCode: "en", firstName: "Ann" });
    await ann.command("start");
    await enterContestInEnglish(ann, "https://www.instagram.com/p/BbWeAlmaty1/");
    const created = await bot.running.deps.store.ideas.create(
      { authorId: guest.id, authorName: "Aigerim", language: "en", category: "bike", text: "A protected bike lane along Abay avenue" },
      { now: bot.clock.now(), day: "x", dailyLimit: 100, publish: false },
    );
    if (!created.ok) throw new Error("not created");

    await admin.command("checkin", (await bot.running.deps.store.rsvps.find(guest.id))!.code);
    await admin.tap("✅ Отметить приход");
    await admin.command("export");
    await admin.tapData(`ideas:as:${created.idea.id}:p:*:*:0`);
    bot.clock.set("2017-11-29T10:00:00+06:00");
    await admin.command("winner");
    await admin.tapData(`contest:w:${ann.id}`);
    await admin.tap("👁 Предпросмотр");
    await admin.tap("✅ Отправить всем");

    // The reply to /audit itself: the winner's announcement may reach the admin just after it.
    const log = (await admin.command("audit")).map((m) => m.text ?? "").join("\n");
    expect(log).toContain("Дана (4242) — Победитель конкурса: Ann; призёров нет");
    expect(log).toContain(`Идея №${created.idea.id} → 📢 опубликована`);
    expect(log).toContain("Выгрузка списка гостей: 1 строка");
    expect(log).toContain("Отметка на входе: Aigerim Saparova");
    expect(log).not.toMatch(/winner|check-in|export|guest \d|\d{4,} —/);
  });
});

describe("/admin", () => {
  it("is a home screen with a button to every tool, each tap checked against the admin list", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("start");
    await admin.command("admin");
    expect(admin.lastText()).toContain("Панель организатора");
    expect(admin.buttons()).toEqual([
      "📊 Статистика",
      "📄 Список гостей (CSV)",
      "🎫 Отметка на входе",
      "💡 Идеи: проверка",
      "🏆 Заявки и жюри",
      "📣 Новая рассылка",
      "📋 Рассылки",
      "🥇 Победитель",
      "❓ Викторина",
      "📝 Отзывы",
      "🧾 Журнал действий",
    ]);
    await admin.tap("📊 Статистика");
    expect(admin.lastText()).toContain("Подтверждено");
    await admin.tap("📄 Список гостей (CSV)");
    expect(admin.lastText()).toContain("Пока никто не зарегистрировался");
    await admin.tap("💡 Идеи: проверка");
    expect(admin.lastText()).toContain("Всего идей: 0");
    await admin.tap("🏆 Заявки и жюри");
    expect(admin.lastText()).toContain("Заявок пока нет");
    await admin.tap("📋 Рассылки");
    expect(admin.lastText()).toContain("Рассылки");
    await admin.tap("❓ Викторина");
    expect(admin.lastText()).toContain("/quiz start");
    await admin.tap("📝 Отзывы");
    expect(admin.lastText()).toContain("Отзывы после мероприятия");
    await admin.tap("🧾 Журнал действий");
    expect(admin.lastText()).toContain("Журнал пуст");
    await admin.tap("📣 Новая рассылка");
    expect(admin.lastText()).toContain("Новая рассылка");
    await admin.command("cancel");

    // Someone else (or an organiser taken off the list) taps a button of that screen: refused, nothing shown.
    const guest = bot.user({ languageCode: "ru" });
    await guest.command("admin");
    expect(guest.lastText()).toBe("Это доступно только организаторам.");
    for (const tool of ["stats", "export", "audit", "broadcasts", "feedback"]) {
      await guest.tapData(`admin:${tool}`);
      expect(guest.callbackAnswers().at(-1)?.text).toBe("Это доступно только организаторам.");
    }
    expect(guest.documents()).toHaveLength(0);
  });
});

describe("check-in mode", () => {
  const guests = [
    { language: "ru", told: "✅ Вы отмечены на входе. Добро пожаловать!" },
    { language: "kk", told: "✅ Кіреберісте келгеніңіз белгіленді. Қош келдіңіз!" },
    { language: "en", told: "✅ You are checked in at the entrance. Welcome!" },
  ];
  it("takes every message as a code until /cancel, and tells each guest they are checked in", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    const people = [];
    for (const { language, told } of guests) {
      const user = bot.user({ languageCode: language });
      const t = (key: string) => bot!.running.deps.i18n.t(language, key);
      await user.command("rsvp");
      await user.tap(t("consent-agree"));
      await user.send("Aigerim Saparova");
      await user.tap({ ru: "СМИ", kk: "БАҚ", en: "Media" }[language]!); // the bundled event file's option
      await user.tap(t("rsvp-skip"));
      await user.tapReply(t("rsvp-share-phone"));
      await user.tap(t("rsvp-confirm"));
      people.push({ user, told, code: (await bot.running.deps.store.rsvps.find(user.id))!.code });
    }
    await admin.command("checkin");
    expect(admin.lastText()).toContain("Режим отметки на входе");
    for (const { user, told, code } of people) {
      await admin.send(code.toLowerCase());
      expect(admin.lastText()).toContain(code);
      await admin.tap("✅ Отметить приход");
      expect(admin.lastText()).toBe("✅ Aigerim Saparova: приход отмечен.");
      expect(user.lastText()).toBe(told);
    }
    await admin.send("HJKM23");
    expect(admin.lastText()).toBe("Регистрации с кодом HJKM23 нет.");
    await admin.send("привет");
    expect(admin.lastText()).toContain("Это не похоже на код");
    await admin.command("cancel");
    expect(admin.lastText()).toBe("Режим отметки на входе выключен.");
    await admin.send(people[0]!.code);
    expect(admin.lastText()).not.toContain("Этот билет уже использован");
    expect((await bot.running.deps.store.rsvps.counts()).checkedIn).toBe(3);
  });
});

describe("/ideas for organisers", () => {
  async function storedIdea(text: string, extra: Record<string, unknown> = {}) {
    const created = await bot!.running.deps.store.ideas.create(
      { authorId: 77, authorName: "Someone", language: "ru", category: "bike", text, ...extra },
      { now: bot!.clock.now(), day: "x", dailyLimit: 100, publish: false },
    );
    if (!created.ok) throw new Error("not created");
    return created.idea;
  }

  it("counts the card within its list, names each button's action, and lists «Все» last", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await storedIdea("Первая идея про велодорожки");
    await storedIdea("Вторая идея про велодорожки");
    await storedIdea("Третья идея про велодорожки", { photo: "AgACphoto", latitude: 43.24, longitude: 76.91 });
    await admin.command("ideas");
    expect(admin.buttons().at(-2)).toBe("Все (3)");
    await admin.tap("🆕 ждёт проверки (3)");
    expect(admin.buttons().at(-3)).toBe("Все категории (3)");
    expect(admin.buttons()[0]).toBe("Пешеходные зоны (0)");
    await admin.tap("Все категории (3)");
    expect(admin.lastText()).toContain("№3 (1 из 3) · 🆕 ждёт проверки");
    expect(admin.buttons()).toEqual(expect.arrayContaining(["📢 Опубликовать", "✅ Отметить: принята", "❌ Отметить: отклонена"]));
    expect(admin.buttons()).toEqual(expect.arrayContaining(["🖼 Показать фото", "📍 Показать на карте"]));
    await admin.tap("✅ Отметить: принята");
    expect(admin.lastText()).toContain("№3 (1 из 3) · ✅ принята");
    await admin.tap("▶️");
    expect(admin.lastText()).toContain("№2 (1 из 2) · 🆕 ждёт проверки");
  });

  it("shows the decision on the moderation card once it is made", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru", firstName: "Дана" });
    await admin.command("start");
    const author = bot.user({ languageCode: "ru" });
    await author.command("idea");
    await openSubmission(author, "✍️ Предложить идею");
    await author.tap("Велодорожки");
    await author.send("Велодорожка вдоль проспекта Абая от Достык до Байзакова");
    await author.tap("Пропустить ➡️");
    await author.tapReply("Пропустить ➡️");
    await author.tap("✅ Отправить");
    const card = admin.lastMessage();
    await admin.tap("✅ Опубликовать");
    const shown = bot.api.message(admin.id, card.message_id)!;
    expect(shown.text).toContain("Велодорожка вдоль проспекта Абая");
    expect(shown.text).toContain("Решение: 📢 опубликована (Дана)");

    // A rejection: the reason is chosen on the question below the card, and the card shows it was decided.
    await author.command("idea");
    await openSubmission(author, "✍️ Предложить идею");
    await author.tap("Велодорожки");
    await author.send("Ещё одна велодорожка, на этот раз по улице Сатпаева");
    await author.tap("Пропустить ➡️");
    await author.tapReply("Пропустить ➡️");
    await author.tap("✅ Отправить");
    const second = admin.lastMessage();
    await admin.tap("❌ Отклонить");
    await admin.tap("Не относится к теме мероприятия.");
    const rejected = bot.api.message(admin.id, second.message_id)!;
    expect(rejected.text).toContain("по улице Сатпаева");
    expect(rejected.text).toContain("Решение: ❌ отклонена (Дана)");
  });
});

describe("the live quiz for organisers", () => {
  it("asks to confirm a start before the event, counts the questions asked, and tells the others it is over", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const { store } = bot.running.deps;
    const ann = bot.user({ languageCode: "ru", firstName: "Ann" });
    const bob = bot.user({ languageCode: "kk", firstName: "Bob" });
    const eve = bot.user({ languageCode: "en", firstName: "Eve" });
    for (const user of [ann, bob, eve]) {
      await store.users.remember(user.user, user.user.language_code!, bot.clock.now());
      await registerGuest(store, user.id, { status: "confirmed", now: bot.clock.now() });
    }
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });

    // A week before the event: a warning and a choice, nothing sent yet.
    await admin.command("quiz", "start");
    expect(admin.lastText()).toContain("⚠️ Мероприятие ещё не началось");
    expect(admin.buttons()).toEqual(["▶️ Всё равно начать", "❌ Отмена"]);
    await admin.tap("❌ Отмена");
    expect(admin.lastText()).toBe("Викторина не начата.");
    expect(await store.quiz.state()).toBeUndefined();
    expect(ann.messages()).toEqual([]);
    await admin.command("quiz", "start");
    await admin.tap("▶️ Всё равно начать");
    expect(admin.lastText()).toContain("Викторина началась");
    await until(() => [ann, bob, eve].every((p) => p.messages().length === 1), Boolean);

    const questions = bot.event.quiz!.questions;
    const answer = (user: typeof ann, q: number, option: number) =>
      user.tapData(`quiz:a:${q}:${option}`, user.messages().at(-1)!.message_id);
    const wrong = (q: number) => (questions[q]!.answer + 1) % questions[q]!.options.length;
    await answer(ann, 0, questions[0]!.answer);
    await answer(bob, 0, wrong(0));
    await admin.tap("➡️ Следующий вопрос");
    await until(() => [ann, bob, eve].every((p) => p.messages().length === 2), Boolean);
    await answer(ann, 1, questions[1]!.answer);
    await answer(bob, 1, wrong(1));
    await admin.command("quiz", "end");
    expect(admin.lastText()).toMatch(/1\. Ann — верно 2 из 2, /);
    await until(() => ann.messages().some((m) => m.text?.includes("Поздравляем")), Boolean);
    expect(ann.messages().find((m) => m.text?.includes("Поздравляем"))?.text).toContain("верных ответов 2 из 2");
    await until(() => [bob, eve].every((p) => p.messages().length === 3), Boolean);
    // A player who answered learns their score; one who did not, only that it is over, with no thanks for playing.
    expect(bob.lastText()).toBe(
      "🏁 Викторина аяқталды: дұрыс жауаптарыңыз — 0/2. Ойынға қатысқаныңызға рақмет! Жеңімпаздарға бот жеке хабарлама жіберді.",
    );
    expect(eve.lastText()).toBe("🏁 The quiz is over. The winners have each had a message from the bot.");
    expect(ann.messages().filter((m) => m.text?.startsWith("🏁"))).toEqual([]);
  });
});

describe("/winner for organisers", () => {
  it("warns before the contest deadline, and can be cancelled at every step", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const ann = bot.user({ languageCode: "en", firstName: "Ann" });
    await ann.command("start");
    await enterContestInEnglish(ann, "https://www.instagram.com/p/BbWeAlmaty1/");
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("start");

    await admin.command("winner");
    expect(admin.lastText()).toContain("⚠️ Приём заявок ещё открыт до 28 ноября 2017, 23:59");
    expect(admin.buttons()).toEqual(["▶️ Всё равно выбрать", "❌ Отмена"]);
    await admin.tap("❌ Отмена");
    expect(admin.lastText()).toBe("Победитель не выбран, ничего не отправлено.");

    await admin.command("winner");
    await admin.tap("▶️ Всё равно выбрать");
    expect(admin.lastText()).toContain("Выберите победителя");
    expect(admin.buttons().at(-1)).toBe("❌ Отмена");
    await admin.tapData(`contest:w:${ann.id}`);
    expect(admin.lastText()).toContain("Победитель: Ann");
    expect(admin.buttons().at(-1)).toBe("❌ Отмена");
    await admin.tap("👁 Предпросмотр");
    expect(admin.buttons()).toContain("❌ Отмена");
    await admin.tap("❌ Отмена");
    expect(admin.lastText()).toBe("Победитель не выбран, ничего не отправлено.");
    expect(admin.buttons()).toEqual([]);
    await admin.tapData("contest:ws");
    expect(admin.lastText()).toContain("/winner");
    expect(await bot.running.deps.store.contest.announcement()).toBeUndefined();

    // After the deadline no warning: straight to the choice.
    bot.clock.set("2017-11-29T10:00:00+06:00");
    await admin.command("winner");
    expect(admin.lastText()).toContain("Выберите победителя");
  });
});

describe("admins who never started the bot", () => {
  it("are named (by id) in a warning at start-up, since Telegram lets the bot send them nothing", async () => {
    const api = await FakeBotApi.start({ handledWhen: "reported" });
    const prefix = `test:${randomUUID()}:`;
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    const event = loadEvent(BUNDLED_EVENT_FILE);
    const store = createStore(redis, prefix);
    await store.users.remember({ id: 5001, first_name: "Dana" }, "ru", new Date());
    const lines: Array<{ level: number; msg: string; admin_ids?: number[] }> = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const config = parseConfig({
      BOT_TOKEN: api.token,
      BOT_API_ROOT: api.apiRoot,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      ADMIN_IDS: "5001,5002,5003",
      LOG_LEVEL: "silent",
    });
    const running = await startBot(config, event, logger, { redis, onUpdateHandled: (id) => api.reportHandled(id) });
    try {
      const warning = lines.find((line) => line.level === 40 && line.admin_ids);
      expect(warning?.admin_ids).toEqual([5002, 5003]);
      expect(warning?.msg).toContain("never started the bot");
      expect(JSON.stringify(lines)).not.toContain("Dana");
    } finally {
      await running.stop();
      await deleteKeysWithPrefix(redis, prefix);
      await redis.quit();
      await api.close();
    }
  });
});
