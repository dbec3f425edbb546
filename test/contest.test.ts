import { describe, expect, it } from "vitest";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";
import { openSubmission } from "./support/flows.js";

const ADMIN = 9001;
const SECOND_ADMIN = 9002;
const JUROR = 7001;
const POST = "https://www.instagram.com/p/BbWeAlmaty1/";
const IDEA = "Shade trees and benches along the Esentai river promenade";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

/** The bundled event with a juror listed in the file. */
const eventWithJuror = () => eventWith({ contest: { jurors: [JUROR] } });

async function submitEntry(user: TelegramUser, link = POST, idea = IDEA) {
  await user.command("contest");
  await openSubmission(user, { data: "contest:enter" });
  await user.send(link);
  await user.send(idea);
  await user.sendPhoto();
}

describe("contest rules", () => {
  it("shows the rules, deadline with countdown and copyable hashtags in each language", async () => {
    bot = await startTestBot();
    const expected = {
      ru: ["Самый активный алматинец", "Приз:", "Приём заявок до:", "Планшет"],
      kk: ["Ең белсенді алматылық", "Жүлде:", "Өтінімдер қабылданады:"],
      en: ["Most active Almaty citizen", "Prize:", "Entries until:", "A tablet"],
    };
    for (const [language, parts] of Object.entries(expected)) {
      const user = bot.user({ languageCode: language });
      await user.command("contest");
      for (const part of parts) expect(user.lastText(), language).toContain(part);
      expect(user.lastText()).toContain("#WeAlmaty #ЯИдуНаWeAlmaty");
      expect(user.lastMessage().raw).toContain("<code>#WeAlmaty #ЯИдуНаWeAlmaty</code>");
      expect(user.lastText()).toMatch(/#️⃣ (Hashtags|Хэштеги|Хэштегтер) \(/);
    }
    const en = bot.user({ languageCode: "en" });
    await en.command("start");
    await en.tap("🏆 Contest");
    expect(en.lastText()).toContain("28 November 2017, 23:59");
    expect(en.lastText()).toMatch(/\(in \d days\)/);
    expect(en.buttons()).toEqual(["📤 Submit my entry", "⬅️ Menu"]);
  });
});

describe("another event file", () => {
  it("takes the contest from the file: title, hashtags, deadline; no quiz when the file has none", async () => {
    bot = await startTestBot({
      eventFile: "test/fixtures/events/riverside-cleanup.yaml",
      adminIds: [ADMIN],
      now: "2026-11-28T19:00:00+05:00",
    });
    const ru = bot.user({ languageCode: "ru" });
    await ru.command("contest");
    expect(ru.lastText()).toContain("Самый большой улов");
    expect(ru.lastText()).toContain("Многоразовая бутылка для воды");
    expect(ru.lastText()).toContain("28 ноября 2026, 20:00");
    expect(ru.lastMessage().raw).toContain("<code>#CleanEsentai</code>");
    // One hashtag is named in the singular.
    expect(ru.lastText()).toContain("#️⃣ Хэштег (нажмите, чтобы скопировать): #CleanEsentai");
    const en = bot.user({ languageCode: "en" });
    await en.command("contest");
    expect(en.lastText()).toContain("#️⃣ Hashtag (tap to copy): #CleanEsentai");
    expect(ru.lastText()).not.toContain("WeAlmaty");
    await openSubmission(ru, "📤 Отправить заявку");
    await ru.send("https://www.facebook.com/photo?fbid=1234567");
    await ru.send("Больше урн вдоль набережной Есентай");
    await ru.sendPhoto();
    expect(ru.messages().at(-2)!.text).toContain("Заявка сохранена");
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("quiz", "start");
    expect(admin.lastText()).toBe("There is no quiz in the event file.");
  });

  it("names the file's own sites for the entry link, and asks the file's own question for its text, in each language", async () => {
    const entryQuestion = { en: "What does your photo show?", ru: "Что на вашем фото?", kk: "Суретіңізде не бар?" };
    const consentSays = { en: "your text and the photo", ru: "текст и фото", kk: "мәтін және фото" };
    bot = await startTestBot({ eventFile: eventWith({ contest: { allowedHosts: ["vk.com", "m.vk.com", "t.me"], entryQuestion } }) });
    const expected = { en: "vk.com or t.me", ru: "vk.com или t.me", kk: "vk.com немесе t.me" };
    for (const [language, sites] of Object.entries(expected)) {
      const user = bot.user({ languageCode: language });
      await user.command("contest");
      // The rules are the file's own text; the bot's line about links comes last.
      expect(user.lastText().split("\n\n").at(-1), language).not.toMatch(/Instagram|Facebook/);
      await openSubmission(user, { data: "contest:enter" });
      expect(
        user.messages().some((m) => m.text?.includes(consentSays[language as "en"])),
        language,
      ).toBe(true);
      expect(user.lastText(), language).toContain(sites);
      expect(user.lastText(), language).not.toMatch(/Instagram|Facebook/);
      // A link from elsewhere is told the same sites, each once.
      await user.send("https://www.instagram.com/p/BbWeAlmaty1/");
      expect(user.lastText(), language).toMatch(/: vk\.com, t\.me\.$/);
      await user.send("https://t.me/cleanup/42");
      expect(user.lastText(), language).not.toContain(sites);
      expect(user.lastText(), language).toContain(`${entryQuestion[language as "en"]} (10–`);
    }
  });

  it("takes a link from the www. or m. form of a site the file names bare, in each language", async () => {
    bot = await startTestBot({ eventFile: eventWith({ contest: { allowedHosts: ["threads.net", "vk.com"] } }) });
    const step2 = { en: "Step 2 of 3", ru: "Шаг 2 из 3", kk: "2-қадам" };
    for (const [language, next] of Object.entries(step2)) {
      const user = bot.user({ languageCode: language });
      await user.command("contest");
      await openSubmission(user, { data: "contest:enter" });
      await user.send(language === "en" ? "https://www.threads.net/@emma/post/C1x2" : "https://m.vk.com/wall1_2");
      expect(user.lastText(), language).toContain(next);
    }
  });
});

describe("contest entry", () => {
  it("validates the link, the idea and the photo, then shows the entry and its status", async () => {
    bot = await startTestBot();
    const ann = bot.user({ languageCode: "en", firstName: "Ann" });
    await ann.command("contest");
    await openSubmission(ann, "📤 Submit my entry");
    expect(ann.lastText()).toContain("Step 1 of 3");

    await ann.send("my post on insta");
    expect(ann.lastText()).toContain("doesn't look like a link");
    await ann.send("http://www.instagram.com/p/BbWeAlmaty1/");
    expect(ann.lastText()).toContain("must start with https://");
    await ann.send("https://vk.com/wall1_2");
    expect(ann.lastText()).toContain("not from an allowed site");
    await ann.send("https://www.instagram.com/wealmaty/");
    expect(ann.lastText()).toContain("not a single post");
    await ann.send(POST);
    expect(ann.lastText()).toContain("Step 2 of 3");

    await ann.send("Trees!");
    expect(ann.lastText()).toContain("at least 10 characters");
    await ann.send("x".repeat(1001));
    expect(ann.lastText()).toContain("1,001 characters, the limit is 1,000");
    await ann.sendSticker();
    expect(ann.lastText()).toBe("✋ Please send text here.");
    await ann.send(IDEA);
    expect(ann.lastText()).toContain("Step 3 of 3");

    await ann.send("here is my photo");
    expect(ann.lastText()).toContain("Please send a photo");
    await ann.sendPhoto();
    const texts = ann
      .messages()
      .slice(-2)
      .map((m) => m.text);
    expect(texts[0]).toContain("Your entry is saved");
    expect(texts[1]).toContain(POST);
    expect(texts[1]).toContain(IDEA);
    expect(texts[1]).toContain("Status: submitted");
    expect(ann.buttons()).toContain("✏️ Edit my entry");

    const stored = await bot.running.deps.store.contest.find(ann.id);
    expect(stored).toMatchObject({ link: POST, idea: IDEA, firstName: "Ann", language: "en" });
    expect(stored!.photoFileId).not.toBe("");
    expect(await bot.running.deps.store.contest.entrantIds()).toEqual([ann.id]);

    // "Forget me" removes the entry with its scores.
    await bot.running.deps.store.contest.setScore(ann.id, 1, "idea", 5);
    expect(await bot.running.deps.store.contest.remove(ann.id)).toBe(true);
    expect(await bot.running.deps.store.contest.find(ann.id)).toBeUndefined();
    expect(await bot.running.deps.store.contest.scoresOf(ann.id)).toEqual([]);
    expect(await bot.running.deps.store.contest.entrantIds()).toEqual([]);
  });

  it("lets the entrant edit one entry until the deadline, then says entries are closed", async () => {
    bot = await startTestBot();
    const ann = bot.user({ languageCode: "en" });
    await submitEntry(ann);
    const first = await bot.running.deps.store.contest.find(ann.id);

    bot.clock.advance(3_600_000);
    await ann.command("contest");
    await ann.tap("✏️ Edit my entry");
    await ann.tap("↩️ Keep the current one");
    await ann.send("A bike lane linking the river promenade with Gorky park");
    await ann.tap("↩️ Keep the current one");
    const edited = await bot.running.deps.store.contest.find(ann.id);
    expect(edited).toMatchObject({
      link: POST,
      photoFileId: first!.photoFileId,
      idea: "A bike lane linking the river promenade with Gorky park",
    });
    expect(edited!.createdAt).toEqual(first!.createdAt);
    expect(edited!.updatedAt.getTime()).toBeGreaterThan(first!.updatedAt.getTime());
    expect(await bot.running.deps.store.contest.count()).toBe(1);

    // Cancel leaves the entry as it was.
    await ann.tap("✏️ Edit my entry");
    await ann.command("cancel");
    expect(ann.lastText()).toBe("Cancelled. Your entry was not changed.");
    expect((await bot.running.deps.store.contest.find(ann.id))!.idea).toBe(edited!.idea);

    // 23:59 is still open; from 00:00 on the next day it is closed.
    bot.clock.set("2017-11-28T23:59:30+06:00");
    await ann.command("contest");
    expect(ann.buttons()).toContain("✏️ Edit my entry");
    bot.clock.set("2017-11-29T00:00:00+06:00");
    await ann.command("contest");
    expect(ann.lastText()).toContain("Entries closed");
    expect(ann.buttons()).toEqual(["📄 My entry", "⬅️ Menu"]);
    await ann.tapData("contest:enter");
    expect(ann.lastText()).toContain("Entries are closed");
    await ann.tap("📄 My entry");
    expect(ann.lastText()).toContain("Status: submitted");

    const late = bot.user({ languageCode: "en" });
    await late.command("contest");
    expect(late.buttons()).toEqual(["⬅️ Menu"]);
    await late.tapData("contest:enter");
    expect(late.lastText()).toContain("Entries are closed");
    expect(await bot.running.deps.store.contest.find(late.id)).toBeUndefined();
  });

  it("does not save an entry finished after the deadline", async () => {
    bot = await startTestBot({ now: "2017-11-28T23:50:00+06:00" });
    const ann = bot.user({ languageCode: "en" });
    await ann.command("contest");
    await openSubmission(ann, "📤 Submit my entry");
    await ann.send(POST);
    await ann.send(IDEA);
    bot.clock.set("2017-11-29T00:01:00+06:00");
    await ann.sendPhoto();
    expect(ann.lastText()).toContain("Entries are closed");
    expect(await bot.running.deps.store.contest.find(ann.id)).toBeUndefined();
  });
});

describe("jury", () => {
  it("lets two jurors score each criterion, ranks by average, and keeps each juror's scores their own", async () => {
    bot = await startTestBot({ eventFile: eventWithJuror(), adminIds: [ADMIN] });
    const { contest } = bot.running.deps.store;
    const ann = bot.user({ languageCode: "en", firstName: "Ann" });
    const bob = bot.user({ languageCode: "ru", firstName: "Bob" });
    await submitEntry(ann);
    await submitEntry(bob, "https://www.facebook.com/bob/posts/123456789", "Парковки для велосипедов у каждой станции метро");

    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const juror = bot.user({ id: JUROR, languageCode: "en" });
    await admin.command("entries");
    // Before any score: said in words, not as "— — (0 scores)".
    expect(admin.messages().find((m) => m.text?.includes("Ranking"))?.text).toContain("1. Ann — no scores yet");
    const cards = admin.messages().filter((m) => m.kind === "photo");
    expect(cards).toHaveLength(2);
    expect(cards[0]!.caption).toContain("📊 No scores yet");
    expect(cards[0]!.caption).toContain("Ann");
    expect(cards[0]!.caption).toContain(POST);
    expect(cards[0]!.caption).toContain("① Quality of the idea — your score: —");
    expect(admin.buttons(cards[0]!)).toEqual(["①", "1", "2", "3", "4", "5", "②", "1", "2", "3", "4", "5", "⭐ Shortlist"]);

    // Admin: Ann 4 + 4, Bob 5 + 5. Juror: Ann 2 + 2, Bob 5 + 3.
    await admin.tapData(`contest:s:${ann.id}:0:4`, cards[0]!.message_id);
    await admin.tapData(`contest:s:${ann.id}:1:4`, cards[0]!.message_id);
    await admin.tapData(`contest:s:${bob.id}:0:5`, cards[1]!.message_id);
    await admin.tapData(`contest:s:${bob.id}:1:5`, cards[1]!.message_id);
    expect(admin.callbackAnswers().at(-1)!.text).toBe("Saved: Creativity of the photo — 5");
    const refreshed = admin.messages().find((m) => m.message_id === cards[1]!.message_id)!;
    expect(refreshed.caption).toContain("② Creativity of the photo — your score: 5");
    expect(admin.buttons(refreshed)).toContain("✅5");

    await juror.command("entries");
    const jurorCards = juror.messages().filter((m) => m.kind === "photo");
    await juror.tapData(`contest:s:${ann.id}:0:2`, jurorCards[0]!.message_id);
    await juror.tapData(`contest:s:${ann.id}:1:2`, jurorCards[0]!.message_id);
    await juror.tapData(`contest:s:${bob.id}:0:5`, jurorCards[1]!.message_id);
    await juror.tapData(`contest:s:${bob.id}:1:3`, jurorCards[1]!.message_id);
    // The juror changes their own mind; the admin's score on the same criterion is untouched.
    await juror.tapData(`contest:s:${ann.id}:0:3`, jurorCards[0]!.message_id);
    const annScores = (await contest.scoresOf(ann.id)).sort((a, b) => a.jurorId - b.jurorId || a.criterionId.localeCompare(b.criterionId));
    expect(annScores).toEqual([
      { jurorId: JUROR, criterionId: "idea", score: 3 },
      { jurorId: JUROR, criterionId: "photo", score: 2 },
      { jurorId: ADMIN, criterionId: "idea", score: 4 },
      { jurorId: ADMIN, criterionId: "photo", score: 4 },
    ]);

    // Shortlist mark, then the ranking: Bob 4.5 (4 scores), Ann 3.3 (4 scores).
    await juror.tapData(`contest:sl:${bob.id}:1`, jurorCards[1]!.message_id);
    expect(await contest.shortlist()).toEqual(new Set([bob.id]));
    admin.markSeen();
    await admin.command("entries");
    const [ranking] = admin.newMessages();
    expect(ranking!.text).toContain("Ranking — 2 entries");
    expect(ranking!.text).toContain("1. ⭐ Bob — 4.5 (4 scores)");
    expect(ranking!.text).toContain("2. Ann — 3.3 (4 scores)");
    expect(admin.newMessages()[1]!.caption).toContain("from 2 jurors");

    // The entrant sees the shortlist status.
    await bob.command("contest");
    await bob.tap("📄 Моя заявка");
    expect(bob.lastText()).toContain("в коротком списке жюри");
  });

  it("lets a juror who entered score the others' entries but not their own (en, ru)", async () => {
    bot = await startTestBot({ eventFile: eventWithJuror(), adminIds: [ADMIN] });
    const { contest } = bot.running.deps.store;
    const ann = bot.user({ languageCode: "en", firstName: "Ann" });
    const juror = bot.user({ id: JUROR, languageCode: "ru", firstName: "Jan" });
    await submitEntry(ann);
    await submitEntry(juror, "https://www.facebook.com/jan/posts/123456789", "Парковки для велосипедов у каждой станции метро");
    await juror.command("entries");
    const own = juror.messages().find((m) => m.kind === "photo" && m.caption?.includes("Jan"))!;
    expect(own.caption).toContain("🙋 Это ваша заявка: её оценивают другие члены жюри.");
    expect(own.caption).not.toContain("ваша оценка");
    expect(juror.buttons(own)).toEqual([]);
    // A forged score or shortlist button on one's own entry stores nothing.
    await juror.tapData(`contest:s:${JUROR}:0:5`, own.message_id);
    expect(juror.callbackAnswers().at(-1)?.text).toBe("Свою заявку нельзя оценить или добавить в короткий список.");
    await juror.tapData(`contest:sl:${JUROR}:1`, own.message_id);
    expect(await contest.scoresOf(JUROR)).toEqual([]);
    expect(await contest.shortlist()).toEqual(new Set());
    // Another entry is scored as usual, and the admin scores the juror's entry.
    const annsCard = juror.messages().find((m) => m.kind === "photo" && m.caption?.includes("Ann"))!;
    await juror.tapData(`contest:s:${ann.id}:0:4`, annsCard.message_id);
    expect(await contest.scoresOf(ann.id)).toEqual([{ jurorId: JUROR, criterionId: "idea", score: 4 }]);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("entries");
    const jansCard = admin.messages().find((m) => m.kind === "photo" && m.caption?.includes("Jan"))!;
    expect(jansCard.caption).toContain("① Quality of the idea — your score: —");
    await admin.tapData(`contest:s:${JUROR}:0:3`, jansCard.message_id);
    expect(await contest.scoresOf(JUROR)).toEqual([{ jurorId: ADMIN, criterionId: "idea", score: 3 }]);
  });

  it("keeps entries and the winner from non-admins, forged buttons included", async () => {
    bot = await startTestBot({ eventFile: eventWithJuror(), adminIds: [ADMIN] });
    const { contest } = bot.running.deps.store;
    const ann = bot.user({ languageCode: "en" });
    await submitEntry(ann);
    const mallory = bot.user({ languageCode: "en" });

    await mallory.command("entries");
    expect(mallory.lastText()).toBe("This is for the jury and the organisers.");
    expect(mallory.messages().some((m) => m.kind === "photo")).toBe(false);
    await mallory.tapData(`contest:s:${ann.id}:0:1`);
    await mallory.tapData(`contest:sl:${ann.id}:1`);
    await mallory.tapData("contest:more:0");
    expect(mallory.callbackAnswers().map((a) => [a.text, a.show_alert])).toEqual(
      Array(3).fill(["This is for the jury and the organisers.", true]),
    );
    expect(await contest.scoresOf(ann.id)).toEqual([]);
    expect(await contest.shortlist()).toEqual(new Set());

    // The juror scores but cannot pick the winner.
    const juror = bot.user({ id: JUROR, languageCode: "en" });
    for (const user of [mallory, juror]) {
      await user.command("winner");
      expect(user.lastText()).toBe("Only organisers can do this.");
      await user.tapData(`contest:w:${ann.id}`);
      await user.tapData("contest:ws");
      expect(user.callbackAnswers().at(-1)).toMatchObject({ text: "Only organisers can do this.", show_alert: true });
    }
    expect(await contest.announcement()).toBeUndefined();

    // Malformed data from a juror falls through to the stale-button answer, without a crash.
    await juror.tapData("contest:s:x:y:z");
    expect(juror.callbackAnswers().at(-1)!.text).toBe("This button is no longer active.");
  });
});

describe("jury cards", () => {
  it("fit the longest idea into Telegram's caption limit", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const ann = bot.user({ languageCode: "en", firstName: "<b>Ann</b> & Co" });
    await submitEntry(ann, POST, "Trees & benches <along> the river. ".repeat(30).slice(0, 1000));
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("entries");
    const card = admin.messages().find((m) => m.kind === "photo")!;
    expect(card.caption).toContain("<b>Ann</b> & Co");
    expect(card.caption).toContain("Trees & benches <along>");
    expect(card.caption).toContain("…");
    expect(card.caption!.length).toBeLessThanOrEqual(1024);
  });
});

describe("winner announcement", () => {
  it("previews in every language, congratulates the winner and reaches everyone exactly once", async () => {
    bot = await startTestBot({ adminIds: [ADMIN, SECOND_ADMIN] });
    const ann = bot.user({ languageCode: "kk", firstName: "Ann" });
    const bob = bot.user({ languageCode: "en", firstName: "Bob" });
    const carl = bot.user({ languageCode: "ru", firstName: "Carl" });
    for (const user of [ann, bob, carl]) await user.command("start");
    await submitEntry(ann);
    await submitEntry(bob, "https://www.facebook.com/share/p/1AbCdEf/", "Drinking fountains along the green corridor");
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");

    await admin.command("winner");
    // Entries are still open a week before the event: the organiser confirms before choosing.
    expect(admin.lastText()).toContain("Entries are open until 28 November 2017, 23:59");
    await admin.tap("▶️ Choose anyway");
    expect(admin.lastText()).toContain("Choose the winner");
    // The list, the draft and its runner-up toggles are one message, edited in place.
    const picker = admin.lastMessage().message_id;
    await admin.tapData(`contest:w:${ann.id}`);
    expect(admin.lastText()).toContain("Winner: Ann");
    await admin.tap("Bob");
    expect(admin.lastText()).toContain("Runners-up: Bob");
    expect(admin.lastMessage().message_id).toBe(picker);
    admin.markSeen();
    await admin.tap("👁 Preview");
    const previews = admin.newMessages().map((m) => m.text ?? "");
    expect(previews).toHaveLength(4);
    expect(previews[0]).toContain("Preview in Russian");
    expect(previews[0]).toContain("победитель — Ann");
    expect(previews[1]).toContain("жеңімпаз — Ann");
    expect(previews[2]).toContain("the winner is Ann");
    expect(previews[2]).toContain("Runners-up: Bob");
    expect(await bot.running.deps.store.contest.announcement()).toBeUndefined();
    await admin.tap("✅ Send to everyone");
    expect(admin.lastText()).toContain("Sent");
    const announcementIn = (user: TelegramUser, part: string) => user.messages().filter((m) => m.text?.includes(part));
    await until(
      () =>
        [
          announcementIn(ann, "жеңімпаз — Ann"),
          announcementIn(bob, "the winner is Ann"),
          announcementIn(carl, "победитель — Ann"),
          // The admin's preview carries the same words; only the announcement starts with 🏆.
          announcementIn(admin, "the winner is Ann").filter((m) => m.text!.startsWith("🏆")),
        ].map((l) => l.length),
      (counts) => counts.every((c) => c === 1),
    );
    expect(ann.messages().some((m) => m.text?.includes("Құттықтаймыз, Ann!"))).toBe(true);

    // A second tap, a second /winner and a second admin all see what was sent; nothing goes out again.
    admin.markSeen();
    await admin.tapData("contest:ws");
    expect(
      admin
        .newMessages()
        .map((m) => m.text)
        .join("\n"),
    ).toContain("already sent");
    const other = bot.user({ id: SECOND_ADMIN, languageCode: "en" });
    await other.command("winner");
    expect(other.lastText()).toContain("already sent");
    expect(other.lastText()).toContain("the winner is Ann");
    await other.tapData(`contest:w:${bob.id}`);
    expect(other.lastText()).toContain("the winner is Ann");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(announcementIn(carl, "победитель")).toHaveLength(1);
    expect(announcementIn(bob, "the winner is Ann")).toHaveLength(1);
    expect(announcementIn(admin, "the winner is Ann").filter((m) => m.text!.startsWith("🏆"))).toHaveLength(1);
    expect((await bot.running.deps.store.contest.announcement())!.winnerId).toBe(ann.id);

    await bob.command("contest");
    await bob.tap("📄 My entry");
    expect(bob.lastText()).toContain("runner-up");
  });

  it("finishes an announcement whose sending failed at the next /winner, instead of calling it sent", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const ann = bot.user({ languageCode: "en", firstName: "Ann" });
    const carl = bot.user({ languageCode: "ru", firstName: "Carl" });
    for (const user of [ann, carl]) await user.command("start");
    await submitEntry(ann);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    await admin.command("winner");
    await admin.tapData(`contest:w:${ann.id}`);
    await admin.tap("👁 Preview");

    // The broadcast queue refuses the first send (Redis gone for a moment, or the process dying there).
    const { deps } = bot.running;
    const send = deps.broadcasts.send;
    deps.broadcasts.send = () => Promise.reject(new Error("queue unavailable"));
    await admin.tap("✅ Send to everyone");
    deps.broadcasts.send = send;
    expect(admin.lastText()).toContain("something went wrong");
    expect(await deps.broadcasts.progress("contest-winner")).toBeUndefined();
    await ann.command("contest");
    await ann.tap("📄 My entry");
    expect(ann.lastText()).not.toContain("🏆 winner!");

    // The next /winner sends the announcement that was confirmed, once, rather than saying it went out.
    await admin.command("winner");
    expect(admin.lastText()).not.toContain("already sent");
    expect(admin.lastText()).toContain("Sent");
    const announcementIn = (user: TelegramUser, part: string) => user.messages().filter((m) => m.text?.includes(part));
    await until(
      () => [announcementIn(ann, "the winner is Ann"), announcementIn(carl, "победитель — Ann")].map((l) => l.length),
      (c) => c.every((n) => n === 1),
    );
    expect(announcementIn(ann, "Congratulations")).toHaveLength(1);
    await admin.command("winner");
    expect(admin.lastText()).toContain("already sent");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(announcementIn(carl, "победитель — Ann")).toHaveLength(1);
    expect(announcementIn(ann, "Congratulations")).toHaveLength(1);
  });
});
