import { describe, expect, it } from "vitest";
import type { IdeaDraft } from "../src/store/ideas.js";
import { parseCsv } from "./support/csv.js";
import { eventWith, type EventPatch } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";
import { openSubmission } from "./support/flows.js";

const startTestBot = botPerTest();
let bot: TestBot;

const ADMIN = 4242;
const OTHER_ADMIN = 4343;
const GROUP = -100777;

/** The bundled event with its ideas section changed: the way organisers would edit their file. */
const eventFileWith = (ideas: EventPatch["ideas"]) => eventWith({ ideas });

async function propose(user: TelegramUser, text: string, options: { place?: boolean } = {}) {
  const en = user.user.language_code === "en";
  await user.command("idea");
  await openSubmission(user, en ? "✍️ Propose an idea" : /✍️/);
  await user.tap(en ? "Bike lanes" : /^(Велодорожки|Велосипед жолдары)$/);
  await user.send(text);
  await user.tap(/➡️/);
  if (options.place) await user.tapReply(/📍/);
  else await user.tapReply(/➡️/);
  await user.tap(/✅/);
}

async function storedIdea(authorId: number, extra: Partial<IdeaDraft> = {}, publish = true) {
  const created = await bot.running.deps.store.ideas.create(
    { authorId, authorName: "Someone", language: "en", category: "bike", text: "A stored idea about bike lanes", ...extra },
    { now: bot.clock.now(), day: "x", dailyLimit: 100, publish },
  );
  if (!created.ok) throw new Error("not created");
  return created.idea;
}

describe("the organisers' list of an event with one idea category", () => {
  it("opens a status's ideas at once, and goes back to the statuses, in ru", async () => {
    const lanes = { id: "lanes", name: { ru: "Велодорожки", kk: "Веложолдар", en: "Bike lanes" } };
    bot = await startTestBot({ adminIds: [ADMIN], eventFile: eventFileWith({ categories: [lanes] }) });
    const t = (key: string, vars?: Record<string, string | number>) => bot.running.deps.i18n.t("ru", key, vars);
    await storedIdea(1001, { category: "lanes", text: "Велодорожка вдоль набережной" }, false);
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("ideas");
    await admin.tap(t("ideas-admin-all", { count: 1 }));
    expect(admin.lastText()).toContain("Велодорожка вдоль набережной");
    expect(admin.buttons()).not.toContain(t("ideas-admin-all-categories", { count: 1 }));
    await admin.tap(t("ideas-back"));
    expect(admin.lastText()).toContain(t("ideas-admin-title", { total: 1 }).replace(/<\/?b>/g, ""));
  });
});

describe("moderation", () => {
  it("publishes a new idea once, and tells the author in their language", async () => {
    bot = await startTestBot({ adminIds: [ADMIN, OTHER_ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const other = bot.user({ id: OTHER_ADMIN, languageCode: "en" });
    await admin.command("start");
    await other.command("start");
    const author = bot.user({ languageCode: "kk" });
    await propose(author, "Абай даңғылы бойымен велосипед жолы керек");
    expect(admin.lastText()).toContain("New idea #1 to review");
    expect(admin.lastText()).toContain("Абай даңғылы бойымен велосипед жолы керек");

    await admin.tap("✅ Publish");
    expect(admin.lastText()).toBe("✅ Idea #1 was published by Aigerim.");
    expect(admin.buttons(admin.messages().at(-2)!)).toEqual([]);
    expect((await bot.running.deps.store.ideas.get(1))?.status).toBe("published");
    expect(author.lastText()).toContain("№1");
    expect(author.lastText()).toContain("жаңа мәртебесі: 📢 жарияланды");
    expect(author.buttons()).toEqual(["📋 Менің идеяларым"]);

    // The second organiser's copy is out of date: nothing changes twice, the author hears once.
    const authorMessages = author.messages().length;
    await other.tap("❌ Reject");
    expect(other.callbackAnswers().at(-1)?.text).toBe("Idea #1 has already been handled (📢 published).");
    await other.tapData("ideas:mod:pub:1");
    expect(other.callbackAnswers().at(-1)?.text).toBe("Idea #1 has already been handled (📢 published).");
    expect(author.messages()).toHaveLength(authorMessages);
  });

  it("rejects with a preset reason in the author's language, the reasons on the question itself", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const author = bot.user({ languageCode: "ru" });
    await propose(author, "Велодорожка вдоль проспекта Абая");
    const card = admin.lastMessage();
    await admin.tap("❌ Reject");
    expect(admin.lastText()).toBe("Why is idea #1 rejected? Choose a reason or write your own in one message. The author will see it.");
    expect(admin.buttons()).toEqual([
      "It repeats an idea that is already published.",
      "It is not about the event's topic.",
      "It breaks the rules: insults, advertising or personal data.",
      "⬅️ Back to the idea",
      "❌ Cancel",
    ]);
    // The card above keeps no buttons of its own while the question is open.
    expect(admin.buttons(admin.api.message(admin.id, card.message_id)!)).toEqual([]);
    await admin.tap("It repeats an idea that is already published.");
    expect(admin.lastText()).toBe("❌ Idea #1 was rejected by Aigerim: It repeats an idea that is already published.");
    expect(await bot.running.deps.store.ideas.get(1)).toMatchObject({ status: "rejected", answer: "Повторяет уже опубликованную идею." });
    expect(author.lastText()).toContain("новый статус — ❌ отклонена");
    expect(author.lastText()).toContain("Организаторы: Повторяет уже опубликованную идею.");
    await author.tap("📋 Мои идеи");
    expect(author.lastText()).toContain("❌ отклонена");
    expect(author.lastText()).toContain("Повторяет уже опубликованную идею.");
    expect(bot.errors()).toEqual([]);
  });

  it("takes a typed reason as the reason, in Russian too", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("start");
    const author = bot.user({ languageCode: "en" });
    await propose(author, "Paint the old tram depot walls");
    await admin.tap("❌ Отклонить");
    expect(admin.lastText()).toBe("Почему отклонена идея №1? Выберите причину или напишите свою одним сообщением. Автор увидит причину.");
    expect(admin.buttons()).toHaveLength(5);
    const question = admin.lastMessage();
    const preset = admin.keyboard(question).flat()[0] as { callback_data: string };
    await admin.send("Депо — памятник архитектуры, передадим идею в управление охраны наследия.");
    expect(admin.lastText()).toBe("✅ Сохранено. Автор идеи №1 получил уведомление.");
    expect(admin.messages().some((m) => m.text?.includes("Я не понял"))).toBe(false);
    expect(await bot.running.deps.store.ideas.get(1)).toMatchObject({
      status: "rejected",
      answer: expect.stringContaining("памятник архитектуры"),
    });
    expect(author.lastText()).toContain("is now ❌ rejected");
    expect(author.lastText()).toContain("памятник архитектуры");
    // The question's buttons go once it is answered; a late tap of one changes nothing.
    expect(admin.buttons(admin.api.message(admin.id, question.message_id)!)).toEqual([]);
    await admin.tapData(preset.callback_data, question.message_id);
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Идея №1 уже обработана (❌ отклонена).");
    expect(bot.errors()).toEqual([]);
  });

  it("backs out of a rejection with /cancel or Back, changing nothing", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const author = bot.user({ languageCode: "en" });
    await propose(author, "Paint the old tram depot walls");
    await admin.tap("❌ Reject");
    const question = admin.lastMessage();
    await admin.command("cancel");
    expect(admin.lastText()).toBe("Nothing was changed.");
    expect((await bot.running.deps.store.ideas.get(1))?.status).toBe("new");

    // Back turns the question into the card again, with Publish and Reject.
    await admin.tap("⬅️ Back to the idea");
    const card = admin.api.message(admin.id, question.message_id)!;
    expect(card.text).toContain("New idea #1 to review");
    expect(admin.buttons(card)).toEqual(["✅ Publish", "❌ Reject", "🔗 Merge into another idea"]);
    await admin.tap("❌ Reject");
    await admin.sendSticker();
    expect(admin.lastText()).toBe("✋ Please send the answer as text, up to 1,000 characters.");
    await admin.send("The depot is a protected monument; we will pass the idea to the heritage office.");
    expect(admin.lastText()).toBe("✅ Saved. The author of idea #1 was notified.");
    expect(author.lastText()).toContain("is now ❌ rejected");
    expect(author.lastText()).toContain("we will pass the idea to the heritage office");
  });

  it("uses the organisers' group chat when the event file names one", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], eventFile: eventFileWith({ moderationChat: GROUP }) });
    const group = bot.user({ id: ADMIN, languageCode: "en" }).inGroup(GROUP);
    const stranger = bot.user({ languageCode: "en" }).inGroup(GROUP);
    const author = bot.user({ languageCode: "en" });
    await propose(author, "More drinking fountains in Panfilov park");
    expect(bot.api.chat(ADMIN)).toEqual([]);
    expect(group.lastText()).toContain("More drinking fountains in Panfilov park");

    await stranger.tap(/^✅/);
    expect(stranger.callbackAnswers().at(-1)).toMatchObject({ text: "Only organisers can do this.", show_alert: true });
    expect((await bot.running.deps.store.ideas.get(1))?.status).toBe("new");

    await group.tap(/^❌/);
    expect(group.lastText()).toBe("Why is idea #1 rejected? The author will see the reason.");
    expect(group.buttons()).toHaveLength(4);
    await group.tap(/^⬅️/);
    await group.tap(/^✅/);
    // The card is in the event's first language; the confirmation in the organiser's.
    expect(group.messages().some((m) => m.text?.includes("Новая идея №1"))).toBe(true);
    expect(group.lastText()).toBe("✅ Idea #1 was published by Aigerim.");
    expect(author.lastText()).toContain("is now 📢 published");
    // Other group traffic still goes nowhere.
    const before = group.messages().length;
    await group.send("hello bot");
    await group.tapData("ideas:b");
    expect(group.messages()).toHaveLength(before);
  });

  it("publishes at once when moderation is off", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], eventFile: eventFileWith({ moderation: false }) });
    const author = bot.user({ languageCode: "en" });
    await propose(author, "Shade trees at every tram stop");
    expect(author.lastText()).toContain("Your idea #1 is published");
    expect((await bot.running.deps.store.ideas.get(1))?.status).toBe("published");
    expect(bot.api.chat(ADMIN)).toEqual([]);
  });
});

describe("/ideas for organisers", () => {
  it("browses by status and category, changes a status and answers the author", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const author = bot.user({ languageCode: "kk" });
    await author.command("start");
    await storedIdea(author.id, { language: "kk", text: "Қалаға көбірек велосипед жолы керек" });
    await storedIdea(author.id, { category: "parks", text: "Parks need benches" }, false);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("ideas");
    expect(admin.lastText()).toBe("🗂 All ideas: 2. Choose a status:");
    expect(admin.buttons()).toContain("📢 published (1)");
    await admin.tap("All (2)");
    // Every status together is named as such, not by the filter's own "*".
    expect(admin.lastText()).toBe("Status: all. Choose a category:");
    await admin.tap("⬅️ Ideas");
    await admin.tap("📢 published (1)");
    await admin.tap("Bike lanes (1)");
    expect(admin.lastText()).toContain("#1 (1 of 1) · 📢 published");
    expect(admin.lastText()).toContain("Қалаға көбірек велосипед жолы керек");

    await admin.tap("✅ Mark: accepted");
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Idea #1 is now ✅ accepted. Its author and followers will be told.");
    expect(admin.lastText()).toContain("#1");
    expect(admin.lastText()).toContain("✅ accepted");
    // Through the broadcast engine: the message comes a moment after the tap.
    await until(
      () => author.lastText(),
      (text) => text.includes("жаңа мәртебесі: ✅ қабылданды"),
    );
    const told = author.messages().length;

    await admin.tap("✍️ Answer the author");
    await admin.send("Жоба 2018 жылы жүзеге асады.");
    expect(admin.lastText()).toBe("✅ Saved. The author of idea #1 was notified.");
    expect((await bot.running.deps.store.ideas.get(1))?.answer).toBe("Жоба 2018 жылы жүзеге асады.");
    // A second update the same day waits for the daily digest (test/ideas-follow.test.ts follows it there).
    expect(await bot.running.deps.store.ideaUpdates.pendingDigests()).toEqual([
      { userId: author.id, updates: "1:a", lastDay: expect.any(String) },
    ]);
    expect(author.messages()).toHaveLength(told);
  });

  it("refuses non-admins, forged taps included", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    await storedIdea(1, {}, false);
    const mallory = bot.user({ languageCode: "en" });
    // Their /ideas is the guests' ideas screen: nothing of the organisers' list.
    await mallory.command("ideas");
    expect(mallory.lastText()).toMatch(/^💡 Ideas for the city/);
    expect(mallory.lastText()).not.toContain("All ideas");
    await mallory.command("export", "ideas");
    expect(mallory.lastText()).toBe("Only organisers can do this.");
    for (const data of [
      "ideas:a",
      "ideas:a:n",
      "ideas:a:n:*:0",
      "ideas:as:1:p:*:*:0",
      "ideas:aa:1",
      "ideas:mod:pub:1",
      "ideas:mod:rr:1:duplicate",
      "ideas:mod:rc:1",
    ]) {
      await mallory.tapData(data);
      expect(mallory.callbackAnswers().at(-1)?.text, data).toBe("Only organisers can do this.");
    }
    expect((await bot.running.deps.store.ideas.get(1))?.status).toBe("new");
    expect(mallory.documents()).toEqual([]);

    // Malformed data falls through to the catch-all.
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    for (const data of ["ideas:as:1:zz:*:*:0", "ideas:mod:rr:1:whatever", "ideas:nonsense", `ideas:a:n:${"x".repeat(30)}:0`]) {
      await admin.tapData(data);
      expect(admin.callbackAnswers().at(-1)?.text, data).toBe("This button is no longer active.");
    }
  });
});

describe("export", () => {
  it("sends the ideas as CSV and GeoJSON that read back", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const author = bot.user({ languageCode: "en" });
    await propose(author, '=HYPERLINK("http://x") bike lane, "Abay"', { place: true });
    await storedIdea(2, { category: "parks", text: "Benches in the park" });
    await bot.running.deps.store.ideas.toggleSupport(2, 77);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("export", "ideas");
    const [csvMessage, geoMessage] = admin.documents();
    expect(csvMessage?.caption).toBe("📄 Ideas: 2 (CSV, opens in Excel)");
    expect(csvMessage?.document?.filename).toBe(`ideas-${bot.event.id}.csv`);
    const csv = csvMessage!.document!.data!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.subarray(3).toString("utf8"));
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ["id", "category", "status", "supports"],
      ["1", "bike", "new", "0"],
      ["2", "parks", "published", "1"],
    ]);
    expect(rows[1]?.[5]).toBe('\'=HYPERLINK("http://x") bike lane, "Abay"');
    expect(rows[1]?.slice(7, 9)).toEqual(["43.2383", "76.9453"]);

    expect(geoMessage?.caption).toBe("🗺 Ideas with a place: 1 (GeoJSON for QGIS or geojson.io)");
    expect(geoMessage?.document?.filename).toBe(`ideas-${bot.event.id}.geojson`);
    const geo = JSON.parse(geoMessage!.document!.data!.toString("utf8"));
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(1);
    expect(geo.features[0].geometry).toEqual({ type: "Point", coordinates: [76.9453, 43.2383] });
    expect(geo.features[0].properties).toMatchObject({ id: 1, category: "bike", status: "new", supports: 0, photo: null });
    expect(geo.features[0].properties.created).toBe(bot.clock.now().toISOString());
  });

  it("leaves plain /export to the guest list", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("export");
    expect(admin.documents().every((m) => !m.document?.filename?.startsWith("ideas-"))).toBe(true);
  });
});
