import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { botPerTest } from "./support/harness.js";
import { until } from "./support/wait.js";

const ANSWERING_AT_ONCE = parseConfig({ BOT_TOKEN: "1:token" }).UPDATES_HANDLED_AT_ONCE;
const USERS = 6 * ANSWERING_AT_ONCE;

type TestBot = Awaited<ReturnType<ReturnType<typeof botPerTest>>>;

/**
 * Holds the calls `held` picks in the emulator, waits until `ANSWERING_AT_ONCE` are held and a
 * while longer (for every other update to read its state and reach its first call), then gives
 * `check` the number held and releases them.
 */
async function whileHeld(bot: TestBot, held: (method: string) => boolean, check: (callsHeld: number) => void): Promise<void> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let callsHeld = 0;
  const stopGate = bot.api.gateCalls((method) => (held(method) ? (callsHeld++, gate) : undefined));
  try {
    await until(
      () => callsHeld,
      (calls) => calls >= ANSWERING_AT_ONCE,
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    check(callsHeld);
  } finally {
    release();
    stopGate();
  }
}

describe("long polling's answer permits", () => {
  const startBot = botPerTest();

  it(`lets at most ${ANSWERING_AT_ONCE} updates answer before they have left the inbox (what a kill -9 would repeat)`, async () => {
    const bot = await startBot();
    const users = Array.from({ length: USERS }, () => bot.user({ languageCode: "en" }));
    await Promise.all(users.map((user) => user.command("start")));
    bot.api.clearCalls();
    const answered = () => new Set(bot.api.callsTo("sendMessage").map((call) => call.payload.chat_id)).size;

    const handled = Promise.all(users.map((user) => user.command("info")));
    // /info answers with the overview, then the venue pin: held here, each update stays half answered.
    await whileHeld(
      bot,
      (method) => method === "sendVenue",
      () => expect(answered()).toBe(ANSWERING_AT_ONCE),
    );
    await handled;
    expect(answered()).toBe(USERS);
    for (const user of users) expect(user.messages().filter((message) => message.kind === "venue")).toHaveLength(1);
  });

  it("makes a form's calls wait for the permit too, though the conversations plugin rebuilds their context", async () => {
    const bot = await startBot();
    const users = Array.from({ length: USERS }, () => bot.user({ languageCode: "en" }));
    await Promise.all(users.map((user) => user.command("rsvp")));
    await Promise.all(users.map((user) => user.tap("✅ I agree")));
    // The form's next question is asked through the context the plugin rebuilt.
    const handled = Promise.all(users.map((user) => user.send("Ann Lee")));
    // Every answer is held: an update that reaches the gate holds its permit until released.
    await whileHeld(
      bot,
      (method) => method !== "getUpdates",
      (callsHeld) => expect(callsHeld).toBe(ANSWERING_AT_ONCE),
    );
    await handled;
    for (const user of users) expect(user.lastText()).toContain("sector");
  });
});
