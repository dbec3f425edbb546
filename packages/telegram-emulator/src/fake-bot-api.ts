/**
 * The project's local Telegram Bot API emulator, used by the end-to-end tests
 * and by `npm run preview` (tools/preview). The real grammY Bot talks to it over
 * HTTP (`client: { apiRoot: api.apiRoot }`) with long polling, so the whole
 * stack (serialization, retries, middleware) runs as in production, while
 * tests (or the preview page) push updates and inspect what the bot sent.
 *
 * This class is the control surface for tests: push updates, read chats, inject faults, read calls.
 * The Bot API itself lives in http-dispatch (HTTP) and methods/ (what each method does).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCommand, Chat, Update, User, UserFromGetMe } from "grammy/types";
import { tooManyRequests } from "./api-error.js";
import { CallLog, safeCall, type ApiCall, type CallListener } from "./call-log.js";
import type { ChatMessage } from "./chat-store.js";
import { EmulatorState, type ChatMemberStatus } from "./emulator-state.js";
import { FaultInjector, type CallGate, type InjectedError } from "./faults.js";
import type { RegisterFileOptions, StoredFile } from "./file-store.js";
import { HttpDispatch } from "./http-dispatch.js";
import { commandsKey } from "./methods/chats.js";
import { methodTable } from "./methods/index.js";
import { DEFAULT_BOT_INFO, DEFAULT_TOKEN, type FakeBotApiOptions } from "./options.js";
import type { RateEnforcement, RateEnforcer } from "./rate-enforcer.js";
import { ApiParams } from "./request-body.js";
import { UpdateQueue, type NewUpdate } from "./update-queue.js";

export type { ApiCall, CallListener } from "./call-log.js";
export type { ChatMessage, ChatFile, ChatMessageKind, ReplyMarkup } from "./chat-store.js";
export type { ChatMemberStatus } from "./emulator-state.js";
export type { CallGate, InjectedError } from "./faults.js";
export type { StoredFile, RegisterFileOptions, FileKind } from "./file-store.js";
export type { FakeBotApiOptions } from "./options.js";
export type { UploadedFile, Payload } from "./request-body.js";
export type { NewUpdate } from "./update-queue.js";

export type UpdateListener = (update: Update) => void;

export class FakeBotApi {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every API call the bot made (except polling), oldest first. */
  readonly calls: ApiCall[];
  /** Ids of callback queries the bot tried to answer again after answering them (a bug: Telegram refuses). */
  readonly callbacksAnsweredTwice: string[];

  private readonly server: Server;
  private root = "";
  private readonly queue: UpdateQueue;
  private readonly log: CallLog;
  private readonly state: EmulatorState;
  private readonly faults = new FaultInjector();
  private readonly updateListeners = new Set<UpdateListener>();
  private closed = false;

  private constructor(options: FakeBotApiOptions) {
    this.queue = new UpdateQueue(options.handledWhen ?? "confirmed");
    this.token = options.token ?? DEFAULT_TOKEN;
    this.botInfo = { ...DEFAULT_BOT_INFO, ...options.botInfo, is_bot: true };
    this.log = new CallLog(options.recordCalls !== false);
    this.calls = this.log.calls;
    this.state = new EmulatorState(this.botInfo, options, this.queue, this.log);
    this.callbacksAnsweredTwice = this.state.callbacksAnsweredTwice;
    const dispatch = new HttpDispatch({
      token: this.token,
      methods: methodTable(this.state),
      faults: this.faults,
      log: this.log,
      files: this.state.files,
      recordPolling: options.recordPolling === true,
    });
    this.server = createServer((req, res) => void dispatch.handle(req, res));
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
    return this.state.botUser;
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
    this.state.learn(full);
    for (const listener of this.updateListeners) safeCall(() => listener(full));
    return full.update_id;
  }

  /** Learns the chats, users and callback queries of an update delivered another way (a webhook POST). */
  learn(update: Update): void {
    this.state.learn(update);
  }

  /** Sends an already pushed update again with the same update_id (Telegram duplicate delivery). */
  redeliver(updateId: number): void {
    this.queue.redeliver(updateId);
    const queryId = this.queue.get(updateId)?.callback_query?.id;
    if (queryId !== undefined) this.state.callbackQueries.set(queryId, false);
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
    return this.state.chats.messages(chatId).filter((m) => m.from === "bot");
  }

  /** Both sides of a chat, in order (user messages come from pushed updates). */
  conversation(chatId: number): ChatMessage[] {
    return this.state.chats.messages(chatId);
  }

  message(chatId: number, messageId: number): ChatMessage | undefined {
    return this.state.chats.find(chatId, messageId);
  }

  /** The reply keyboard currently shown in a chat, if any. */
  replyKeyboard(chatId: number): ChatMessage["reply_markup"] | undefined {
    return this.state.chats.replyKeyboard(chatId);
  }

  knownChats(): Chat[] {
    return this.state.chats.all();
  }

  /**
   * Forgets a private chat: its messages, their files and its user, and every update the bot is done
   * with. A long run (the benchmark) calls it for users who are finished, so the fake's memory stays flat.
   */
  forgetChat(chatId: number): void {
    for (const message of this.state.chats.forget(chatId)) {
      for (const file of [
        message.photo,
        message.document,
        message.video,
        message.audio,
        message.voice,
        message.animation,
        message.sticker,
      ]) {
        if (file) this.state.files.delete(file.file_id);
      }
    }
    this.state.users.delete(chatId);
    this.queue.forgetHandled();
  }

  /** Make a chat known (type, title, username) before any update mentions it. */
  registerChat(chat: Chat): void {
    this.state.chats.register(chat);
  }

  /** Next message_id in a chat; update builders use it for user messages. */
  nextMessageId(chatId: number): number {
    return this.state.chats.nextMessageId(chatId);
  }

  lastMessageId(chatId: number): number {
    return this.state.chats.lastMessageId(chatId);
  }

  /** Commands set via setMyCommands for a scope/language (default scope when omitted). */
  commands(options: { scope?: object; language_code?: string } = {}): BotCommand[] {
    return this.state.myCommands.get(commandsKey(new ApiParams({ ...options }))) ?? [];
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
        const found = this.state.myCommands.get(commandsKey(new ApiParams({ scope, ...(language ? { language_code: language } : {}) })));
        if (found && found.length > 0) return found;
      }
    }
    return [];
  }

  get webhookUrl(): string {
    return this.state.webhookUrl;
  }

  /** What getChatMember reports for a user (default "member"). */
  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.state.memberStatus.set(`${chatId}:${userId}`, status);
  }

  // --- files ----------------------------------------------------------------------

  /** Stores bytes as a Telegram file, for fake incoming photos/documents. */
  registerFile(data: Buffer, options: RegisterFileOptions = {}): { file_id: string; file_unique_id: string; file_size: number } {
    const { file_id, file_unique_id, file_size } = this.state.files.register(data, options);
    return { file_id, file_unique_id, file_size };
  }

  /** A stored file (user-registered or bot-uploaded), with its bytes. */
  file(fileId: string): StoredFile | undefined {
    return this.state.files.get(fileId);
  }

  // --- fault injection ------------------------------------------------------------

  /** Telegram-like send limits from now on (load tests); returns the enforcer for its stats. */
  enforceRate(options: RateEnforcement): RateEnforcer {
    return this.faults.enforceRate(options);
  }

  /**
   * Runs `gate` before every call from now on: it may hold the call (a slow Telegram) or throw a
   * TelegramApiError (a fault chosen per call). Returns a function that removes it.
   */
  gateCalls(gate: CallGate): () => void {
    return this.faults.addGate(gate);
  }

  /** The next `times` calls of `method` fail with `error` (queued after earlier failNext calls). */
  failNext(method: string, error: InjectedError, times = 1): void {
    this.faults.failNext(method, error, times);
  }

  /** The next `times` calls of `method` get 429 with parameters.retry_after. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    this.failNext(method, tooManyRequests(retryAfterSeconds).toBody(), times);
  }

  /** Every send/edit to this chat fails with 403 (blocked by the user / kicked) until unblockChat. */
  blockChat(chatId: number): void {
    this.state.blocked.add(chatId);
  }

  unblockChat(chatId: number): void {
    this.state.blocked.delete(chatId);
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
    return this.log.listen(listener);
  }

  /** Called for every pushed update; returns an unsubscribe function. */
  onUpdate(listener: UpdateListener): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }
}
