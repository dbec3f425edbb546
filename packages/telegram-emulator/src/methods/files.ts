/** Files: getFile, and the InputFile parameters of sends and edits (uploads, file_ids, URLs). */
import { basename } from "node:path";
import type { File, Message } from "grammy/types";
import { badRequest } from "../api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import { guessMimeType, type FileKind, type StoredFile } from "../file-store.js";
import { isUploadedFile, type ApiParams } from "../request-body.js";
import type { MethodTable } from "./types.js";

export function fileMethods(state: EmulatorState): MethodTable {
  return {
    getFile: (p) => getFile(state, p),
  };
}

function getFile(state: EmulatorState, p: ApiParams): File {
  const file = state.files.get(p.requireString("file_id", "file_id is empty"));
  if (!file) throw badRequest("invalid file_id");
  if (file.file_size > 20 * 1024 * 1024) throw badRequest("file is too big");
  return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
}

/** An InputFile parameter: an upload, a known file_id, or an HTTP URL. */
export function inputFile(state: EmulatorState, value: unknown, kind: FileKind): StoredFile {
  if (isUploadedFile(value)) {
    return state.files.register(value.data, { kind, filename: value.filename, contentType: value.contentType });
  }
  if (typeof value === "string" && value !== "") {
    const known = state.files.get(value);
    if (known) return known;
    if (/^https?:\/\//i.test(value)) {
      // Telegram would download it; we just remember the URL.
      const name = basename(new URL(value).pathname);
      const file = state.files.register(Buffer.alloc(0), { kind, ...(name ? { filename: name } : {}) });
      file.url = value;
      return file;
    }
    throw badRequest("wrong file identifier/HTTP URL specified");
  }
  throw badRequest(`there is no ${kind} in the request`);
}

/** The Message field describing a file of the given kind (sizes/durations are made up). */
export function mediaFields(kind: FileKind, file: StoredFile, p: ApiParams): Partial<Message> {
  const ids = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size };
  const named = {
    ...(file.filename ? { file_name: file.filename } : {}),
    ...(guessMimeType(file.filename) ? { mime_type: guessMimeType(file.filename) } : {}),
  };
  const width = p.number("width") ?? 1280;
  const height = p.number("height") ?? 720;
  const duration = p.number("duration") ?? 1;
  switch (kind) {
    case "photo":
      return { photo: [{ ...ids, width, height }] };
    case "document":
      return { document: { ...ids, ...named } };
    case "video":
      return { video: { ...ids, ...named, width, height, duration } };
    case "animation":
      return { animation: { ...ids, ...named, width, height, duration } };
    case "audio":
      return { audio: { ...ids, ...named, duration } };
    case "voice":
      return { voice: { ...ids, duration, mime_type: "audio/ogg" } };
    case "sticker":
      return { sticker: { ...ids, type: "regular", width: 512, height: 512, is_animated: false, is_video: false } };
    case "video_note":
      return { video_note: { ...ids, length: 240, duration } };
  }
}
