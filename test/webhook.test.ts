import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { loadEvent, BUNDLED_EVENT_FILE } from "../src/event/load.js";
import { startBot, type RunningBot } from "../src/bot/start.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { FakeBotApi } from "../src/emulator/fake-bot-api.js";
import { REDIS_URL } from "./support/harness.js";
import { freePort } from "./support/net.js";
import { TelegramUser } from "./support/telegram-user.js";
import { WebhookTelegram } from "./support/webhook-telegram.js";

const SECRET = "test-secret-0123456789";
const PUBLIC_URL = "https://bot.example.test/telegram/hook";


const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** N bot processes' worth of bots (same Redis, same prefix) in webhook mode behind one URL. */
async function startInstances(count: number) {
  const api = await FakeBotApi.start();
  const prefix = `test:${randomUUID()}:`;
  const redis = new Redis(REDIS_URL);
  cleanups.push(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    await api.close();
  });
  const event = loadEvent(BUNDLED_EVENT_FILE);
  const instances: Array<{ running: RunningBot; url: string }> = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const config = parseConfig({
      BOT_TOKEN: api.token,
      BOT_API_ROOT: api.apiRoot,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      WEBHOOK_URL: PUBLIC_URL,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: "silent",
    });
    // Each instance has its own Redis connection, as separate processes would.
    const running = await startBot(config, event, pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }));
    cleanups.push(() => running.stop());
    instances.push({ running, url: `http://127.0.0.1:${port}` });
  }
  const telegram = new WebhookTelegram(api, instances.map((instance) => `${instance.url}/telegram/hook`), SECRET);
  return { api, instances, telegram, redis, prefix };
}

describe("webhook mode", () => {
  it("sets the webhook with the secret, serves /healthz and rejects a wrong secret", async () => {
    const { api, instances, telegram } = await startInstances(1);
    expect(api.webhookUrl).toBe(PUBLIC_URL);
    expect(api.callsTo("setWebhook").at(-1)?.payload).toMatchObject({ secret_token: SECRET });
    const health = await fetch(`${instances[0]!.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, redis: "up" });

    const user = new TelegramUser(api, { id: 501, firstName: "Aruzhan", languageCode: "en" });
    const forged = { update_id: 1, message: { message_id: 1, date: 0, chat: user.chat, from: user.user, text: "/help" } };
    expect(await telegram.post(forged as never, 0, "wrong-secret-0123456789")).toBe(401);
    expect(api.callsTo("sendMessage")).toHaveLength(0);
  });

  it("keeps sessions consistent across two instances receiving interleaved updates of the same chats", async () => {
    const { api, telegram } = await startInstances(2);
    const users = [601, 602, 603].map((id) =>
      telegram.user(new TelegramUser(api, { id, firstName: `User${id}`, languageCode: "en" })),
    );
    // Every step of every user goes to the next instance in turn.
    for (const user of users) await user.command("start");
    for (const user of users) await user.tap("🌐 Language");
    for (const user of users) await user.tap("Қазақша");
    for (const user of users) {
      const [greeting] = await user.command("start");
      expect(greeting?.text).toContain("Сәлеметсіз бе");
    }
  });

  it("handles an update delivered to both instances at once only once", async () => {
    const { api, telegram } = await startInstances(2);
    const user = new TelegramUser(api, { id: 701, firstName: "Timur", languageCode: "en" });
    const update = {
      update_id: 9001,
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: user.chat, from: user.user, text: "/info", entities: [{ type: "bot_command" as const, offset: 0, length: 5 }] },
    };
    const statuses = await Promise.all([telegram.post(update as never, 0), telegram.post(update as never, 1)]);
    // One instance handles it; the other answers 503 (busy) or 200 (already done): Telegram's retry then finds it done.
    expect(statuses).toContain(200);
    await telegram.deliver(update as never);
    expect(api.callsTo("sendVenue")).toHaveLength(1);
  });
});
