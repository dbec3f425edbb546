import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import type { BotDeps } from "../src/bot/context.js";
import type { SystemJobHandler } from "../src/delivery/engine.js";
import { feedbackJobName, scheduleFeedbackJobs } from "../src/features/feedback/jobs.js";
import { feedbackPersonalData } from "../src/features/feedback/index.js";
import { feedbackAt } from "../src/features/feedback/rules.js";
import { eraseEventPersonalData } from "../src/features/privacy/retention.js";
import { parseCsv } from "./support/csv.js";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import { registerGuest } from "./support/seed.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./broadcast-helpers.js";

const ADMIN = 4301;
const ADMIN_RU = 4302;
const startTestBot = botPerTest({ adminIds: [ADMIN, ADMIN_RU] });

/** The survey's job as the bot schedules it: its name, moment and handler, run by the test on the test clock. */
async function feedbackJob(bot: TestBot, deps: BotDeps = bot.running.deps) {
  const jobs: Array<{ name: string; at: Date; handler: SystemJobHandler }> = [];
  await scheduleFeedbackJobs(
    {
      scheduleSystemJob: async (name, at, handler) => void jobs.push({ name, at, handler }),
      repeatSystemJob: async () => undefined,
    },
    deps,
  );
  // As the engine's: no auto-retry, so the job meets Telegram's 429s itself.
  const api = new Api(bot.api.token, { apiRoot: bot.api.apiRoot });
  return {
    jobs,
    run: async (index = 0) => {
      if (bot.clock.now() < jobs[index]!.at) bot.clock.set(jobs[index]!.at);
      await jobs[index]!.handler(api);
    },
  };
}

interface Guests {
  en: TelegramUser;
  ru: TelegramUser;
  kk: TelegramUser;
  skipper: TelegramUser;
  noShow: TelegramUser;
  cancelled: TelegramUser;
  stranger: TelegramUser;
}

/** Guests who started the bot: four checked in at the door, one confirmed who never came, one who cancelled, one never registered. */
async function seedGuests(bot: TestBot): Promise<Guests> {
  const { store } = bot.running.deps;
  const now = bot.clock.now();
  const make = async (languageCode: string) => {
    const user = bot.user({ languageCode });
    await user.command("start");
    return user;
  };
  const guests: Guests = {
    en: await make("en"),
    ru: await make("ru"),
    kk: await make("kk"),
    skipper: await make("en"),
    noShow: await make("en"),
    cancelled: await make("en"),
    stranger: await make("en"),
  };
  const languageOf = { en: "en", ru: "ru", kk: "kk", skipper: "en", noShow: "en", cancelled: "en" } as const;
  for (const [name, language] of Object.entries(languageOf)) {
    await registerGuest(store, guests[name as keyof Guests].id, { status: "confirmed", now, language });
  }
  await store.rsvps.cancel(guests.cancelled.id, now, "withdrawn", undefined);
  for (const guest of [guests.en, guests.ru, guests.kk, guests.skipper]) await store.rsvps.checkIn(guest.id, ADMIN, now);
  for (const guest of Object.values(guests)) guest.markSeen();
  return guests;
}

const texts = (user: TelegramUser) => user.newMessages().map((m) => m.text ?? m.caption ?? "");

describe("feedback after the event", () => {
  it("is scheduled at ends + after (2h by default) under a name of its event", async () => {
    const bot = await startTestBot({ eventFile: eventWith({ feedback: { after: undefined } }) });
    const { jobs } = await feedbackJob(bot);
    expect(jobs.map((job) => job.name)).toEqual([feedbackJobName(bot.event.id)]);
    expect(jobs[0]!.at).toEqual(new Date(bot.event.endsAt.getTime() + 2 * 3_600_000));
    expect(feedbackAt(bot.event)).toEqual(jobs[0]!.at);
    // Without a feedback section nothing is scheduled.
    const none = await feedbackJob(bot, { ...bot.running.deps, event: { ...bot.event, feedback: undefined } });
    expect(none.jobs).toEqual([]);
  });

  it("sends checked-in guests the survey once, confirmed no-shows the noShow text, and nobody else anything", async () => {
    const bot = await startTestBot();
    const guests = await seedGuests(bot);
    const job = await feedbackJob(bot);
    // Two processes running the job at once.
    await Promise.all([job.run(), job.run()]);

    for (const guest of [guests.en, guests.skipper]) {
      expect(texts(guest)).toEqual([expect.stringContaining("How was it?")]);
      expect(guest.buttons()).toEqual(["▶️ Start", "Not now"]);
    }
    expect(texts(guests.ru)).toEqual([expect.stringContaining("Как всё прошло?")]);
    expect(guests.ru.buttons()).toEqual(["▶️ Начать", "Не сейчас"]);
    expect(texts(guests.kk)).toEqual([expect.stringContaining("Қалай өтті?")]);

    // The no-show: the event file's text, the event's links and the ideas; no survey.
    expect(texts(guests.noShow)).toEqual([expect.stringContaining("We're sorry we missed you at the forum!")]);
    expect(guests.noShow.buttons()).toEqual(["Facebook: МыАлматы. БізАлматымыз. WeAlmaty", "Instagram: WeAlmaty", "💡 Propose an idea"]);
    expect(guests.noShow.keyboard()[0]![0]).toMatchObject({ url: "https://www.facebook.com/wealmaty/" });
    expect(guests.noShow.newMessages()).toHaveLength(1);
    await guests.noShow.tapData("fb:start");
    expect(guests.noShow.callbackAnswers().at(-1)?.text).toBe("This survey is for guests who were at the event.");

    expect(guests.cancelled.newMessages()).toEqual([]);
    expect(guests.stranger.newMessages()).toEqual([]);

    // The job again, and again after a restart (the real queue fires it at once): nothing is sent twice.
    const sentBefore = bot.api.callsTo("sendMessage").length;
    await job.run();
    await bot.restart();
    await (await feedbackJob(bot)).run();
    await until(
      () => bot.running.deps.store.feedback.noticeCounts(),
      (counts) => counts.survey === 4,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.api.callsTo("sendMessage").length).toBe(sentBefore);
    for (const guest of Object.values(guests)) expect(guest.newMessages().length).toBeLessThanOrEqual(1);
    expect(await bot.running.deps.store.feedback.noticeCounts()).toEqual({ survey: 4, "no-show": 1 });
    expect(bot.errors()).toEqual([]);
  });

  it("waits out a 429, skips a guest who blocked the bot, and sends a message that failed at the next run", async () => {
    const bot = await startTestBot();
    const guests = await seedGuests(bot);
    const job = await feedbackJob(bot);
    bot.api.blockChat(guests.noShow.id);
    bot.api.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    bot.api.rateLimitNext("sendMessage", 1);
    await job.run();
    // The first guest's message failed: given back, and the job comes again five minutes later.
    expect(guests.en.newMessages()).toEqual([]);
    for (const guest of [guests.ru, guests.kk, guests.skipper]) expect(guest.newMessages()).toHaveLength(1);
    expect(guests.noShow.newMessages()).toEqual([]);
    expect(job.jobs.map((j) => j.at.getTime() - job.jobs[0]!.at.getTime())).toEqual([0, 5 * 60_000]);
    await job.run(1);
    expect(texts(guests.en)).toEqual([expect.stringContaining("How was it?")]);
    for (const guest of [guests.ru, guests.kk, guests.skipper]) expect(guest.newMessages()).toHaveLength(1);
    // The blocked guest is not tried again.
    expect(job.jobs).toHaveLength(2);
    expect(await bot.running.deps.store.feedback.noticeCounts()).toEqual({ survey: 4, "no-show": 1 });
  });

  it("takes each guest's answers once, and /feedback shows the figures in English and Russian, with the CSV", async () => {
    const bot = await startTestBot();
    const guests = await seedGuests(bot);
    await (await feedbackJob(bot)).run();
    // Before any answer: dashes, not "—%".
    const [empty] = await bot.user({ id: ADMIN, languageCode: "en" }).command("feedback");
    expect(empty?.text).toContain("0 answers, average —");
    expect(empty?.text).toContain("0 answers, NPS — (promoters 0, passives 0, detractors 0)");

    await guests.en.tap("▶️ Start");
    expect(guests.en.lastText()).toBe("Step 1 of 3. How was the forum? Rate it from 1 to 5.\nTap a number: 1 — poor, 5 — excellent.");
    expect(guests.en.buttons()).toEqual(["1", "2", "3", "4", "5", "❌ Cancel"]);
    await guests.en.send("five");
    expect(guests.en.lastText()).toBe("✋ Please tap one of the numbers.");
    await guests.en.tap("4");
    expect(guests.en.buttons()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "❌ Cancel"]);
    await guests.en.tap("10");
    expect(guests.en.buttons()).toEqual(["Skip ➡️", "❌ Cancel"]);
    await guests.en.send("More shade & <benches>, please");
    expect(guests.en.lastText()).toBe("Thank you for your feedback! 💚");
    // A second attempt is refused politely, and nothing changes.
    await guests.en.tap("▶️ Start");
    expect(guests.en.callbackAnswers().at(-1)).toMatchObject({ text: "You have already answered this survey. Thank you!" });
    await guests.en.tap("Not now");
    expect(guests.en.callbackAnswers().at(-1)).toMatchObject({ text: "You have already answered this survey. Thank you!" });

    await guests.ru.tap("▶️ Начать");
    await guests.ru.tap("5");
    await guests.ru.tap("9");
    await guests.ru.tap("Пропустить ➡️");
    expect(guests.ru.lastText()).toBe("Спасибо за отзыв! 💚");

    await guests.kk.tap("▶️ Бастау");
    await guests.kk.tap("2");
    await guests.kk.tap("3");
    await guests.kk.send("Орындық аз болды");
    expect(guests.kk.lastText()).toBe("Пікіріңізге рақмет! 💚");

    await guests.skipper.tap("Not now");
    expect(guests.skipper.lastText()).toBe("All right, we won't ask again. Thank you for coming!");
    // The invitation lost its buttons; an old one tapped again is refused.
    expect(guests.skipper.buttons(guests.skipper.messages().at(-2))).toEqual([]);
    await guests.skipper.tapData("fb:start");
    expect(guests.skipper.callbackAnswers().at(-1)).toMatchObject({ text: "You have already answered this survey. Thank you!" });

    const responses = await bot.running.deps.store.feedback.all();
    expect(responses.map((r) => [r.userId, r.status, r.answers])).toEqual([
      [guests.en.id, "answered", { rating: "4", recommend: "10", comment: "More shade & <benches>, please" }],
      [guests.ru.id, "answered", { rating: "5", recommend: "9" }],
      [guests.kk.id, "answered", { rating: "2", recommend: "3", comment: "Орындық аз болды" }],
      [guests.skipper.id, "skipped", {}],
    ]);

    // Ratings 4, 5, 2: average 3.7; NPS: promoters 10 and 9, detractor 3 → (2 − 1) / 3 = 33%.
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("feedback");
    const report = admin.lastText();
    expect(report).toContain("Surveys sent: 4; no-show messages: 1");
    expect(report).toContain("Responses: 3 answered, 1 skipped");
    expect(report).toContain("How was the forum? Rate it from 1 to 5.\n3 answers, average 3.7\n1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1");
    expect(report).toContain("3 answers, NPS 33% (promoters 2, passives 0, detractors 1)");
    expect(report).toContain("0: 0 · 1: 0 · 2: 0 · 3: 1 · 4: 0 · 5: 0 · 6: 0 · 7: 0 · 8: 0 · 9: 1 · 10: 1");
    expect(report).toContain("What should we improve next time? (2)\n• More shade & <benches>, please\n• Орындық аз болды");
    // The comment arrived escaped (the emulator shows text as displayed).
    const sent = bot.api
      .callsTo("sendMessage")
      .filter((call) => call.payload["chat_id"] === ADMIN)
      .at(-1)!;
    expect(String(sent.payload["text"])).toContain("More shade &amp; &lt;benches&gt;, please");

    const adminRu = bot.user({ id: ADMIN_RU, languageCode: "ru" });
    await adminRu.command("feedback");
    expect(adminRu.lastText()).toContain("Ответы: ответили 3, отказались 1");
    expect(adminRu.lastText()).toContain("3 ответа, в среднем 3,7");
    expect(adminRu.lastText()).toContain("NPS 33% (промоутеры 2, нейтральные 0, критики 1)");

    await admin.tap("📄 Export CSV");
    const file = admin.documents().at(-1)!;
    expect(file.caption).toBe("Feedback: 4 responses");
    const [header, ...rows] = parseCsv(file.document!.data!);
    expect(header).toEqual(["user_id", "status", "answered_at", "language", "rating", "recommend", "comment"]);
    expect(rows.map((row) => [row[0], row[1], row[3], ...row.slice(4)])).toEqual([
      [String(guests.en.id), "answered", "en", "4", "10", "More shade & <benches>, please"],
      [String(guests.ru.id), "answered", "ru", "5", "9", ""],
      [String(guests.kk.id), "answered", "kk", "2", "3", "Орындық аз болды"],
      [String(guests.skipper.id), "skipped", "en", "", "", ""],
    ]);
    expect(rows[0]![2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(bot.errors()).toEqual([]);
  });

  it("/feedback fits one message however many comments there are; the CSV has them all", async () => {
    const bot = await startTestBot();
    const { feedback } = bot.running.deps.store;
    const comment = (i: number) => `Comment ${i}: ${"shade and benches ".repeat(30)}`;
    for (let i = 0; i < 40; i++) {
      await feedback.record(90_000 + i, {
        status: "answered",
        at: bot.clock.now(),
        language: "en",
        answers: { rating: "5", comment: comment(i) },
      });
    }
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("feedback");
    expect(admin.lastText().length).toBeLessThan(4096);
    expect(admin.lastText()).toMatch(/40 answers, average 5\.0/);
    expect(admin.lastText()).toMatch(/… and \d+ more in the CSV\./);
    await admin.tap("📄 Export CSV");
    const [, ...rows] = parseCsv(admin.documents().at(-1)!.document!.data!);
    expect(rows.map((row) => row[6])).toEqual(Array.from({ length: 40 }, (_, i) => comment(i)));
  });

  it("refuses /feedback and its export to anyone but the organisers", async () => {
    const bot = await startTestBot();
    const guest = bot.user({ languageCode: "en" });
    await guest.command("feedback");
    expect(guest.lastText()).toMatch(/Only organisers can do this/);
    await guest.tapData("fb:csv");
    expect(guest.callbackAnswers().at(-1)).toMatchObject({ show_alert: true, text: expect.stringMatching(/Only organisers can do this/) });
    expect(guest.documents()).toEqual([]);
  });

  it("the survey refuses answers before its moment, and the form's Cancel saves nothing", async () => {
    const bot = await startTestBot();
    const guests = await seedGuests(bot);
    await guests.en.tapData("fb:start");
    expect(guests.en.callbackAnswers().at(-1)?.text).toBe("The survey is not open.");
    await (await feedbackJob(bot)).run();
    await guests.en.tap("▶️ Start");
    await guests.en.tap("❌ Cancel");
    expect(guests.en.messages().some((m) => m.text?.startsWith("Survey closed, nothing was saved."))).toBe(true);
    expect(await bot.running.deps.store.feedback.hasResponded(guests.en.id)).toBe(false);
    await guests.en.tap("▶️ Start");
    await guests.en.tap("5");
    await guests.en.tap("8");
    await guests.en.tap("Skip ➡️");
    expect(await bot.running.deps.store.feedback.hasResponded(guests.en.id)).toBe(true);
  });

  it("forget me deletes a response; retention keeps the figures without user ids", async () => {
    const bot = await startTestBot();
    const guests = await seedGuests(bot);
    await (await feedbackJob(bot)).run();
    const { deps } = bot.running;
    const answer = async (guest: TelegramUser, rating: string) => {
      await guest.tap(/Start|Начать|Бастау/);
      await guest.tap(rating);
      await guest.tap("9");
      await guest.send("ok");
    };
    await answer(guests.en, "5");
    await answer(guests.ru, "3");
    await feedbackPersonalData.forget(deps, bot.running.bot.api, guests.en.id, "bot");
    expect((await deps.store.feedback.all()).map((r) => r.userId)).toEqual([guests.ru.id]);

    await guests.ru.command("privacy");
    expect(guests.ru.lastText()).toContain("• Отзыв после мероприятия: да (ваши оценки и комментарии)");
    await guests.en.command("privacy");
    expect(guests.en.lastText()).toContain("• Feedback after the event: none (your ratings and comments)");

    await eraseEventPersonalData(deps);
    const after = await deps.store.feedback.all();
    expect(after).toEqual([expect.objectContaining({ status: "answered", answers: { rating: "3", recommend: "9", comment: "ok" } })]);
    expect(after[0]!.userId).toBeUndefined();
    // Feedback is the event's: its keys live under event:<id>: (src/store/keys.ts).
    const keys = await bot.redis.keys(`${bot.prefix}*feedback:*`);
    expect(keys.map((key) => key.slice(bot.prefix.length))).toEqual([`event:${bot.event.id}:feedback:anonymous`]);
  });

  it("broadcasts reach the checked_in and no_show audiences, offered in the form and in reminders", async () => {
    const bot = await startTestBot({
      eventFile: eventWith({ reminders: [{ id: "thanks", before: "1h", audience: "no_show", text: "We kept your seat warm" }] }),
    });
    const guests = await seedGuests(bot);
    const { broadcasts } = bot.running.deps;
    expect(await broadcasts.countAudience("checked_in")).toBe(4);
    expect(await broadcasts.countAudience("no_show")).toBe(1);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.send("Slides are online");
    expect(admin.buttons()).toEqual(expect.arrayContaining(["Checked in at the door", "Confirmed but did not come"]));
    await admin.tap("Confirmed but did not come");
    expect(admin.lastText()).toMatch(/Confirmed but did not come — 1 recipient/);
    await admin.tap("🚀 Send now");
    await until(
      () => guests.noShow.newMessages().length,
      (n) => n === 1,
    );
    expect(texts(guests.noShow)).toEqual(["Slides are online"]);
    expect(guests.en.newMessages()).toEqual([]);
  });

  it("refuses event files whose feedback has repeated ids, no questions or an unknown type, with the path", () => {
    const question = { id: "rating", type: "rating" as const, label: "How was it?" };
    expect(() => eventWith({ feedback: { questions: [question, { ...question, type: "text" }] } })).toThrow(
      /feedback\.questions\.1\.id: question id "rating" is used twice/,
    );
    expect(() => eventWith({ feedback: { questions: [] } })).toThrow(/feedback\.questions: expected at least one question/);
    expect(() => eventWith({ feedback: { questions: [{ ...question, type: "stars" as "rating" }] } })).toThrow(
      /feedback\.questions\.0\.type/,
    );
    expect(() => eventWith({ feedback: { after: "soon" } })).toThrow(/feedback\.after: expected a duration/);
    expect(() => eventWith({ reminders: [{ id: "x", before: "1h", audience: "no_shows" as "no_show", text: "x" }] })).toThrow(
      /reminders\.0\.audience/,
    );
  });
});
