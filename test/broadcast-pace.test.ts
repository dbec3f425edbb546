import { afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { sendSlotMs } from "../src/delivery/pacing.js";
import { createStore } from "../src/store/index.js";
import { REDIS_URL, TestClock } from "./support/harness.js";
import { eventWith, sharedWorld, until, type SharedWorld } from "./broadcast-helpers.js";

let world: SharedWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const texts = { ru: "Привет", kk: "Сәлем", en: "Hello" };

describe("broadcast pace", () => {
  it("spaces the send slots of several processes so that no second holds more than BROADCAST_RATE", async () => {
    world = await sharedWorld();
    const rate = 30;
    // Two "processes" (connections) take 90 slots at once, as busy workers would.
    const other = createStore(new Redis(REDIS_URL), world.prefix);
    const stores = [world.store, other];
    const taken = await Promise.all(Array.from({ length: 90 }, (_, i) => stores[i % 2]!.broadcasts.reserveSendSlot(sendSlotMs(rate))));
    await other.redis.quit();
    const slots = taken.map((slot) => slot.slotAt).sort((a, b) => a - b);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeCloseTo(sendSlotMs(rate), 1);
    // Even a send that reaches Telegram 50 ms after its slot leaves every sliding second within the rate.
    const mostInASecond = Math.max(...slots.map((start, i) => slots.filter((slot, j) => j >= i && slot < start + 1000 + 50).length));
    expect(mostInASecond).toBeLessThanOrEqual(rate);
  });

  it("draws no 429 by its own pace from a server counting 30 sends in any sliding second", async () => {
    world = await sharedWorld();
    const enforcer = world.api.enforceRate({ perSecond: 30 });
    const { event } = eventWith([]);
    // The default BROADCAST_RATE.
    const engine = world.engine(event, new TestClock(new Date()), { rate: 25 });
    await engine.start();
    const ids = await world.addUsers(Array.from({ length: 150 }, () => "ru"));
    await engine.broadcaster.send({ id: "pace", audience: "all", texts });
    const progress = await until(
      () => engine.broadcaster.progress("pace"),
      (p) => p?.status === "done",
      30_000,
    );
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
    const progress = await until(
      () => engine.broadcaster.progress("per-chat"),
      (p) => p?.status === "done",
      30_000,
    );
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
