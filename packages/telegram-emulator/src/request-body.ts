/**
 * Turns a Bot API HTTP request (query string + JSON / urlencoded / multipart
 * body) into one parameter object, the way Telegram reads it, and offers typed
 * readers that fail with Telegram's wording.
 */
import type { IncomingMessage } from "node:http";
import { badRequest } from "./api-error.js";

/** A file part of a multipart request (grammY sends every InputFile this way). */
export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export type Payload = Record<string, unknown>;

export interface ParsedRequest {
  /** All parameters; `attach://name` references are replaced by the UploadedFile. */
  payload: Payload;
  /** Every file part, in request order. */
  files: UploadedFile[];
}

/** Reads the whole body; Telegram caps uploads at 50 MB, so do we. */
export async function readRequestBody(req: IncomingMessage, limitBytes = 50 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > limitBytes) throw badRequest("request entity too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function parseRequest(contentType: string | undefined, body: Buffer, query: URLSearchParams): ParsedRequest {
  const payload: Payload = {};
  const files: UploadedFile[] = [];
  // Telegram accepts parameters in the query string too; the body wins on conflicts.
  for (const [name, value] of query) payload[name] = coerceField(name, value);

  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (body.length > 0) {
    if (type === "application/json") {
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        throw badRequest("can't parse JSON object");
      }
      if (typeof json !== "object" || json === null || Array.isArray(json)) {
        throw badRequest("JSON object expected");
      }
      Object.assign(payload, json);
    } else if (type === "application/x-www-form-urlencoded") {
      for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
        payload[name] = coerceField(name, value);
      }
    } else if (type === "multipart/form-data") {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
      const boundaryValue = boundary?.[1] ?? boundary?.[2];
      if (!boundaryValue) throw badRequest("multipart boundary is missing");
      const filesByName = new Map<string, UploadedFile>();
      for (const part of parseMultipart(body, boundaryValue.trim())) {
        if (part.filename === undefined) {
          payload[part.name] = coerceField(part.name, part.data.toString("utf8"));
        } else {
          const file: UploadedFile = {
            filename: part.filename,
            contentType: part.contentType ?? "application/octet-stream",
            data: part.data,
          };
          files.push(file);
          filesByName.set(part.name, file);
        }
      }
      // grammY puts "attach://<id>" in the field (also inside InputMedia JSON)
      // and sends the bytes as a part named <id>; resolve those references.
      const used = new Set<string>();
      for (const [key, value] of Object.entries(payload)) {
        payload[key] = resolveAttachments(value, filesByName, used);
      }
      // A file part nobody references is a direct upload (`-F photo=@x.jpg`).
      for (const [name, file] of filesByName) {
        if (!used.has(name) && !(name in payload)) payload[name] = file;
      }
    }
    // Other content types: Telegram ignores the body; so do we.
  }
  return { payload, files };
}

function resolveAttachments(value: unknown, files: Map<string, UploadedFile>, used: Set<string>): unknown {
  if (typeof value === "string" && value.startsWith("attach://")) {
    const name = value.slice("attach://".length);
    const file = files.get(name);
    if (file) {
      used.add(name);
      return file;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveAttachments(v, files, used));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveAttachments(v, files, used);
    return out;
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return isPlainObject(value) && Buffer.isBuffer(value["data"]) && typeof value["filename"] === "string";
}

// --- form field coercion -------------------------------------------------
// Form/multipart values are strings. Telegram decodes object-valued fields
// (reply_markup, media, entities, ...) from JSON and reads numbers/booleans
// per parameter type. We mirror that so payloads look the same as JSON calls.

/** Free-text fields: never JSON-decoded even if they look like `[...]`. */
const STRING_FIELDS = new Set([
  "text",
  "caption",
  "title",
  "address",
  "description",
  "short_description",
  "name",
  "question",
  "explanation",
  "emoji",
  "first_name",
  "last_name",
  "phone_number",
  "vcard",
  "callback_query_id",
  "url",
  "query",
  "foursquare_id",
  "foursquare_type",
  "google_place_id",
  "google_place_type",
  "performer",
  "business_connection_id",
  "inline_message_id",
  "secret_token",
  "file_id",
]);
const NUMBER_FIELDS = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "message_thread_id",
  "reply_to_message_id",
  "offset",
  "limit",
  "timeout",
  "latitude",
  "longitude",
  "horizontal_accuracy",
  "live_period",
  "heading",
  "proximity_alert_radius",
  "cache_time",
  "duration",
  "width",
  "height",
  "user_id",
  "max_connections",
  "until_date",
  "direct_messages_topic_id",
]);
const BOOLEAN_FIELDS = new Set([
  "disable_notification",
  "protect_content",
  "show_alert",
  "disable_web_page_preview",
  "allow_sending_without_reply",
  "has_spoiler",
  "drop_pending_updates",
  "disable_content_type_detection",
  "supports_streaming",
  "show_caption_above_media",
  "allow_paid_broadcast",
  "is_anonymous",
  "only_if_banned",
  "revoke_messages",
  "for_channels",
]);

export function coerceField(name: string, value: string): unknown {
  if (STRING_FIELDS.has(name)) return value;
  const trimmed = value.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (NUMBER_FIELDS.has(name) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(name) && (value === "true" || value === "false")) return value === "true";
  return value;
}

// --- multipart ------------------------------------------------------------
// Not `Request#formData()`: Node 20's undici rejects grammY's compact part
// headers (`content-disposition:form-data;name="x";filename=a.pdf`, no space
// after `;`, unquoted filename), so we parse the few shapes we need ourselves.

interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest("can't parse multipart/form-data body");
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // "--": closing delimiter
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const end = body.indexOf(nextDelimiter, pos);
    if (end < 0) throw badRequest("can't parse multipart/form-data body");
    const raw = body.subarray(pos, end);
    const headerEnd = raw.indexOf("\r\n\r\n");
    const headerText = headerEnd < 0 ? raw.toString("utf8") : raw.subarray(0, headerEnd).toString("utf8");
    const data = headerEnd < 0 ? Buffer.alloc(0) : Buffer.from(raw.subarray(headerEnd + 4));

    let name: string | undefined;
    let filename: string | undefined;
    let contentType: string | undefined;
    for (const line of headerText.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const header = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (header === "content-type") contentType = value;
      if (header === "content-disposition") {
        name = /(?:^|;)\s*name="([^"]*)"/i.exec(value)?.[1];
        // Quoted per RFC 7578, or grammY's unquoted form which runs to end of line.
        const file = /(?:^|;)\s*filename=(?:"([^"]*)"|(.*))$/i.exec(value);
        if (file) filename = (file[1] ?? file[2] ?? "").trim();
      }
    }
    if (name !== undefined) {
      parts.push({
        name,
        data,
        ...(filename !== undefined ? { filename } : {}),
        ...(contentType !== undefined ? { contentType } : {}),
      });
    }
    pos = end + 2; // now at "--boundary"
  }
  return parts;
}

// --- typed readers ----------------------------------------------------------

/** Typed access to a request's parameters; missing/invalid ones fail like Telegram. */
export class ApiParams {
  constructor(readonly payload: Payload) {}

  has(name: string): boolean {
    return this.payload[name] !== undefined && this.payload[name] !== null;
  }

  raw(name: string): unknown {
    return this.payload[name];
  }

  string(name: string): string | undefined {
    const value = this.payload[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  requireString(name: string, missing = `${name} is empty`): string {
    const value = this.string(name);
    if (value === undefined || value === "") throw badRequest(missing);
    return value;
  }

  number(name: string): number | undefined {
    const value = this.payload[name];
    if (value === undefined || value === null || value === "") return undefined;
    const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw badRequest(`field "${name}" must be a Number`);
    return n;
  }

  requireNumber(name: string, missing = `${name} is empty`): number {
    const value = this.number(name);
    if (value === undefined) throw badRequest(missing);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.payload[name];
    if (value === undefined || value === null) return undefined;
    return value === true || value === "true" || value === 1 || value === "1";
  }

  /** chat_id may be an integer or "@username"; returned as given. */
  chatId(name = "chat_id"): number | string {
    const value = this.payload[name];
    if (typeof value === "number") return value;
    if (typeof value === "string" && value !== "") {
      return /^-?\d+$/.test(value) ? Number(value) : value;
    }
    throw badRequest(`${name} is empty`);
  }
}
