import { describe, expect, it } from "vitest";
import { registerInEnglish } from "./support/flows.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { ChatMessage } from "@wealmaty/telegram-emulator";
import type { TelegramUser } from "./support/telegram-user.js";

/** “⬅️ Menu” edits a screen only when it is the newest message; a confirmation, a ticket or a code is never overwritten. */
const startTestBot = botPerTest();
let bot: TestBot;

/** Taps “⬅️ Menu” on that very message (the user scrolled up to it). */
async function tapMenuOn(user: TelegramUser, message: ChatMessage) {
  const button = user
    .keyboard(message)
    .flat()
    .find((b) => b.text === "⬅️ Menu") as { callback_data: string };
  await user.tapData(button.callback_data, message.message_id);
}

describe("screens change where the user looks", () => {
  it("opens the menu below the ticket and the calendar file, and keeps the confirmation with its code", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    const sent = await registerInEnglish(user);
    const confirmation = sent.find((message) => message.text?.includes("You are registered"))!;
    const code = (await bot.running.deps.store.rsvps.find(user.id))!.code;
    const withMenu = [...user.messages()].reverse().find((message) => user.buttons(message).includes("⬅️ Menu"))!;
    const last = user.lastMessage().message_id;
    await tapMenuOn(user, withMenu);
    expect(user.lastMessage().message_id).toBeGreaterThan(last);
    expect(user.lastText()).toBe("What would you like to do?");
    expect(bot.api.message(user.id, confirmation.message_id)?.text).toContain(`Your code: ${code}`);
  });

  it("opens the menu below the venue pin, not in the overview above it", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    const [overview, venue] = await user.command("info");
    await tapMenuOn(user, overview!);
    expect(user.lastMessage().message_id).toBeGreaterThan(venue!.message_id);
    expect(user.lastText()).toBe("What would you like to do?");
    expect(bot.api.message(user.id, overview!.message_id)?.text).toContain("Green Corridor");
  });
});
