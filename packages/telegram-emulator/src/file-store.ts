/**
 * Files known to the fake server: ones a test "uploads" as a user (to put in
 * incoming photos/documents) and ones the bot uploads. Each gets a file_id and
 * a file_path, so getFile + GET /file/bot<token>/<path> work like Telegram.
 */
import { randomBytes } from "node:crypto";
import { extname } from "node:path";

export type FileKind = "photo" | "document" | "video" | "audio" | "voice" | "animation" | "sticker" | "video_note";

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  kind: FileKind;
  filename?: string;
  /** As uploaded, or guessed from the filename (grammY always uploads application/octet-stream). */
  contentType: string;
  data: Buffer;
  /** For files "sent" by URL: the fake server never downloads it. */
  url?: string;
}

export interface RegisterFileOptions {
  kind?: FileKind;
  filename?: string;
  contentType?: string;
}

// Real file_ids start with a type-specific prefix; nice when eyeballing logs.
const ID_PREFIX: Record<FileKind, string> = {
  photo: "AgACAgIAAxkBAAI",
  document: "BQACAgIAAxkBAAI",
  video: "BAACAgIAAxkBAAI",
  audio: "CQACAgIAAxkBAAI",
  voice: "AwACAgIAAxkBAAI",
  animation: "CgACAgIAAxkBAAI",
  sticker: "CAACAgIAAxkBAAI",
  video_note: "DQACAgIAAxkBAAI",
};
const FOLDER: Record<FileKind, string> = {
  photo: "photos",
  document: "documents",
  video: "videos",
  audio: "music",
  voice: "voice",
  animation: "animations",
  sticker: "stickers",
  video_note: "video_notes",
};
const DEFAULT_EXT: Record<FileKind, string> = {
  photo: ".jpg",
  document: "",
  video: ".mp4",
  audio: ".mp3",
  voice: ".oga",
  animation: ".mp4",
  sticker: ".webp",
  video_note: ".mp4",
};

const MIME_TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".ics": "text/calendar",
  ".csv": "text/csv",
  ".txt": "text/plain",
  ".json": "application/json",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".mp4": "video/mp4",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".oga": "audio/ogg",
};

/** Telegram derives a document's mime_type from its file name. */
export function guessMimeType(filename: string | undefined): string | undefined {
  return filename ? MIME_TYPES[extname(filename).toLowerCase()] : undefined;
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  register(data: Buffer, options: RegisterFileOptions = {}): StoredFile {
    const n = ++this.counter;
    const kind = options.kind ?? "document";
    const tail = randomBytes(12).toString("base64url");
    const ext = options.filename ? extname(options.filename) : DEFAULT_EXT[kind];
    const given = options.contentType;
    const contentType =
      given && given !== "application/octet-stream"
        ? given
        : (guessMimeType(options.filename ?? `x${ext}`) ?? given ?? "application/octet-stream");
    const file: StoredFile = {
      file_id: `${ID_PREFIX[kind]}${n}${tail}`,
      file_unique_id: `AQAD${n}${tail.slice(0, 6)}`,
      file_size: data.length,
      file_path: `${FOLDER[kind]}/file_${n}${ext}`,
      kind,
      contentType,
      data,
      ...(options.filename !== undefined ? { filename: options.filename } : {}),
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  delete(fileId: string): void {
    const file = this.byId.get(fileId);
    if (!file) return;
    this.byId.delete(fileId);
    this.byPath.delete(file.file_path);
  }
}
