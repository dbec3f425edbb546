import { describe, expect, it } from "vitest";
import type { Audience } from "../src/delivery/types.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import { enterContest, proposeIdea, registerGuest } from "./support/seed.js";
import { until } from "./support/wait.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

/** Users as if they had pressed /start, with their interface language. */
async function addUsers(t: TestBot, languages: string[], firstId = 5000): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, language] of languages.entries()) {
    const id = firstId + i;
    await t.running.deps.store.users.remember({ id, first_name: `U${id}` }, language, t.clock.now());
    ids.push(id);
  }
  return ids;
}

async function setRsvp(t: TestBot, status: "confirmed" | "waitlisted", ids: number[]) {
  for (const id of ids) await registerGuest(t.running.deps.store, id, { status, now: t.clock.now() });
}

const textsIn = (t: TestBot, chatId: number) => t.api.chat(chatId).map((m) => m.text ?? m.caption ?? `[${m.kind}]`);
const done = (t: TestBot, id: string) =>
  until(
    () => t.running.deps.broadcasts.progress(id),
    (p) => p?.status === "done",
  );

describe("broadcast engine", () => {
  it("sends each user the text in their language, only to the chosen audience", async () => {
    bot = await startTestBot();
    const [ru, kk, en, other] = await addUsers(bot, ["ru", "kk", "en", "en"]);
    await setRsvp(bot, "confirmed", [ru!, kk!, en!]);
    await setRsvp(bot, "waitlisted", [other!]);
    const texts = { ru: "Привет", kk: "Сәлем", en: "Hello" };
    expect(await bot.running.deps.broadcasts.send({ id: "hello", audience: "confirmed", texts })).toBe(true);
    const progress = await done(bot, "hello");
    expect(progress).toMatchObject({ total: 3, sent: 3, failed: 0, blocked: 0, remaining: 0 });
    expect(textsIn(bot, ru!)).toEqual(["Привет"]);
    expect(textsIn(bot, kk!)).toEqual(["Сәлем"]);
    expect(textsIn(bot, en!)).toEqual(["Hello"]);
    expect(textsIn(bot, other!)).toEqual([]);
    // The same id again sends nothing more.
    expect(await bot.running.deps.broadcasts.send({ id: "hello", audience: "confirmed", texts })).toBe(false);
  });

  it("lets only one of two broadcasts created at once with one id through, and sends that one's text", async () => {
    bot = await startTestBot();
    const users = await addUsers(bot, ["en", "ru", "kk"]);
    const { broadcasts } = bot.running.deps;
    const [first, second] = await Promise.all([
      broadcasts.send({ id: "twice", audience: "all", texts: "First text" }),
      broadcasts.send({ id: "twice", audience: "all", texts: "Second text" }),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    await done(bot, "twice");
    const accepted = first ? "First text" : "Second text";
    for (const id of users) expect(textsIn(bot, id)).toEqual([accepted]);

    // A process that died between storing a broadcast and queueing it: sending the id again queues the stored one.
    const spec = { id: "orphan", audience: "all", texts: "Stored text", kind: "broadcast" } as const;
    expect(await bot.running.deps.store.broadcasts.create({ id: "orphan", spec, at: bot.clock.now(), now: bot.clock.now() })).toBe(true);
    expect(await broadcasts.send({ id: "orphan", audience: "all", texts: "Another text" })).toBe(false);
    await done(bot, "orphan");
    for (const id of users) expect(textsIn(bot, id)).toEqual([accepted, "Stored text"]);
  });

  it("resolves every audience from the store when it fires", async () => {
    bot = await startTestBot();
    const ids = await addUsers(bot, ["ru", "ru", "ru", "ru", "ru"]);
    const [a, b, c, d, e] = ids as [number, number, number, number, number];
    await setRsvp(bot, "confirmed", [a]);
    await setRsvp(bot, "waitlisted", [b]);
    await proposeIdea(bot.running.deps.store, c, bot.clock.now());
    await enterContest(bot.running.deps.store, d, bot.clock.now());
    const count = (audience: Audience) => bot!.running.deps.broadcasts.countAudience(audience);
    expect(await count("all")).toBe(5);
    expect(await count("confirmed")).toBe(1);
    expect(await count("waitlisted")).toBe(1);
    expect(await count("not_registered")).toBe(3);
    expect(await count("idea_authors")).toBe(1);
    expect(await count("contest_entrants")).toBe(1);
    await bot.running.deps.store.activity.markInactive(e);
    expect(await count("all")).toBe(4);
  });

  it("honours a 429's retry_after for the whole queue, then delivers to everyone", async () => {
    bot = await startTestBot();
    const ids = await addUsers(
      bot,
      Array.from({ length: 8 }, () => "en"),
    );
    // Telegram's global flood wait refuses every chat: here the next two sends.
    bot.api.rateLimitNext("sendMessage", 2, 2);
    await bot.running.deps.broadcasts.send({ id: "flood", audience: "all", texts: "News" });
    const progress = await done(bot, "flood");
    expect(progress).toMatchObject({ total: 8, sent: 8 });
    for (const id of ids) expect(textsIn(bot, id)).toEqual(["News"]);
    const sends = bot.api.callsTo("sendMessage").filter((call) => call.payload.text === "News");
    const limited = sends.filter((call) => call.error?.error_code === 429).at(-1)!;
    expect(limited).toBeDefined();
    // Once a second chat is refused the queue pauses: only requests already in flight may reach the server inside it.
    const inPause = sends.filter((call) => call.at > limited.at + 100 && call.at < limited.at + 2000);
    expect(inPause).toEqual([]);
    expect(sends.filter((call) => call.ok)).toHaveLength(8);
  });

  it("marks users who blocked the bot inactive, goes on with the rest, skips them next time", async () => {
    bot = await startTestBot();
    const ids = await addUsers(bot, ["en", "en", "en", "en"]);
    bot.api.blockChat(ids[1]!);
    await bot.running.deps.broadcasts.send({ id: "first", audience: "all", texts: "One" });
    expect(await done(bot, "first")).toMatchObject({ total: 4, sent: 3, blocked: 1 });
    expect(await bot.running.deps.store.activity.isInactive(ids[1]!)).toBe(true);
    const blockedCalls = () => bot!.api.callsTo("sendMessage").filter((call) => call.payload.chat_id === ids[1]).length;
    expect(blockedCalls()).toBe(1);
    await bot.running.deps.broadcasts.send({ id: "second", audience: "all", texts: "Two" });
    expect(await done(bot, "second")).toMatchObject({ total: 3, sent: 3 });
    expect(blockedCalls()).toBe(1);

    // Unblocking (Telegram's my_chat_member "member") makes them reachable again.
    const returning = bot.user({ id: ids[1]!, languageCode: "en" });
    await returning.unblockBot();
    expect(await bot.running.deps.store.activity.isInactive(ids[1]!)).toBe(false);
    // Blocking is learnt from Telegram too, before any broadcast fails.
    await returning.blockBot();
    expect(await bot.running.deps.store.activity.isInactive(ids[1]!)).toBe(true);
    await returning.unblockBot();
    await bot.running.deps.broadcasts.send({ id: "third", audience: "all", texts: "Three" });
    expect(await done(bot, "third")).toMatchObject({ total: 4, sent: 4 });
  });
});
