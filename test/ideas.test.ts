import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { IdeaDraft } from "../src/store/ideas.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { openSubmission } from "./support/flows.js";
import { eventWith } from "./support/event-file.js";

const startTestBot = botPerTest();
let bot: TestBot;

const ADMIN = 4242;
const BIKE_IDEA = "A protected bike lane along Abay avenue from Dostyk to Baizakov";

/** A string of the bot's own locale files, so the tests follow the wording. */
const t = (language: string, key: string, vars?: Record<string, string | number>) => bot.running.deps.i18n.t(language, key, vars);

interface FormAnswers {
  category: string;
  text: string;
  photo?: boolean;
  place?: boolean;
}

/** Walks the form from /idea to the preview, as a user would. */
async function fillForm(user: TelegramUser, language: string, answers: FormAnswers) {
  await user.command("idea");
  await openSubmission(user, t(language, "ideas-new"));
  await user.tap(answers.category);
  await user.send(answers.text);
  if (answers.photo) await user.sendPhoto();
  else await user.tap(t(language, "ideas-skip"));
  if (answers.place) await user.tapReply(t(language, "ideas-send-location"));
  else await user.tapReply(t(language, "ideas-skip"));
}

async function publishedIdea(authorId: number, extra: Partial<IdeaDraft> = {}) {
  const created = await bot.running.deps.store.ideas.create(
    { authorId, authorName: "Someone", language: "ru", category: "bike", text: BIKE_IDEA, ...extra },
    { now: bot.clock.now(), day: "x", dailyLimit: 100, publish: true },
  );
  if (!created.ok) throw new Error("not created");
  return created.idea;
}

describe("proposing an idea", () => {
  const cases = [
    {
      language: "ru",
      category: "Велодорожки",
      text: "Велодорожка вдоль проспекта Абая от Достык до Байзакова",
      thanks: "Спасибо! Идея №1 отправлена",
    },
    {
      language: "kk",
      category: "Велосипед жолдары",
      text: "Абай даңғылы бойымен қорғалған велосипед жолы керек",
      thanks: "Рақмет! №1 идеяңыз",
    },
    { language: "en", category: "Bike lanes", text: BIKE_IDEA, thanks: "Thank you! Your idea #1 was sent" },
  ];

  for (const { language, category, text, thanks } of cases) {
    it(`works in ${language} with a photo and a place, and goes to the organisers`, async () => {
      bot = await startTestBot({ adminIds: [ADMIN] });
      const user = bot.user({ languageCode: language });
      await fillForm(user, language, { category, text, photo: true, place: true });
      expect(user.lastText()).toContain(text);
      expect(user.lastText()).toContain(t(language, "ideas-field-photo"));
      expect(user.lastText()).toContain("43.23830, 76.94530");
      expect(user.replyKeyboard()).toBeUndefined();
      await user.tap(t(language, "ideas-submit"));
      expect(user.lastText()).toContain(thanks);
      expect(user.buttons()).toContain(t(language, "ideas-mine"));

      const [stored] = await bot.running.deps.store.ideas.byAuthor(user.id);
      expect(stored).toMatchObject({ id: 1, category: "bike", text, status: "new", language, latitude: 43.2383, longitude: 76.9453 });
      expect(stored?.photo).toMatch(/^AgAC/);
      // The organiser gets the photo, the pin and the card with the buttons, in their language.
      const admin = bot.api.chat(ADMIN);
      expect(admin.map((m) => m.kind)).toEqual(["photo", "location", "text"]);
      expect(admin[2]?.text).toContain(text);
      expect(admin[2]?.reply_markup).toMatchObject({
        inline_keyboard: [[{ callback_data: "ideas:mod:pub:1" }, { callback_data: "ideas:mod:rej:1" }], [{ callback_data: "ideas:amg:1" }]],
      });
    });

    it(`works in ${language} without a photo or a place`, async () => {
      bot = await startTestBot({ adminIds: [ADMIN] });
      const user = bot.user({ languageCode: language });
      await fillForm(user, language, { category, text });
      expect(user.lastText()).not.toContain(t(language, "ideas-field-photo"));
      expect(user.lastText()).not.toContain("📍");
      await user.tap(t(language, "ideas-submit"));
      const [stored] = await bot.running.deps.store.ideas.byAuthor(user.id);
      expect(stored).toMatchObject({ text, photo: undefined, latitude: undefined });
      expect(bot.api.chat(ADMIN).map((m) => m.kind)).toEqual(["text"]);
    });
  }

  it("handles a double tap on Submit once", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const user = bot.user({ languageCode: "en" });
    await fillForm(user, "en", { category: "Bike lanes", text: BIKE_IDEA });
    const preview = user.lastMessage();
    const submit = user
      .keyboard(preview)
      .flat()
      .find((button) => button.text === "✅ Submit") as { callback_data: string };
    await Promise.all([user.tapData(submit.callback_data, preview.message_id), user.tapData(submit.callback_data, preview.message_id)]);
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toHaveLength(1);
    expect(bot.api.chat(ADMIN).filter((m) => m.text?.includes("#1") || m.text?.includes("№1"))).toHaveLength(1);
    expect(user.callbackAnswers().map((a) => a.text ?? "")).toContain("This button is no longer active.");
  });

  it("follows another event file: its categories, its first language, no city bounds", async () => {
    bot = await startTestBot({ eventFile: fileURLToPath(new URL("./fixtures/events/riverside-cleanup.yaml", import.meta.url)) });
    const user = bot.user();
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    expect(user.buttons()).toEqual(["Litter bins", "Trees", "❌ Cancel"]);
    await user.tap("Trees");
    await user.send("Plant willows along the river bank");
    await user.tap("Skip ➡️");
    await user.sendLocation(51.5072, -0.1276);
    expect(user.lastText()).toContain("📍 Place: 51.50720, -0.12760");
    await user.tap("✅ Submit");
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toMatchObject([{ category: "trees", latitude: 51.5072 }]);
  });

  it("asks no category when the event file has one: the form starts at the text and Edit does not offer it", async () => {
    const lanes = { id: "lanes", name: { ru: "Велодорожки", kk: "Веложолдар", en: "Bike lanes" } };
    bot = await startTestBot({ eventFile: eventWith({ ideas: { categories: [lanes], moderation: false } }) });
    const user = bot.user({ languageCode: "ru" });
    await user.command("idea");
    await openSubmission(user, t("ru", "ideas-new"));
    expect(user.lastText()).toContain("Шаг 1 из 3");
    expect(user.lastText()).toContain("Опишите идею");
    await user.send(BIKE_IDEA);
    await user.tap(t("ru", "ideas-skip"));
    // The skipped photo's question says so, not the Skip button's label.
    expect(user.messages().at(-2)?.text).toContain("Без фото ✓");
    await user.tapReply(t("ru", "ideas-skip"));
    expect(user.lastText()).toContain("Категория: Велодорожки");
    await user.tap(t("ru", "ideas-edit"));
    expect(user.buttons()).not.toContain(t("ru", "ideas-edit-category"));
    expect(user.buttons()).toContain(t("ru", "ideas-edit-text"));
    await user.tap(t("ru", "ideas-edit-photo"));
    await user.tap(t("ru", "ideas-skip"));
    await user.tap(t("ru", "ideas-submit"));
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toMatchObject([{ category: "lanes", text: BIKE_IDEA }]);

    // Browsing opens the category's ideas at once, and goes back to the ideas menu, not to a choice of one.
    const reader = bot.user({ languageCode: "kk" });
    await reader.command("idea");
    await reader.tap(t("kk", "ideas-browse"));
    expect(reader.lastText()).toContain("Веложолдар");
    expect(reader.lastText()).toContain(BIKE_IDEA);
    expect(reader.buttons()).not.toContain(t("kk", "ideas-browse"));
    await reader.tap(t("kk", "ideas-back"));
    expect(reader.buttons()).toContain(t("kk", "ideas-new"));
  });

  it("checks every step and re-asks with a hint", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    await user.send("Bikes");
    expect(user.lastText()).toBe("✋ Please choose a category with the buttons.");
    await user.tap("Bike lanes");
    await user.send("Too short");
    expect(user.lastText()).toBe("✋ That is too short: please write at least 10 characters.");
    await user.send("x".repeat(2001));
    expect(user.lastText()).toBe("✋ That is too long (2,001 characters). Please keep it to 2,000 characters.");
    await user.sendSticker();
    expect(user.lastText()).toContain("I need your idea as a text message");
    await user.sendPhoto();
    expect(user.lastText()).toContain("I need your idea as a text message");
    await user.send(BIKE_IDEA);
    await user.send("here is no photo");
    expect(user.lastText()).toContain("Please send a photo");
    await user.sendDocument();
    expect(user.lastText()).toContain("Please send a photo");
    await user.tap("Skip ➡️");
    await user.sendLocation(51.1694, 71.4491); // Astana, far outside Almaty
    expect(user.lastText()).toBe("✋ This pin is outside the city. Please put the pin on a place in the city, or tap Skip.");
    await user.sendSticker();
    expect(user.lastText()).toBe("✋ Please send a map pin, or tap Skip.");
    await user.sendLocation(43.25, 76.95);
    expect(user.lastText()).toContain("Check your idea");
    await user.send("send it");
    expect(user.lastText()).toContain("Please use the buttons");
    await user.tap("✅ Submit");
    const [stored] = await bot.running.deps.store.ideas.byAuthor(user.id);
    expect(stored).toMatchObject({ text: BIKE_IDEA, latitude: 43.25, longitude: 76.95, photo: undefined });
  });

  it("lets the user edit a field from the preview", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await fillForm(user, "en", { category: "Bike lanes", text: BIKE_IDEA });
    await user.tap("✏️ Edit");
    await user.tap("Text");
    await user.send("Shade trees along every bike lane on Abay avenue");
    expect(user.lastText()).toContain("Shade trees along every bike lane");
    await user.tap("✏️ Edit");
    await user.tap("Category");
    await user.tap("Parks and green areas");
    expect(user.lastText()).toContain("Category: Parks and green areas");
    await user.tap("✅ Submit");
    const [stored] = await bot.running.deps.store.ideas.byAuthor(user.id);
    expect(stored).toMatchObject({ category: "parks", text: "Shade trees along every bike lane on Abay avenue" });
  });

  it("leaves with /cancel or the Cancel button at any step, storing nothing", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    await user.tap("Bike lanes");
    await user.command("cancel");
    expect(user.lastText()).toBe("Your draft was discarded.");
    expect(user.buttons()).toEqual(["⬅️ Menu"]);
    await fillForm(user, "en", { category: "Bike lanes", text: BIKE_IDEA });
    await user.tap("❌ Cancel");
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toEqual([]);
    // The form's buttons are dead now.
    await user.tapData("ideas:f:submit");
    expect(user.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
  });

  it("lets other buttons and commands end the form and do their own job", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    await user.tap("Bike lanes");
    // The old menu's button starts a fresh form.
    await openSubmission(user, "✍️ Propose an idea");
    expect(user.lastText()).toContain("Step 1 of 4");
    await user.tap("Other");
    await user.command("start");
    expect(user.lastText()).toContain("What would you like to do?");
    await user.send("Some text that is not an idea answer any more");
    expect(user.lastText()).not.toContain("Step 3 of 4");
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toEqual([]);
  });

  it("cancels from the reply keyboard at the place step and removes the keyboard", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    await user.tap("Bike lanes");
    await user.send(BIKE_IDEA);
    await user.tap("Skip ➡️");
    await user.tapReply("❌ Cancel");
    expect(user.replyKeyboard()).toBeUndefined();
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toEqual([]);
  });

  it("shows similar published ideas before submitting and lets the user support one instead", async () => {
    bot = await startTestBot();
    const similar = await publishedIdea(1, { text: "Bike lane on Abay avenue between Dostyk and Baizakov, please" });
    await publishedIdea(2, { category: "parks", text: "A bike lane on Abay avenue through the park" });
    const user = bot.user({ languageCode: "en" });
    await fillForm(user, "en", { category: "Bike lanes", text: BIKE_IDEA });
    expect(user.lastText()).toContain("Similar ideas are already published");
    expect(user.lastText()).toContain(`#${similar.id}`);
    expect(user.buttons()).toEqual([`👍 #${similar.id} (0)`, "✅ Submit", "✏️ Edit", "❌ Cancel"]);
    const after = await user.tap(`👍 #${similar.id} (0)`);
    expect(user.callbackAnswers().at(-1)?.text).toBe("👍 Thank you for your support!");
    expect(after).toEqual([]); // no "something went wrong": the form is still waiting
    expect((await bot.running.deps.store.ideas.get(similar.id))?.supports).toBe(1);
    // The preview shows the new count where the user tapped, and a second tap withdraws the support.
    expect(user.buttons()).toEqual([`💚 #${similar.id} (1)`, "✅ Submit", "✏️ Edit", "❌ Cancel"]);
    expect(user.lastText()).toContain(`(👍 1)`);
    await user.tap(`💚 #${similar.id} (1)`);
    expect(user.callbackAnswers().at(-1)?.text).toBe("Your support was withdrawn.");
    expect(user.buttons()).toEqual([`👍 #${similar.id} (0)`, "✅ Submit", "✏️ Edit", "❌ Cancel"]);
    await user.tap("❌ Cancel");
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toEqual([]);
  });

  it("keeps the draft after supporting a similar idea, and Submit still sends it", async () => {
    bot = await startTestBot();
    const similar = await publishedIdea(1, { text: "Bike lane on Abay avenue between Dostyk and Baizakov, please" });
    const user = bot.user({ languageCode: "ru" });
    await fillForm(user, "ru", { category: "Велодорожки", text: BIKE_IDEA });
    expect(user.lastText()).toContain(`• №${similar.id} (👍 0) Bike lane on Abay avenue`);
    await user.tap(`👍 №${similar.id} (0)`);
    expect(user.callbackAnswers().at(-1)?.text).toBe(t("ru", "ideas-supported"));
    expect(user.lastText()).toContain(`• №${similar.id} (👍 1) Bike lane on Abay avenue`);
    expect(user.lastText()).toContain(BIKE_IDEA);
    await user.tap(t("ru", "ideas-submit"));
    expect(user.lastText()).toContain("Спасибо! Идея №2 отправлена");
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toMatchObject([{ id: 2, text: BIKE_IDEA, status: "new" }]);
    expect((await bot.running.deps.store.ideas.get(similar.id))?.supports).toBe(1);
    expect(bot.errors()).toEqual([]);
  });

  it("keeps only the similar ideas in the form's stored state, not every published idea of the category", async () => {
    bot = await startTestBot();
    const similar = await publishedIdea(1, { text: "Bike lane on Abay avenue between Dostyk and Baizakov, please" });
    for (let i = 0; i < 40; i++) await publishedIdea(100 + i, { text: `Unrelated proposal number ${i} about benches near fountains` });
    const user = bot.user({ languageCode: "en" });
    await fillForm(user, "en", { category: "Bike lanes", text: BIKE_IDEA });
    expect(user.buttons()).toEqual([`👍 #${similar.id} (0)`, "✅ Submit", "✏️ Edit", "❌ Cancel"]);
    // Every later step of the form reads and writes this state: the category's other ideas are not in it.
    const state = (await bot.redis.get(`${bot.running.deps.store.keys.conversationPrefix}${user.id}`)) ?? "";
    expect(state).toContain("Bike lane on Abay avenue between Dostyk");
    expect(state).not.toContain("Unrelated proposal");
    await user.tap("✅ Submit");
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toMatchObject([{ text: BIKE_IDEA, status: "new" }]);
    expect(bot.errors()).toEqual([]);
  });

  it("stops at the daily limit with a clear message", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    const limit = bot.event.ideas!.dailyLimit;
    for (let i = 0; i < limit; i++) {
      await fillForm(user, "en", { category: "Other", text: `Idea number ${i} for the city` });
      await user.tap("✅ Submit");
    }
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toHaveLength(limit);
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    expect(user.lastText()).toBe(`You have already sent ${limit} ideas today, the daily limit. Please come back tomorrow.`);
    // A new day in Almaty opens the form again.
    bot.clock.advance(24 * 60 * 60 * 1000);
    await openSubmission(user, "✍️ Propose an idea");
    expect(user.lastText()).toContain("Step 1 of 4");
  });
});

describe("my ideas and browsing", () => {
  it("lists the user's ideas with status and the organisers' answer", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("idea");
    await user.tap("📋 My ideas");
    expect(user.lastText()).toContain("You haven't proposed any ideas yet.");
    const idea = await publishedIdea(user.id, { language: "en" });
    await bot.running.deps.store.ideas.setStatus(idea.id, "accepted", { now: bot.clock.now(), answer: "We will build it in 2018" });
    await user.tap("⬅️ Ideas");
    await user.tap("📋 My ideas");
    expect(user.lastText()).toContain(`#${idea.id} · Bike lanes · ✅ accepted · 👍 0`);
    expect(user.lastText()).toContain("Organisers: We will build it in 2018");
    expect(user.buttons()).toEqual(["⬅️ Ideas", "⬅️ Menu"]);
  });

  it("browses published ideas by category, newest or most supported, with support, photo and pin", async () => {
    bot = await startTestBot();
    const photo = bot.api.registerFile(Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex"), { kind: "photo" }).file_id;
    const first = await publishedIdea(1, { text: "First idea about bike lanes", latitude: 43.24, longitude: 76.91, photo });
    bot.clock.advance(60_000);
    const second = await publishedIdea(2, { text: "Second idea about bike lanes" });
    const hidden = await bot.running.deps.store.ideas.create(
      { authorId: 3, authorName: "X", language: "en", category: "bike", text: "Waiting for review" },
      { now: bot.clock.now(), day: "x", dailyLimit: 5, publish: false },
    );
    const user = bot.user({ languageCode: "en" });
    await user.command("start");
    await user.tap("💡 Ideas for the city");
    await user.tap("🔎 Browse ideas");
    expect(user.buttons()).toContain("Bike lanes (2)");
    await user.tap("Bike lanes (2)");
    expect(user.lastText()).toContain("newest · page 1/2");
    expect(user.lastText()).toContain(second.text);
    await user.tap("▶️");
    expect(user.lastText()).toContain(first.text);
    await user.tap(`👍 #${first.id} (0)`);
    expect(user.callbackAnswers().at(-1)?.text).toBe("👍 Thank you for your support!");
    expect(user.buttons()).toContain(`💚 #${first.id} (1)`);
    await user.tap("🔥 most supported");
    expect(user.lastText()).toContain("most supported · page 1/2");
    expect(user.lastText()).toContain(first.text);
    await user.tap("🖼 Show the photo");
    expect(user.lastMessage().kind).toBe("photo");
    await user.tap("📍 Show on the map");
    expect(user.lastMessage().location).toEqual({ latitude: 43.24, longitude: 76.91 });
    await user.tap(`💚 #${first.id} (1)`);
    expect(user.callbackAnswers().at(-1)?.text).toBe("Your support was withdrawn.");
    expect((await bot.running.deps.store.ideas.get(first.id))?.supports).toBe(0);

    // Ideas waiting for review are not shown and cannot be supported or peeked at by forged taps.
    if (!hidden.ok) throw new Error("not created");
    await user.tapData(`ideas:s:${hidden.idea.id}:bike:n:0`);
    expect(user.callbackAnswers().at(-1)?.text).toBe("This idea is not open for support.");
    await user.tapData(`ideas:pin:${hidden.idea.id}`);
    expect(user.callbackAnswers().at(-1)?.text).toBe("This idea no longer exists.");
    await user.tapData("ideas:b:bike:n:99999");
    expect(user.lastText()).toBe("No published ideas in this category yet.");
    await user.tapData("ideas:s:1:bike:x:0");
    expect(user.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");

    // Every card went out as laid out, without a row holding no button.
    const keyboards = ["sendMessage", "editMessageText"].flatMap((method) =>
      bot!.api
        .callsTo(method)
        .map((call) => (call.payload.reply_markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard ?? []),
    );
    expect(keyboards.length).toBeGreaterThan(5);
    expect(keyboards.filter((rows) => rows.some((row) => row.length === 0))).toEqual([]);
  });

  it("counts exactly 50 supports when 50 users tap Support at the same moment", async () => {
    bot = await startTestBot();
    const idea = await publishedIdea(1);
    const users = Array.from({ length: 50 }, () => bot.user({ languageCode: "en" }));
    for (const user of users) await user.command("start");
    await Promise.all(users.map((user) => user.tapData(`ideas:s:${idea.id}:bike:n:0`)));
    expect((await bot.running.deps.store.ideas.get(idea.id))?.supports).toBe(50);
    expect(users.every((user) => user.callbackAnswers().at(-1)?.text === "👍 Thank you for your support!")).toBe(true);
    expect(await bot.redis.zscore(bot.running.deps.store.keys.ideasTop("bike"), String(idea.id))).toBe("50");
  });

  it("offers the ideas menu from /idea and the main menu, with a way back", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "ru" });
    await user.command("idea");
    expect(user.lastText()).toContain("Идеи для города");
    expect(user.buttons()).toEqual(["✍️ Предложить идею", "📋 Мои идеи", "🔎 Идеи участников", "⬅️ Меню"]);
    await user.tap("⬅️ Меню");
    expect(user.buttons()).toContain("💡 Идеи для города");
  });
});
