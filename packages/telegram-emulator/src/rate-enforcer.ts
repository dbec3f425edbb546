import { forbidden, tooManyRequests, type TelegramApiError } from "./api-error.js";
import type { Payload } from "./request-body.js";

/** Telegram-like limits for load tests: a global send rate, a per-chat rate, random flood waits, users who blocked the bot. */
export interface RateEnforcement {
  /** Sends allowed in any sliding second; one more starts a flood wait for every chat. */
  perSecond: number;
  /** Sends allowed to one chat in any sliding second; one more gets a 429 for that chat alone. */
  perChatPerSecond?: number;
  /** Share (0..1) of sends answered 429 at random, as Telegram sometimes does. */
  random429Share?: number;
  /** Share (0..1) of private chats (picked by id) that blocked the bot: 403. */
  blockedShare?: number;
  /** retry_after of a 429, in seconds (default 1), for the global and the per-chat limit alike. */
  retryAfterSeconds?: number;
  /** Seed of the pseudo-random choices, for repeatable runs. */
  seed?: number;
}

const SENDS = /^(send(Message|Photo|Video|Audio|Document|Voice|Animation|Sticker|Venue|Location|Contact|MediaGroup|VideoNote|Poll|Dice))$/;

/**
 * Applied before a send is handled. Over the rate, or during a flood wait that Telegram
 * announced, a send fails with 429 (retry_after = what is left of the wait).
 */
export class RateEnforcer {
  /** When the sends of the last second were accepted, oldest first. */
  private readonly recent = new SlidingWindow();
  private readonly recentPerChat = new Map<number, SlidingWindow>();
  private floodUntil = 0;
  private state: number;
  /** Counters for reports: 429s for the sender's own pace (global, per chat), random 429s, sends during a flood wait. */
  readonly stats = { overLimit: 0, perChat: 0, random429: 0, duringFloodWait: 0, blocked: 0 };

  constructor(private readonly options: RateEnforcement) {
    this.state = options.seed ?? 42;
  }

  /** mulberry32: small, seedable. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whether a chat is one of the "blocked the bot" share (stable per chat id). */
  isBlocked(chatId: number): boolean {
    const share = this.options.blockedShare ?? 0;
    return chatId > 0 && ((Math.imul(chatId, 2654435761) >>> 0) % 10_000) / 10_000 < share;
  }

  check(method: string, payload: Payload): TelegramApiError | undefined {
    if (!SENDS.test(method)) return undefined;
    const now = Date.now();
    const retryAfter = this.options.retryAfterSeconds ?? 1;
    if (now < this.floodUntil) {
      this.stats.duringFloodWait++;
      // What is left of the wait: whole seconds like Telegram, or milliseconds for scaled-down waits.
      const left = (this.floodUntil - now) / 1000;
      return tooManyRequests(retryAfter >= 1 ? Math.ceil(left) : Math.ceil(left * 1000) / 1000);
    }
    if (this.recent.count(now) >= this.options.perSecond) {
      this.stats.overLimit++;
      this.floodUntil = now + retryAfter * 1000;
      return tooManyRequests(retryAfter);
    }
    if (this.random() < (this.options.random429Share ?? 0)) {
      this.stats.random429++;
      this.floodUntil = now + retryAfter * 1000;
      return tooManyRequests(retryAfter);
    }
    const chatId = Number(payload.chat_id);
    const perChat = this.options.perChatPerSecond;
    if (perChat !== undefined) {
      let chatWindow = this.recentPerChat.get(chatId);
      if (!chatWindow) this.recentPerChat.set(chatId, (chatWindow = new SlidingWindow()));
      if (chatWindow.count(now) >= perChat) {
        this.stats.perChat++;
        return tooManyRequests(retryAfter);
      }
      chatWindow.add(now);
    }
    this.recent.add(now);
    if (this.isBlocked(chatId)) {
      this.stats.blocked++;
      return forbidden("bot was blocked by the user");
    }
    return undefined;
  }
}

/** Timestamps of the last second, for limits over any sliding second. */
class SlidingWindow {
  private readonly times: number[] = [];
  private head = 0;

  count(now: number): number {
    while (this.head < this.times.length && this.times[this.head]! <= now - 1000) this.head++;
    if (this.head > 1024) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }
}
