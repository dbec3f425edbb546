import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { keyspace } from "../src/store/keys.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { FakeBotApi } from "../src/emulator/fake-bot-api.js";
import { REDIS_URL } from "./support/harness.js";
import { TelegramUser } from "./support/telegram-user.js";

const prefix = `test:${randomUUID()}:`;
let api: FakeBotApi | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  // A failed test must not leave a bot process behind.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await api?.close();
  const redis = new Redis(REDIS_URL);
  await deleteKeysWithPrefix(redis, prefix);
  await redis.quit();
});

/** Waits until `predicate` holds, polling (bounded). */
async function until(predicate: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs src/main.ts as its own process against the emulator, as production would. */
function startBotProcess(fake: FakeBotApi) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const commandsBefore = fake.callsTo("setMyCommands").length;
  return {
    child,
    output: () => output,
    /** Resolves once the bot registered its commands (it polls right after). */
    ready: () =>
      until(() => fake.callsTo("setMyCommands").length >= commandsBefore + 4).catch((error) => {
        throw new Error(`${error.message}; bot output:\n${output}`);
      }),
  };
}

describe("the bot process", () => {
  it("serves updates and shuts down gracefully on SIGTERM with exit code 0", async () => {
    api = await FakeBotApi.start();
    const bot = startBotProcess(api);
    await bot.ready();
    const user = new TelegramUser(api, { id: 77, firstName: "Dana", languageCode: "en" });
    // The emulator sees the update confirmed once the bot stored it; the answer comes after.
    await user.command("help");
    await until(() => user.messages().some((message) => message.text?.includes("What I can do")));

    const stoppedAt = Date.now();
    bot.child.kill("SIGTERM");
    const [code] = await once(bot.child, "exit");
    expect(code, bot.output()).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    // The handled update was confirmed before exiting, so a restart would not fetch it again.
    expect(api.confirmedOffset).toBeGreaterThan(api.lastUpdateId);
  });

  it("loses no update and handles none twice across a crash (kill -9) and a restart", async () => {
    api = await FakeBotApi.start();
    const first = startBotProcess(api);
    await first.ready();
    const user = new TelegramUser(api, { id: 78, firstName: "Erlan", languageCode: "en" });
    await user.command("help");
    await until(() => user.messages().some((message) => message.text?.includes("What I can do")));

    // The next reply hits a flood wait, so its update is still in hand when the process dies.
    api.rateLimitNext("sendMessage", 5);
    const inFlight = api.pushUpdate({
      message: { message_id: 100, date: Math.floor(Date.now() / 1000), chat: user.chat, from: user.user, text: "/language", entities: [{ type: "bot_command", offset: 0, length: 9 }] },
    } as never);
    await until(() => api!.callsTo("sendMessage").some((call) => !call.ok));
    first.child.kill("SIGKILL");
    await once(first.child, "exit");
    // Telegram may have been told it arrived, but it waits in the Redis inbox, unfinished.
    const redis = new Redis(REDIS_URL);
    const leftover = await redis.hget(keyspace(prefix).updateInbox(api.botInfo.id), String(inFlight));
    await redis.quit();
    expect(JSON.parse(leftover ?? "{}").update_id).toBe(inFlight);

    const second = startBotProcess(api);
    await second.ready();
    await until(() => user.messages().some((message) => message.text?.includes("Choose your language")));
    await api.waitIdle();
    second.child.kill("SIGTERM");
    await once(second.child, "exit");
    const texts = user.messages().map((message) => message.text);
    // /help answered once (not again after the restart); /language answered once, by the new process.
    expect(texts.filter((text) => text?.includes("What I can do"))).toHaveLength(1);
    expect(texts.filter((text) => text?.includes("Choose your language"))).toHaveLength(1);
  });
});
