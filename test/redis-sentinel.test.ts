import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";
import { connectRedis, type Redis } from "../src/store/redis.js";
import type { ChatMessage } from "@wealmaty/telegram-emulator";
import { registerInEnglish } from "./support/flows.js";
import { startTestBot, type TestBot } from "./support/harness.js";
import { SentinelGate, SentinelSetup } from "./support/redis-processes.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";

const UNAVAILABLE = "🔧 The bot is temporarily unavailable. Please try again in a minute.";
const REGISTERED = "🎉 You are registered!";

let bot: TestBot | undefined;
let setup: SentinelSetup | undefined;
afterEach(async (context) => {
  // What the Sentinel did and where the bot's connection stands, to tell a slow failover from a stuck client.
  if (context.task.result?.state === "fail" && setup) {
    const log = readFileSync(join(setup.dir, "sentinel.log"), "utf8").split("\n").slice(-40).join("\n");
    process.stderr.write(`bot's Redis connection: ${bot?.redis.status}; the Sentinel's log:\n${log}\n`);
  }
  // Bounded: a bot stuck on a dead Redis must not keep the processes alive.
  await Promise.race([bot?.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => undefined);
  bot = undefined;
  await setup?.cleanup();
  setup = undefined;
});

/** Repeats a step while the bot says it is temporarily unavailable, as a user would. */
async function persist(step: () => Promise<ChatMessage[]>): Promise<ChatMessage[]> {
  // Long enough for a Sentinel in TILT (30 s after its clock jumped, e.g. on a starved machine).
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    // No answer within the emulator's 5 s counts as "unavailable" too: the user taps again.
    const replies = await step().catch((error: Error) => {
      if (/was not handled within/.test(error.message)) return undefined;
      throw error;
    });
    if (replies && !replies.some((message) => message.text === UNAVAILABLE)) return replies;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the bot never came back after the failover");
}

const sawConfirmation = (user: TelegramUser) => user.messages().some((message) => message.text?.startsWith(REGISTERED));

/** The registration as the new primary holds it (straight from the server, not through the bot). */
async function storedStatus(sentinelSetup: SentinelSetup, bot: TestBot, userId: number): Promise<string | null> {
  const client = sentinelSetup.replica.client();
  await client.connect();
  try {
    // Registrations live under their event's keys (a series of one here).
    return await client.hget(bot.running.deps.store.keys.rsvp.guest(userId), "status");
  } finally {
    client.disconnect();
  }
}

describe("Redis Sentinel", () => {
  it("goes on by itself after the primary dies mid-flow, and keeps every confirmed registration", async () => {
    setup = new SentinelSetup();
    await setup.start();
    bot = await startTestBot({ env: setup.env() });
    // Both start the bot first (a broadcast goes only to users who did).
    const early = bot.user({ languageCode: "en" });
    await early.command("start");
    await registerInEnglish(early, "Dana Early");
    expect(sawConfirmation(early)).toBe(true);
    // Mid-flow when the primary dies: consent, name and sector given.
    const midway = bot.user({ languageCode: "en" });
    await midway.command("start");
    await midway.command("rsvp");
    await midway.tap("✅ I agree");
    await midway.send("Marat Midway");
    await midway.tap("Media");

    await setup.primary.kill();
    // While the Sentinel fails over, the user is told to wait; then the form goes on where it was.
    const [next] = await persist(() => midway.tap("Skip ➡️"));
    expect(next?.text).toContain("phone");
    expect(midway.messages().some((message) => message.text === UNAVAILABLE)).toBe(true);
    await midway.tapReply("📱 Share my phone");
    await midway.tap("✅ Confirm");
    expect(sawConfirmation(midway)).toBe(true);
    // Someone new is answered too.
    const [greeting] = await bot.user({ languageCode: "en", firstName: "Nurlan" }).command("start");
    expect(greeting?.text).toContain("Hello, Nurlan!");

    // Both confirmations are on the promoted replica.
    await setup.failedOver();
    expect(await storedStatus(setup, bot, early.id)).toBe("confirmed");
    expect(await storedStatus(setup, bot, midway.id)).toBe("confirmed");
    // BullMQ follows the failover as well: a broadcast after it reaches both guests.
    await bot.running.deps.broadcasts.send({ id: "after-failover", audience: "confirmed", texts: "Doors open at 9" });
    for (const guest of [early, midway]) {
      await until(() => guest.messages().some((message) => message.text === "Doors open at 9"), Boolean);
    }
  }, 90_000);

  it("follows a failover announced while its connections are asking the Sentinel for the primary (bot's and BullMQ's)", async () => {
    setup = new SentinelSetup();
    await setup.start();
    const gate = await new SentinelGate(() => setup!.sentinel.port).start();
    const config = parseConfig({ ...setup.env(), BOT_TOKEN: "1:gate", REDIS_SENTINELS: `127.0.0.1:${gate.port}` });
    const connections = [connectRedis(config, "bot"), connectRedis(config, "queue")];
    const ended: string[] = [];
    connections.forEach((connection, index) => {
      connection.on("error", () => undefined);
      connection.on("end", () => ended.push(index === 0 ? "bot" : "queue"));
    });
    try {
      for (const connection of connections) expect(await connection.ping()).toBe("PONG");
      // Any failover watcher of theirs subscribes before the primary goes (how many: shown on a failure).
      await new Promise((resolve) => setTimeout(resolve, 500));
      const watchers = await setup.sentinelSubscribers();
      // Reconnecting after the primary dies, each asks the Sentinel again, and that question waits
      // until the Sentinel has announced the new primary.
      gate.holdNew();
      await setup.primary.kill();
      await setup.failedOver();
      await new Promise((resolve) => setTimeout(resolve, 500));
      gate.release();
      for (const connection of connections) {
        const answer = await until(
          () => connection.ping().catch(() => undefined),
          (reply) => reply === "PONG",
          20_000,
        ).catch(() => undefined);
        expect({ answer, status: connection.status, ended, watchers }).toMatchObject({ answer: "PONG", status: "ready", ended: [] });
      }
    } finally {
      connections.forEach((connection) => connection.disconnect());
      await gate.close();
    }
  }, 60_000);

  it("follows a failover made with the old primary alive: the Sentinel demotes it and its clients move", async () => {
    setup = new SentinelSetup();
    await setup.start();
    const config = parseConfig({ ...setup.env(), BOT_TOKEN: "1:hand" });
    const connections = [connectRedis(config, "bot"), connectRedis(config, "queue")];
    connections.forEach((connection) => connection.on("error", () => undefined));
    const servedBy = async (connection: Redis) => /^tcp_port:(\d+)/m.exec(await connection.info("server"))?.[1];
    try {
      for (const connection of connections) expect(await servedBy(connection)).toBe(String(setup.primary.port));
      await setup.failOverByHand();
      await setup.failedOver();
      for (const connection of connections) {
        const port = await until(
          () => servedBy(connection).catch(() => undefined),
          (served) => served === String(setup!.replica.port),
          20_000,
        );
        expect(port).toBe(String(setup.replica.port));
        expect(await connection.set("after-failover", "written")).toBe("OK");
      }
    } finally {
      connections.forEach((connection) => connection.disconnect());
    }
  }, 60_000);

  it("confirms a registration only once the replica has it (WAIT), so a failover cannot take it back", async () => {
    setup = new SentinelSetup({ throughLink: true });
    await setup.start();
    bot = await startTestBot({ env: setup.env() });
    const guest = bot.user({ languageCode: "en" });
    await guest.command("rsvp");
    await guest.tap("✅ I agree");
    await guest.send("Aliya Lagging");
    await guest.tap("Media");
    await guest.tap("Skip ➡️");
    await guest.tapReply("📱 Share my phone");
    // The replica has everything so far; from now on its link carries nothing (it falls behind).
    await setup.inSync();
    setup.link!.hold();
    const [answer] = await guest.tap("✅ Confirm");
    const confirmedBeforeFailover = sawConfirmation(guest);

    await setup.primary.kill();
    await setup.failedOver();
    const status = await storedStatus(setup, bot, guest.id);
    // What the user was told is what the new primary holds.
    expect(confirmedBeforeFailover && status !== "confirmed", "confirmed to the user, then lost in the failover").toBe(false);
    expect(answer?.text).toBe(UNAVAILABLE);
    // The user starts the form again and is registered on the new primary.
    await persist(() => guest.command("cancel"));
    await registerInEnglish(guest, "Aliya Lagging");
    expect(sawConfirmation(guest)).toBe(true);
    expect(await storedStatus(setup, bot, guest.id)).toBe("confirmed");
  }, 90_000);
});

describe("Redis Sentinel configuration", () => {
  const base = { BOT_TOKEN: "123:abc" };
  const problems = (env: Record<string, string>) => {
    try {
      parseConfig({ ...base, ...env });
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it("reads the Sentinel list, the master name and the password", () => {
    const config = parseConfig({
      ...base,
      REDIS_SENTINELS: "10.0.0.1:26379, sentinel-2:26380,[::1]:26381",
      REDIS_SENTINEL_NAME: "mymaster",
      REDIS_SENTINEL_PASSWORD: "s3cret",
    });
    expect(config.REDIS_SENTINELS).toEqual([
      { host: "10.0.0.1", port: 26379 },
      { host: "sentinel-2", port: 26380 },
      { host: "::1", port: 26381 },
    ]);
    expect(config).toMatchObject({ REDIS_SENTINEL_NAME: "mymaster", REDIS_SENTINEL_PASSWORD: "s3cret" });
    expect(parseConfig(base).REDIS_SENTINELS).toBeUndefined();
  });

  it("says in one line which variable is missing or wrong", () => {
    expect(problems({ REDIS_SENTINELS: "10.0.0.1:26379" })).toEqual([
      "REDIS_SENTINEL_NAME: required when REDIS_SENTINELS is set (the master name from sentinel.conf)",
    ]);
    expect(problems({ REDIS_SENTINEL_NAME: "mymaster" })).toEqual(["REDIS_SENTINELS: required when REDIS_SENTINEL_NAME is set"]);
    expect(problems({ REDIS_SENTINEL_PASSWORD: "s3cret" })).toEqual(["REDIS_SENTINELS: required when REDIS_SENTINEL_PASSWORD is set"]);
    expect(problems({ REDIS_SENTINELS: "10.0.0.1,10.0.0.2:99999", REDIS_SENTINEL_NAME: "mymaster" })).toEqual([
      'REDIS_SENTINELS: expected comma-separated host:port pairs like 10.0.0.1:26379,10.0.0.2:26379, got "10.0.0.1, 10.0.0.2:99999"',
    ]);
    expect(problems({ REDIS_URL: "rediss://:pw@redis", REDIS_SENTINELS: "10.0.0.1:26379", REDIS_SENTINEL_NAME: "mymaster" })).toEqual([
      "REDIS_URL: rediss:// (TLS) is not supported together with REDIS_SENTINELS",
    ]);
  });
});
