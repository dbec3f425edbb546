import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";
import { answersChat, randomSource, randomUpdate } from "./support/fuzz.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const USERS = 200;
const UPDATES_PER_USER = 50;

describe("fuzzing", () => {
  it(`survives ${USERS * UPDATES_PER_USER} random updates from ${USERS} users and answers every private message (seed ${SEED})`, async () => {
    bot = await startTestBot({ adminIds: [1] });
    const api = bot.api;
    const random = randomSource(SEED);
    const unanswered: string[] = [];

    // Real flows run alongside the noise and must still complete.
    const steady = [bot.user({ languageCode: "en" }), bot.user({ languageCode: "kk" })];
    const steadyFlows = steady.map(async (user) => {
      await user.command("start");
      await user.tap(/Language|Тіл/);
      await user.tap("Русский");
      await user.command("info");
      return (await user.command("start")).at(0)?.text ?? "";
    });

    const noisyUsers = Array.from({ length: USERS }, (_, i) => ({
      id: 50_000 + i,
      is_bot: false as const,
      first_name: i % 7 === 0 ? "<i>Evil</i> & Co" : `User${i}`,
      language_code: random.pick(["ru", "kk", "en", "de", undefined]),
    }));
    await Promise.all(
      noisyUsers.map(async (user) => {
        for (let n = 0; n < UPDATES_PER_USER; n++) {
          const { update, kind } = randomUpdate(random, user, () => api.nextMessageId(user.id));
          const callsBefore = api.calls.length;
          const id = api.pushUpdate(update);
          await api.waitHandled(id, 15_000);
          if (kind === "ignored") continue;
          const queryId = update.callback_query?.id;
          const answered = api.calls.slice(callsBefore).some((call) => answersChat(call, user.id, queryId));
          if (!answered) unanswered.push(JSON.stringify(update).slice(0, 200));
        }
      }),
    );

    expect(unanswered).toEqual([]);
    for (const greeting of await Promise.all(steadyFlows)) expect(greeting).toContain("Здравствуйте");
    const errors = bot.errors().map((line) => {
      const entry = JSON.parse(line) as { msg: string; api_error?: string; err?: { message?: string } };
      return `${entry.msg}: ${entry.api_error ?? entry.err?.message ?? ""}`;
    });
    expect(errors).toEqual([]);
    // Still up and serving.
    const [help] = await bot.user({ languageCode: "en" }).command("help");
    expect(help?.text).toContain("What I can do");
  }, 180_000);
});
