/**
 * Builders for the updates Telegram sends a bot. Pure functions with explicit
 * ids, used by TelegramUser and reusable for fuzz/property tests.
 */
import type {
  CallbackQuery,
  Chat,
  ChatMember,
  Contact,
  Document,
  InaccessibleMessage,
  Location,
  Message,
  MessageEntity,
  PhotoSize,
  Sticker,
  Update,
  User,
  Voice,
} from "grammy/types";
import type { NewUpdate } from "./update-queue.js";

/** Who sends a message where, under which id. */
export interface MessageBase {
  message_id: number;
  from: User;
  chat: Chat;
  /** Unix seconds; defaults to now. */
  date?: number;
}

type UserMessage = Message & Update.NonChannel;

export const unixTime = (): number => Math.floor(Date.now() / 1000);

export function privateChat(user: User): Chat.PrivateChat {
  return {
    id: user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
  };
}

export function groupChat(
  id: number,
  title = "Test group",
  type: "group" | "supergroup" = "supergroup",
): Chat.GroupChat | Chat.SupergroupChat {
  return { id, type, title } as Chat.GroupChat | Chat.SupergroupChat;
}

/** Telegram's chat_instance is an opaque per-chat string; stable per chat id is enough. */
export function chatInstance(chatId: number): string {
  return String(BigInt(chatId) * 7919n + 4_000_000_000_000_000_000n);
}

/**
 * bot_command entities as Telegram adds them: "/cmd" or "/cmd@botname" at the
 * start or after whitespace (grammY's command filter needs the one at offset 0).
 */
export function botCommandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const m of text.matchAll(/(^|\s)(\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?)(?![a-zA-Z0-9_@])/g)) {
    entities.push({ type: "bot_command", offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return entities;
}

function base(b: MessageBase): Pick<UserMessage, "message_id" | "from" | "chat" | "date"> {
  return { message_id: b.message_id, from: b.from, chat: b.chat as UserMessage["chat"], date: b.date ?? unixTime() };
}

export function textMessage(b: MessageBase, text: string, extra: Partial<Message> = {}): UserMessage {
  const entities = botCommandEntities(text);
  return { ...base(b), text, ...(entities.length > 0 ? { entities } : {}), ...extra } as UserMessage;
}

export function commandMessage(b: MessageBase, command: string, payload?: string): UserMessage {
  const name = command.replace(/^\//, "");
  return textMessage(b, payload ? `/${name} ${payload}` : `/${name}`);
}

export function contactMessage(b: MessageBase, contact: Contact): UserMessage {
  return { ...base(b), contact } as UserMessage;
}

export function locationMessage(b: MessageBase, location: Location): UserMessage {
  return { ...base(b), location } as UserMessage;
}

export function photoMessage(b: MessageBase, photo: PhotoSize[], caption?: string): UserMessage {
  return { ...base(b), photo, ...(caption !== undefined ? { caption } : {}) } as UserMessage;
}

export function documentMessage(b: MessageBase, document: Document, caption?: string): UserMessage {
  return { ...base(b), document, ...(caption !== undefined ? { caption } : {}) } as UserMessage;
}

export function stickerMessage(b: MessageBase, sticker: Sticker): UserMessage {
  return { ...base(b), sticker } as UserMessage;
}

export function voiceMessage(b: MessageBase, voice: Voice): UserMessage {
  return { ...base(b), voice } as UserMessage;
}

// --- updates (without update_id: FakeBotApi.pushUpdate assigns it) -----------------

export function messageUpdate(message: UserMessage): NewUpdate {
  return { message };
}

export function editedMessageUpdate(message: UserMessage, editDate = unixTime()): NewUpdate {
  return { edited_message: { ...message, edit_date: editDate } };
}

export function channelPostUpdate(chat: Chat.ChannelChat, messageId: number, text: string, extra: Partial<Message> = {}): NewUpdate {
  return { channel_post: { message_id: messageId, chat, date: unixTime(), text, ...extra } as Message & Update.Channel };
}

export function callbackQueryUpdate(query: {
  id: string;
  from: User;
  data: string;
  /** The message carrying the button; omitted for inline-mode messages. */
  message?: Message | InaccessibleMessage;
  chat_instance?: string;
}): NewUpdate {
  const callback_query: CallbackQuery = {
    id: query.id,
    from: query.from,
    chat_instance: query.chat_instance ?? chatInstance(query.message?.chat.id ?? query.from.id),
    data: query.data,
    ...(query.message ? { message: query.message } : {}),
  };
  return { callback_query };
}

/** The bot's own membership changed, e.g. the user blocked (kicked) or restarted the bot. */
export function myChatMemberUpdate(args: {
  chat: Chat;
  from: User;
  bot: User;
  oldStatus: "member" | "kicked" | "left" | "administrator";
  newStatus: "member" | "kicked" | "left" | "administrator";
}): NewUpdate {
  const member = (status: typeof args.newStatus): ChatMember =>
    (status === "kicked"
      ? { status, user: args.bot, until_date: 0 }
      : status === "administrator"
        ? {
            status,
            user: args.bot,
            can_be_edited: false,
            is_anonymous: false,
            can_manage_chat: true,
            can_delete_messages: false,
            can_manage_video_chats: false,
            can_restrict_members: false,
            can_promote_members: false,
            can_change_info: false,
            can_invite_users: false,
            can_post_stories: false,
            can_edit_stories: false,
            can_delete_stories: false,
          }
        : { status, user: args.bot }) as ChatMember;
  return {
    my_chat_member: {
      chat: args.chat,
      from: args.from,
      date: unixTime(),
      old_chat_member: member(args.oldStatus),
      new_chat_member: member(args.newStatus),
    },
  };
}
