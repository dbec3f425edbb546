import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { loadEvent } from "../src/event/load.js";
import { loadSeries } from "../src/event/series.js";
import { keyspace } from "../src/store/keys.js";
import { deleteKeysWithPrefix } from "../src/store/redis.js";
import { commandMessage, FakeBotApi, messageUpdate } from "@wealmaty/telegram-emulator";
import { REDIS_URL } from "./support/harness.js";
import { startSlowRedis } from "./support/slow-redis.js";
import { TelegramUser } from "./support/telegram-user.js";
import { bundle } from "../tools/build/bundle.js";

/** Users in the kill -9 under load tests (each sends 2 messages while the process is killed), and how many are in flight. */
const LOAD_USERS = 300;
const LOAD_IN_FLIGHT = 64;
/** How late each Redis reply comes during the load (a loaded Redis or network). */
const REDIS_REPLY_DELAY_MS = 50;
/** Updates the process handles at once by default: at most these can be caught between their answer and their state write. */
const HANDLED_AT_ONCE = parseConfig({ BOT_TOKEN: "1:token" }).UPDATES_HANDLED_AT_ONCE;

const prefix = `test:${randomUUID()}:`;
let api: FakeBotApi | undefined;
const children: ChildProcess[] = [];
const relays: Awaited<ReturnType<typeof startSlowRedis>>[] = [];
afterEach(async () => {
  // A failed test must not leave a bot process behind.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await api?.close();
  for (const relay of relays.splice(0)) await relay.close();
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

/** Runs src/main.ts (or `args`: another way to start it) as its own process against the emulator, as production would. */
function startBotProcess(fake: FakeBotApi, { redisUrl = REDIS_URL, token = fake.token, args = ["--import", "tsx", "src/main.ts"] } = {}) {
  const child = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH,
      BOT_TOKEN: token,
      BOT_API_ROOT: fake.apiRoot,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: "warn",
    },
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
      message: {
        message_id: 100,
        date: Math.floor(Date.now() / 1000),
        chat: user.chat,
        from: user.user,
        text: "/language",
        entities: [{ type: "bot_command", offset: 0, length: 9 }],
      },
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

/** Bot messages in a chat whose text starts with `start`. */
const count = (user: TelegramUser, start: string) => user.messages().filter((message) => message.text?.startsWith(start)).length;

/** Runs every user through `steps`, `inFlight` users at a time, each step waiting for its answer (a closed loop). */
async function closedLoop(users: TelegramUser[], inFlight: number, steps: (user: TelegramUser) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < users.length) await steps(users[next++]!);
    }),
  );
}

/** Calls the emulator's Bot API as another program with the same token would. */
async function callApi(fake: FakeBotApi, method: string, payload: object = {}) {
  const response = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as { ok: boolean; description?: string };
}

describe("the production build", () => {
  it("runs from its one bundled file with its locales and the bundled series, laid out as the Docker image is", async () => {
    // As the Docker image lays out /app: package.json, dist/server/main.js, dist/locales, events; no node_modules:
    // everything the bot loads is in the bundle.
    const app = mkdtempSync(join(tmpdir(), "wealmaty-build-"));
    try {
      await bundle("src/main.ts", join(app, "dist", "server", "main.js"));
      cpSync("src/locales", join(app, "dist", "locales"), { recursive: true });
      cpSync("package.json", join(app, "package.json"));
      symlinkSync(resolve("events"), join(app, "events"));
      api = await FakeBotApi.start();
      const bot = startBotProcess(api, { args: [join(app, "dist", "server", "main.js")] });
      await bot.ready();
      const kk = new TelegramUser(api, { id: 81, firstName: "Асел", languageCode: "kk" });
      await kk.command("start");
      await until(() => kk.messages().some((message) => message.text?.startsWith("Сәлеметсіз бе, Асел!")));
      const en = new TelegramUser(api, { id: 82, firstName: "Emma", languageCode: "en" });
      await en.command("info");
      await until(() => en.messages().some((message) => message.venue !== undefined));
      // The overview names one of the bundled series' events: the files were found beside the bundle.
      const titles = loadSeries({}, loadEvent).events.map((event) => event.text(event.title, "en"));
      expect(titles.some((title) => en.messages()[0]!.text?.includes(title))).toBe(true);

      bot.child.kill("SIGTERM");
      const [code] = await once(bot.child, "exit");
      expect(code, bot.output()).toBe(0);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

describe("the bot process and Telegram's refusals", () => {
  it("deletes a webhook left by an earlier run (WEBHOOK_URL) and serves the updates Telegram held meanwhile", async () => {
    api = await FakeBotApi.start();
    expect((await callApi(api, "setWebhook", { url: "https://bot.example.org/telegram" })).ok).toBe(true);
    const user = new TelegramUser(api, { id: 79, firstName: "Gulnara", languageCode: "en" });
    const base = { message_id: api.nextMessageId(user.chat.id), from: user.user, chat: user.chat };
    api.pushUpdate(messageUpdate(commandMessage(base, "help")));
    // While the webhook is set, long polling is refused, as Telegram does.
    const refused = await callApi(api, "getUpdates", { timeout: 0 });
    expect(refused.description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);

    const bot = startBotProcess(api);
    await bot.ready();
    await until(() => count(user, "What I can do") === 1);
    expect(api.webhookUrl).toBe("");
    bot.child.kill("SIGTERM");
    const [code] = await once(bot.child, "exit");
    expect(code, bot.output()).toBe(0);
    // A refused getUpdates, not any number with 409 in it (a log's time or delay may have).
    expect(bot.output()).not.toMatch(/409 Conflict|"error_code":409|Conflict: can't use getUpdates/);
  });

  it("stops with exit code 1 and says so when Telegram refuses the token at start-up", async () => {
    api = await FakeBotApi.start();
    const bot = startBotProcess(api, { token: "123456:REVOKED" });
    const [code] = await once(bot.child, "exit");
    expect(code).toBe(1);
    expect(bot.output()).toContain("start-up failed: Telegram refused the bot token (401 Unauthorized): check BOT_TOKEN");
  });

  it("stops with exit code 1 and says so when Telegram refuses the token while polling (revoked)", async () => {
    api = await FakeBotApi.start({ maxPollTimeoutSeconds: 1 });
    const bot = startBotProcess(api);
    await bot.ready();
    api.failNext("getUpdates", { error_code: 401, description: "Unauthorized" });
    const [code] = await once(bot.child, "exit");
    expect(code, bot.output()).toBe(1);
    expect(bot.output()).toContain("Telegram refused the bot token (401 Unauthorized): check BOT_TOKEN");
  });

  it("reports another process polling the same token (409) as an error, once a minute, and goes on when it is gone", async () => {
    api = await FakeBotApi.start({ maxPollTimeoutSeconds: 1 });
    const bot = startBotProcess(api);
    await bot.ready();
    // Another poller: each of its getUpdates ends the bot's with 409, as Telegram does.
    let polling = true;
    const other = (async () => {
      while (polling) await callApi(api!, "getUpdates", { timeout: 1 }).catch(() => undefined);
    })();
    const conflict = "another process is polling with this bot token (409 Conflict)";
    try {
      await until(() => bot.output().includes(conflict), 20_000);
      await new Promise((resolve) => setTimeout(resolve, 4000));
    } finally {
      polling = false;
      await other;
    }

    const user = new TelegramUser(api, { id: 80, firstName: "Marat", languageCode: "en", timeoutMs: 60_000 });
    await user.command("help");
    await until(() => count(user, "What I can do") === 1, 60_000);
    const errors = bot
      .output()
      .split("\n")
      .filter((line) => line.includes(conflict));
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0]!).level).toBe(50);
    bot.child.kill("SIGTERM");
    await once(bot.child, "exit");
  }, 90_000);
});

/** What a test looks for in a chat's stored state: whether it already holds a leftover update's effects. */
type StateSaved = (update: Update, state: { session: string | null; conversation: string | null }) => boolean;

/** The leftovers in the inbox whose chat state already holds their effects: a restart would replay them wrongly. */
async function leftoversWithStateSaved(redis: Redis, botId: number, saved: StateSaved): Promise<number[]> {
  const keys = keyspace(prefix);
  const inbox = await redis.hgetall(keys.updateInbox(botId));
  const leftovers = Object.entries(inbox)
    .filter(([field]) => field !== "last")
    .map(([, json]) => JSON.parse(json) as Update);
  if (leftovers.length === 0) return [];
  const chats = leftovers.map((update) => update.message?.chat.id ?? 0);
  const sessions = await redis.mget(chats.map((chat) => `${keys.sessionPrefix}${chat}`));
  const conversations = await redis.mget(chats.map((chat) => `${keys.conversationPrefix}${chat}`));
  return leftovers.filter((update, i) => saved(update, { session: sessions[i]!, conversation: conversations[i]! })).map((u) => u.update_id);
}

/**
 * A bot process on a Redis whose replies come late, and LOAD_USERS users driven through `steps`
 * while the process is killed (kill -9), then started again. The kill comes at the worst moment
 * for the inbox: as soon as an update's state is saved while the update is still in the inbox
 * (a restart would handle it again on top of its own state), or else once a third of the answers are out.
 */
async function killUnderLoad(options: {
  firstUserId: number;
  answers: number;
  stateSaved: StateSaved;
  /** Steps taken by every user before the load (no crash). */
  before?: (user: TelegramUser, step: Step) => Promise<void>;
  steps: (user: TelegramUser, step: Step) => Promise<void>;
}) {
  api = await FakeBotApi.start({ recordCalls: true });
  const relay = await startSlowRedis();
  relays.push(relay);
  const redis = new Redis(REDIS_URL);
  const first = startBotProcess(api, { redisUrl: relay.url });
  await first.ready();
  const users = Array.from(
    { length: LOAD_USERS },
    (_, i) => new TelegramUser(api!, { id: options.firstUserId + i, firstName: `User${i}`, languageCode: "en", timeoutMs: 60_000 }),
  );
  let answered = 0;
  /** Sends, then waits (bounded) until the bot's answer is there. */
  const step: Step = async (user, send, answer) => {
    await send();
    await until(() => count(user, answer) > 0, 45_000);
    answered++;
  };
  const { before, steps, stateSaved } = options;
  if (before) await closedLoop(users, LOAD_IN_FLIGHT, (user) => before(user, step));
  answered = 0;
  // Each Redis reply comes late: the gap between an update's state write and its next command grows.
  relay.replyDelayMs = REDIS_REPLY_DELAY_MS;
  const load = closedLoop(users, LOAD_IN_FLIGHT, (user) => steps(user, step));
  while (answered < options.answers / 3) {
    if (answered >= options.answers / 6 && (await leftoversWithStateSaved(redis, api.botInfo.id, stateSaved)).length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  first.child.kill("SIGKILL");
  await once(first.child, "exit");
  const answeredAtKill = answered;
  const wronglyLeft = await leftoversWithStateSaved(redis, api.botInfo.id, stateSaved);
  const leftovers = Math.max(0, (await redis.hlen(keyspace(prefix).updateInbox(api.botInfo.id))) - 1);
  await redis.quit();
  relay.replyDelayMs = 0;
  const second = startBotProcess(api, { redisUrl: relay.url });
  await second.ready();
  await load;
  await api.waitIdle(30_000);
  // A repeat would come with the leftovers, right after the start: give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  second.child.kill("SIGTERM");
  await once(second.child, "exit");
  return { users, answeredAtKill, wronglyLeft, leftovers };
}

type Step = (user: TelegramUser, send: () => Promise<unknown>, answer: string) => Promise<void>;

describe("the bot process killed (kill -9) under load", () => {
  it(`loses no update and repeats only answers whose state was not saved (${LOAD_USERS} users × 2 messages)`, async () => {
    const { users, answeredAtKill, wronglyLeft, leftovers } = await killUnderLoad({
      firstUserId: 500_000,
      answers: LOAD_USERS * 2,
      // The first message of a new user saves their session.
      stateSaved: (update, state) => update.message?.text === "hello" && state.session !== null,
      steps: async (user, step) => {
        await step(user, () => user.send("hello"), "I didn't understand that");
        await step(user, () => user.command("help"), "What I can do");
      },
    });

    const repeats = users.reduce((sum, user) => sum + count(user, "I didn't understand that") - 1 + count(user, "What I can do") - 1, 0);
    console.log(`kill -9 after ${answeredAtKill} of ${LOAD_USERS * 2} answers, ${leftovers} in hand: ${repeats} answered twice`);
    // Every answer came (the loop waits for each). No update whose state was saved was left to run
    // again; only updates in hand at the kill repeat (killed between their answer and their state write).
    expect(wronglyLeft).toEqual([]);
    expect(repeats).toBeLessThanOrEqual(Math.min(leftovers, HANDLED_AT_ONCE));
  }, 120_000);

  it(`never feeds an answer replayed after a crash into a form's next question (${LOAD_USERS} users in the idea form)`, async () => {
    const { users, answeredAtKill, wronglyLeft, leftovers } = await killUnderLoad({
      firstUserId: 600_000,
      answers: LOAD_USERS * 2,
      // The form's replay log holds every update it was given.
      stateSaved: (update, state) => state.conversation?.includes(`"update_id":${update.update_id},`) ?? false,
      before: async (user, step) => {
        await step(user, () => user.command("idea"), "💡 Ideas for the city");
        await step(user, () => user.tap("✍️ Propose an idea"), "🔒 Before your first idea");
        await step(user, () => user.tap("✅ I agree"), "Step 1 of 4");
        await step(user, () => user.tap("Bike lanes"), "Step 2 of 4");
      },
      // The text question is answered, then the next one (a photo), while the process is killed.
      steps: async (user, step) => {
        await step(user, () => user.send("A protected bike lane along Abay avenue from the river to the university"), "Step 3 of 4");
        await step(user, () => user.sendPhoto(), "Step 4 of 4");
      },
    });

    // An answer fed into the next question gets that question's hint ("Please send a photo…").
    const confused = users.filter((user) => user.messages().some((message) => message.text?.startsWith("Please")));
    const repeats = users.reduce((sum, user) => sum + count(user, "Step 3 of 4") - 1 + count(user, "Step 4 of 4") - 1, 0);
    const figures = `${repeats} answered twice, ${confused.length} forms fed an old answer`;
    console.log(`kill -9 after ${answeredAtKill} of ${LOAD_USERS * 2} answers, ${leftovers} in hand: ${figures}`);
    expect(wronglyLeft).toEqual([]);
    expect(confused.map((user) => api!.conversation(user.id).map((m) => `${m.from}: ${(m.text ?? m.kind).slice(0, 40)}`))).toEqual([]);
    expect(repeats).toBeLessThanOrEqual(Math.min(leftovers, HANDLED_AT_ONCE));
  }, 120_000);
});
