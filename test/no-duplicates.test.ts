import { afterEach, describe, expect, it } from "vitest";
import { enterContestInEnglish, registerInEnglish } from "./support/flows.js";
import { startTestBot, type TestBot } from "./support/harness.js";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const ADMIN = 4242;

describe("a button does not post again what is already in sight", () => {
  it("points to the venue pin next to the event info instead of sending it twice", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    const pins = () => user.messages().filter((message) => message.venue).length;
    await user.command("info");
    expect(pins()).toBe(1);

    user.markSeen();
    await user.tap("📍 Show on map");
    expect(user.newMessages()).toEqual([]);
    expect(user.callbackAnswers().at(-1)?.text).toBe("📍 The map pin is already in the chat, below this message.");

    // Far from the pin (a new overview under the menu), the button sends it where the user is looking.
    await user.tap("📋 Programme");
    await user.command("start");
    await user.command("start");
    await user.tap("⬅️ Back");
    expect(user.lastText()).toContain("When:");
    await user.tap("📍 Show on map");
    expect(pins()).toBe(2);
    expect(user.lastMessage().venue).toBeDefined();
    await user.tap("📍 Show on map");
    expect(pins()).toBe(2);
    expect(user.callbackAnswers().at(-1)?.text).toBe("📍 The map pin is already in the chat, below this message.");
  });

  it("shows the ticket once: the button points to it while it is in sight, and resends only the QR", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("start");
    await registerInEnglish(user);
    const tickets = () => user.messages().filter((message) => message.photo).length;
    expect(tickets()).toBe(1);
    expect(user.documents()).toHaveLength(1);

    await user.command("rsvp");
    user.markSeen();
    await user.tap("🎟 Show my ticket");
    expect(user.newMessages()).toEqual([]);
    expect(user.callbackAnswers().at(-1)?.text).toBe("🎟 Your ticket is already in the chat, right above this message.");

    await user.command("start");
    await user.command("start");
    await user.command("rsvp");
    await user.tap("🎟 Show my ticket");
    expect(tickets()).toBe(2);
    expect(user.lastMessage().photo).toBeDefined();
    expect(user.documents()).toHaveLength(1);
    await user.tap("🎟 Show my ticket");
    expect(tickets()).toBe(2);
  });

  it("has no 'My entry' on the entry card, and 'My entry' under the rules turns them into the card", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("start");
    await enterContestInEnglish(user);
    expect(user.lastText()).toContain("Shade trees and benches");
    expect(user.buttons()).not.toContain("📄 My entry");

    await user.command("contest");
    const count = user.messages().length;
    await user.tap("📄 My entry");
    expect(user.messages()).toHaveLength(count);
    expect(user.lastText()).toContain("Shade trees and benches");
    expect(user.buttons()).not.toContain("📄 My entry");
  });

  it("previews a broadcast in two messages: the message as recipients see it, then the audience and the buttons", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("broadcast");
    await admin.tap("One per language");
    await admin.send("Завтра в 9:00");
    await admin.send("Ертең 9:00-де");
    await admin.send("Tomorrow at 9:00");
    admin.markSeen();
    await admin.tap("Everyone who started the bot");

    const preview = admin.newMessages();
    expect(preview.map((message) => message.text)).toEqual([
      "Tomorrow at 9:00",
      expect.stringContaining("recipients who use English will see; the others get the versions you sent above."),
    ]);
    expect(preview[1]!.text).toMatch(/Audience: Everyone who started the bot — \d+ recipients? now/);
    expect(admin.buttons()).toEqual(["🚀 Send now", "🕒 Schedule", "❌ Cancel"]);

    // A form in progress takes no other command (README, Forms): leave it before the next one.
    await admin.command("cancel");
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.send("Doors open at 8:30");
    admin.markSeen();
    await admin.tap("Everyone who started the bot");
    expect(admin.newMessages().map((message) => message.text)).toEqual([
      "Doors open at 8:30",
      expect.stringContaining("this is exactly what every recipient will see."),
    ]);
  });
});
