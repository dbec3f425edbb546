import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

const IDEA = "A protected bike lane along Abay avenue from Dostyk to Baizakov";

describe("what attendees see", () => {
  const menus = [
    {
      language: "ru",
      rsvp: "📝 Регистрация",
      ideas: "💡 Идеи для города",
      steps: ["Шаг 1 из 4.", "Шаг 2 из 4.", "Шаг 3 из 4.", "Шаг 4 из 4."],
    },
    {
      language: "kk",
      rsvp: "📝 Тіркелу",
      ideas: "💡 Қалаға арналған идеялар",
      steps: ["1-қадам, барлығы 4.", "2-қадам, барлығы 4.", "3-қадам, барлығы 4.", "4-қадам, барлығы 4."],
    },
    {
      language: "en",
      rsvp: "📝 Registration",
      ideas: "💡 Ideas for the city",
      steps: ["Step 1 of 4.", "Step 2 of 4.", "Step 3 of 4.", "Step 4 of 4."],
    },
  ];
  for (const { language, rsvp, ideas, steps } of menus) {
    it(`names the menu's buttons for what they open and counts the registration steps, in ${language}`, async () => {
      bot = await startTestBot();
      const t = (key: string) => bot!.running.deps.i18n.t(language, key);
      const user = bot.user({ languageCode: language });
      await user.command("start");
      expect(user.buttons()).toContain(rsvp);
      expect(user.buttons()).toContain(ideas);
      await user.tap(ideas);
      expect(user.buttons()).toContain(t("ideas-new"));

      await user.command("start");
      await user.tap(rsvp);
      await user.tap(t("consent-agree"));
      expect(user.lastText()).toContain(steps[0]);
      await user.send("Aigerim Saparova");
      expect(user.lastText()).toContain(steps[1]);
      await user.tap({ ru: "СМИ", kk: "БАҚ", en: "Media" }[language]!); // the bundled event file's option
      expect(user.lastText()).toContain(steps[2]);
      await user.tap(t("rsvp-skip"));
      expect(user.lastText()).toContain(steps[3]);
      await user.tapReply(t("rsvp-share-phone"));
      // Changing one field from the summary is not a step of four.
      await user.tap(t("rsvp-edit"));
      await user.tap(t("rsvp-field-name"));
      expect(user.lastText()).not.toContain(steps[0]);
    });
  }

  it("does not let authors support their own idea, with a friendly word", async () => {
    bot = await startTestBot();
    const author = bot.user({ languageCode: "ru" });
    await author.command("start");
    const created = await bot.running.deps.store.ideas.create(
      { authorId: author.id, authorName: "Aigerim", language: "ru", category: "bike", text: IDEA },
      { now: bot.clock.now(), day: "x", dailyLimit: 100, publish: true },
    );
    if (!created.ok) throw new Error("not created");
    await author.tapData(`ideas:s:${created.idea.id}:bike:n:0`);
    expect(author.callbackAnswers().at(-1)?.text).toBe("Это ваша идея: поддержать её могут другие участники 🙂");
    expect((await bot.running.deps.store.ideas.get(created.idea.id))?.supports).toBe(0);
    const other = bot.user({ languageCode: "en" });
    await other.command("start");
    await other.tapData(`ideas:s:${created.idea.id}:bike:n:0`);
    expect((await bot.running.deps.store.ideas.get(created.idea.id))?.supports).toBe(1);
  });
});
