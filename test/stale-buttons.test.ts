import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";
import { registerGuest } from "./support/seed.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";
import { openSubmission } from "./support/flows.js";

/**
 * Old buttons, tapped again with the data they really carried (a second device, a slow client):
 * each says "This button is no longer active." and changes nothing. Form questions' own choices
 * (categories, sectors, audiences) are shown in forms.test.ts, forged data in access.test.ts.
 */
const ADMIN = 4242;
const STALE = "This button is no longer active.";
const startTestBot = botPerTest();
let bot: TestBot;

/** The data behind a button of a message, as the client keeps it after the message changed. */
function dataOf(user: TelegramUser, label: string, message = user.lastMessage()) {
  const button = user
    .keyboard(message)
    .flat()
    .find((b) => b.text === label) as { callback_data: string } | undefined;
  if (!button) throw new Error(`no button “${label}” among ${JSON.stringify(user.buttons(message))}`);
  return { data: button.callback_data, message: message.message_id };
}

async function tapAgain(user: TelegramUser, old: { data: string; message: number }) {
  const seen = user.messages().length;
  await user.tapData(old.data, old.message);
  expect(user.callbackAnswers().at(-1)?.text).toBe(STALE);
  expect(user.messages()).toHaveLength(seen);
}

describe("old buttons", () => {
  it("idea form: Skip after skipping, Send after sending, Cancel after leaving", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const user = bot.user({ languageCode: "en" });
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    await user.tap("Bike lanes");
    await user.send("Shade trees along every bike lane on Abay avenue");
    const skip = dataOf(user, "Skip ➡️");
    await user.tap("Skip ➡️");
    const place = user.lastText();
    await tapAgain(user, skip);
    expect(user.lastText()).toBe(place);

    await user.tapReply("Skip ➡️");
    const send = dataOf(user, "✅ Submit");
    const cancel = dataOf(user, "❌ Cancel");
    await user.tap("✅ Submit");
    await tapAgain(user, send);
    await tapAgain(user, cancel);
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toHaveLength(1);
  });

  it("broadcast: the audience list and Send now after sending", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.send("Programme change: the panel starts at 10:30");
    const audience = dataOf(admin, "Everyone who started the bot");
    await admin.tap("Everyone who started the bot");
    await tapAgain(admin, audience);
    const sendNow = dataOf(admin, "🚀 Send now");
    await admin.tap("🚀 Send now");
    // The organiser is the one recipient: the broadcast, then the report in the message that announced it.
    await until(() => admin.messages().some((m) => m.text?.includes("finished")), Boolean);
    await tapAgain(admin, sendNow);
  });

  it("quiz: an older Next question after the quiz moved on", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T11:00:00+06:00" });
    const { store } = bot.running.deps;
    const guest = bot.user({ languageCode: "en" });
    await store.users.remember(guest.user, "en", bot.clock.now());
    await registerGuest(store, guest.id, { status: "confirmed", now: bot.clock.now() });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("quiz", "start");
    const first = dataOf(admin, "➡️ Next question");
    await admin.tap("➡️ Next question");
    expect(admin.lastText()).toContain("Question 2 of 5 is out");
    // The older controls lose their buttons: the newest message carries them.
    expect(admin.buttons(admin.api.message(admin.id, first.message)!)).toEqual([]);
    await tapAgain(admin, first);
    expect((await store.quiz.state())?.question).toBe(1);
  });
});
