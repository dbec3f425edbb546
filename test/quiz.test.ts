import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { quizStandings } from "../src/features/quiz/rules.js";
import { createStore } from "../src/store/index.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { eventWith } from "./support/event-file.js";
import { REDIS_URL, botPerTest, type TestBot } from "./support/harness.js";
import { registerGuest } from "./support/seed.js";
import { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";

const ADMIN = 9001;
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
const prefixes: string[] = [];
const startTestBot = botPerTest();
let bot: TestBot | undefined;
afterAll(async () => {
  for (const prefix of prefixes) await deleteKeysWithPrefix(redis, prefix);
  await redis.quit();
});

/** English-speaking users who started the bot and hold a confirmed seat (the quiz's audience). */
async function confirmedPlayers(t: TestBot, names: [string, string]): Promise<[TelegramUser, TelegramUser]> {
  const { store } = t.running.deps;
  const users = names.map((firstName) => t.user({ languageCode: "en", firstName })) as [TelegramUser, TelegramUser];
  for (const user of users) {
    await store.users.remember(user.user, "en", t.clock.now());
    await registerGuest(store, user.id, { status: "confirmed", now: t.clock.now() });
  }
  return users;
}

describe("quiz repository", () => {
  it("records 300 concurrent answers once each, only for the open question", async () => {
    const prefix = `test:${randomUUID()}:`;
    prefixes.push(prefix);
    // Two bot processes on one Redis: half of the writes come through each.
    const second = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    const [quiz, other] = [createStore(redis, prefix).quiz, createStore(second, prefix).quiz];
    const players = Array.from({ length: 300 }, (_, i) => 10_000 + i);
    expect(await quiz.start(players)).toBe(true);
    expect(await other.start(players)).toBe(false);

    // Everyone answers at once, and everyone taps twice: 600 writes, 300 recorded.
    const outcomes = await Promise.all(
      players.flatMap((id, i) => {
        const process = i % 2 ? other : quiz;
        return [process.recordAnswer(0, id, i % 3), process.recordAnswer(0, id, 2)];
      }),
    );
    expect(outcomes.filter((o) => o === "recorded")).toHaveLength(300);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(300);
    const seventh = (await quiz.answerOf(0, players[7]!))!;
    expect(seventh.option).toBe(1);
    expect(seventh.elapsedMs).toBeGreaterThanOrEqual(0);

    // Not yet open, not a player.
    expect(await quiz.recordAnswer(1, players[0]!, 0)).toBe("closed");
    expect(await quiz.recordAnswer(0, 42, 0)).toBe("not-player");

    // Ten admins' taps on "next" at once, in both processes, move one question.
    const moves = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : quiz).advance(0)));
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(await quiz.state()).toMatchObject({ status: "open", question: 1 });
    expect(await quiz.recordAnswer(0, players[299]!, 0)).toBe("closed");
    // Timed from the moment question 2 opened, in whichever process: the earlier answer has the shorter time.
    expect(await other.recordAnswer(1, players[0]!, 0)).toBe("recorded");
    expect(await quiz.recordAnswer(1, players[3]!, 0)).toBe("recorded");
    const [early, late] = [(await quiz.answerOf(1, players[0]!))!, (await quiz.answerOf(1, players[3]!))!];
    expect(early.option).toBe(0);
    expect(early.elapsedMs).toBeLessThan(late.elapsedMs);

    const now = new Date("2017-11-30T05:10:00Z");
    const ends = await Promise.all([quiz.end(now), other.end(now)]);
    expect(ends.filter(Boolean)).toHaveLength(1);
    expect(await quiz.recordAnswer(1, players[1]!, 0)).toBe("closed");

    const answers = await quiz.answers(2);
    expect(answers[0]!.size).toBe(300);
    const standings = quizStandings([0, 0], answers);
    expect(
      standings
        .filter((s) => s.correct === 2)
        .map((s) => s.userId)
        .sort(),
    ).toEqual([players[0], players[3]]);
    expect(standings.filter((s) => s.correct >= 1)).toHaveLength(100);

    await quiz.forget(players[0]!, 2);
    expect(await quiz.answerOf(0, players[0]!)).toBeUndefined();
    expect(await quiz.isPlayer(players[0]!)).toBe(false);
    await second.quit();
  });
});

describe("live quiz", () => {
  it("runs five questions for 300 confirmed guests answering at once and names the fastest best", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T11:00:00+06:00" });
    const t = bot;
    const { store } = t.running.deps;
    const questions = t.event.quiz!.questions;
    const languages = ["ru", "kk", "en"];
    const players: TelegramUser[] = [];
    for (let i = 0; i < 300; i++) {
      // A generous wait: 600 taps land at once on a shared CI machine.
      const user = new TelegramUser(t.api, { id: 20_000 + i, firstName: `P${i}`, languageCode: languages[i % 3], timeoutMs: 40_000 });
      await store.users.remember(user.user, languages[i % 3]!, t.clock.now());
      await registerGuest(store, user.id, { status: "confirmed", now: t.clock.now() });
      players.push(user);
    }
    const outsider = t.user({ id: 30_000, languageCode: "en" });
    await store.users.remember(outsider.user, "en", t.clock.now());
    const admin = t.user({ id: ADMIN, languageCode: "en" });

    const guest = t.user({ languageCode: "en" });
    await guest.command("quiz", "start");
    expect(guest.lastText()).toBe("Only organisers can do this.");
    await guest.tapData("quiz:end");
    expect(guest.callbackAnswers().at(-1)).toMatchObject({ show_alert: true });

    await admin.command("quiz", "start");
    expect(admin.lastText()).toBe("▶️ The quiz has started: question 1 of 5 is going to 300 people.");
    await until(
      () => players.filter((p) => p.messages().length === 1).length,
      (n) => n === 300,
    );
    expect(players[0]!.lastText()).toContain("Викторина — вопрос 1 из 5");
    expect(players[1]!.lastText()).toContain("сұрақ 1/5");
    expect(players[2]!.lastText()).toContain("question 1 of 5");
    expect(players[2]!.buttons()).toEqual(["A path for cyclists and pedestrians", "A motorway", "A new metro line"]);
    expect(outsider.messages()).toEqual([]); // not a confirmed guest

    const [best, second, third, ...rest] = players as [TelegramUser, TelegramUser, TelegramUser, ...TelegramUser[]];
    const answer = (user: TelegramUser, q: number, option: number) =>
      user.tapData(`quiz:a:${q}:${option}`, user.messages().at(-1)!.message_id);

    // Answers are timed by Redis' clock: best, second and third answer in that order every time.
    for (const [q, question] of questions.entries()) {
      const wrong = (question.answer + 1) % question.options.length;
      await answer(best, q, question.answer);
      await answer(second, q, question.answer);
      await answer(third, q, q === 0 ? wrong : question.answer);
      if (q === 0) {
        // The crowd: 297 guests at once, every one of them tapping twice; a third of them wrong.
        await Promise.all(
          rest.flatMap((p, i) => {
            const option = i % 3 === 0 ? wrong : question.answer;
            return [answer(p, 0, option), answer(p, 0, option)];
          }),
        );
        expect(best.lastText()).toContain("Ваш ответ: Путь для велосипедистов и пешеходов");
        expect(best.buttons()).toEqual([]);
        await answer(best, 0, wrong);
        expect(best.callbackAnswers().at(-1)!.text).toBe("Вы уже ответили на этот вопрос.");
        await outsider.command("start");
        await outsider.tapData("quiz:a:0:0");
        expect(outsider.callbackAnswers().at(-1)!.text).toBe("This quiz is for the event's guests.");
        expect((await store.quiz.answers(1))[0]!.size).toBe(300);
      }
      if (q + 1 < questions.length) {
        // A double tap on "next" opens one question.
        const tapped = admin.lastMessage().message_id;
        await admin.tap("➡️ Next question");
        await admin.tapData(`quiz:next:${q}`, tapped);
        expect(admin.lastText()).toContain(`Question ${q + 2} of 5 is out`);
        expect(admin.messages().filter((m) => m.text?.includes(`Question ${q + 2} of 5 is out`))).toHaveLength(1);
        await until(
          () => best.messages().filter((m) => m.text?.includes(`${q + 2} из 5`)).length,
          (n) => n === 1,
        );
      }
      if (q === 0) expect(admin.lastText()).toContain("Answers to question 1: 300");
    }

    // A late answer to question 1 is refused and not recorded (rest[0] reads Russian, rest[1] Kazakh).
    const firstQuestion = rest[0]!.messages()[0]!;
    await rest[0]!.tapData(`quiz:a:0:${questions[0]!.answer}`, firstQuestion.message_id);
    expect(rest[0]!.callbackAnswers().at(-1)!.text).toBe("Этот вопрос уже закрыт.");
    await rest[0]!.tapData(`quiz:a:3:${questions[3]!.answer}`, firstQuestion.message_id);
    expect(rest[0]!.callbackAnswers().at(-1)!.text).toBe("Этот вопрос уже закрыт.");
    expect(await store.quiz.answerOf(3, rest[0]!.id)).toBeUndefined();
    expect((await store.quiz.answerOf(0, rest[0]!.id))!.elapsedMs).toBeGreaterThan((await store.quiz.answerOf(0, third.id))!.elapsedMs);

    await admin.command("quiz", "end");
    const results = admin.lastText();
    expect(results).toContain("Quiz results — 300 players answered");
    expect(results).toMatch(/1\. P0 — 5 of 5 right, \d+(\.\d)? s/);
    expect(results).toMatch(/2\. P1 — 5 of 5 right, \d+(\.\d)? s/);
    expect(results).toMatch(/3\. P2 — 4 of 5 right, \d+(\.\d)? s/);
    expect(results).not.toMatch(/^4\. /m);
    await until(
      () => third.messages().filter((m) => m.text?.includes("Congratulations")).length,
      (n) => n === 1,
    );
    expect(best.lastText()).toContain("Поздравляем! Вы заняли 1-е место");
    expect(best.lastText()).toContain("Costa Coffee");
    expect(third.lastText()).toContain(". Come to the organisers' desk for it.");
    expect(second.lastText()).toContain("2-орын");
    expect(third.lastText()).toContain("You came 3rd in the quiz");
    expect(rest[0]!.messages().some((m) => m.text?.includes("Congratulations"))).toBe(false);

    // Ending again shows the results but tells nobody twice; answers after the end are refused.
    await admin.command("quiz", "end");
    expect(admin.lastText()).toContain("1. P0");
    await answer(rest[1]!, 4, questions[4]!.answer);
    expect(rest[1]!.callbackAnswers().at(-1)!.text).toBe("Бұл сұрақ жабылды.");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(best.messages().filter((m) => m.text?.includes("Поздравляем"))).toHaveLength(1);
    await admin.command("quiz", "start");
    expect(admin.lastText()).toContain("already started (finished)");
  }, 60_000);

  it("offers the quiz's next step as a button on its screen, to organisers only, in ru, kk and en", async () => {
    bot = await startTestBot({ adminIds: [ADMIN, ADMIN + 1, ADMIN + 2], now: "2017-11-30T11:00:00+06:00" });
    const t = (language: string, key: string) => bot!.running.deps.i18n.t(language, key);
    for (const [id, language] of [
      [ADMIN + 1, "kk"],
      [ADMIN + 2, "en"],
    ] as const) {
      const organiser = bot.user({ id, languageCode: language });
      await organiser.command("quiz");
      expect(organiser.buttons(), language).toEqual([t(language, "quiz-start-button")]);
    }
    const [ann] = await confirmedPlayers(bot, ["Ann", "Bob"]);
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("quiz");
    expect(admin.buttons()).toEqual([t("ru", "quiz-start-button")]);

    // A guest who got hold of the button starts nothing.
    await ann.command("start");
    await ann.tapData("quiz:start");
    expect(ann.callbackAnswers().at(-1)?.text).toBe(t("en", "admin-only"));
    expect(await bot.running.deps.store.quiz.state()).toBeUndefined();

    await admin.tap(t("ru", "quiz-start-button"));
    expect(admin.lastText()).toContain("Викторина началась");
    expect(admin.buttons(admin.messages().at(-2))).toEqual([]);
    await admin.command("quiz");
    expect(admin.buttons()).toEqual([t("ru", "quiz-next-button"), t("ru", "quiz-end-button")]);
    await admin.tap(t("ru", "quiz-end-button"));
    expect(admin.lastText()).toContain("Итоги викторины");
    await admin.command("quiz");
    expect(admin.buttons()).toEqual([t("ru", "quiz-results-button")]);
    await admin.tap(t("ru", "quiz-results-button"));
    expect(admin.lastText()).toContain("Итоги викторины");
  });

  it("promises no prize to the winners of a quiz without one", async () => {
    const quiz = { prize: undefined, questions: [{ text: "2 + 2?", options: ["3", "4"], answer: 1 }] };
    bot = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T11:00:00+06:00", eventFile: eventWith({ quiz }) });
    const [ann] = await confirmedPlayers(bot, ["Ann", "Bob"]);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("quiz", "start");
    await until(
      () => ann.messages().length,
      (n) => n === 1,
    );
    await ann.tapData("quiz:a:0:1", ann.messages()[0]!.message_id);
    await admin.command("quiz", "end");
    await until(
      () => ann.messages().length,
      (n) => n === 2,
    );
    expect(ann.lastText()).toBe("🎉 Congratulations! You came 1st in the quiz: 1 of 1 right.");
  });

  it("answers an option typed instead of tapped with how to answer, in the player's language, and records nothing", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T11:00:00+06:00" });
    const { store } = bot.running.deps;
    const hints = { ru: "Чтобы ответить", kk: "Викторинаға жауап беру үшін", en: "To answer the quiz" };
    const typed = { ru: "  путь для велосипедистов и пешеходов ", kk: "Метроның жаңа желісі", en: "a MOTORWAY" };
    const players = Object.keys(hints).map((languageCode) => bot!.user({ languageCode }));
    for (const player of players) {
      await store.users.remember(player.user, player.user.language_code!, bot.clock.now());
      await registerGuest(store, player.id, { status: "confirmed", now: bot.clock.now() });
    }
    await bot.user({ id: ADMIN, languageCode: "en" }).command("quiz", "start");
    for (const player of players) {
      const language = player.user.language_code as keyof typeof hints;
      await until(
        () => player.messages().length,
        (n) => n === 1,
      );
      await player.send(typed[language]);
      expect(player.lastText(), language).toContain(hints[language]);
      expect(await store.quiz.answerOf(0, player.id), language).toBeUndefined();
      // Any other text still gets the general hint.
      await player.send("hello");
      expect(player.lastText(), language).not.toContain(hints[language]);
    }
  });

  it("times answers by Redis' clock, so instances whose clocks disagree still rank by who answered first", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T11:00:00+06:00" });
    const t = bot;
    const { store } = t.running.deps;
    const [ann, bob] = await confirmedPlayers(t, ["Ann", "Bob"]);
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    const opened = t.clock.now().getTime();
    await admin.command("quiz", "start");
    await until(() => [ann, bob].every((p) => p.messages().length === 1), Boolean);
    const right = t.event.quiz!.questions[0]!.answer;

    // Ann's tap reaches an instance whose clock runs a minute ahead; Bob's, later, one whose clock is right.
    t.clock.set(new Date(opened + 60_000));
    await ann.tapData(`quiz:a:0:${right}`, ann.messages()[0]!.message_id);
    t.clock.set(new Date(opened + 1_000));
    await bob.tapData(`quiz:a:0:${right}`, bob.messages()[0]!.message_id);

    const [annAnswer, bobAnswer] = [(await store.quiz.answerOf(0, ann.id))!, (await store.quiz.answerOf(0, bob.id))!];
    expect(annAnswer.elapsedMs).toBeLessThan(bobAnswer.elapsedMs);
    await admin.command("quiz", "end");
    const results = admin.lastText();
    expect(results).toMatch(/1\. Ann — 1 of 1 right/);
    expect(results).toMatch(/2\. Bob — 1 of 1 right/);
  });

  it("tells the winners at the next /quiz end when the ending process died or a message failed", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T11:00:00+06:00" });
    const t = bot;
    const { store } = t.running.deps;
    const [ann, bob] = await confirmedPlayers(t, ["Ann", "Bob"]);
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    await admin.command("quiz", "start");
    await until(() => [ann, bob].every((p) => p.messages().length === 1), Boolean);
    const right = t.event.quiz!.questions[0]!.answer;
    for (const user of [ann, bob]) await user.tapData(`quiz:a:0:${right}`, user.messages()[0]!.message_id);
    const told = (user: TelegramUser) => user.messages().filter((m) => m.text?.includes("Congratulations")).length;

    // A process ended the quiz and died before telling anyone; Bob has blocked the bot for now.
    expect(await store.quiz.end(t.clock.now())).toBe(true);
    t.api.blockChat(bob.id);
    await admin.command("quiz", "end");
    expect(admin.lastText()).toContain("1. Ann");
    await until(
      () => told(ann),
      (n) => n === 1,
    );
    expect(told(bob)).toBe(0);

    // Bob is back: the next /quiz end tells him, and Ann is not told twice.
    t.api.unblockChat(bob.id);
    await admin.command("quiz", "end");
    await until(
      () => told(bob),
      (n) => n === 1,
    );
    await admin.command("quiz", "end");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([told(ann), told(bob)]).toEqual([1, 1]);
  });
});
