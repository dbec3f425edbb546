import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sign } from "@telegram-apps/init-data-node";
import { afterAll } from "vitest";
import type { TestBot, TestBotOptions } from "./harness.js";
import { freePort } from "./net.js";

/** A built front end as Vite leaves it, and a file beside it that must never be served. */
export function fakeMiniAppBuild(): { dir: string; secret: string } {
  const root = mkdtempSync(join(tmpdir(), "miniapp-build-"));
  const dir = join(root, "miniapp");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), '<!doctype html><title>Mini App</title><script src="./assets/app-3f9a1c.js"></script>');
  writeFileSync(join(dir, "assets", "app-3f9a1c.js"), "console.log('mini app');");
  writeFileSync(join(dir, "assets", "app-3f9a1c.css"), "body{margin:0}");
  const secret = "the bot token lives here";
  writeFileSync(join(root, "secret.txt"), secret);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return { dir, secret };
}

export interface MiniAppUser {
  id: number;
  firstName?: string;
  languageCode?: string;
}

/** Telegram's initData for a user, signed with a token (the bot's, unless another is given), issued at `authDate`. */
export function initData(token: string, user: MiniAppUser, authDate = new Date()): string {
  return sign(
    { user: { id: user.id, first_name: user.firstName ?? `User ${user.id}`, language_code: user.languageCode } },
    token,
    authDate,
  );
}

/** Starts the bot with MINIAPP_URL on a free port; returns it and a caller of its HTTP server. */
export async function startMiniAppBot(
  start: (options?: TestBotOptions) => Promise<TestBot>,
  options: TestBotOptions & { maxAge?: number } = {},
) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const bot = await start({
    ...options,
    env: {
      MINIAPP_URL: `${base}/miniapp/`,
      PORT: String(port),
      ...(options.maxAge && { MINIAPP_AUTH_MAX_AGE: String(options.maxAge) }),
      ...options.env,
    },
  });
  /** Calls the API as this user (a signed initData), or with the given Authorization header (null: none). */
  async function call(as: MiniAppUser | string | null, path: string, init: { method?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (typeof as === "string") headers.authorization = as;
    else if (as) headers.authorization = `tma ${initData(bot.api.token, as)}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${base}/miniapp/api/${path}`, {
      method: init.method ?? (init.body !== undefined ? "POST" : "GET"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const type = response.headers.get("content-type") ?? "";
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString("utf8");
    return {
      status: response.status,
      type,
      bytes,
      headers: response.headers,
      text,
      json: type.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }
  return { bot, port, base, call };
}
