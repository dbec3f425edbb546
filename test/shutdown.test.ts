import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { FakeBotApi } from "./support/fake-bot-api.js";
import { REDIS_URL } from "./support/harness.js";
import { TelegramUser } from "./support/telegram-user.js";

const prefix = `test:${randomUUID()}:`;
let api: FakeBotApi | undefined;
afterEach(async () => {
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

describe("the bot process", () => {
  it("serves updates and shuts down gracefully on SIGTERM with exit code 0", async () => {
    api = await FakeBotApi.start();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, BOT_TOKEN: api.token, BOT_API_ROOT: api.apiRoot, REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));

    await until(() => api!.callsTo("setMyCommands").length >= 4).catch((error) => {
      throw new Error(`${error.message}; bot output:\n${output}`);
    });
    const user = new TelegramUser(api, { id: 77, firstName: "Dana", languageCode: "en" });
    const [reply] = await user.command("help");
    expect(reply?.text).toContain("What I can do");

    const stoppedAt = Date.now();
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code, output).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    // The handled update was confirmed before exiting, so a restart would not fetch it again.
    expect(api.confirmedOffset).toBeGreaterThan(api.lastUpdateId);
  });
});
