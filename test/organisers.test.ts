import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "./support/harness.js";
import { until } from "./support/wait.js";

const ADMIN = 4242;
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

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
