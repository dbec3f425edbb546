import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

describe("flood protection", () => {
  it("slows a user who sends 50 messages at once with one polite notice; others are unaffected", async () => {
    bot = await startTestBot({ floodLimit: 10 });
    const flooder = bot.user({ languageCode: "en" });
    const neighbour = bot.user({ languageCode: "ru" });
    // 50 messages pushed together: Telegram would deliver them in one or two batches.
    const ids = Array.from({ length: 50 }, (_, i) =>
      bot!.api.pushUpdate({
        message: {
          message_id: i + 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: flooder.id, type: "private", first_name: "Flood" },
          from: { id: flooder.id, is_bot: false, first_name: "Flood", language_code: "en" },
          text: `spam ${i}`,
        },
      }),
    );
    await bot.api.waitHandled(ids.at(-1)!);
    const texts = flooder.messages().map((message) => message.text);
    expect(texts.filter((text) => text?.startsWith("I didn't understand"))).toHaveLength(10);
    expect(texts.filter((text) => text?.includes("too fast"))).toHaveLength(1);

    const [reply] = await neighbour.command("help");
    expect(reply?.text).toContain("Что я умею");

    // The counter lives in Redis for one 2-second window, then the user may write again.
    const counter = `${bot.running.deps.store.keys.rateLimitPrefix}${flooder.id}`;
    const ttl = await bot.redis.pttl(counter);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2000);
    await new Promise((resolve) => setTimeout(resolve, ttl + 50));
    const [again] = await flooder.command("help");
    expect(again?.text).toContain("What I can do");
  });
});
