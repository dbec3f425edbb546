import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseConfig, type Config } from "../src/config.js";
import { loadEvent, BUNDLED_EVENT_FILE } from "../src/event/load.js";
import type { BotContext } from "../src/bot/context.js";
import { startBot, type RunningBot } from "../src/app/start.js";
import { connectRedis, deleteKeysWithPrefix } from "../src/store/redis.js";
import { FakeBotApi, tooManyRequests } from "@wealmaty/telegram-emulator";
import { REDIS_URL } from "./support/harness.js";
import { freePort } from "./support/net.js";
import { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";
import { WebhookTelegram } from "./support/webhook-telegram.js";

const SECRET = "test-secret-0123456789";
const PUBLIC_URL = "https://bot.example.test/telegram/hook";
const HOOK_PATH = "/telegram/hook";

/** The bundled event moved to 2099, so registration is open at the real time the instances run in (a child process too). */
const EVENT_FILE = join(tmpdir(), `webhook-test-event-${randomUUID()}.yaml`);
writeFileSync(EVENT_FILE, readFileSync(BUNDLED_EVENT_FILE, "utf8").replaceAll('"2017-11-', '"2099-11-'));
afterAll(() => rmSync(EVENT_FILE, { force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function webhookEnv(api: FakeBotApi, prefix: string, port: number) {
  return {
    BOT_TOKEN: api.token,
    BOT_API_ROOT: api.apiRoot,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    WEBHOOK_URL: PUBLIC_URL,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    EVENT_FILE,
  };
}

/**
 * N bot processes' worth of bots (same Redis, same prefix) in webhook mode behind one URL. Given
 * `connect`, each instance uses the Redis connection it makes (closed when the test ends).
 */
async function startInstances(count: number, connect?: (config: Config) => Redis) {
  const api = await FakeBotApi.start();
  const prefix = `test:${randomUUID()}:`;
  const redis = new Redis(REDIS_URL);
  cleanups.push(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    await api.close();
  });
  const event = loadEvent(EVENT_FILE);
  // Warnings and errors the instances log, one JSON line each.
  const logLines: string[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => void logLines.push(line) });
  /** One instance; given a port, it takes the place of one stopped there (a restart). */
  async function startInstance(port?: number) {
    port ??= await freePort();
    const config = parseConfig({ ...webhookEnv(api, prefix, port), LOG_LEVEL: "warn" });
    // Each instance has its own Redis connection, as separate processes would.
    const redis = connect?.(config);
    if (redis) cleanups.push(() => redis.quit());
    const running: RunningBot = await startBot(config, event, logger, { redis });
    let stopped: Promise<void> | undefined;
    const stop = () => (stopped ??= running.stop());
    cleanups.push(stop);
    return { running, port, url: `http://127.0.0.1:${port}`, stop };
  }
  const instances: Array<Awaited<ReturnType<typeof startInstance>>> = [];
  for (let i = 0; i < count; i++) instances.push(await startInstance());
  const telegram = new WebhookTelegram(
    api,
    instances.map((instance) => `${instance.url}${HOOK_PATH}`),
    SECRET,
  );
  const errors = () => logLines.filter((line) => JSON.parse(line).level >= 50);
  return { api, instances, telegram, redis, prefix, event, errors, startInstance };
}

/**
 * Watches every handler the instances run (they share this test's process): how many of one
 * chat ran at once at most, and the update ids each chat's handlers started, in order.
 */
function watchHandlers(bots: Array<Bot<BotContext>>) {
  const running = new Map<number, number>();
  const started = new Map<number, number[]>();
  let mostAtOnce = 0;
  for (const bot of bots) {
    const handle = bot.handleUpdate.bind(bot);
    bot.handleUpdate = async (update, envelope) => {
      const chat = update.message?.chat.id ?? update.callback_query?.from.id ?? 0;
      running.set(chat, (running.get(chat) ?? 0) + 1);
      mostAtOnce = Math.max(mostAtOnce, running.get(chat)!);
      started.set(chat, [...(started.get(chat) ?? []), update.update_id]);
      try {
        return await handle(update, envelope);
      } finally {
        running.set(chat, running.get(chat)! - 1);
      }
    };
  }
  return { mostAtOnce: () => mostAtOnce, started: (chat: number) => started.get(chat) ?? [] };
}

/** What each step of the scripted chats below answers, in English. */
const REPLIES = {
  greeting: "I am the assistant of",
  help: "What I can do",
  askName: "What is your full name",
  askSector: "Which sector do you represent",
  left: "Registration cancelled; nothing was saved",
  notUnderstood: "I didn't understand that",
};

/** The steps a user saw, in order, each named by the first marker its message contains. */
function seen(user: TelegramUser): string[] {
  const names = Object.entries(REPLIES);
  return user
    .messages()
    .filter((message) => message.from === "bot")
    .map((message) => names.find(([, marker]) => (message.text ?? "").includes(marker))?.[0])
    .filter((name): name is string => name !== undefined);
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

  it("answers 401, not 500, to a secret of the right length in non-ASCII characters, and logs no error", async () => {
    const { api, telegram, errors } = await startInstances(1);
    const user = new TelegramUser(api, { id: 502, firstName: "Aruzhan", languageCode: "en" });
    const forged = { update_id: 2, message: { message_id: 1, date: 0, chat: user.chat, from: user.user, text: "/help" } };
    // As many characters as the secret, but each "é" is two bytes in UTF-8.
    expect(await telegram.post(forged as never, 0, "é".repeat(SECRET.length))).toBe(401);
    expect(await telegram.post(forged as never, 0, "ñ".repeat(5))).toBe(401);
    expect(errors()).toEqual([]);
    expect(api.callsTo("sendMessage")).toHaveLength(0);
  });

  it("runs a chat's updates one at a time and in order when they reach both instances at once and a reply waits out a 429", async () => {
    const { api, instances, telegram } = await startInstances(2);
    const handlers = watchHandlers(instances.map((instance) => instance.running.bot));
    const users = [801, 802].map((id) =>
      telegram.user(new TelegramUser(api, { id, firstName: `User${id}`, languageCode: "en" }), { alternate: true }),
    );
    // Into the form, one step at a time: the consent, then its first question.
    for (const user of users) {
      await user.command("rsvp");
      await user.tap("✅ I agree");
    }
    // The next reply in each chat gets a 16 s flood wait: auto-retry waits it out inside the
    // handler, longer than the 8 s answer to Telegram and than the chat lock's TTL.
    const limited = new Set<unknown>();
    api.gateCalls((method, payload) => {
      if (method !== "sendMessage" || limited.has(payload.chat_id)) return;
      limited.add(payload.chat_id);
      throw tooManyRequests(16);
    });
    await Promise.all(
      users.map(async (user) => {
        // Each step goes to the other instance than the one before, without waiting for the answer.
        const steps = [user.send("Aruzhan Sadykova")];
        for (const step of [() => user.command("cancel"), () => user.command("help")]) {
          await sleep(100);
          steps.push(step());
        }
        // Still behind the first update, which waits until about 16 s.
        await sleep(12_000);
        steps.push(user.command("help"));
        await Promise.all(steps);
      }),
    );
    for (const user of users) {
      await until(
        () => seen(user),
        (steps) => steps.length >= 5,
        15_000,
      ).catch(() => undefined);
      expect(seen(user)).toEqual(["askName", "askSector", "left", "help", "help"]);
      const ids = handlers.started(user.chat.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(handlers.mostAtOnce()).toBe(1);
  }, 60_000);

  it("keeps an update whose handler failed after Telegram got its answer, and the next start handles it", async () => {
    const { api, instances, telegram, errors, startInstance } = await startInstances(1);
    const first = instances[0]!;
    const user = telegram.user(new TelegramUser(api, { id: 1001, firstName: "Dana", languageCode: "en" }));
    // This deployment's handler fails outside the error boundary, after the 8 s early answer.
    first.running.bot.handleUpdate = async () => {
      await sleep(9_000);
      throw new Error("handler failed");
    };
    await user.command("help");
    await until(errors, (lines) => lines.length > 0, 10_000);
    await first.stop();
    // Telegram will not send it again: the restarted bot finds it in Redis.
    await startInstance(first.port);
    await until(
      () => seen(user),
      (steps) => steps.length > 0,
      10_000,
    ).catch(() => undefined);
    expect(seen(user)).toEqual(["help"]);
  }, 60_000);

  it("never handles a form's answer twice when Redis fails right after the answer's state is written", async () => {
    // One command at a time on the instance's connection (no auto-pipelining), so one can be made to fail.
    let redis: Redis | undefined;
    const { api, telegram, prefix } = await startInstances(
      1,
      (config) => (redis = connectRedis(config, "bot", { enableAutoPipelining: false })),
    );
    const user = telegram.user(new TelegramUser(api, { id: 1003, firstName: "Aigerim", languageCode: "en" }));
    await user.command("rsvp");
    await user.tap("✅ I agree");
    // The command after the one that writes the chat's form state fails, as a Redis outage or a crash would stop it.
    const conversationKey = `${prefix}conversation:${user.chat.id}`;
    const send = redis!.sendCommand.bind(redis);
    let failNext = false;
    let failed: string | undefined;
    redis!.sendCommand = ((command: Parameters<Redis["sendCommand"]>[0], ...rest: unknown[]) => {
      if (failNext && failed === undefined) {
        failed = command.name;
        command.reject(new Error("Redis failed (injected)"));
        return command.promise;
      }
      const writesState = command.name.startsWith("eval") && command.args.some((arg) => String(arg) === conversationKey);
      if (failed === undefined && writesState) failNext = true;
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as Redis["sendCommand"];
    await user.send("Aigerim Nurlanovna");
    await sleep(1500);
    expect(failed).toBeDefined();
    // Answered once, and the name was never fed again into the sector question.
    expect(seen(user)).toEqual(["askName", "askSector"]);
    expect(
      user
        .messages()
        .map((message) => message.text)
        .filter((text) => text?.includes("Please choose one of the buttons")),
    ).toEqual([]);
  }, 30_000);

  it("drops an update whose handler fails 5 times, with an error log each time, and goes on with the chat", async () => {
    const { api, instances, telegram, errors } = await startInstances(1);
    const user = telegram.user(new TelegramUser(api, { id: 1002, firstName: "Erlan", languageCode: "en" }));
    const bot = instances[0]!.running.bot;
    const handle = bot.handleUpdate.bind(bot);
    // Every attempt at the first update fails outside the error boundary; the rest are served.
    let poison: number | undefined;
    bot.handleUpdate = async (update, envelope) => {
      poison ??= update.update_id;
      if (update.update_id === poison) throw new Error("handler failed");
      return handle(update, envelope);
    };
    await user.send("first");
    await user.command("help");
    await until(
      () => seen(user),
      (steps) => steps.length > 0,
      20_000,
    ).catch(() => undefined);
    expect(seen(user)).toEqual(["help"]);
    const failures = errors().map((line) => JSON.parse(line) as { update_id: number; tries: number; msg: string });
    expect(failures.map((line) => [line.update_id, line.tries])).toEqual([1, 2, 3, 4, 5].map((tries) => [poison, tries]));
    expect(failures.at(-1)?.msg).toBe("webhook update failed; dropped");
  }, 60_000);

  it("handles an update delivered to both instances at once only once", async () => {
    const { api, telegram } = await startInstances(2);
    const user = new TelegramUser(api, { id: 701, firstName: "Timur", languageCode: "en" });
    const update = {
      update_id: 9001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: user.chat,
        from: user.user,
        text: "/info",
        entities: [{ type: "bot_command" as const, offset: 0, length: 5 }],
      },
    };
    const statuses = await Promise.all([telegram.post(update as never, 0), telegram.post(update as never, 1)]);
    // Both store it (once) and answer 200; whichever holds the chat handles it, and a later repeat is skipped.
    expect(statuses).toEqual([200, 200]);
    await telegram.deliver(update as never);
    expect(api.callsTo("sendVenue")).toHaveLength(1);
  });

  it("resumes a killed instance's chats on the other within 15 s: its update in hand and the next ones, none lost or doubled", async () => {
    const { api, instances, prefix } = await startInstances(1);
    // The instance that dies is a real process, killed with SIGKILL: it releases nothing.
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, ...webhookEnv(api, prefix, port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    const doomed = `http://127.0.0.1:${port}`;
    await until(
      () =>
        fetch(`${doomed}/healthz`).then(
          (response) => response.status,
          () => 0,
        ),
      (status) => status === 200,
      15_000,
    ).catch((error) => {
      throw new Error(`${error.message}; bot output:\n${output}`);
    });
    const balanced = new WebhookTelegram(api, [`${doomed}${HOOK_PATH}`, `${instances[0]!.url}${HOOK_PATH}`], SECRET);
    const users = Array.from({ length: 30 }, (_, i) =>
      balanced.user(new TelegramUser(api, { id: 901 + i, firstName: `User${i}`, languageCode: "en" })),
    );
    const [held, ...others] = users as [TelegramUser, ...TelegramUser[]];

    await Promise.all(
      users.map(async (user) => {
        await user.command("start");
        await user.command("help");
        await user.command("rsvp");
        await user.tap("✅ I agree");
      }),
    );

    // The dying instance's reply to `held` hangs until the process is gone; then it never reaches Telegram.
    let holding = false;
    api.gateCalls(async (method, payload, signal) => {
      if (method !== "sendMessage" || payload.chat_id !== held.chat.id || holding) return;
      holding = true;
      await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    });
    const name = { message_id: api.nextMessageId(held.chat.id), date: Math.floor(Date.now() / 1000), chat: held.chat, from: held.user };
    const heldUpdate = balanced.deliver({ message: { ...name, text: "Aruzhan Sadykova" } } as never, 0);
    await Promise.all(others.map((user) => user.send("Aruzhan Sadykova")));
    // Telegram got its early answer (8 s): it will never send that update again.
    await heldUpdate;
    expect(holding).toBe(true);
    child.kill("SIGKILL");
    await once(child, "exit");

    const rest = Promise.all(users.map((user) => user.command("cancel")));
    // Within 15 s of the kill every chat is through, the held one included.
    const within15s = await until(
      () => users.map(seen),
      (steps) => steps.every((list) => list.includes("left")),
      15_000,
    ).catch(() => users.map(seen));
    for (const steps of within15s) expect(steps).toEqual(["greeting", "help", "askName", "askSector", "left"]);
    await rest;
    expect(users.map(seen)).toEqual(within15s);
  }, 90_000);
});
