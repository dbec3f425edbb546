import { afterEach, describe, expect, it } from "vitest";
import { TestClock } from "./support/harness.js";
import { eventWith, sharedWorld, until, type SharedWorld } from "./broadcast-helpers.js";

let world: SharedWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const texts = { ru: "Привет", kk: "Сәлем", en: "Hello" };

describe("broadcast pace", () => {
  it("sends at most BROADCAST_RATE messages in any sliding second: no 429 of its own making", async () => {
    world = await sharedWorld();
    const enforcer = world.api.enforceRate({ perSecond: 30 });
    const { event } = eventWith([]);
    // The rate at Telegram's very limit: only even pacing stays under it.
    const engine = world.engine(event, new TestClock(new Date()), { rate: 30 });
    await engine.start();
    const ids = await world.addUsers(Array.from({ length: 180 }, () => "ru"));
    await engine.broadcaster.send({ id: "pace", audience: "all", texts });
    const progress = await until(() => engine.broadcaster.progress("pace"), (p) => p?.status === "done", 30_000);
    expect(progress).toMatchObject({ total: ids.length, sent: ids.length, failed: 0 });
    expect(enforcer.stats).toMatchObject({ overLimit: 0, duringFloodWait: 0 });
  });

  it("holds back only the chat that Telegram limited, not the whole queue", async () => {
    world = await sharedWorld();
    const enforcer = world.api.enforceRate({ perSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 2 });
    const { event } = eventWith([]);
    const engine = world.engine(event, new TestClock(new Date()), { rate: 25 });
    await engine.start();
    const ids = await world.addUsers(Array.from({ length: 60 }, () => "en"));
    // The first recipient just had a message: the broadcast's one to them is over the chat's limit.
    await engine.api.sendMessage(ids[0]!, "Your ticket");
    await engine.broadcaster.send({ id: "per-chat", audience: "all", texts });
    const progress = await until(() => engine.broadcaster.progress("per-chat"), (p) => p?.status === "done", 30_000);
    expect(progress).toMatchObject({ total: ids.length, sent: ids.length, failed: 0 });
    expect(enforcer.stats.perChat).toBeGreaterThanOrEqual(1);
    expect(world.api.chat(ids[0]!).map((m) => m.text)).toEqual(["Your ticket", "Hello"]);
    // While that chat waited out its 2 s, the others kept receiving.
    const sends = world.api.callsTo("sendMessage");
    const limited = sends.find((call) => call.error?.error_code === 429)!;
    const during = sends.filter((call) => call.ok && call.at > limited.at && call.at < limited.at + 2000);
    expect(during.length).toBeGreaterThan(20);
  });
});
