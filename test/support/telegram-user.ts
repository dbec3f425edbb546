/**
 * Acts as one Telegram user talking to the bot through a FakeBotApi. Every
 * action pushes the update a Telegram client would cause and waits until the
 * bot has handled it, so a test reads like a conversation:
 *
 *   await ann.command("start");
 *   await ann.tap("Register");
 *   expect(ann.lastText()).toContain("You're in");
 */
import type { Chat, InlineKeyboardButton, KeyboardButton, Message, User } from "grammy/types";
import { phoneForReading } from "../../src/features/rsvp/rules.js";
import {
  callbackQueryUpdate,
  commandMessage,
  contactMessage,
  documentMessage,
  editedMessageUpdate,
  groupChat,
  locationMessage,
  messageUpdate,
  myChatMemberUpdate,
  photoMessage,
  privateChat,
  stickerMessage,
  textMessage,
  voiceMessage,
  type ChatMessage,
  type FakeBotApi,
  type MessageBase,
  type NewUpdate,
} from "@wealmaty/telegram-emulator";

export interface TelegramUserOptions {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  isPremium?: boolean;
  /** Shared by request_contact buttons and sendContact(); default derived from id. */
  phoneNumber?: string;
  /** Sent by request_location buttons and sendLocation() without arguments; default Almaty. */
  location?: { latitude: number; longitude: number };
  /** How long to wait for the bot to handle each action (ms, default 5000). */
  timeoutMs?: number;
}

/** answerCallbackQuery parameters (the toast/alert the user saw). */
export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

const ALMATY = { latitude: 43.2383, longitude: 76.9453 };

// Tiny stand-ins with the right magic bytes; nobody decodes them.
const SAMPLE_JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");
const SAMPLE_PDF = Buffer.from("%PDF-1.4\n% fake test document\n%%EOF\n");
const SAMPLE_WEBP = Buffer.from("RIFF\x1a\x00\x00\x00WEBPVP8 ", "latin1");
const SAMPLE_OGG = Buffer.from("OggS\x00\x02", "latin1");

let queryCounter = 0;

export class TelegramUser {
  readonly user: User;
  /** The chat this handle talks in: the private chat, or a group (see inGroup). */
  readonly chat: Chat;
  private readonly options: TelegramUserOptions;
  private readonly timeoutMs: number;
  private readonly queryIds = new Set<string>();
  private seenMark = 0;

  /** `chat` is for inGroup(); by default the user's private chat with the bot (chat id = user id). */
  constructor(
    readonly api: FakeBotApi,
    options: TelegramUserOptions,
    chat?: Chat,
  ) {
    this.options = options;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.user = {
      id: options.id,
      is_bot: false,
      first_name: options.firstName,
      ...(options.lastName !== undefined ? { last_name: options.lastName } : {}),
      ...(options.username !== undefined ? { username: options.username } : {}),
      ...(options.languageCode !== undefined ? { language_code: options.languageCode } : {}),
      ...(options.isPremium ? { is_premium: true as const } : {}),
    };
    this.chat = chat ?? privateChat(this.user);
    api.registerChat(this.chat);
  }

  get id(): number {
    return this.user.id;
  }

  get phoneNumber(): string {
    return this.options.phoneNumber ?? `+7700${String(this.id).padStart(7, "0").slice(-7)}`;
  }

  /** The phone as the bot shows it to people (+7 700 000 12 34); stored and exported as phoneNumber. */
  get phoneShown(): string {
    return phoneForReading(this.phoneNumber);
  }

  /** The same user, acting in a group chat (negative id) instead of the private chat. */
  inGroup(chatId: number, options: { type?: "group" | "supergroup"; title?: string } = {}): TelegramUser {
    if (chatId >= 0) throw new Error(`inGroup: group chat ids are negative (got ${chatId})`);
    return new TelegramUser(this.api, this.options, groupChat(chatId, options.title, options.type));
  }

  // --- actions (each resolves after the bot handled the update) ---------------------
  // They return the bot messages that appeared in this chat meanwhile.

  /** Sends text; "/cmd ..." gets bot_command entities like a real client. */
  send(text: string, options: { replyTo?: number } = {}): Promise<ChatMessage[]> {
    const replied = options.replyTo !== undefined ? this.api.message(this.chat.id, options.replyTo) : undefined;
    const extra = replied ? ({ reply_to_message: replied.message } as Partial<Message>) : {};
    return this.pushMessage((b) => textMessage(b, text, extra));
  }

  command(name: string, payload?: string): Promise<ChatMessage[]> {
    return this.pushMessage((b) => commandMessage(b, name, payload));
  }

  /** Shares a contact; user_id defaults to this user (pass null for someone without Telegram). */
  sendContact(
    phoneNumber = this.phoneNumber,
    options: { userId?: number | null; firstName?: string; lastName?: string } = {},
  ): Promise<ChatMessage[]> {
    const userId = options.userId === undefined ? this.id : options.userId;
    const lastName = options.lastName ?? (options.firstName === undefined ? this.user.last_name : undefined);
    return this.pushMessage((b) =>
      contactMessage(b, {
        phone_number: phoneNumber,
        first_name: options.firstName ?? this.user.first_name,
        ...(lastName !== undefined ? { last_name: lastName } : {}),
        ...(userId !== null ? { user_id: userId } : {}),
      }),
    );
  }

  sendLocation(
    latitude = this.options.location?.latitude ?? ALMATY.latitude,
    longitude = this.options.location?.longitude ?? ALMATY.longitude,
  ): Promise<ChatMessage[]> {
    return this.pushMessage((b) => locationMessage(b, { latitude, longitude }));
  }

  sendPhoto(data: Buffer = SAMPLE_JPEG, caption?: string): Promise<ChatMessage[]> {
    // Telegram delivers several sizes, largest last.
    const thumb = this.api.registerFile(data, { kind: "photo" });
    const full = this.api.registerFile(data, { kind: "photo" });
    return this.pushMessage((b) =>
      photoMessage(
        b,
        [
          { ...thumb, width: 90, height: 90 },
          { ...full, width: 1280, height: 960 },
        ],
        caption,
      ),
    );
  }

  sendDocument(
    data: Buffer = SAMPLE_PDF,
    options: { fileName?: string; mimeType?: string; caption?: string } = {},
  ): Promise<ChatMessage[]> {
    const fileName = options.fileName ?? "document.pdf";
    const mimeType = options.mimeType ?? "application/pdf";
    const file = this.api.registerFile(data, { kind: "document", filename: fileName, contentType: mimeType });
    return this.pushMessage((b) => documentMessage(b, { ...file, file_name: fileName, mime_type: mimeType }, options.caption));
  }

  sendSticker(options: { emoji?: string; data?: Buffer } = {}): Promise<ChatMessage[]> {
    const file = this.api.registerFile(options.data ?? SAMPLE_WEBP, { kind: "sticker" });
    return this.pushMessage((b) =>
      stickerMessage(b, {
        ...file,
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: options.emoji ?? "👍",
      }),
    );
  }

  sendVoice(options: { duration?: number; data?: Buffer } = {}): Promise<ChatMessage[]> {
    const file = this.api.registerFile(options.data ?? SAMPLE_OGG, { kind: "voice", contentType: "audio/ogg" });
    return this.pushMessage((b) => voiceMessage(b, { ...file, duration: options.duration ?? 3, mime_type: "audio/ogg" }));
  }

  /** Edits one of this user's own earlier text messages (an edited_message update). */
  editMessage(messageId: number, text: string): Promise<ChatMessage[]> {
    const original = this.api.message(this.chat.id, messageId);
    const date = original?.date;
    const update = editedMessageUpdate(
      textMessage({ message_id: messageId, from: this.user, chat: this.chat, ...(date ? { date } : {}) }, text),
    );
    return this.dispatch(update);
  }

  /**
   * Taps the inline button whose label equals `label` (or matches the RegExp)
   * on the most recent bot message showing such a button.
   */
  async tap(label: string | RegExp): Promise<ChatMessage[]> {
    const matches = (text: string): boolean => (typeof label === "string" ? text === label : label.test(text));
    for (const message of [...this.messages()].reverse()) {
      const button = inlineButtons(message).find((b) => matches(b.text));
      if (!button) continue;
      if (!("callback_data" in button)) {
        const kind = Object.keys(button).find((k) => k !== "text") ?? "unknown";
        throw new Error(`tap: button "${button.text}" in message ${message.message_id} is a ${kind} button, not a callback button`);
      }
      return this.tapData(button.callback_data, message.message_id);
    }
    throw new Error(`tap: no inline button matching ${String(label)} in chat ${this.chat.id}.\n${this.describeButtons()}`);
  }

  /** Sends a callback query with arbitrary (possibly forged) data; defaults to the last bot message. */
  tapData(data: string, messageId?: number): Promise<ChatMessage[]> {
    const message = messageId !== undefined ? this.api.message(this.chat.id, messageId) : this.messages().at(-1);
    const id = `${Date.now()}${String(++queryCounter).padStart(6, "0")}`;
    this.queryIds.add(id);
    // A message the fake doesn't know is "inaccessible" (date 0), as Telegram reports it.
    const carried =
      message?.message ?? (messageId !== undefined ? { chat: this.chat, message_id: messageId, date: 0 as const } : undefined);
    return this.dispatch(callbackQueryUpdate({ id, from: this.user, data, ...(carried ? { message: carried } : {}) }));
  }

  /**
   * Presses a button of the reply keyboard currently shown: request_contact
   * shares this user's contact, request_location the configured location,
   * anything else sends the button text.
   */
  tapReply(label: string | RegExp): Promise<ChatMessage[]> {
    const keyboard = this.api.replyKeyboard(this.chat.id);
    const rows = keyboard && "keyboard" in keyboard ? keyboard.keyboard : [];
    const buttons = rows.flat().map((b: KeyboardButton) => (typeof b === "string" ? { text: b } : b));
    const button = buttons.find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!button) {
      const shown = rows.map((row) => row.map((b) => `[${typeof b === "string" ? b : b.text}]`).join(" ")).join("\n  ");
      throw new Error(
        `tapReply: no reply keyboard button matching ${String(label)} in chat ${this.chat.id}. ` +
          (rows.length > 0 ? `Current keyboard:\n  ${shown}` : "No reply keyboard is shown."),
      );
    }
    if ("request_contact" in button && button.request_contact) return this.sendContact();
    if ("request_location" in button && button.request_location) return this.sendLocation();
    return this.send(button.text);
  }

  /** The user blocks the bot: later sends get 403, and the bot gets my_chat_member "kicked". */
  blockBot(): Promise<ChatMessage[]> {
    this.api.blockChat(this.chat.id);
    return this.dispatch(
      myChatMemberUpdate({ chat: this.chat, from: this.user, bot: this.api.botUser, oldStatus: "member", newStatus: "kicked" }),
    );
  }

  unblockBot(): Promise<ChatMessage[]> {
    this.api.unblockChat(this.chat.id);
    return this.dispatch(
      myChatMemberUpdate({ chat: this.chat, from: this.user, bot: this.api.botUser, oldStatus: "kicked", newStatus: "member" }),
    );
  }

  /** Pushes any update and waits for the bot to handle it (escape hatch for unusual updates). */
  async dispatch(update: NewUpdate): Promise<ChatMessage[]> {
    const before = this.api.lastMessageId(this.chat.id);
    const updateId = this.api.pushUpdate(update);
    await this.api.waitHandled(updateId, this.timeoutMs);
    return this.messages().filter((m) => m.message_id > before);
  }

  private pushMessage(build: (b: MessageBase) => Parameters<typeof messageUpdate>[0]): Promise<ChatMessage[]> {
    const message = build({ message_id: this.api.nextMessageId(this.chat.id), from: this.user, chat: this.chat });
    return this.dispatch(messageUpdate(message));
  }

  // --- what the user sees ---------------------------------------------------------------

  /** The bot's messages in this chat, current state, oldest first. */
  messages(): ChatMessage[] {
    return this.api.chat(this.chat.id);
  }

  lastMessage(): ChatMessage {
    const last = this.messages().at(-1);
    if (!last) throw new Error(`The bot has sent no (undeleted) messages to chat ${this.chat.id}`);
    return last;
  }

  /** Text or caption of the last bot message, as displayed (markup stripped). */
  lastText(): string {
    const last = this.lastMessage();
    return last.text ?? last.caption ?? "";
  }

  /** Inline button labels of a message (default: the last bot message), row by row flattened. */
  buttons(message: ChatMessage = this.lastMessage()): string[] {
    return inlineButtons(message).map((b) => b.text);
  }

  /** The inline keyboard of a message (default: the last bot message). */
  keyboard(message: ChatMessage = this.lastMessage()): InlineKeyboardButton[][] {
    const markup = message.reply_markup;
    return markup && "inline_keyboard" in markup ? markup.inline_keyboard : [];
  }

  /** Labels of the reply keyboard currently shown, row by row; undefined if none. */
  replyKeyboard(): string[][] | undefined {
    const keyboard = this.api.replyKeyboard(this.chat.id);
    if (!keyboard || !("keyboard" in keyboard)) return undefined;
    return keyboard.keyboard.map((row) => row.map((b) => (typeof b === "string" ? b : b.text)));
  }

  /** Successful answerCallbackQuery calls for this user's taps (toasts/alerts), oldest first. */
  callbackAnswers(): CallbackAnswer[] {
    return this.api
      .callsTo("answerCallbackQuery")
      .filter((c) => c.ok && this.queryIds.has(String(c.payload["callback_query_id"])))
      .map((c) => c.payload as unknown as CallbackAnswer);
  }

  documents(): ChatMessage[] {
    return this.messages().filter((m) => m.kind === "document");
  }

  /** Remember "now"; newMessages() then returns only bot messages sent after this point. */
  markSeen(): void {
    this.seenMark = this.api.lastMessageId(this.chat.id);
  }

  newMessages(): ChatMessage[] {
    return this.messages().filter((m) => m.message_id > this.seenMark);
  }

  private describeButtons(): string {
    const lines = this.messages()
      .filter((m) => inlineButtons(m).length > 0)
      .map(
        (m) =>
          `  message ${m.message_id}: ${this.keyboard(m)
            .map((row) => row.map((b) => `[${b.text}]`).join(" "))
            .join(" / ")}`,
      );
    return lines.length > 0 ? `Visible inline buttons:\n${lines.join("\n")}` : "No bot message in this chat has inline buttons.";
  }
}

function inlineButtons(message: ChatMessage): InlineKeyboardButton[] {
  const markup = message.reply_markup;
  return markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
}
