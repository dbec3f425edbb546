import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";
import { fakeMiniAppBuild, startMiniAppBot } from "./support/miniapp.js";
import { freePort } from "./support/net.js";
import { registerInEnglish } from "./support/flows.js";
import { parseConfig } from "../src/config.js";
import type { TelegramUser } from "./support/telegram-user.js";

const ADMIN = 7401;
const startTestBot = botPerTest({ adminIds: [ADMIN] });
const build = fakeMiniAppBuild();

/** A GET with the path sent exactly as written (fetch would resolve dot segments first). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The web_app buttons among the bot's messages to a user: [text, url]. */
function webAppButtons(user: TelegramUser): Array<[string, string]> {
  return user
    .messages()
    .filter((message) => message.from === "bot")
    .flatMap((message) => user.keyboard(message).flat())
    .flatMap((button) => ("web_app" in button && button.web_app ? [[button.text, button.web_app.url] as [string, string]] : []));
}

const menuButtons = (bot: TestBot, chatId: number) =>
  bot.api
    .callsTo("setChatMenuButton")
    .filter((call) => call.payload.chat_id === chatId)
    .map((call) => call.payload.menu_button as { type: string; text?: string; web_app?: { url: string } });

describe("the Mini App's page", () => {
  it("serves the build: index, hashed assets cached for a year, the page's own routes, no way out of its folder", async () => {
    const { base, port } = await startMiniAppBot(startTestBot, { miniappDir: build.dir });

    const index = await fetch(`${base}/miniapp/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(await index.text()).toContain("<title>Mini App</title>");

    const asset = await fetch(`${base}/miniapp/assets/app-3f9a1c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await asset.text()).toBe("console.log('mini app');");
    expect((await fetch(`${base}/miniapp/assets/app-3f9a1c.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");

    // The page's routes and unknown paths get the page; a missing asset does not.
    expect(await (await fetch(`${base}/miniapp/door`)).text()).toContain("<title>Mini App</title>");
    expect((await fetch(`${base}/miniapp/assets/gone-1234.js`)).status).toBe(404);
    const bare = await fetch(`${base}/miniapp`, { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/miniapp/");

    for (const path of [
      "/miniapp/../secret.txt",
      "/miniapp/..%2fsecret.txt",
      "/miniapp/assets/..%2F..%2Fsecret.txt",
      "/miniapp/%2e%2e/secret.txt",
    ]) {
      const answer = await rawGet(port, path);
      expect(answer.status, path).not.toBe(200);
      expect(answer.body, path).not.toContain(build.secret);
    }
    const malformed = await rawGet(port, "/miniapp/%E0%A4%A");
    expect(malformed.status).toBe(400);
    expect((await rawGet(port, "/miniapp/a%00b")).status).toBe(400);
    // The API is not the page: unknown API paths are the API's (401 without initData).
    expect((await fetch(`${base}/miniapp/api/whatever`)).status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  it("in long polling, the server starts only with MINIAPP_URL", async () => {
    const port = await freePort();
    await startTestBot({ env: { PORT: String(port) } });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    const withMiniApp = await startMiniAppBot(startTestBot, { miniappDir: build.dir });
    const health = await fetch(`${withMiniApp.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, redis: "up" });
    expect((await fetch(`${withMiniApp.base}/miniapp/`)).status).toBe(200);
  });

  it("in webhook mode, one server carries the webhook, /healthz and the Mini App", async () => {
    const secret = "mini-app-webhook-secret";
    const { bot, base } = await startMiniAppBot(startTestBot, {
      miniappDir: build.dir,
      env: { WEBHOOK_URL: "https://bot.example.test/telegram/hook", WEBHOOK_SECRET: secret },
    });
    expect(bot.api.callsTo("setWebhook").at(-1)?.payload.url).toBe("https://bot.example.test/telegram/hook");
    const update = {
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, from: { id: 1, is_bot: false, first_name: "A" }, text: "hi" },
    };
    const refused = await fetch(`${base}/telegram/hook`, {
      method: "POST",
      body: JSON.stringify(update),
      headers: { "x-telegram-bot-api-secret-token": "wrong-secret-0123456789" },
    });
    expect(refused.status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/miniapp/`)).status).toBe(200);
    expect((await fetch(`${base}/miniapp/api/me`)).status).toBe(401);
  });
});

describe("the Mini App's configuration", () => {
  const parse = (env: Record<string, string>) => () => parseConfig({ BOT_TOKEN: "123:abc", ...env });
  it("wants https (http only on this machine, for the preview) and a sane maximum age", () => {
    expect(parse({ MINIAPP_URL: "https://bot.example.org/miniapp/" })()).toMatchObject({
      MINIAPP_URL: "https://bot.example.org/miniapp/",
      MINIAPP_AUTH_MAX_AGE: 86_400,
    });
    expect(parse({ MINIAPP_URL: "http://127.0.0.1:8080/miniapp/", MINIAPP_AUTH_MAX_AGE: "3600" })().MINIAPP_AUTH_MAX_AGE).toBe(3600);
    expect(parse({ MINIAPP_URL: "http://localhost:8080/miniapp/" })().MINIAPP_URL).toBe("http://localhost:8080/miniapp/");
    expect(parse({})().MINIAPP_URL).toBeUndefined();
    expect(parse({ MINIAPP_URL: "http://bot.example.org/miniapp/" })).toThrow(/MINIAPP_URL: expected https/);
    expect(parse({ MINIAPP_URL: "ftp://bot.example.org/" })).toThrow(/MINIAPP_URL/);
    expect(parse({ MINIAPP_AUTH_MAX_AGE: "0" })).toThrow(/MINIAPP_AUTH_MAX_AGE/);
    expect(parse({ MINIAPP_AUTH_MAX_AGE: "1.5" })).toThrow(/MINIAPP_AUTH_MAX_AGE/);
  });
});

describe("the bot's Mini App buttons", () => {
  it("an admin's menu button opens the dashboard from the start; new staff get the door, revoked staff lose it", async () => {
    const { bot, base } = await startMiniAppBot(startTestBot, { miniappDir: build.dir });
    expect(menuButtons(bot, ADMIN)).toEqual([{ type: "web_app", text: "Панель", web_app: { url: `${base}/miniapp/#/dashboard` } }]);

    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    await admin.command("team");
    await admin.tap(/door staff/);
    await admin.tap("Single use");
    const payload = /start=(team_[\w-]{22})/.exec(admin.lastText())![1]!;
    const staff = bot.user({ languageCode: "en", firstName: "Zhanna" });
    await staff.command("start", payload);
    expect(menuButtons(bot, staff.id)).toEqual([{ type: "web_app", text: "Door", web_app: { url: `${base}/miniapp/#/door` } }]);

    await admin.command("team");
    await admin.tap(/Zhanna/);
    await admin.tap(/Yes|Revoke/);
    expect(await bot.running.deps.store.team.roleOf(staff.id)).toBeUndefined();
    expect(menuButtons(bot, staff.id).at(-1)).toEqual({ type: "default" });
  });

  it("attendees get Open ticket on the ticket and Map of ideas in the ideas menu; without MINIAPP_URL nothing changes", async () => {
    const { bot, base } = await startMiniAppBot(startTestBot, { miniappDir: build.dir });
    const guest = bot.user({ languageCode: "en" });
    await registerInEnglish(guest);
    await guest.command("idea");
    expect(webAppButtons(guest)).toEqual([
      ["📱 Open ticket", `${base}/miniapp/#/ticket`],
      ["🗺 Map of ideas", `${base}/miniapp/#/map`],
    ]);
    expect(bot.api.callsTo("setChatMenuButton").filter((call) => call.payload.chat_id === guest.id)).toEqual([]);

    const plain = await startTestBot();
    const other = plain.user({ languageCode: "en" });
    await registerInEnglish(other);
    await other.command("idea");
    expect(other.messages().some((message) => message.photo)).toBe(true);
    expect(webAppButtons(other)).toEqual([]);
    expect(plain.api.callsTo("setChatMenuButton")).toEqual([]);
  });
});
