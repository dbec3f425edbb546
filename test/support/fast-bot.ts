/**
 * The fast tier: the bot from createBot, fed updates through bot.handleUpdate, with no HTTP at all.
 * Its client's fetch records every outgoing call and answers with a plausible result (a Message
 * for sends and edits, true for the rest). The recorder sits at fetch, not in a transformer on
 * bot.api, because conversations build their own Api objects from the bot's options (transformers
 * are not copied, options are); so the bot's own transformers stay in the path as in production.
 * Redis is the real one, under a unique prefix deleted at the end.
 */
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { Bot } from "grammy";
import type { Message, Update, User, UserFromGetMe } from "grammy/types";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterEach } from "vitest";
import { DEFAULT_BOT_INFO, parseRequest, type Payload } from "@wealmaty/telegram-emulator";
import type { BotContext, BotDeps } from "../../src/bot/context.js";
import { createI18n } from "../../src/bot/i18n.js";
import { createBot } from "../../src/bot/index.js";
import { contestPersonalData } from "../../src/features/contest/winner.js";
import { rsvpPersonalData } from "../../src/features/rsvp/notify.js";
import { resolveAudience } from "../../src/delivery/audiences.js";
import type { BroadcastInput, Broadcaster } from "../../src/delivery/types.js";
import { BUNDLED_EVENT_FILE, loadEvent } from "../../src/event/load.js";
import { seriesOfOne } from "../../src/event/series.js";
import { createStore } from "../../src/store/index.js";
import { deleteKeysWithPrefix } from "../../src/store/redis.js";
import { LatestMessages } from "../../src/bot/latest-messages.js";
import { FastUser } from "./fast-user.js";
import { REDIS_URL, TestClock } from "./harness.js";

/** One Bot API call the bot made. */
export interface ApiCall {
  method: string;
  payload: Payload;
  /** What the bot got back. */
  result: unknown;
}

export interface FastBotOptions {
  eventFile?: string;
  /** Default: one week before the event starts. */
  now?: Date | string;
  adminIds?: number[];
}

/** The emulator's bot, under an id of its own. */
const BOT_INFO: UserFromGetMe = { ...DEFAULT_BOT_INFO, id: 424_242 };

/** Broadcasts are the delivery engine's (tested end to end); here they are only noted, audiences counted for real. */
function notingBroadcaster(deps: Pick<BotDeps, "store">, sent: BroadcastInput[]): Broadcaster {
  // As the engine: one broadcast per id.
  const note = async (input: BroadcastInput) => {
    if (sent.some((other) => other.id === input.id)) return false;
    sent.push(input);
    return true;
  };
  return {
    send: note,
    schedule: note,
    cancel: async () => false,
    progress: async () => undefined,
    countAudience: async (audience) => (await resolveAudience(deps.store, audience)).length,
    replaceTexts: async () => false,
    attachReport: async () => undefined,
    scheduleJob: async () => undefined,
  };
}

async function readBody(body: unknown): Promise<Buffer> {
  if (typeof body === "string") return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export class FastBot {
  /** Every call the bot made, oldest first. */
  readonly calls: ApiCall[] = [];
  private readonly messageIds = new Map<number, number>();
  private updateId = 0;
  private userId = 1_000;

  private constructor(
    readonly bot: Bot<BotContext>,
    readonly deps: BotDeps,
    readonly redis: Redis,
    readonly prefix: string,
    readonly clock: TestClock,
    /** Broadcasts the bot asked for. */
    readonly broadcasts: BroadcastInput[],
    private readonly errorLines: string[],
  ) {}

  static async start(options: FastBotOptions = {}): Promise<FastBot> {
    const event = loadEvent(options.eventFile ?? BUNDLED_EVENT_FILE);
    const clock = new TestClock(new Date(options.now ?? event.startsAt.getTime() - 7 * 86_400_000));
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    const prefix = `test:fast:${randomUUID()}:`;
    const store = createStore(redis, prefix).forEvent(event.id);
    const errorLines: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => errorLines.push(line) });
    const broadcasts: BroadcastInput[] = [];
    const deps: BotDeps = {
      event,
      store,
      series: seriesOfOne(event),
      depsOf: (id) => (id === event.id ? deps : undefined),
      logger,
      clock: clock.now,
      i18n: createI18n(event.languages),
      adminIds: new Set([...event.admins, ...(options.adminIds ?? [])]),
      personalData: [contestPersonalData, rsvpPersonalData],
      broadcasts: notingBroadcaster({ store }, broadcasts),
      floodLimit: 0,
      latestMessages: new LatestMessages(),
    };
    const fetch = async (url: string, init: { body?: unknown; headers?: Record<string, string> }) => {
      const method = url.slice(url.lastIndexOf("/") + 1);
      const { payload } = parseRequest(init.headers?.["content-type"], await readBody(init.body), new URLSearchParams());
      const result = fast.answer(method, payload);
      return { json: async () => ({ ok: true, result }) };
    };
    const bot = createBot("424242:fast", deps, { botInfo: BOT_INFO, client: { fetch: fetch as never } });
    // fetch runs only once updates are handled, long after fast is set.
    const fast = new FastBot(bot, deps, redis, prefix, clock, broadcasts, errorLines);
    await bot.init();
    return fast;
  }

  /** A user in a private chat with the bot. */
  user(options: { id?: number; firstName?: string; languageCode?: string } = {}): FastUser {
    const user: User = { id: options.id ?? this.userId++, is_bot: false, first_name: options.firstName ?? "Aigerim" };
    if (options.languageCode) user.language_code = options.languageCode;
    return new FastUser(this, user);
  }

  /** Hands one update to the bot (no polling inbox, so no replay check) and returns the calls it made meanwhile. */
  async handle(update: Omit<Update, "update_id">): Promise<ApiCall[]> {
    const first = this.calls.length;
    await this.bot.handleUpdate({ ...update, update_id: ++this.updateId } as Update);
    return this.calls.slice(first);
  }

  /** The next message id in a chat (shared by the user's messages and the bot's, as in Telegram). */
  nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  /** Error-level log lines (failed updates, unhandled errors). */
  errors(): string[] {
    return [...this.errorLines];
  }

  /**
   * Deletes this bot's keys and closes its connection; then fails if a button press was answered
   * twice (Telegram refuses the second answer), as the end-to-end harness does.
   */
  async stop(): Promise<void> {
    try {
      await deleteKeysWithPrefix(this.redis, this.prefix);
    } finally {
      await this.redis.quit();
    }
    const answered = this.calls
      .filter((call) => call.method === "answerCallbackQuery")
      .map((call) => String(call.payload.callback_query_id));
    const twice = answered.filter((id, index) => answered.indexOf(id) !== index);
    if (twice.length > 0) throw new Error(`callback queries answered twice: ${twice.join(", ")}`);
  }

  /** Records a call and answers as Telegram would in shape: the sent or edited message, else true. */
  private answer(method: string, payload: Payload): unknown {
    const result = this.resultOf(method, payload);
    this.calls.push({ method, payload, result });
    return result;
  }

  private resultOf(method: string, payload: Payload): unknown {
    const chatId = Number(payload.chat_id);
    const message = (fields: Partial<Message>, messageId = this.nextMessageId(chatId)): Message =>
      ({
        message_id: messageId,
        date: Math.floor(this.clock.now().getTime() / 1000),
        chat: chatId > 0 ? { id: chatId, type: "private", first_name: "User" } : { id: chatId, type: "supergroup", title: "Group" },
        from: BOT_INFO,
        ...fields,
      }) as Message;
    const markup = payload.reply_markup as Message["reply_markup"];
    const caption = payload.caption as string | undefined;
    const file = { file_id: `fast-${method}-${this.calls.length}`, file_unique_id: `fast-${this.calls.length}` };
    switch (method) {
      case "sendMessage":
        return message({ text: String(payload.text), reply_markup: markup });
      case "sendPhoto":
        return message({ photo: [{ ...file, width: 512, height: 512 }], caption, reply_markup: markup });
      case "sendDocument":
        return message({ document: file, caption, reply_markup: markup });
      case "sendVenue":
      case "sendLocation":
        return message({ location: { latitude: Number(payload.latitude), longitude: Number(payload.longitude) } });
      case "copyMessage":
        return { message_id: this.nextMessageId(chatId) };
      case "editMessageText":
        return message({ text: String(payload.text), reply_markup: markup }, Number(payload.message_id));
      case "editMessageCaption":
      case "editMessageReplyMarkup":
        return message({ reply_markup: markup }, Number(payload.message_id));
      case "getMe":
        return BOT_INFO;
      case "getChat":
        return { id: chatId, type: "private", first_name: "User", accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
      default:
        return true;
    }
  }
}

/**
 * For a file of fast tests: returns the function that starts a FastBot; after each test the bots
 * it started are stopped and their keys deleted.
 */
export function fastBotPerTest(defaults: FastBotOptions = {}): (options?: FastBotOptions) => Promise<FastBot> {
  const started: FastBot[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((fast) => fast.stop()));
  });
  return async (options = {}) => {
    const fast = await FastBot.start({ ...defaults, ...options });
    started.push(fast);
    return fast;
  };
}
