/** Messages the bot sends: text, media, media groups, locations, contacts, dice, polls, chat actions, copies and forwards. */
import type { Chat, Message, MessageId } from "grammy/types";
import { badRequest } from "../api-error.js";
import { describeMessage, type ChatMessage, type MessageSource, type ReplyMarkup } from "../chat-store.js";
import type { EmulatorState } from "../emulator-state.js";
import type { FileKind } from "../file-store.js";
import { captionFields, messageContent, messageIds, sourceOf, textFields, unixNow } from "../message-fields.js";
import { ApiParams, isPlainObject } from "../request-body.js";
import { checkReplyMarkup, formatCaption, formatMessageText } from "../telegram-checks.js";
import { inputFile, mediaFields } from "./files.js";
import type { MethodTable } from "./types.js";

/** Where a send goes and what it carries, all validated before a message id is used. */
interface PreparedSend {
  chat: Chat;
  markup?: ReplyMarkup;
  replyTo?: Message;
}

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const MEDIA_GROUP_TYPES = new Set<FileKind>(["photo", "video", "audio", "document"]);

export function sendingMethods(state: EmulatorState): MethodTable {
  const sendMedia = (kind: FileKind) => (p: ApiParams) => sendMediaMessage(state, p, kind);
  return {
    sendMessage: (p) => sendMessage(state, p),
    sendPhoto: sendMedia("photo"),
    sendDocument: sendMedia("document"),
    sendVideo: sendMedia("video"),
    sendAudio: sendMedia("audio"),
    sendVoice: sendMedia("voice"),
    sendAnimation: sendMedia("animation"),
    sendSticker: sendMedia("sticker"),
    sendVideoNote: sendMedia("video_note"),
    sendMediaGroup: (p) => sendMediaGroup(state, p),
    sendLocation: (p) => sendLocation(state, p),
    sendVenue: (p) => sendVenue(state, p),
    sendContact: (p) => sendContact(state, p),
    sendDice: (p) => sendDice(state, p),
    sendPoll: (p) => sendPoll(state, p),
    sendChatAction: (p) => sendChatAction(state, p),
    copyMessage: (p) => copyMessage(state, p),
    copyMessages: (p) => copyMessages(state, p),
    forwardMessage: (p) => forwardMessage(state, p),
    forwardMessages: (p) => forwardMessages(state, p),
  };
}

function prepareSend(state: EmulatorState, p: ApiParams): PreparedSend {
  const chat = state.targetChat(p);
  const markup = p.raw("reply_markup");
  checkReplyMarkup(markup);
  const replyTo = replyTarget(state, chat, p);
  return {
    chat,
    ...(markup ? { markup: markup as ReplyMarkup } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
}

function replyTarget(state: EmulatorState, chat: Chat, p: ApiParams): Message | undefined {
  const params = p.raw("reply_parameters");
  const messageId = isPlainObject(params) ? Number(params["message_id"]) : p.number("reply_to_message_id");
  if (messageId === undefined || Number.isNaN(messageId)) return undefined;
  const found = state.chats.find(chat.id, messageId);
  if (found) {
    const { reply_to_message: _nested, ...message } = found.message;
    return message as Message;
  }
  const allowMissing = isPlainObject(params) ? params["allow_sending_without_reply"] === true : p.boolean("allow_sending_without_reply");
  if (allowMissing) return undefined;
  throw badRequest("message to be replied not found");
}

/** Creates the bot's message, adds it to the chat view and returns what Telegram would. */
function deliver(state: EmulatorState, target: PreparedSend, fields: Partial<Message>, source: MessageSource = {}): Message {
  const { chat, markup, replyTo } = target;
  const message = {
    message_id: state.chats.nextMessageId(chat.id),
    from: state.botUser,
    chat,
    date: unixNow(),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...fields,
    // Telegram echoes only inline keyboards in the returned Message.
    ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
  } as Message;
  state.chats.add(describeMessage(message, "bot", { ...source, ...(markup ? { reply_markup: markup } : {}) }, state.fileLookup));
  return message;
}

function sendMessage(state: EmulatorState, p: ApiParams): Message {
  const target = prepareSend(state, p);
  const text = formatMessageText(p.string("text"), p.raw("parse_mode"), p.raw("entities"));
  return deliver(state, target, textFields(text), sourceOf(text));
}

function sendMediaMessage(state: EmulatorState, p: ApiParams, kind: FileKind): Message {
  const target = prepareSend(state, p);
  const caption = formatCaption(p.string("caption"), p.raw("parse_mode"), p.raw("caption_entities"));
  const file = inputFile(state, p.raw(kind), kind);
  return deliver(state, target, { ...mediaFields(kind, file, p), ...captionFields(caption) }, sourceOf(caption));
}

function sendMediaGroup(state: EmulatorState, p: ApiParams): Message[] {
  const target = prepareSend(state, p);
  const media = p.raw("media");
  if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
    throw badRequest("media group must contain 2-10 items");
  }
  const items = media.map((item: unknown) => {
    if (!isPlainObject(item) || !MEDIA_GROUP_TYPES.has(item["type"] as FileKind)) {
      throw badRequest("can't parse InputMedia: unsupported media type");
    }
    const kind = item["type"] as FileKind;
    const itemParams = new ApiParams(item);
    const caption = formatCaption(itemParams.string("caption"), item["parse_mode"], item["caption_entities"]);
    return { kind, file: inputFile(state, item["media"], kind), caption, itemParams };
  });
  const mediaGroupId = String(10n ** 17n + BigInt(Date.now()) * 1000n + BigInt(state.log.seq));
  return items.map(({ kind, file, caption, itemParams }) =>
    deliver(
      state,
      target,
      { ...mediaFields(kind, file, itemParams), ...captionFields(caption), media_group_id: mediaGroupId },
      sourceOf(caption),
    ),
  );
}

function readLocation(p: ApiParams): { latitude: number; longitude: number } {
  const latitude = p.requireNumber("latitude", "latitude is empty");
  const longitude = p.requireNumber("longitude", "longitude is empty");
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw badRequest("wrong location specified");
  return { latitude, longitude };
}

function sendLocation(state: EmulatorState, p: ApiParams): Message {
  const target = prepareSend(state, p);
  const location = readLocation(p);
  return deliver(state, target, { location });
}

function sendVenue(state: EmulatorState, p: ApiParams): Message {
  const target = prepareSend(state, p);
  const location = readLocation(p);
  const title = p.requireString("title");
  const address = p.requireString("address");
  return deliver(state, target, { location, venue: { location, title, address } });
}

function sendContact(state: EmulatorState, p: ApiParams): Message {
  const target = prepareSend(state, p);
  const phone_number = p.requireString("phone_number");
  const first_name = p.requireString("first_name");
  const last_name = p.string("last_name");
  return deliver(state, target, { contact: { phone_number, first_name, ...(last_name ? { last_name } : {}) } });
}

function sendDice(state: EmulatorState, p: ApiParams): Message {
  const target = prepareSend(state, p);
  const emoji = p.string("emoji") ?? "🎲";
  const max = emoji === "🎰" ? 64 : emoji === "🏀" || emoji === "⚽" ? 5 : 6;
  return deliver(state, target, { dice: { emoji, value: 1 + Math.floor(Math.random() * max) } });
}

function sendPoll(state: EmulatorState, p: ApiParams): Message {
  const target = prepareSend(state, p);
  const question = p.requireString("question", "poll question must be non-empty");
  const options = p.raw("options");
  if (!Array.isArray(options) || options.length < 2 || options.length > 12) {
    throw badRequest("poll must have 2-12 options");
  }
  const poll = {
    id: String(Date.now()),
    question,
    options: options.map((o: unknown) => ({
      text: isPlainObject(o) ? String(o["text"]) : String(o),
      voter_count: 0,
    })),
    total_voter_count: 0,
    is_closed: false,
    is_anonymous: p.boolean("is_anonymous") ?? true,
    type: p.string("type") === "quiz" ? "quiz" : "regular",
    allows_multiple_answers: p.boolean("allows_multiple_answers") ?? false,
  };
  return deliver(state, target, { poll } as Partial<Message>);
}

function sendChatAction(state: EmulatorState, p: ApiParams): true {
  state.targetChat(p);
  if (!CHAT_ACTIONS.has(p.string("action") ?? "")) throw badRequest("wrong parameter action in request");
  return true;
}

// --- copy / forward -----------------------------------------------------------------

function sourceMessage(state: EmulatorState, p: ApiParams, messageId: number, verb: "copy" | "forward"): ChatMessage {
  const fromChat = state.chats.resolve(p.chatId("from_chat_id"));
  const found = fromChat ? state.chats.find(fromChat.id, messageId) : undefined;
  if (!found) throw badRequest(`message to ${verb} not found`);
  return found;
}

function copyMessage(state: EmulatorState, p: ApiParams): MessageId {
  const messageId = p.requireNumber("message_id", "message identifier is not specified");
  return { message_id: copyOne(state, p, prepareSend(state, p), messageId, true).message_id };
}

function copyMessages(state: EmulatorState, p: ApiParams): MessageId[] {
  const target = prepareSend(state, p);
  return messageIds(p).map((id) => ({ message_id: copyOne(state, p, target, id, false).message_id }));
}

function copyOne(state: EmulatorState, p: ApiParams, target: PreparedSend, messageId: number, single: boolean): Message {
  const source = sourceMessage(state, p, messageId, "copy");
  const content = messageContent(source.message);
  // copyMessage may replace the caption of a media message.
  if (single && p.has("caption") && source.message.caption !== undefined) {
    const caption = formatCaption(p.string("caption"), p.raw("parse_mode"), p.raw("caption_entities"));
    delete content.caption;
    delete content.caption_entities;
    return deliver(state, target, { ...content, ...captionFields(caption) }, sourceOf(caption));
  }
  return deliver(state, target, content);
}

function forwardMessage(state: EmulatorState, p: ApiParams): Message {
  const messageId = p.requireNumber("message_id", "message identifier is not specified");
  return forwardOne(state, p, prepareSend(state, p), messageId);
}

function forwardMessages(state: EmulatorState, p: ApiParams): MessageId[] {
  const target = prepareSend(state, p);
  return messageIds(p).map((id) => ({ message_id: forwardOne(state, p, target, id).message_id }));
}

function forwardOne(state: EmulatorState, p: ApiParams, target: PreparedSend, messageId: number): Message {
  const source = sourceMessage(state, p, messageId, "forward").message;
  const origin =
    source.chat.type === "channel"
      ? { type: "channel", chat: source.chat, message_id: source.message_id, date: source.date }
      : { type: "user", sender_user: source.from ?? state.botUser, date: source.date };
  return deliver(state, target, { ...messageContent(source), forward_origin: origin } as Partial<Message>);
}
