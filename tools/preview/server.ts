/**
 * The preview's web server: the chat page (plain files from ./web), a small JSON API that turns
 * clicks into Telegram updates, the live event stream, and downloads of files in the chat.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { FakeBotApi } from "@wealmaty/telegram-emulator";
import { LiveUpdates } from "./live-updates.js";
import { menuButtonFor, serveMiniApp, type MiniAppPreview } from "./miniapp-routes.js";
import { messageView, replyKeyboardView, type ChatView } from "./message-view.js";
import type { Persona } from "./personas.js";
import { PreviewUser, PreviewUserError } from "./user-actions.js";

const WEB_DIR = new URL("./web/", import.meta.url);
const STATIC_FILES: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/style.css": "style.css",
};
const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};
const MAX_JSON_BYTES = 64 * 1024;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface PreviewInfo {
  bot: { name: string; username: string };
  title: string;
  /** The event's IANA zone: the page shows the bot's time there. */
  timezone: string;
  /** The moment the bot believes it is, ISO. */
  now: () => Date;
  personas: Persona[];
  /** The Mini App panel: absent, /miniapp/ answers 404. */
  miniapp?: MiniAppPreview;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createPreviewServer(api: FakeBotApi, info: PreviewInfo): { server: Server; close(): void } {
  const users = new Map(info.personas.map((p) => [p.id, new PreviewUser(api, p)]));

  const chatView = (chatId: number): ChatView => {
    const persona = info.personas.find((p) => p.id === chatId);
    return {
      messages: api.conversation(chatId).map(messageView),
      replyKeyboard: replyKeyboardView(api.replyKeyboard(chatId)),
      commands: commandsFor(api, chatId, persona?.language),
      ...(info.miniapp ? { menuButton: menuButtonFor(api, chatId) } : {}),
    };
  };
  const live = new LiveUpdates(api, chatView);

  const userOf = (value: unknown): PreviewUser => {
    const user = users.get(Number(value));
    if (!user) throw new HttpError(404, "unknown user");
    return user;
  };

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // A site whose name is re-pointed at 127.0.0.1 (DNS rebinding) still sends its own name.
    if (!isLoopbackHost(req.headers.host)) throw new HttpError(403, "unknown host");
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackHost(hostOf(origin))) throw new HttpError(403, "cross-site request");
    const path = url.pathname;
    if (req.method !== "GET" && origin !== undefined && hostOf(origin) !== req.headers.host) throw new HttpError(403, "cross-site request");
    if (info.miniapp && (await serveMiniApp(info.miniapp, info.personas, req, res, url))) return;
    if (req.method === "GET") {
      const file = STATIC_FILES[path];
      if (file) return serveStatic(res, file);
      if (path === "/api/session") {
        return json(res, 200, {
          bot: info.bot,
          title: info.title,
          timezone: info.timezone,
          now: info.now().toISOString(),
          personas: info.personas,
        });
      }
      if (path === "/api/chat") return json(res, 200, chatView(userOf(url.searchParams.get("user")).chatId));
      if (path === "/api/events") return live.watch(userOf(url.searchParams.get("user")).chatId, res);
      const download = /^\/files\/([^/]+)$/.exec(path);
      if (download) return serveChatFile(api, res, decodedPathPart(download[1]!));
      throw new HttpError(404, "not found");
    }
    if (req.method !== "POST") throw new HttpError(405, "method not allowed");
    // Only the page itself may act as a user (no other site open in the browser).
    if (origin !== undefined && hostOf(origin) !== req.headers.host) throw new HttpError(403, "cross-site request");

    if (path === "/api/file") {
      const user = userOf(url.searchParams.get("user"));
      const data = await readBody(req, MAX_UPLOAD_BYTES);
      user.sendFile(data, {
        name: url.searchParams.get("name") || "file",
        contentType: String(req.headers["content-type"] ?? "application/octet-stream")
          .split(";")[0]!
          .trim(),
        ...(url.searchParams.get("caption") ? { caption: url.searchParams.get("caption")! } : {}),
      });
      return json(res, 200, { ok: true });
    }
    const body = parseJson(await readBody(req, MAX_JSON_BYTES));
    const user = userOf(body["user"]);
    switch (path) {
      case "/api/send":
        user.sendText(String(body["text"] ?? ""));
        return json(res, 200, { ok: true });
      case "/api/tap":
        return json(res, 200, { ok: true, queryId: user.tap(Number(body["messageId"]), String(body["data"] ?? "")) });
      case "/api/contact":
        user.shareContact();
        return json(res, 200, { ok: true });
      case "/api/location":
        user.shareLocation(Number(body["latitude"]), Number(body["longitude"]));
        return json(res, 200, { ok: true });
      default:
        throw new HttpError(404, "not found");
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://preview.local");
    route(req, res, url).catch((error: unknown) => {
      if (error instanceof HttpError) return json(res, error.status, { ok: false, error: error.message });
      if (error instanceof PreviewUserError) return json(res, 400, { ok: false, error: error.message });
      console.error("preview: request failed", error);
      json(res, 500, { ok: false, error: "internal error" });
    });
  });

  return {
    server,
    close() {
      live.close();
    },
  };
}

/** The command menu Telegram would show this user: chat scope first, then the defaults. */
function commandsFor(api: FakeBotApi, chatId: number, language: string | undefined) {
  const scope = { type: "chat", chat_id: chatId };
  const candidates = [
    ...(language ? [{ scope, language_code: language }] : []),
    { scope },
    ...(language ? [{ language_code: language }] : []),
    {},
  ];
  for (const options of candidates) {
    const commands = api.commands(options);
    if (commands.length > 0) return commands;
  }
  return [];
}

async function serveStatic(res: ServerResponse, name: string): Promise<void> {
  const body = await readFile(new URL(name, WEB_DIR));
  const type = CONTENT_TYPES[name.split(".").pop()!] ?? "application/octet-stream";
  res.writeHead(200, { "content-type": type, "content-length": body.length, "cache-control": "no-store" });
  res.end(body);
}

function serveChatFile(api: FakeBotApi, res: ServerResponse, fileId: string): void {
  const file = api.file(fileId);
  if (!file) throw new HttpError(404, "no such file");
  const inline = /^image\//.test(file.contentType);
  const name = file.filename ?? file.file_path.split("/").pop() ?? "file";
  res.writeHead(200, {
    "content-type": file.contentType,
    "content-length": file.data.length,
    // Images show in the chat; everything else (.ics, .csv, GeoJSON) downloads under its own name.
    "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
    "x-content-type-options": "nosniff",
  });
  res.end(file.data);
}

/** 127.0.0.1, localhost or [::1], on any port: the names the preview is opened with. */
function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i.test(host);
}

function decodedPathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, "malformed file name");
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, "too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(data: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data.toString("utf8") || "{}");
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, "expected a JSON object");
}
