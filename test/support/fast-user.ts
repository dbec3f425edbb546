import type { Chat, InlineKeyboardButton, KeyboardButton, Message, User } from "grammy/types";
import { callbackQueryUpdate, commandMessage, groupChat, messageUpdate, privateChat, textMessage } from "@wealmaty/telegram-emulator";
import type { ApiCall, FastBot } from "./fast-bot.js";

/** What a user sees of one call of the bot. */
export interface Seen {
  method: string;
  /** The message's text or caption, a venue's title and address; for a button's answer, the toast. */
  text?: string;
  /** The labels of its inline or reply keyboard, row by row flattened. */
  buttons: string[];
}

const SHOWING = new Set(["sendMessage", "sendPhoto", "sendDocument", "sendVenue", "sendLocation", "editMessageText", "editMessageCaption"]);

function labels(markup: unknown): string[] {
  const keyboard = markup as { inline_keyboard?: InlineKeyboardButton[][]; keyboard?: (KeyboardButton | string)[][] } | undefined;
  const rows = keyboard?.inline_keyboard ?? keyboard?.keyboard ?? [];
  return rows.flat().map((button) => (typeof button === "string" ? button : button.text));
}

/** A Telegram user in one chat with the fast bot: each action is one update, answered with what they saw. */
export class FastUser {
  private queryId = 0;

  constructor(
    private readonly fast: FastBot,
    readonly user: User,
    readonly chat: Chat = privateChat(user),
  ) {}

  /** The same user writing in a group the bot is in. */
  inGroup(chatId: number): FastUser {
    return new FastUser(this.fast, this.user, groupChat(chatId));
  }

  send(text: string): Promise<Seen[]> {
    return this.dispatch({ message: textMessage(this.base(), text) }, []);
  }

  command(name: string, payload?: string): Promise<Seen[]> {
    return this.dispatch(messageUpdate(commandMessage(this.base(), name, payload)), []);
  }

  /** Taps the inline button with this label on the newest message of the chat that has one. */
  tap(label: string): Promise<Seen[]> {
    for (const message of this.messagesWithButtons().reverse()) {
      const button = (message.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === label);
      if (button && "callback_data" in button) return this.tapData(button.callback_data, message);
    }
    const shown = this.messagesWithButtons().flatMap((message) => labels(message.reply_markup));
    throw new Error(`no button "${label}" in chat ${this.chat.id}; buttons seen: ${shown.join(" | ") || "none"}`);
  }

  /** Sends a callback query with any data, as a forged or stale button would. */
  tapData(data: string, message: Message = this.messagesWithButtons().at(-1) ?? this.placeholder()): Promise<Seen[]> {
    const id = `${this.user.id}-${++this.queryId}`;
    return this.dispatch(callbackQueryUpdate({ id, from: this.user, data, message }), [id]);
  }

  /** Messages the bot sent to this chat, as they stand now (edits applied), oldest first. */
  messages(): Message[] {
    const byId = new Map<number, Message>();
    for (const call of this.fast.calls) {
      if (Number(call.payload.chat_id) !== this.chat.id || !SHOWING.has(call.method)) continue;
      const result = call.result as Message;
      byId.set(result.message_id, { ...byId.get(result.message_id), ...result });
    }
    return [...byId.values()];
  }

  private messagesWithButtons(): Message[] {
    return this.messages().filter((message) => message.reply_markup?.inline_keyboard?.length);
  }

  private placeholder(): Message {
    return { message_id: 1, date: 0, chat: this.chat, text: "…" } as Message;
  }

  private base() {
    return { message_id: this.fast.nextMessageId(this.chat.id), from: this.user, chat: this.chat };
  }

  private async dispatch(update: Parameters<FastBot["handle"]>[0], queryIds: string[]): Promise<Seen[]> {
    const calls = await this.fast.handle(update);
    return calls.filter((call) => this.isMine(call, queryIds)).map(seen);
  }

  private isMine(call: ApiCall, queryIds: string[]): boolean {
    if (call.method === "answerCallbackQuery") return queryIds.includes(String(call.payload.callback_query_id));
    return Number(call.payload.chat_id) === this.chat.id;
  }
}

function seen(call: ApiCall): Seen {
  const { text, caption, title, address } = call.payload;
  const shownText = text ?? caption ?? (call.method === "sendVenue" ? `${String(title)}\n${String(address)}` : undefined);
  const buttons = labels(call.payload.reply_markup);
  return { method: call.method, ...(shownText !== undefined ? { text: String(shownText) } : {}), buttons };
}
