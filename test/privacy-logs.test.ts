import { Readable } from "node:stream";
import { GrammyError, InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import { registerInEnglish, openSubmission } from "./support/flows.js";
import { botPerTest, type TestBot } from "./support/harness.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

const ADMIN = 4343;
const BAD_REQUEST = { error_code: 400, description: "Bad Request: injected failure" };

describe("logs without personal data", () => {
  it("logs failed sends with ids and outcomes, never the guest's name, phone, username or pin", async () => {
    bot = await startTestBot({ adminIds: [ADMIN], logLevel: "warn" });
    bot.user({ id: ADMIN, languageCode: "en" }); // a chat the emulator knows
    const user = bot.user({ languageCode: "en", firstName: "Zhanargul", username: "zhanargul_b" });
    await user.command("start");

    // The ticket (an InputFile whose caption holds the name) fails: the error boundary logs it.
    bot.api.failNext("sendPhoto", BAD_REQUEST);
    await registerInEnglish(user, "Zhanargul Bekmukhambetova");
    expect(user.lastText()).toContain("something went wrong");
    expect((await bot.running.deps.store.rsvps.find(user.id))?.status).toBe("confirmed");

    // "My registration" (name, contact) fails with a 400, which auto-retry hands on to the error boundary.
    bot.api.failNext("sendMessage", BAD_REQUEST);
    await user.command("rsvp");
    expect(user.lastText()).toContain("something went wrong");

    // The ticket sent again from "My registration": the failed call's payload holds an InputFile.
    await user.command("rsvp");
    bot.api.failNext("sendPhoto", BAD_REQUEST);
    await user.tap("🎟 Show my ticket");
    expect(user.lastText()).toContain("something went wrong");

    // An idea with a pin whose moderation message fails: logged as a warning, the idea kept.
    bot.api.failNext("sendLocation", BAD_REQUEST);
    await user.command("idea");
    await openSubmission(user, "✍️ Propose an idea");
    await user.tap("Bike lanes");
    await user.send("A protected bike lane along Abay avenue to the river");
    await user.tap("Skip ➡️");
    await user.sendLocation(43.23851, 76.94562);
    await user.tap("✅ Submit");
    expect(await bot.running.deps.store.ideas.byAuthor(user.id)).toHaveLength(1);

    const lines = bot.logs();
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const failures = records.filter((record) => record.msg === "update failed");
    expect(failures).toHaveLength(3);
    // Ids and outcomes stay.
    for (const failure of failures) expect(failure).toMatchObject({ user_id: user.id, update_id: expect.any(Number) });
    expect(failures[1]).toMatchObject({
      api_error: BAD_REQUEST.description,
      err: { type: "GrammyError", error_code: 400, method: "sendMessage" },
    });
    expect(failures[2]).toMatchObject({
      api_error: BAD_REQUEST.description,
      err: { type: "GrammyError", error_code: 400, method: "sendPhoto" },
    });
    expect(records.some((record) => record.msg === "could not send an idea for moderation")).toBe(true);

    const log = lines.join("\n");
    for (const personal of [
      "Zhanargul",
      "Bekmukhambetova",
      "zhanargul_b",
      user.phoneNumber,
      user.phoneNumber.slice(1),
      "43.2385",
      "76.9456",
    ]) {
      expect(log, personal).not.toContain(personal);
    }
    expect(log).not.toContain("payload");
  });

  it("keeps a failure whose request held an InputFile a readable line", async () => {
    bot = await startTestBot();
    const ticket = new InputFile(Readable.from([Buffer.from("png")]), "ticket.png");
    const payload = { chat_id: 1, photo: ticket, caption: "Ticket: Zhanargul Bekmukhambetova" };
    const error = new GrammyError(
      "Call to 'sendPhoto' failed!",
      { ok: false, error_code: 400, description: "Bad Request: x" },
      "sendPhoto",
      payload,
    );
    bot.running.deps.logger.error({ err: error, user_id: 1 }, "ticket not sent");
    const [line] = bot.errors();
    expect(JSON.parse(line!)).toMatchObject({ user_id: 1, err: { type: "GrammyError", method: "sendPhoto", error_code: 400 } });
    expect(line).not.toContain("Zhanargul");
  });
});
