/**
 * What each chat looks like on the user's screen: messages in order, edits
 * applied, deletions gone, plus the reply keyboard currently shown. Tests read
 * it through FakeBotApi.chat() / TelegramUser; a browser preview can render it.
 */
import type {
  Chat,
  ForceReply,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";
import type { StoredFile } from "./file-store.js";
import type { ParseMode } from "./telegram-checks.js";

export type ChatMessageKind =
  | "text"
  | "photo"
  | "document"
  | "video"
  | "audio"
  | "voice"
  | "animation"
  | "sticker"
  | "video_note"
  | "venue"
  | "location"
  | "contact"
  | "dice"
  | "poll"
  | "other";

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A file attached to a chat message, with its bytes when the fake server has them. */
export interface ChatFile {
  file_id: string;
  file_unique_id: string;
  filename?: string;
  contentType?: string;
  data?: Buffer;
}

export interface ChatMessage {
  message_id: number;
  chat_id: number;
  /** Who sent it: the bot (via the API) or a user (via a pushed update). */
  from: "bot" | "user";
  kind: ChatMessageKind;
  date: number;
  /** Text as the user reads it: HTML tags stripped, entities decoded. */
  text?: string;
  /** Caption as the user reads it. */
  caption?: string;
  /** Text or caption exactly as the bot sent it (markup source when parse_mode is set). */
  raw?: string;
  parse_mode?: ParseMode;
  entities?: MessageEntity[];
  /** Any markup the bot attached, including reply keyboards (Telegram's Message only echoes inline ones). */
  reply_markup?: ReplyMarkup;
  photo?: ChatFile;
  document?: ChatFile;
  video?: ChatFile;
  audio?: ChatFile;
  voice?: ChatFile;
  animation?: ChatFile;
  sticker?: ChatFile;
  venue?: { latitude: number; longitude: number; title: string; address: string };
  location?: { latitude: number; longitude: number };
  contact?: { phone_number: string; first_name: string; last_name?: string; user_id?: number };
  media_group_id?: string;
  edit_date?: number;
  /** The Telegram Message object itself (what the bot got back / received). */
  message: Message;
}

/** Bot-side details the Message object doesn't carry. */
export interface MessageSource {
  raw?: string;
  parse_mode?: ParseMode;
  reply_markup?: ReplyMarkup;
}

type FileLookup = (fileId: string) => StoredFile | undefined;

const FILE_KINDS = ["document", "video", "audio", "voice", "animation", "sticker", "video_note"] as const;

/** Builds the view of one Message. Entries are immutable snapshots; edits create new ones. */
export function describeMessage(message: Message, from: "bot" | "user", source: MessageSource, lookup: FileLookup): ChatMessage {
  const file = (fileId: string, fileUniqueId: string, filename?: string): ChatFile => {
    const stored = lookup(fileId);
    const name = filename ?? stored?.filename;
    return {
      file_id: fileId,
      file_unique_id: fileUniqueId,
      ...(name !== undefined ? { filename: name } : {}),
      ...(stored ? { contentType: stored.contentType, data: stored.data } : {}),
    };
  };

  const view: ChatMessage = {
    message_id: message.message_id,
    chat_id: message.chat.id,
    from,
    kind: "other",
    date: message.date,
    message,
  };
  if (message.text !== undefined) {
    view.kind = "text";
    view.text = message.text;
    if (message.entities) view.entities = message.entities;
  }
  if (message.caption !== undefined) {
    view.caption = message.caption;
    if (message.caption_entities) view.entities = message.caption_entities;
  }
  if (source.raw !== undefined) view.raw = source.raw;
  else if (message.text !== undefined || message.caption !== undefined) view.raw = message.text ?? message.caption;
  if (source.parse_mode) view.parse_mode = source.parse_mode;
  const markup = source.reply_markup ?? message.reply_markup;
  if (markup) view.reply_markup = markup;

  const largest = message.photo?.at(-1);
  if (largest) {
    view.kind = "photo";
    view.photo = file(largest.file_id, largest.file_unique_id);
  }
  for (const kind of FILE_KINDS) {
    const media = message[kind];
    if (!media) continue;
    view.kind = kind;
    const name = "file_name" in media ? media.file_name : undefined;
    const chatFile = file(media.file_id, media.file_unique_id, name);
    if (kind !== "video_note") view[kind] = chatFile;
  }
  if (message.location) {
    view.kind = "location";
    view.location = { latitude: message.location.latitude, longitude: message.location.longitude };
  }
  if (message.venue) {
    view.kind = "venue";
    const { location, title, address } = message.venue;
    view.venue = { latitude: location.latitude, longitude: location.longitude, title, address };
  }
  if (message.contact) {
    view.kind = "contact";
    const { phone_number, first_name, last_name, user_id } = message.contact;
    view.contact = {
      phone_number,
      first_name,
      ...(last_name !== undefined ? { last_name } : {}),
      ...(user_id !== undefined ? { user_id } : {}),
    };
  }
  if (message.dice) view.kind = "dice";
  if (message.poll) view.kind = "poll";
  if (message.media_group_id) view.media_group_id = message.media_group_id;
  if (message.edit_date) view.edit_date = message.edit_date;
  return view;
}

interface ChatState {
  chat: Chat;
  lastMessageId: number;
  messages: ChatMessage[];
  replyKeyboard?: ReplyKeyboardMarkup;
}

export class ChatStore {
  private readonly chats = new Map<number, ChatState>();

  /** Learn (or refresh) a chat, e.g. from an incoming update. */
  register(chat: Chat): Chat {
    const state = this.chats.get(chat.id);
    if (state) state.chat = { ...state.chat, ...chat } as Chat;
    else this.chats.set(chat.id, { chat, lastMessageId: 0, messages: [] });
    return this.chats.get(chat.id)!.chat;
  }

  get(chatId: number): Chat | undefined {
    return this.chats.get(chatId)?.chat;
  }

  /** Resolve a chat_id parameter, including "@username". */
  resolve(chatId: number | string): Chat | undefined {
    if (typeof chatId === "number") return this.get(chatId);
    const username = chatId.replace(/^@/, "").toLowerCase();
    for (const { chat } of this.chats.values()) {
      if ("username" in chat && chat.username?.toLowerCase() === username) return chat;
    }
    return undefined;
  }

  /** Drops a chat and its messages; returns them (their files can go too). */
  forget(chatId: number): ChatMessage[] {
    const messages = this.chats.get(chatId)?.messages ?? [];
    this.chats.delete(chatId);
    return messages;
  }

  /** A chat the fake hasn't seen yet: private for positive ids, (super)group for negative. */
  ensure(chatId: number): Chat {
    const known = this.get(chatId);
    if (known) return known;
    const chat: Chat =
      chatId > 0
        ? { id: chatId, type: "private", first_name: `User ${chatId}` }
        : String(chatId).startsWith("-100")
          ? { id: chatId, type: "supergroup", title: `Group ${chatId}` }
          : { id: chatId, type: "group", title: `Group ${chatId}` };
    return this.register(chat);
  }

  all(): Chat[] {
    return [...this.chats.values()].map((s) => s.chat);
  }

  /** Message ids are per chat and shared by user and bot messages. */
  nextMessageId(chatId: number): number {
    const state = this.state(chatId);
    return ++state.lastMessageId;
  }

  lastMessageId(chatId: number): number {
    return this.chats.get(chatId)?.lastMessageId ?? 0;
  }

  add(view: ChatMessage): void {
    const state = this.state(view.chat_id);
    state.lastMessageId = Math.max(state.lastMessageId, view.message_id);
    const existing = state.messages.findIndex((m) => m.message_id === view.message_id);
    if (existing >= 0) state.messages[existing] = view;
    else state.messages.push(view);
    // The reply keyboard stays until the bot replaces or removes it.
    if (view.from === "bot" && view.reply_markup) {
      if ("keyboard" in view.reply_markup) state.replyKeyboard = view.reply_markup;
      else if ("remove_keyboard" in view.reply_markup) delete state.replyKeyboard;
    }
  }

  find(chatId: number, messageId: number): ChatMessage | undefined {
    return this.chats.get(chatId)?.messages.find((m) => m.message_id === messageId);
  }

  /** Swap in an edited snapshot of an existing message. */
  replace(view: ChatMessage): void {
    const state = this.chats.get(view.chat_id);
    const at = state?.messages.findIndex((m) => m.message_id === view.message_id) ?? -1;
    if (state && at >= 0) state.messages[at] = view;
  }

  remove(chatId: number, messageId: number): boolean {
    const state = this.chats.get(chatId);
    const at = state?.messages.findIndex((m) => m.message_id === messageId) ?? -1;
    if (!state || at < 0) return false;
    state.messages.splice(at, 1);
    return true;
  }

  messages(chatId: number): ChatMessage[] {
    return [...(this.chats.get(chatId)?.messages ?? [])];
  }

  replyKeyboard(chatId: number): ReplyKeyboardMarkup | undefined {
    return this.chats.get(chatId)?.replyKeyboard;
  }

  private state(chatId: number): ChatState {
    this.ensure(chatId);
    return this.chats.get(chatId)!;
  }
}
