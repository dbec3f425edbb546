import { GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { UpdateInbox } from "../store/updates.js";
import type { BotContext } from "../bot/context.js";

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface PollingOptions {
  inbox: UpdateInbox;
  logger: Logger;
  /** Long-polling wait in seconds. */
  timeoutSeconds?: number;
  /** Updates per getUpdates call (Telegram allows 1–100). */
  limit?: number;
  /** Updates in hand at most; polling waits while this many are being handled. */
  maxInFlight?: number;
  /**
   * Called when the bot is done with an update (handled, or skipped as a repeat). Telegram learns
   * of arrivals, not of completions, so this is how the local emulator's tests know.
   */
  onHandled?: (updateId: number) => void;
  /** Whether a handled update already left the inbox with its state write (src/store/sessions.ts). */
  leftWithState?: (update: Update) => boolean;
}

export interface Polling {
  /** Stops taking updates, lets those in hand finish and confirms them. */
  stop(): Promise<void>;
  /** Settles when the loop has ended; rejects with TokenRejectedError when Telegram refuses the token. */
  finished: Promise<void>;
}

/** Telegram answered 401: the token is wrong or was revoked, and no retry can help. */
export class TokenRejectedError extends Error {
  constructor() {
    super("Telegram refused the bot token (401 Unauthorized): check BOT_TOKEN; a token revoked in @BotFather stops working");
    this.name = "TokenRejectedError";
  }
}

/** Whether an API error is Telegram refusing the token. */
export const isTokenRejected = (error: unknown) => error instanceof GrammyError && error.error_code === 401;

/** A persistent 409 is logged again at most this often while it lasts. */
const CONFLICT_REPORT_EVERY_MS = 60_000;

/** Updates of one chat run in order; different chats run side by side. */
export function orderingKey(update: Update): string {
  const chat =
    update.message?.chat ?? update.edited_message?.chat ?? update.callback_query?.message?.chat ?? update.my_chat_member?.chat;
  const from = update.callback_query?.from ?? update.message?.from;
  return String(chat?.id ?? from?.id ?? `update-${update.update_id}`);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * Long polling that loses nothing and handles nothing twice. Unlike grammY's runner, which
 * confirms updates to Telegram as it fetches them, each batch is stored in Redis (the inbox)
 * before the next getUpdates confirms it, and leaves the inbox once handled: after a crash the
 * next process handles what is left, and skips Telegram's repeats of updates stored before.
 * Each getUpdates is a plain long poll for new updates, so a slow update never holds others up.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Polling {
  const { inbox, logger, timeoutSeconds = 30, limit = 100, maxInFlight = 100, onHandled, leftWithState } = options;
  const abort = new AbortController();
  /** The next update id to ask Telegram for (confirming everything before it). */
  let nextId: number | undefined;
  const inFlight = new Set<Promise<void>>();
  /** Why polling cannot go on (the token was refused). */
  let fatal: TokenRejectedError | undefined;
  /** The last update queued per chat: a chat's updates run one after another. */
  const chatTails = new Map<string, Promise<void>>();

  async function handle(update: Update) {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      // The bot's error boundary catches handler errors; this is the last net.
      logger.error({ err: error, update_id: update.update_id }, "update could not be handled");
    }
    if (!leftWithState?.(update)) {
      await inbox.done(update.update_id).catch((error) => {
        logger.warn({ err: error, update_id: update.update_id }, "could not clear a handled update from the inbox");
      });
    }
    onHandled?.(update.update_id);
  }

  function start(update: Update) {
    const key = orderingKey(update);
    const work = (chatTails.get(key) ?? Promise.resolve()).then(() => handle(update));
    chatTails.set(key, work);
    inFlight.add(work);
    void work.finally(() => {
      inFlight.delete(work);
      if (chatTails.get(key) === work) chatTails.delete(key);
    });
  }

  /** What an earlier process stored but did not finish: handled first, its repeats skipped. */
  async function takeLeftovers(): Promise<(update: Update) => boolean> {
    try {
      const { pending, lastStoredId } = await inbox.leftovers();
      if (pending.length > 0) logger.info({ updates: pending.length }, "handling updates left by an earlier process");
      for (const update of pending) start(update);
      const pendingIds = new Set(pending.map((update) => update.update_id));
      return (update) => update.update_id > lastStoredId && !pendingIds.has(update.update_id);
    } catch (error) {
      logger.warn({ err: error }, "update inbox unavailable; starting without it");
      return () => true;
    }
  }

  /**
   * A webhook left by an earlier run (WEBHOOK_URL) makes every getUpdates fail with 409: remove it,
   * keeping the updates Telegram holds.
   */
  async function deleteWebhook() {
    try {
      await bot.api.deleteWebhook({ drop_pending_updates: false });
    } catch (error) {
      if (isTokenRejected(error)) throw new TokenRejectedError();
      logger.warn({ err: error }, "could not delete the webhook; polling may get 409 Conflict until it is gone");
    }
  }

  let conflicts = 0;
  let conflictReportedAt = -Infinity;
  /** 409: a webhook is set (deleted again) or another process polls this token (reported, bounded). */
  async function onConflict(error: GrammyError) {
    conflicts++;
    const webhook = /webhook/i.test(error.description);
    if (webhook) {
      logger.error("getUpdates refused: a webhook is set for this bot (409 Conflict); deleting it to go on polling");
      await deleteWebhook();
      return;
    }
    if (Date.now() - conflictReportedAt < CONFLICT_REPORT_EVERY_MS) return;
    conflictReportedAt = Date.now();
    logger.error(
      { conflicts },
      "getUpdates refused: another process is polling with this bot token (409 Conflict). Telegram serves one poller " +
        "at a time: stop the other process (or run every instance with WEBHOOK_URL). Retrying.",
    );
  }

  async function loop() {
    await deleteWebhook();
    const isNew = await takeLeftovers();
    let failures = 0;
    while (!abort.signal.aborted) {
      if (inFlight.size >= maxInFlight) {
        // Full hands: take more once one is done (handle() never rejects).
        await Promise.race(inFlight);
        continue;
      }
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { offset: nextId, limit, timeout: timeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
          // grammY types its signal with the abort-controller polyfill; the native one is what it uses.
          abort.signal as Parameters<typeof bot.api.getUpdates>[1],
        );
        failures = 0;
        if (conflicts > 0) logger.info({ conflicts }, "getUpdates works again after 409 Conflict");
        conflicts = 0;
        conflictReportedAt = -Infinity;
      } catch (error) {
        if (abort.signal.aborted) break;
        if (isTokenRejected(error)) {
          fatal = new TokenRejectedError();
          break;
        }
        failures++;
        const wait = Math.min(1000 * 2 ** Math.min(failures, 5), 30_000);
        if (error instanceof GrammyError && error.error_code === 409) {
          try {
            await onConflict(error);
          } catch (refused) {
            // Deleting the webhook found the token refused: stop as a refused getUpdates does, finishing what is in hand.
            if (!(refused instanceof TokenRejectedError)) throw refused;
            fatal = refused;
            break;
          }
        } else logger.warn({ err: error, retry_in_ms: wait }, "getUpdates failed");
        await sleep(wait, abort.signal);
        continue;
      }
      if (updates.length === 0) continue;
      const fresh: Update[] = [];
      for (const update of updates) {
        const seenHere = nextId !== undefined && update.update_id < nextId;
        if (!seenHere && isNew(update)) fresh.push(update);
        else {
          logger.debug({ update_id: update.update_id }, "skipping a repeat of an update stored before");
          onHandled?.(update.update_id);
        }
      }
      // Stored while they are being handled (one connection keeps the order, so an update's
      // removal never overtakes its storing); the next getUpdates, which confirms them, waits.
      // With Redis down the batch cannot be stored: it is handled anyway (the bot then tells users
      // it is temporarily unavailable) rather than dropped silently.
      const stored = inbox.store(fresh).catch((error) => {
        logger.warn({ err: error, updates: fresh.length }, "could not store updates in the inbox");
      });
      for (const update of fresh) start(update);
      await stored;
      nextId = Math.max(nextId ?? 0, updates[updates.length - 1]!.update_id + 1);
    }
    // Finish what is in hand, then confirm the last batch, so a restart does not fetch it again.
    await Promise.allSettled([...inFlight]);
    if (fatal) throw fatal;
    if (nextId !== undefined) {
      await bot.api.getUpdates({ offset: nextId, limit: 1, timeout: 0 }).catch((error) => {
        logger.warn({ err: error }, "could not confirm the last updates; the next start skips them as repeats");
      });
    }
  }

  const finished = loop();
  return {
    finished,
    async stop() {
      abort.abort();
      // A refused token is reported through `finished` itself.
      await finished.catch(() => undefined);
    },
  };
}
