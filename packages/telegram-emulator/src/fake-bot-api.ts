/**
 * The project's local Telegram Bot API emulator, used by the end-to-end tests
 * and by `npm run preview` (tools/preview). The real grammY Bot talks to it over
 * HTTP (`client: { apiRoot: api.apiRoot }`) with long polling, so the whole
 * stack (serialization, retries, middleware) runs as in production, while
 * tests (or the preview page) push updates and inspect what the bot sent.
 *
 * Concerns live in sibling modules: request-body (HTTP parameters),
 * telegram-checks / telegram-html (Telegram's validation), update-queue
 * (getUpdates), chat-store (what users see), file-store (files).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";
import type {
  BotCommand,
  Chat,
  File,
  InlineKeyboardMarkup,
  Message,
  MessageId,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import {
  badRequest,
  forbidden,
  TelegramApiError,
  tooManyRequests,
  type ApiErrorBody,
} from "./api-error.js";
import { ChatStore, describeMessage, type ChatMessage, type MessageSource, type ReplyMarkup } from "./chat-store.js";
import { FileStore, guessMimeType, type FileKind, type RegisterFileOptions, type StoredFile } from "./file-store.js";
import {
  ApiParams,
  isPlainObject,
  isUploadedFile,
  parseRequest,
  readRequestBody,
  type Payload,
  type UploadedFile,
} from "./request-body.js";
import {
  checkBotCommands,
  checkCallbackAnswerText,
  checkInlineKeyboard,
  checkReplyMarkup,
  formatCaption,
  formatMessageText,
  type FormattedMessageText,
} from "./telegram-checks.js";
import { UpdateQueue, type NewUpdate } from "./update-queue.js";
import { RateEnforcer, type RateEnforcement } from "./rate-enforcer.js";

export type { ChatMessage, ChatFile, ChatMessageKind, ReplyMarkup } from "./chat-store.js";
export type { StoredFile, RegisterFileOptions, FileKind } from "./file-store.js";
export type { UploadedFile, Payload } from "./request-body.js";
export type { NewUpdate } from "./update-queue.js";

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

/** One Bot API request the bot made. */
export interface ApiCall {
  seq: number;
  /** Canonical method name, e.g. "sendMessage" (Telegram matches case-insensitively). */
  method: string;
  /** Parameters, with uploaded files in place of their attach:// references. */
  payload: Payload;
  files: UploadedFile[];
  /** Date.now() when the request arrived. */
  at: number;
  ok: boolean;
  result?: unknown;
  error?: ApiErrorBody;
}

/** What failNext() makes a method answer. */
export interface InjectedError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export type CallListener = (call: ApiCall) => void;
export type UpdateListener = (update: Update) => void;
/** Sees a call before it is served; `signal` aborts when the bot's connection closes. */
export type CallGate = (method: string, payload: Payload, signal: AbortSignal) => Promise<void> | void;
export type ChatMemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

interface CallContext {
  signal: AbortSignal;
}
type Handler = (p: ApiParams, ctx: CallContext) => unknown;

/** Where a send goes and what it carries, all validated before a message id is used. */
interface PreparedSend {
  chat: Chat;
  markup?: ReplyMarkup;
  replyTo?: Message;
}

const DEFAULT_TOKEN = "123456:TEST";
const DEFAULT_BOT_INFO: UserFromGetMe = {
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

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

/** Real methods the fake doesn't model; they just succeed with `true`. */
const ACCEPTED_METHODS = [
  "logOut", "close", "setMyDescription", "setMyShortDescription", "setMyName",
  "setMyDefaultAdministratorRights", "pinChatMessage", "unpinChatMessage", "unpinAllChatMessages",
  "setMessageReaction", "banChatMember", "unbanChatMember", "restrictChatMember", "promoteChatMember",
  "setChatAdministratorCustomTitle", "setChatPermissions", "setChatPhoto", "deleteChatPhoto",
  "setChatTitle", "setChatDescription", "setChatStickerSet", "deleteChatStickerSet",
  "approveChatJoinRequest", "declineChatJoinRequest", "answerInlineQuery", "answerShippingQuery",
  "answerPreCheckoutQuery", "setPassportDataErrors", "stopMessageLiveLocation",
  "editMessageLiveLocation", "setUserEmojiStatus", "banChatSenderChat", "unbanChatSenderChat",
  "unpinAllForumTopicMessages", "closeForumTopic", "reopenForumTopic", "deleteForumTopic",
  "editForumTopic", "setStickerSetTitle", "deleteStickerFromSet",
];

const MEDIA_GROUP_TYPES = new Set<FileKind>(["photo", "video", "audio", "document"]);
const MESSAGE_MEDIA_FIELDS = ["photo", "document", "video", "audio", "voice", "animation", "sticker", "video_note"] as const;

const unixNow = (): number => Math.floor(Date.now() / 1000);

export class FakeBotApi {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every API call the bot made (except polling), oldest first. */
  readonly calls: ApiCall[] = [];
  /** Ids of callback queries the bot tried to answer again after answering them (a bug: Telegram refuses). */
  readonly callbacksAnsweredTwice: string[] = [];

  private readonly server: Server;
  private root = "";
  private readonly options: FakeBotApiOptions;
  private readonly queue: UpdateQueue;
  private readonly chats = new ChatStore();
  private readonly files = new FileStore();
  private readonly users = new Map<number, User>();
  private readonly gates = new Set<CallGate>();
  private readonly faults = new Map<string, Array<{ error: InjectedError; remaining: number }>>();
  private readonly blocked = new Set<number>();
  private rateEnforcer?: RateEnforcer;
  private readonly left = new Set<number>();
  private readonly memberStatus = new Map<string, ChatMemberStatus>();
  /** Callback query id → already answered? Unknown ids can't be answered. */
  private readonly callbackQueries = new Map<string, boolean>();
  private readonly myCommands = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<string, unknown>();
  private readonly callListeners = new Set<CallListener>();
  private readonly updateListeners = new Set<UpdateListener>();
  private webhook = { url: "" };
  private seq = 0;
  private closed = false;
  private readonly fileLookup = (fileId: string): StoredFile | undefined => this.files.get(fileId);

  /** Method table; keys are the canonical Bot API names. */
  private readonly handlers: Readonly<Record<string, Handler>> = {
    getMe: () => this.botInfo,
    getUpdates: (p, ctx) => this.getUpdates(p, ctx),
    setWebhook: (p) => this.setWebhook(p),
    deleteWebhook: (p) => this.deleteWebhook(p),
    getWebhookInfo: () => ({
      url: this.webhook.url,
      has_custom_certificate: false,
      pending_update_count: this.queue.pendingIds().length,
    }),
    sendMessage: (p) => this.sendMessage(p),
    sendPhoto: (p) => this.sendMedia(p, "photo"),
    sendDocument: (p) => this.sendMedia(p, "document"),
    sendVideo: (p) => this.sendMedia(p, "video"),
    sendAudio: (p) => this.sendMedia(p, "audio"),
    sendVoice: (p) => this.sendMedia(p, "voice"),
    sendAnimation: (p) => this.sendMedia(p, "animation"),
    sendSticker: (p) => this.sendMedia(p, "sticker"),
    sendVideoNote: (p) => this.sendMedia(p, "video_note"),
    sendMediaGroup: (p) => this.sendMediaGroup(p),
    sendLocation: (p) => this.sendLocation(p),
    sendVenue: (p) => this.sendVenue(p),
    sendContact: (p) => this.sendContact(p),
    sendDice: (p) => this.sendDice(p),
    sendPoll: (p) => this.sendPoll(p),
    sendChatAction: (p) => this.sendChatAction(p),
    copyMessage: (p) => this.copyMessage(p),
    copyMessages: (p) => this.copyMessages(p),
    forwardMessage: (p) => this.forwardMessage(p),
    forwardMessages: (p) => this.forwardMessages(p),
    editMessageText: (p) => this.editMessageText(p),
    editMessageCaption: (p) => this.editMessageCaption(p),
    editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
    editMessageMedia: (p) => this.editMessageMedia(p),
    deleteMessage: (p) => this.deleteMessage(p),
    deleteMessages: (p) => this.deleteMessages(p),
    answerCallbackQuery: (p) => this.answerCallbackQuery(p),
    setMyCommands: (p) => this.setMyCommands(p),
    getMyCommands: (p) => this.myCommands.get(commandsKey(p)) ?? [],
    deleteMyCommands: (p) => this.myCommands.delete(commandsKey(p)) || true,
    setChatMenuButton: (p) => this.setChatMenuButton(p),
    getChatMenuButton: (p) => this.menuButtons.get(String(p.number("chat_id") ?? "")) ?? { type: "commands" },
    getMyName: () => ({ name: this.botInfo.first_name }),
    getMyDescription: () => ({ description: "" }),
    getMyShortDescription: () => ({ short_description: "" }),
    getFile: (p) => this.getFile(p),
    getChat: (p) => this.getChat(p),
    getChatMember: (p) => this.getChatMember(p),
    leaveChat: (p) => this.leaveChat(p),
    ...Object.fromEntries(ACCEPTED_METHODS.map((name) => [name, () => true])),
  };
  private readonly handlerIndex = new Map(Object.keys(this.handlers).map((name) => [name.toLowerCase(), name]));

  private constructor(options: FakeBotApiOptions) {
    this.queue = new UpdateQueue(options.handledWhen ?? "confirmed");
    this.options = options;
    this.token = options.token ?? DEFAULT_TOKEN;
    this.botInfo = { ...DEFAULT_BOT_INFO, ...options.botInfo, is_bot: true };
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    // Node's client agent keeps idle sockets open without a limit; were the server to close them
    // after its default 5 s, a request sent at that very moment would fail with ECONNRESET.
    this.server.keepAliveTimeout = 0;
  }

  /** Starts a server on 127.0.0.1 with a random free port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const api = new FakeBotApi(options);
    await new Promise<void>((resolve, reject) => {
      api.server.once("error", reject);
      api.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = api.server.address() as AddressInfo;
    api.root = `http://127.0.0.1:${port}`;
    return api;
  }

  /** Pass as grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return this.root;
  }

  /** The bot as a User (the `from` of its messages). */
  get botUser(): User {
    const { id, first_name, username } = this.botInfo;
    return { id, is_bot: true, first_name, username };
  }

  /** Releases held getUpdates calls and stops the server. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.close();
    // Let released long polls flush their (empty) answers before cutting sockets.
    await new Promise((resolve) => setImmediate(resolve));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- updates ------------------------------------------------------------------

  /**
   * Queues an update for the bot's next getUpdates and returns its update_id.
   * Incoming messages also enter the chat view (as `from: "user"`).
   */
  pushUpdate(update: NewUpdate): number {
    const full = this.queue.push(update);
    this.learnFrom(full);
    for (const listener of this.updateListeners) safeCall(() => listener(full));
    return full.update_id;
  }

  /** Learns the chats, users and callback queries of an update delivered another way (a webhook POST). */
  learn(update: Update): void {
    this.learnFrom(update);
  }

  /** Sends an already pushed update again with the same update_id (Telegram duplicate delivery). */
  redeliver(updateId: number): void {
    this.queue.redeliver(updateId);
    const queryId = this.queue.get(updateId)?.callback_query?.id;
    if (queryId !== undefined) this.callbackQueries.set(queryId, false);
  }

  /** The bot says it is done with an update (handledWhen: "reported"). */
  reportHandled(updateId: number): void {
    this.queue.markHandled(updateId);
  }

  /** Resolves once the bot is done with `updateId`: confirmed it, or reported it (see handledWhen). */
  waitHandled(updateId: number, timeoutMs = 5000): Promise<void> {
    return this.queue.waitHandled(updateId, timeoutMs);
  }

  /** Resolves once the bot is done with every pushed update. */
  waitIdle(timeoutMs = 5000): Promise<void> {
    return this.queue.waitIdle(timeoutMs);
  }

  /** Highest getUpdates offset the bot has requested. */
  get confirmedOffset(): number {
    return this.queue.highestOffset;
  }

  get lastUpdateId(): number {
    return this.queue.lastUpdateId;
  }

  // --- chats ----------------------------------------------------------------------

  /** Bot messages in a chat as the user sees them now: edits applied, deletions gone. */
  chat(chatId: number): ChatMessage[] {
    return this.chats.messages(chatId).filter((m) => m.from === "bot");
  }

  /** Both sides of a chat, in order (user messages come from pushed updates). */
  conversation(chatId: number): ChatMessage[] {
    return this.chats.messages(chatId);
  }

  message(chatId: number, messageId: number): ChatMessage | undefined {
    return this.chats.find(chatId, messageId);
  }

  /** The reply keyboard currently shown in a chat, if any. */
  replyKeyboard(chatId: number): ChatMessage["reply_markup"] | undefined {
    return this.chats.replyKeyboard(chatId);
  }

  knownChats(): Chat[] {
    return this.chats.all();
  }

  /** Make a chat known (type, title, username) before any update mentions it. */
  registerChat(chat: Chat): void {
    this.chats.register(chat);
  }

  /** Next message_id in a chat; update builders use it for user messages. */
  nextMessageId(chatId: number): number {
    return this.chats.nextMessageId(chatId);
  }

  lastMessageId(chatId: number): number {
    return this.chats.lastMessageId(chatId);
  }

  /** Commands set via setMyCommands for a scope/language (default scope when omitted). */
  commands(options: { scope?: object; language_code?: string } = {}): BotCommand[] {
    return this.myCommands.get(commandsKey(new ApiParams({ ...options }))) ?? [];
  }

  /**
   * The command menu a user sees in their private chat, resolved as Telegram does: the chat's
   * own scope, then all private chats, then the default; within each, the user's app language
   * first, then the list without a language.
   */
  visibleCommands(chatId: number, languageCode?: string): BotCommand[] {
    const scopes = [{ type: "chat", chat_id: chatId }, { type: "all_private_chats" }, { type: "default" }];
    for (const scope of scopes) {
      for (const language of languageCode ? [languageCode, undefined] : [undefined]) {
        const found = this.myCommands.get(commandsKey(new ApiParams({ scope, ...(language ? { language_code: language } : {}) })));
        if (found && found.length > 0) return found;
      }
    }
    return [];
  }

  get webhookUrl(): string {
    return this.webhook.url;
  }

  /** What getChatMember reports for a user (default "member"). */
  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.memberStatus.set(`${chatId}:${userId}`, status);
  }

  // --- files ----------------------------------------------------------------------

  /** Stores bytes as a Telegram file, for fake incoming photos/documents. */
  registerFile(
    data: Buffer,
    options: RegisterFileOptions = {},
  ): { file_id: string; file_unique_id: string; file_size: number } {
    const { file_id, file_unique_id, file_size } = this.files.register(data, options);
    return { file_id, file_unique_id, file_size };
  }

  /** A stored file (user-registered or bot-uploaded), with its bytes. */
  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  // --- fault injection ------------------------------------------------------------

  /** The next `times` calls of `method` fail with `error` (queued after earlier failNext calls). */
  /** Telegram-like send limits from now on (load tests); returns the enforcer for its stats. */
  enforceRate(options: RateEnforcement): RateEnforcer {
    this.rateEnforcer = new RateEnforcer(options);
    return this.rateEnforcer;
  }

  /**
   * Runs `gate` before every call from now on: it may hold the call (a slow Telegram) or throw a
   * TelegramApiError (a fault chosen per call). Returns a function that removes it.
   */
  gateCalls(gate: CallGate): () => void {
    this.gates.add(gate);
    return () => this.gates.delete(gate);
  }

  failNext(method: string, error: InjectedError, times = 1): void {
    const key = method.toLowerCase();
    const queue = this.faults.get(key) ?? [];
    queue.push({ error, remaining: times });
    this.faults.set(key, queue);
  }

  /** The next `times` calls of `method` get 429 with parameters.retry_after. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    this.failNext(method, tooManyRequests(retryAfterSeconds).toBody(), times);
  }

  /** Every send/edit to this chat fails with 403 (blocked by the user / kicked) until unblockChat. */
  blockChat(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblockChat(chatId: number): void {
    this.blocked.delete(chatId);
  }

  // --- recording ------------------------------------------------------------------

  callsTo(method: string): ApiCall[] {
    const name = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === name);
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  /** Called after every recorded API call; returns an unsubscribe function. */
  onCall(listener: CallListener): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** Called for every pushed update; returns an unsubscribe function. */
  onUpdate(listener: UpdateListener): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  // --- HTTP -----------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) return this.serveFile(res, fileRoute[1]!, decodeURIComponent(fileRoute[2]!));

    const route = /^\/bot([^/]+)\/([^/]*)\/?$/.exec(url.pathname);
    if (!route) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (decodeURIComponent(route[1]!) !== this.token) {
      return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const method = this.handlerIndex.get(route[2]!.toLowerCase());
    if (!method) {
      return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }

    const at = Date.now();
    // Aborted when the client disconnects first (grammY cancels polls on stop()).
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });

    let payload: Payload = {};
    let files: UploadedFile[] = [];
    let outcome: { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };
    try {
      const body = await readRequestBody(req);
      ({ payload, files } = parseRequest(req.headers["content-type"], body, url.searchParams));
      for (const gate of this.gates) await gate(method, payload, abort.signal);
      // The bot went away (killed) while the call was held: it never reached Telegram.
      if (abort.signal.aborted) return;
      this.injectFault(method);
      const limited = this.rateEnforcer?.check(method, payload);
      if (limited) throw limited;
      const result = await this.handlers[method]!(new ApiParams(payload), { signal: abort.signal });
      outcome = { ok: true, result };
    } catch (error) {
      if (error instanceof TelegramApiError) {
        outcome = { ok: false, error: error.toBody() };
      } else {
        // A bug in the fake itself: make it loud rather than a silent hang.
        console.error(`FakeBotApi: ${method} crashed`, error);
        outcome = { ok: false, error: { error_code: 500, description: `Internal Server Error: ${String(error)}` } };
      }
    }

    if (method !== "getUpdates" || this.options.recordPolling) {
      const call: ApiCall = {
        seq: ++this.seq,
        method,
        payload,
        files,
        at,
        ...(outcome.ok ? { ok: true, result: outcome.result } : { ok: false, error: outcome.error }),
      };
      if (this.options.recordCalls !== false) this.calls.push(call);
      for (const listener of this.callListeners) safeCall(() => listener(call));
    }
    if (outcome.ok) sendJson(res, 200, { ok: true, result: outcome.result });
    else sendJson(res, outcome.error.error_code, { ok: false, ...outcome.error });
  }

  private serveFile(res: ServerResponse, token: string, filePath: string): void {
    const file = decodeURIComponent(token) === this.token ? this.files.getByPath(filePath) : undefined;
    if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": file.contentType, "content-length": file.data.length });
    res.end(file.data);
  }

  private injectFault(method: string): void {
    const queue = this.faults.get(method.toLowerCase());
    const fault = queue?.[0];
    if (!queue || !fault) return;
    if (--fault.remaining <= 0) queue.shift();
    throw new TelegramApiError(fault.error);
  }

  /** Remember chats, users and callback queries mentioned by an incoming update. */
  private learnFrom(update: Update): void {
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

  // --- polling & webhook ------------------------------------------------------------

  private getUpdates(p: ApiParams, ctx: CallContext): Promise<Update[]> {
    if (this.webhook.url) {
      throw new TelegramApiError({
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    const allowed = p.raw("allowed_updates");
    const offset = p.number("offset");
    const limit = p.number("limit");
    const timeout = Math.min(p.number("timeout") ?? 0, this.options.maxPollTimeoutSeconds ?? 50);
    return this.queue.poll(
      {
        timeoutSeconds: Math.max(0, timeout),
        ...(offset !== undefined ? { offset } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
      },
      ctx.signal,
    );
  }

  private setWebhook(p: ApiParams): true {
    const url = p.string("url") ?? "";
    if (url !== "" && !url.startsWith("https://")) {
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    if (p.boolean("drop_pending_updates")) this.queue.dropPending();
    this.webhook = { url };
    return true;
  }

  private deleteWebhook(p: ApiParams): true {
    if (p.boolean("drop_pending_updates")) this.queue.dropPending();
    this.webhook = { url: "" };
    return true;
  }

  // --- sending ----------------------------------------------------------------------

  /** Resolves chat_id; with `access`, enforces blocked/left chats like Telegram's 403s. */
  private targetChat(p: ApiParams, access = true): Chat {
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

  private prepareSend(p: ApiParams): PreparedSend {
    const chat = this.targetChat(p);
    const markup = p.raw("reply_markup");
    checkReplyMarkup(markup);
    const replyTo = this.replyTarget(chat, p);
    return {
      chat,
      ...(markup ? { markup: markup as ReplyMarkup } : {}),
      ...(replyTo ? { replyTo } : {}),
    };
  }

  private replyTarget(chat: Chat, p: ApiParams): Message | undefined {
    const params = p.raw("reply_parameters");
    const messageId = isPlainObject(params) ? Number(params["message_id"]) : p.number("reply_to_message_id");
    if (messageId === undefined || Number.isNaN(messageId)) return undefined;
    const found = this.chats.find(chat.id, messageId);
    if (found) {
      const { reply_to_message: _nested, ...message } = found.message;
      return message as Message;
    }
    const allowMissing = isPlainObject(params)
      ? params["allow_sending_without_reply"] === true
      : p.boolean("allow_sending_without_reply");
    if (allowMissing) return undefined;
    throw badRequest("message to be replied not found");
  }

  /** Creates the bot's message, adds it to the chat view and returns what Telegram would. */
  private deliver(target: PreparedSend, fields: Partial<Message>, source: MessageSource = {}): Message {
    const { chat, markup, replyTo } = target;
    const message = {
      message_id: this.chats.nextMessageId(chat.id),
      from: this.botUser,
      chat,
      date: unixNow(),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      ...fields,
      // Telegram echoes only inline keyboards in the returned Message.
      ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
    } as Message;
    this.chats.add(describeMessage(message, "bot", { ...source, ...(markup ? { reply_markup: markup } : {}) }, this.fileLookup));
    return message;
  }

  private sendMessage(p: ApiParams): Message {
    const target = this.prepareSend(p);
    const text = formatMessageText(p.string("text"), p.raw("parse_mode"), p.raw("entities"));
    return this.deliver(target, textFields(text), sourceOf(text));
  }

  private sendMedia(p: ApiParams, kind: FileKind): Message {
    const target = this.prepareSend(p);
    const caption = formatCaption(p.string("caption"), p.raw("parse_mode"), p.raw("caption_entities"));
    const file = this.inputFile(p.raw(kind), kind);
    return this.deliver(target, { ...mediaFields(kind, file, p), ...captionFields(caption) }, sourceOf(caption));
  }

  /** An InputFile parameter: an upload, a known file_id, or an HTTP URL. */
  private inputFile(value: unknown, kind: FileKind): StoredFile {
    if (isUploadedFile(value)) {
      return this.files.register(value.data, { kind, filename: value.filename, contentType: value.contentType });
    }
    if (typeof value === "string" && value !== "") {
      const known = this.files.get(value);
      if (known) return known;
      if (/^https?:\/\//i.test(value)) {
        // Telegram would download it; we just remember the URL.
        const name = basename(new URL(value).pathname);
        const file = this.files.register(Buffer.alloc(0), { kind, ...(name ? { filename: name } : {}) });
        file.url = value;
        return file;
      }
      throw badRequest("wrong file identifier/HTTP URL specified");
    }
    throw badRequest(`there is no ${kind} in the request`);
  }

  private sendMediaGroup(p: ApiParams): Message[] {
    const target = this.prepareSend(p);
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
      return { kind, file: this.inputFile(item["media"], kind), caption, itemParams };
    });
    const mediaGroupId = String(10n ** 17n + BigInt(Date.now()) * 1000n + BigInt(this.seq));
    return items.map(({ kind, file, caption, itemParams }) =>
      this.deliver(
        target,
        { ...mediaFields(kind, file, itemParams), ...captionFields(caption), media_group_id: mediaGroupId },
        sourceOf(caption),
      ),
    );
  }

  private sendLocation(p: ApiParams): Message {
    const target = this.prepareSend(p);
    const location = readLocation(p);
    return this.deliver(target, { location });
  }

  private sendVenue(p: ApiParams): Message {
    const target = this.prepareSend(p);
    const location = readLocation(p);
    const title = p.requireString("title");
    const address = p.requireString("address");
    return this.deliver(target, { location, venue: { location, title, address } });
  }

  private sendContact(p: ApiParams): Message {
    const target = this.prepareSend(p);
    const phone_number = p.requireString("phone_number");
    const first_name = p.requireString("first_name");
    const last_name = p.string("last_name");
    return this.deliver(target, { contact: { phone_number, first_name, ...(last_name ? { last_name } : {}) } });
  }

  private sendDice(p: ApiParams): Message {
    const target = this.prepareSend(p);
    const emoji = p.string("emoji") ?? "🎲";
    const max = emoji === "🎰" ? 64 : emoji === "🏀" || emoji === "⚽" ? 5 : 6;
    return this.deliver(target, { dice: { emoji, value: 1 + Math.floor(Math.random() * max) } });
  }

  private sendPoll(p: ApiParams): Message {
    const target = this.prepareSend(p);
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
    return this.deliver(target, { poll } as Partial<Message>);
  }

  private sendChatAction(p: ApiParams): true {
    this.targetChat(p);
    if (!CHAT_ACTIONS.has(p.string("action") ?? "")) throw badRequest("wrong parameter action in request");
    return true;
  }

  // --- copy / forward -----------------------------------------------------------------

  private sourceMessage(p: ApiParams, messageId: number, verb: "copy" | "forward"): ChatMessage {
    const fromChat = this.chats.resolve(p.chatId("from_chat_id"));
    const found = fromChat ? this.chats.find(fromChat.id, messageId) : undefined;
    if (!found) throw badRequest(`message to ${verb} not found`);
    return found;
  }

  private copyMessage(p: ApiParams): MessageId {
    const messageId = p.requireNumber("message_id", "message identifier is not specified");
    return { message_id: this.copyOne(p, this.prepareSend(p), messageId, true).message_id };
  }

  private copyMessages(p: ApiParams): MessageId[] {
    const target = this.prepareSend(p);
    return messageIds(p).map((id) => ({ message_id: this.copyOne(p, target, id, false).message_id }));
  }

  private copyOne(p: ApiParams, target: PreparedSend, messageId: number, single: boolean): Message {
    const source = this.sourceMessage(p, messageId, "copy");
    const content = messageContent(source.message);
    // copyMessage may replace the caption of a media message.
    if (single && p.has("caption") && source.message.caption !== undefined) {
      const caption = formatCaption(p.string("caption"), p.raw("parse_mode"), p.raw("caption_entities"));
      delete content.caption;
      delete content.caption_entities;
      return this.deliver(target, { ...content, ...captionFields(caption) }, sourceOf(caption));
    }
    return this.deliver(target, content);
  }

  private forwardMessage(p: ApiParams): Message {
    const messageId = p.requireNumber("message_id", "message identifier is not specified");
    return this.forwardOne(p, this.prepareSend(p), messageId);
  }

  private forwardMessages(p: ApiParams): MessageId[] {
    const target = this.prepareSend(p);
    return messageIds(p).map((id) => ({ message_id: this.forwardOne(p, target, id).message_id }));
  }

  private forwardOne(p: ApiParams, target: PreparedSend, messageId: number): Message {
    const source = this.sourceMessage(p, messageId, "forward").message;
    const origin =
      source.chat.type === "channel"
        ? { type: "channel", chat: source.chat, message_id: source.message_id, date: source.date }
        : { type: "user", sender_user: source.from ?? this.botUser, date: source.date };
    return this.deliver(target, { ...messageContent(source), forward_origin: origin } as Partial<Message>);
  }

  // --- editing & deleting -------------------------------------------------------------

  /** The bot message an edit targets, or "inline" for inline_message_id edits (not tracked). */
  private editTarget(p: ApiParams): ChatMessage | "inline" {
    if (p.has("inline_message_id")) return "inline";
    const chat = this.targetChat(p);
    const messageId = p.requireNumber("message_id", "message identifier is not specified");
    const found = this.chats.find(chat.id, messageId);
    if (!found) throw badRequest("message to edit not found");
    if (found.from !== "bot") throw badRequest("message can't be edited");
    return found;
  }

  /** Edits accept only inline keyboards; omitting reply_markup removes the keyboard. */
  private editMarkup(p: ApiParams): InlineKeyboardMarkup | undefined {
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
  private applyEdit(
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
    this.chats.replace(
      describeMessage(message, "bot", { ...text, ...(markup ? { reply_markup: markup } : {}) }, this.fileLookup),
    );
    return message;
  }

  private editMessageText(p: ApiParams): Message | true {
    const target = this.editTarget(p);
    const text = formatMessageText(p.string("text"), p.raw("parse_mode"), p.raw("entities"));
    const markup = this.editMarkup(p);
    if (target === "inline") return true;
    if (target.message.text === undefined) throw badRequest("there is no text in the message to edit");
    return this.applyEdit(target, textFields(text), ["entities"], markup, sourceOf(text));
  }

  private editMessageCaption(p: ApiParams): Message | true {
    const target = this.editTarget(p);
    const caption = formatCaption(p.string("caption"), p.raw("parse_mode"), p.raw("caption_entities"));
    const markup = this.editMarkup(p);
    if (target === "inline") return true;
    if (!MESSAGE_MEDIA_FIELDS.some((f) => target.message[f] !== undefined)) {
      throw badRequest("there is no caption in the message to edit");
    }
    return this.applyEdit(target, captionFields(caption), ["caption", "caption_entities"], markup, sourceOf(caption));
  }

  private editMessageReplyMarkup(p: ApiParams): Message | true {
    const target = this.editTarget(p);
    const markup = this.editMarkup(p);
    if (target === "inline") return true;
    return this.applyEdit(target, {}, [], markup, "keep");
  }

  private editMessageMedia(p: ApiParams): Message | true {
    const target = this.editTarget(p);
    const media = p.raw("media");
    if (!isPlainObject(media)) throw badRequest("can't parse InputMedia JSON object");
    const kind = media["type"] as FileKind;
    if (!["photo", "video", "audio", "document", "animation"].includes(kind)) {
      throw badRequest("can't parse InputMedia: unsupported media type");
    }
    const markup = this.editMarkup(p);
    const mediaParams = new ApiParams(media);
    const caption = formatCaption(mediaParams.string("caption"), media["parse_mode"], media["caption_entities"]);
    const file = this.inputFile(media["media"], kind);
    if (target === "inline") return true;
    if (!MESSAGE_MEDIA_FIELDS.some((f) => target.message[f] !== undefined)) {
      throw badRequest("there is no media in the message to edit");
    }
    return this.applyEdit(
      target,
      { ...mediaFields(kind, file, mediaParams), ...captionFields(caption) },
      [...MESSAGE_MEDIA_FIELDS, "caption", "caption_entities"],
      markup,
      sourceOf(caption),
    );
  }

  private deleteMessage(p: ApiParams): true {
    const chat = this.targetChat(p, false);
    const messageId = p.requireNumber("message_id", "message identifier is not specified");
    if (!this.chats.remove(chat.id, messageId)) throw badRequest("message to delete not found");
    return true;
  }

  private deleteMessages(p: ApiParams): true {
    const chat = this.targetChat(p, false);
    for (const id of messageIds(p)) this.chats.remove(chat.id, id);
    return true;
  }

  // --- callbacks, commands, misc ------------------------------------------------------

  private answerCallbackQuery(p: ApiParams): true {
    const id = p.requireString("callback_query_id", "query_id is empty");
    checkCallbackAnswerText(p.string("text"));
    // Unknown or already answered ids fail like expired queries do.
    const answered = this.callbackQueries.get(id);
    if (answered === true) this.callbacksAnsweredTwice.push(id);
    if (answered !== false) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    this.callbackQueries.set(id, true);
    return true;
  }

  private setMyCommands(p: ApiParams): true {
    const commands = checkBotCommands(p.raw("commands"));
    this.myCommands.set(commandsKey(p), commands);
    return true;
  }

  private setChatMenuButton(p: ApiParams): true {
    const button = p.raw("menu_button") ?? { type: "default" };
    if (!isPlainObject(button) || !["commands", "web_app", "default"].includes(String(button["type"]))) {
      throw badRequest("can't parse menu button");
    }
    this.menuButtons.set(String(p.number("chat_id") ?? ""), button);
    return true;
  }

  private getFile(p: ApiParams): File {
    const file = this.files.get(p.requireString("file_id", "file_id is empty"));
    if (!file) throw badRequest("invalid file_id");
    if (file.file_size > 20 * 1024 * 1024) throw badRequest("file is too big");
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
  }

  private getChat(p: ApiParams): unknown {
    const chat = this.targetChat(p, false);
    // A minimal ChatFullInfo: the always-present fields.
    return { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
  }

  private getChatMember(p: ApiParams): unknown {
    const chat = this.targetChat(p, false);
    const userId = p.requireNumber("user_id", "user_id is empty");
    const user = userId === this.botInfo.id ? this.botUser : (this.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` });
    const status = this.memberStatus.get(`${chat.id}:${userId}`) ?? "member";
    return { status, user, ...(status === "kicked" ? { until_date: 0 } : {}) };
  }

  private leaveChat(p: ApiParams): true {
    const chat = this.targetChat(p, false);
    if (chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
    this.left.add(chat.id);
    return true;
  }
}

// --- helpers ------------------------------------------------------------------------

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error("FakeBotApi listener failed", error);
  }
}

function textFields(text: FormattedMessageText): Partial<Message> {
  return { text: text.text, ...(text.entities.length > 0 ? { entities: text.entities } : {}) };
}

function captionFields(caption: FormattedMessageText | undefined): Partial<Message> {
  if (!caption) return {};
  return { caption: caption.text, ...(caption.entities.length > 0 ? { caption_entities: caption.entities } : {}) };
}

function sourceOf(text: FormattedMessageText | undefined): MessageSource {
  if (!text) return {};
  return { raw: text.raw, ...(text.parse_mode ? { parse_mode: text.parse_mode } : {}) };
}

/** The Message field describing a file of the given kind (sizes/durations are made up). */
function mediaFields(kind: FileKind, file: StoredFile, p: ApiParams): Partial<Message> {
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

function readLocation(p: ApiParams): { latitude: number; longitude: number } {
  const latitude = p.requireNumber("latitude", "latitude is empty");
  const longitude = p.requireNumber("longitude", "longitude is empty");
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw badRequest("wrong location specified");
  return { latitude, longitude };
}

function messageIds(p: ApiParams): number[] {
  const ids = p.raw("message_ids");
  if (!Array.isArray(ids) || ids.length === 0) throw badRequest("message identifiers are not specified");
  return ids.map(Number);
}

/** A message's content without its identity, for copy/forward. */
function messageContent(message: Message): Partial<Message> {
  const {
    message_id: _id,
    date: _date,
    chat: _chat,
    from: _from,
    reply_to_message: _reply,
    reply_markup: _markup,
    edit_date: _edit,
    forward_origin: _origin,
    ...content
  } = message;
  return content;
}

/** What "message is not modified" compares: content and inline keyboard. */
function comparable(message: Message): unknown {
  const { edit_date: _edit, ...rest } = message;
  return rest;
}

function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** setMyCommands stores per (scope, language_code), like Telegram. */
function commandsKey(p: ApiParams): string {
  const scope = p.raw("scope");
  const normalized = isPlainObject(scope) ? stableJson(scope) : stableJson({ type: "default" });
  return `${normalized}|${p.string("language_code") ?? ""}`;
}
