/** Editing and deleting the bot's messages, with Telegram's errors (not found, can't be edited, not modified). */
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { badRequest } from "../api-error.js";
import { describeMessage, type ChatMessage, type MessageSource } from "../chat-store.js";
import type { EmulatorState } from "../emulator-state.js";
import type { FileKind } from "../file-store.js";
import { captionFields, comparable, messageIds, sameJson, sourceOf, textFields, unixNow } from "../message-fields.js";
import { ApiParams, isPlainObject } from "../request-body.js";
import { checkInlineKeyboard, formatCaption, formatMessageText } from "../telegram-checks.js";
import { inputFile, mediaFields } from "./files.js";
import type { MethodTable } from "./types.js";

const MESSAGE_MEDIA_FIELDS = ["photo", "document", "video", "audio", "voice", "animation", "sticker", "video_note"] as const;

export function editingMethods(state: EmulatorState): MethodTable {
  return {
    editMessageText: (p) => editMessageText(state, p),
    editMessageCaption: (p) => editMessageCaption(state, p),
    editMessageReplyMarkup: (p) => editMessageReplyMarkup(state, p),
    editMessageMedia: (p) => editMessageMedia(state, p),
    deleteMessage: (p) => deleteMessage(state, p),
    deleteMessages: (p) => deleteMessages(state, p),
  };
}

/** The bot message an edit targets, or "inline" for inline_message_id edits (not tracked). */
function editTarget(state: EmulatorState, p: ApiParams): ChatMessage | "inline" {
  if (p.has("inline_message_id")) return "inline";
  const chat = state.targetChat(p);
  const messageId = p.requireNumber("message_id", "message identifier is not specified");
  const found = state.chats.find(chat.id, messageId);
  if (!found) throw badRequest("message to edit not found");
  if (found.from !== "bot") throw badRequest("message can't be edited");
  // Telegram edits only messages sent without reply_markup or with an inline keyboard.
  if (found.reply_markup && !("inline_keyboard" in found.reply_markup)) throw badRequest("message can't be edited");
  return found;
}

/** Edits accept only inline keyboards; omitting reply_markup removes the keyboard. */
function editMarkup(p: ApiParams): InlineKeyboardMarkup | undefined {
  const markup = p.raw("reply_markup");
  if (markup === undefined || markup === null) return undefined;
  if (!isPlainObject(markup) || !("inline_keyboard" in markup)) {
    throw badRequest("inline keyboard expected");
  }
  checkInlineKeyboard(markup["inline_keyboard"]);
  return markup as unknown as InlineKeyboardMarkup;
}

/**
 * Applies an edit to a bot message. `source` describes the new text/caption,
 * or "keep" when only the keyboard changes. Identical content and keyboard
 * fail with "message is not modified", like Telegram.
 */
function applyEdit(
  state: EmulatorState,
  target: ChatMessage,
  changes: Partial<Message>,
  removed: ReadonlyArray<keyof Message>,
  markup: InlineKeyboardMarkup | undefined,
  source: MessageSource | "keep",
): Message {
  const next = { ...target.message } as Record<string, unknown>;
  for (const key of removed) delete next[key];
  delete next["reply_markup"];
  Object.assign(next, changes, markup ? { reply_markup: markup } : {});
  if (sameJson(comparable(target.message), comparable(next as unknown as Message))) {
    throw badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
  next["edit_date"] = unixNow();
  const message = next as unknown as Message;
  const text: MessageSource =
    source === "keep"
      ? {
          ...(target.raw !== undefined ? { raw: target.raw } : {}),
          ...(target.parse_mode ? { parse_mode: target.parse_mode } : {}),
        }
      : source;
  state.chats.replace(describeMessage(message, "bot", { ...text, ...(markup ? { reply_markup: markup } : {}) }, state.fileLookup));
  return message;
}

function editMessageText(state: EmulatorState, p: ApiParams): Message | true {
  const target = editTarget(state, p);
  const text = formatMessageText(p.string("text"), p.raw("parse_mode"), p.raw("entities"));
  const markup = editMarkup(p);
  if (target === "inline") return true;
  if (target.message.text === undefined) throw badRequest("there is no text in the message to edit");
  return applyEdit(state, target, textFields(text), ["entities"], markup, sourceOf(text));
}

function editMessageCaption(state: EmulatorState, p: ApiParams): Message | true {
  const target = editTarget(state, p);
  const caption = formatCaption(p.string("caption"), p.raw("parse_mode"), p.raw("caption_entities"));
  const markup = editMarkup(p);
  if (target === "inline") return true;
  if (!MESSAGE_MEDIA_FIELDS.some((f) => target.message[f] !== undefined)) {
    throw badRequest("there is no caption in the message to edit");
  }
  return applyEdit(state, target, captionFields(caption), ["caption", "caption_entities"], markup, sourceOf(caption));
}

function editMessageReplyMarkup(state: EmulatorState, p: ApiParams): Message | true {
  const target = editTarget(state, p);
  const markup = editMarkup(p);
  if (target === "inline") return true;
  return applyEdit(state, target, {}, [], markup, "keep");
}

function editMessageMedia(state: EmulatorState, p: ApiParams): Message | true {
  const target = editTarget(state, p);
  const media = p.raw("media");
  if (!isPlainObject(media)) throw badRequest("can't parse InputMedia JSON object");
  const kind = media["type"] as FileKind;
  if (!["photo", "video", "audio", "document", "animation"].includes(kind)) {
    throw badRequest("can't parse InputMedia: unsupported media type");
  }
  const markup = editMarkup(p);
  const mediaParams = new ApiParams(media);
  const caption = formatCaption(mediaParams.string("caption"), media["parse_mode"], media["caption_entities"]);
  const file = inputFile(state, media["media"], kind);
  if (target === "inline") return true;
  if (!MESSAGE_MEDIA_FIELDS.some((f) => target.message[f] !== undefined)) {
    throw badRequest("there is no media in the message to edit");
  }
  return applyEdit(
    state,
    target,
    { ...mediaFields(kind, file, mediaParams), ...captionFields(caption) },
    [...MESSAGE_MEDIA_FIELDS, "caption", "caption_entities"],
    markup,
    sourceOf(caption),
  );
}

function deleteMessage(state: EmulatorState, p: ApiParams): true {
  const chat = state.targetChat(p, false);
  const messageId = p.requireNumber("message_id", "message identifier is not specified");
  if (!state.chats.remove(chat.id, messageId)) throw badRequest("message to delete not found");
  return true;
}

function deleteMessages(state: EmulatorState, p: ApiParams): true {
  const chat = state.targetChat(p, false);
  for (const id of messageIds(p)) state.chats.remove(chat.id, id);
  return true;
}
