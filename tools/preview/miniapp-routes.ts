/**
 * The Mini App in the preview: /miniapp/ is the built front end with the Telegram.WebApp shim put in
 * for the persona (?user=), /miniapp/assets/* its files, and /miniapp/api/* is passed on to the bot's
 * own Mini App server. The chat's web_app menu button is read from the bot's setChatMenuButton calls.
 */
import { readFile } from "node:fs/promises";
import { request, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import type { FakeBotApi } from "@wealmaty/telegram-emulator";
import type { ChatView } from "./message-view.js";
import { shimConfig, withShim, type ShimTicket } from "./miniapp-shim.js";
import { telegramUser, type Persona } from "./personas.js";

export interface MiniAppPreview {
  /** The built front end (dist/miniapp). */
  dir: string;
  /** The bot token initData is signed with. */
  token: string;
  /** Where the bot's Mini App API listens (http://127.0.0.1:port); undefined while the bot serves none. */
  apiOrigin: () => string | undefined;
  /** The tickets the shim's scanner offers: the preview's registrations. */
  tickets: () => Promise<ShimTicket[]>;
}

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  png: "image/png",
  svg: "image/svg+xml",
};

/** Handles /miniapp/… and says so; anything else is left to the chat page's routes. */
export async function serveMiniApp(
  preview: MiniAppPreview,
  personas: Persona[],
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  if (path !== "/miniapp" && !path.startsWith("/miniapp/")) return false;
  if (path.startsWith("/miniapp/api/")) {
    const origin = preview.apiOrigin();
    if (!origin) return plain(res, 503, '{"error":"the bot serves no Mini App API in this build"}', "application/json");
    await proxy(req, res, new URL(path + url.search, origin));
    return true;
  }
  if (req.method !== "GET") return plain(res, 405, "method not allowed");
  const asset = /^\/miniapp\/assets\/([\w.-]+)$/.exec(path);
  if (asset) {
    const body = await readFile(join(preview.dir, "assets", asset[1]!)).catch(() => undefined);
    if (!body) return plain(res, 404, "not found");
    res.writeHead(200, { "content-type": TYPES[asset[1]!.split(".").pop()!] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
    return true;
  }
  const persona = personas.find((p) => p.id === Number(url.searchParams.get("user")));
  if (!persona) return plain(res, 404, "unknown user: open the Mini App from a chat");
  const html = await readFile(join(preview.dir, "index.html"), "utf8");
  const page = await withShim(html, shimConfig(preview.token, telegramUser(persona), await preview.tickets()));
  return plain(res, 200, page, "text/html; charset=utf-8");
}

/** The menu button Telegram would show in this chat: the chat's own, else the bot's default. */
export function menuButtonFor(api: FakeBotApi, chatId: number): ChatView["menuButton"] {
  const calls = api
    .callsTo("setChatMenuButton")
    .filter((call) => call.ok)
    .reverse();
  const chatOf = (call: (typeof calls)[number]) => call.payload["chat_id"];
  const call = calls.find((c) => Number(chatOf(c)) === chatId) ?? calls.find((c) => chatOf(c) === undefined);
  let button = call?.payload["menu_button"];
  if (typeof button === "string") button = JSON.parse(button) as unknown;
  const value = button as { type?: string; text?: string; web_app?: { url?: string } } | undefined;
  if (value?.type !== "web_app" || !value.web_app?.url) return undefined;
  return { text: value.text ?? "Mini App", url: value.web_app.url };
}

function plain(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): true {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(body);
  return true;
}

/** Passes the request (with its Authorization header) to the bot's server and its answer back. */
function proxy(req: IncomingMessage, res: ServerResponse, target: URL): Promise<void> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    for (const name of ["authorization", "content-type", "content-length", "accept"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const outgoing = request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, {
        ...(answer.headers["content-type"] ? { "content-type": answer.headers["content-type"] } : {}),
        ...(answer.headers["content-disposition"] ? { "content-disposition": answer.headers["content-disposition"] } : {}),
        "cache-control": "no-store",
      });
      answer.pipe(res);
      answer.on("end", () => resolve());
    });
    outgoing.on("error", () => {
      plain(res, 502, '{"error":"the bot\'s Mini App server did not answer"}', "application/json");
      resolve();
    });
    req.pipe(outgoing);
  });
}
