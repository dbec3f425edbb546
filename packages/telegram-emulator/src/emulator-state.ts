/**
 * What the emulated Telegram knows: chats and their messages, users, files, callback queries,
 * commands, the webhook. The Bot API methods and the control surface for tests share it.
 */
import type { BotCommand, Chat, Update, User, UserFromGetMe } from "grammy/types";
import { badRequest, forbidden } from "./api-error.js";
import type { CallLog } from "./call-log.js";
import { ChatStore, describeMessage } from "./chat-store.js";
import { FileStore, type StoredFile } from "./file-store.js";
import type { FakeBotApiOptions } from "./options.js";
import type { ApiParams } from "./request-body.js";
import type { UpdateQueue } from "./update-queue.js";

export type ChatMemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export class EmulatorState {
  readonly chats = new ChatStore();
  readonly files = new FileStore();
  readonly users = new Map<number, User>();
  /** Chats whose sends fail with 403 (blockChat). */
  readonly blocked = new Set<number>();
  /** Chats the bot left (leaveChat). */
  readonly left = new Set<number>();
  /** `${chatId}:${userId}` → what getChatMember reports. */
  readonly memberStatus = new Map<string, ChatMemberStatus>();
  /** Callback query id → already answered? Unknown ids can't be answered. */
  readonly callbackQueries = new Map<string, boolean>();
  /** Ids of callback queries the bot tried to answer again after answering them (a bug: Telegram refuses). */
  readonly callbacksAnsweredTwice: string[] = [];
  /** Commands per (scope, language_code), see commandsKey. */
  readonly myCommands = new Map<string, BotCommand[]>();
  readonly menuButtons = new Map<string, unknown>();
  webhookUrl = "";
  readonly fileLookup = (fileId: string): StoredFile | undefined => this.files.get(fileId);

  constructor(
    readonly botInfo: UserFromGetMe,
    readonly options: FakeBotApiOptions,
    readonly queue: UpdateQueue,
    /** Its seq makes media group ids unique. */
    readonly log: CallLog,
  ) {}

  /** The bot as a User (the `from` of its messages). */
  get botUser(): User {
    const { id, first_name, username } = this.botInfo;
    return { id, is_bot: true, first_name, username };
  }

  /** Resolves chat_id; with `access`, enforces blocked/left chats like Telegram's 403s. */
  targetChat(p: ApiParams, access = true): Chat {
    const id = p.chatId();
    let chat = this.chats.resolve(id);
    if (!chat) {
      if (typeof id === "string" || this.options.strictChats) throw badRequest("chat not found");
      chat = this.chats.ensure(id);
    }
    if (access && this.blocked.has(chat.id)) {
      throw forbidden(
        chat.type === "private"
          ? "bot was blocked by the user"
          : chat.type === "channel"
            ? "bot is not a member of the channel chat"
            : `bot was kicked from the ${chat.type} chat`,
      );
    }
    if (access && this.left.has(chat.id)) throw forbidden(`bot is not a member of the ${chat.type} chat`);
    return chat;
  }

  /** Remember chats, users and callback queries mentioned by an incoming update. */
  learn(update: Update): void {
    const addUser = (user: User | undefined): void => {
      if (user) this.users.set(user.id, user);
    };
    const incoming = update.message ?? update.channel_post ?? update.business_message;
    const edited = update.edited_message ?? update.edited_channel_post ?? update.edited_business_message;
    for (const message of [incoming, edited]) {
      if (!message) continue;
      this.chats.register(message.chat);
      addUser(message.from);
      const view = describeMessage(message, "user", {}, this.fileLookup);
      if (message === incoming || !this.chats.find(message.chat.id, message.message_id)) this.chats.add(view);
      else this.chats.replace(view);
    }
    const query = update.callback_query;
    if (query) {
      addUser(query.from);
      this.callbackQueries.set(query.id, false);
      if (query.message) this.chats.register(query.message.chat);
    }
    const member = update.my_chat_member ?? update.chat_member;
    if (member) {
      this.chats.register(member.chat);
      addUser(member.from);
    }
  }
}
