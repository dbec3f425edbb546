/** How a FakeBotApi is started, and what it answers when nothing else is said. */
import type { UserFromGetMe } from "grammy/types";

export interface FakeBotApiOptions {
  /** Bot token the server accepts; default "123456:TEST". */
  token?: string;
  /** Overrides for getMe. */
  botInfo?: Partial<UserFromGetMe>;
  /** Upper bound for getUpdates' `timeout`, in seconds (default 50, like Telegram). */
  maxPollTimeoutSeconds?: number;
  /**
   * Sends to chats the fake never saw (no update, no registerChat) fail with
   * 400 "chat not found". Off by default: such chats are invented on the fly.
   */
  strictChats?: boolean;
  /** Also record getUpdates in `calls` (off: polling would drown everything else). */
  recordPolling?: boolean;
  /**
   * Keep every call in `calls` (default). Off for long runs that only listen (onCall), such as
   * benchmarks: the log of every payload and result would grow the heap and its GC pauses.
   */
  recordCalls?: boolean;
  /**
   * When an update counts as handled (waitHandled, waitIdle, TelegramUser's answers): once the
   * bot confirmed it by a higher getUpdates offset (default), or once the bot reported it with
   * reportHandled(), for a bot that confirms updates as soon as it has stored them.
   */
  handledWhen?: "confirmed" | "reported";
}

export const DEFAULT_TOKEN = "123456:TEST";

export const DEFAULT_BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: "WeAlmaty",
  username: "wealmaty_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
