import { GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import { createConcurrentSink, createRunner, createSource, sequentialize, type UpdateSupplier } from "@grammyjs/runner";
import type { Logger } from "pino";
import type { UpdateInbox } from "../store/updates.js";
import type { BotContext } from "../bot/context.js";
import type { AnswerPermits } from "../bot/answer-permits.js";

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface PollingOptions {
  inbox: UpdateInbox;
  logger: Logger;
  /** Long-polling wait in seconds. */
  timeoutSeconds?: number;
  /** Updates in hand at most (being handled side by side, across chats). */
  maxInFlight?: number;
  /**
   * The permits to answer, the same the bot's middleware waits for (BotDeps.answerPermits). An
   * update whose answer went out but which had not left the inbox is repeated after a kill -9:
   * their number bounds such updates.
   */
  answerPermits: AnswerPermits;
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
  /** Settles when polling has ended; rejects with TokenRejectedError when Telegram refuses the token. */
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

/** How many updates may wait for a permit (or read their state) per permit before polling fetches more. */
const WAITING_PER_PERMIT = 2;

/** A persistent 409 is logged again at most this often while it lasts. */
const CONFLICT_REPORT_EVERY_MS = 60_000;

/** The chat a message or a button tap comes from. */
const chatOfMessage = (update: Update) => update.message?.chat ?? update.edited_message?.chat ?? update.callback_query?.message?.chat;

/** Updates of one chat run in order; different chats run side by side. */
export function orderingKey(update: Update): string {
  const chat = chatOfMessage(update) ?? update.my_chat_member?.chat;
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
 * Long polling on grammY's runner (concurrent across chats, sequential per chat) that loses
 * nothing and handles nothing twice. The runner's own fetcher confirms updates to Telegram as it
 * fetches them; this source stores each batch in Redis (the inbox) before handing it on, so the
 * next getUpdates confirms only stored updates, and an update leaves the inbox once handled
 * (with its chat's state, src/store/sessions.ts). After a crash the next process handles what is
 * left first, and skips Telegram's repeats of updates stored before.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Polling {
  const { inbox, logger, timeoutSeconds = 30, maxInFlight = 100, answerPermits, onHandled, leftWithState } = options;
  /** The next update id to ask Telegram for (confirming everything before it). */
  let nextId: number | undefined;
  /** Whether an update is new to this bot: not one an earlier process stored (set from the inbox at start). */
  let isNew: (update: Update) => boolean = () => true;
  let started = false;
  const inHand = new Set<Promise<void>>();
  const inOrder = sequentialize<Update>(orderingKey);
  /** Wakes the fetcher waiting for updates in hand to finish (see waitForRoom). */
  let progressed = () => {};
  /** Updates in hand without a permit (reading their state, or waiting) beyond which fetching waits. */
  const waitingAtMost = answerPermits.atOnce * WAITING_PER_PERMIT;

  /**
   * While enough updates wait for a permit, more would only wait too: fetch once some have
   * finished, so getUpdates brings bigger batches (one inbox write each).
   */
  async function waitForRoom(signal: AbortSignal) {
    while (inHand.size - answerPermits.held >= waitingAtMost && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener("abort", done);
          progressed = () => {};
          resolve();
        };
        progressed = done;
        signal.addEventListener("abort", done, { once: true });
      });
    }
  }

  /**
   * Handles an update and returns, apart, its way out of the inbox: its removal travels with the
   * next update's state read, and its answer permit is given back once that removal is answered.
   */
  async function handle(update: Update): Promise<{ leaving: Promise<void> }> {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      // The bot's error boundary catches handler errors; this is the last net.
      logger.error({ err: error, update_id: update.update_id }, "update could not be handled");
    }
    const leaving = leftWithState?.(update)
      ? Promise.resolve()
      : inbox.done(update.update_id).catch((error: unknown) => {
          logger.warn({ err: error, update_id: update.update_id }, "could not clear a handled update from the inbox");
        });
    return { leaving: leaving.then(() => onHandled?.(update.update_id)) };
  }

  /** What an earlier process stored but did not finish: handed on first, its repeats skipped later. */
  async function takeLeftovers(): Promise<Update[]> {
    try {
      const { pending, lastStoredId } = await inbox.leftovers();
      if (pending.length > 0) logger.info({ updates: pending.length }, "handling updates left by an earlier process");
      const pendingIds = new Set(pending.map((update) => update.update_id));
      isNew = (update) => update.update_id > lastStoredId && !pendingIds.has(update.update_id);
      return pending;
    } catch (error) {
      logger.warn({ err: error }, "update inbox unavailable; starting without it");
      return [];
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
    if (/webhook/i.test(error.description)) {
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

  /** One getUpdates, retried with a back-off until it answers; throws only when stopped or the token is refused. */
  async function fetchUpdates(limit: number, signal: AbortSignal): Promise<Update[]> {
    for (let failures = 1; ; failures++) {
      try {
        const updates = await bot.api.getUpdates(
          { offset: nextId, limit, timeout: timeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
          // grammY types its signal with the abort-controller polyfill; the native one is what it uses.
          signal as Parameters<typeof bot.api.getUpdates>[1],
        );
        if (conflicts > 0) logger.info({ conflicts }, "getUpdates works again after 409 Conflict");
        conflicts = 0;
        conflictReportedAt = -Infinity;
        return updates;
      } catch (error) {
        if (signal.aborted) throw error;
        if (isTokenRejected(error)) throw new TokenRejectedError();
        const wait = Math.min(1000 * 2 ** Math.min(failures, 5), 30_000);
        if (error instanceof GrammyError && error.error_code === 409) await onConflict(error);
        else logger.warn({ err: error, retry_in_ms: wait }, "getUpdates failed");
        await sleep(wait, signal);
        if (signal.aborted) throw error;
      }
    }
  }

  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      if (!started) {
        started = true;
        await deleteWebhook();
        const leftovers = await takeLeftovers();
        if (leftovers.length > 0) return leftovers;
      }
      await waitForRoom(signal as AbortSignal);
      const updates = await fetchUpdates(Math.max(1, Math.min(batchSize, 100)), signal as AbortSignal);
      if (updates.length === 0) return [];
      const fresh: Update[] = [];
      for (const update of updates) {
        const seenHere = nextId !== undefined && update.update_id < nextId;
        if (!seenHere && isNew(update)) fresh.push(update);
        else {
          logger.debug({ update_id: update.update_id }, "skipping a repeat of an update stored before");
          onHandled?.(update.update_id);
        }
      }
      nextId = Math.max(nextId ?? 0, updates[updates.length - 1]!.update_id + 1);
      // Stored before they are handed on, so the next getUpdates confirms only stored updates.
      // With Redis down the batch cannot be stored (the inbox says so at once): it is handled
      // anyway (the bot then tells users it is temporarily unavailable) rather than dropped silently.
      await inbox.store(fresh).catch((error) => {
        logger.warn({ err: error, updates: fresh.length }, "could not store updates in the inbox");
      });
      return fresh;
    },
  };

  const sink = createConcurrentSink<Update>(
    {
      consume(update) {
        const permit = answerPermits.open(update);
        let leaving = Promise.resolve();
        const turn = async () => void ({ leaving } = await handle(update));
        const work = inOrder(update, turn)
          .then(() => leaving)
          .finally(() => permit.giveBack());
        inHand.add(work);
        void work.finally(() => {
          inHand.delete(work);
          progressed();
        });
        return work;
      },
    },
    // handle() never rejects: it logs what the bot's error boundary let through.
    async () => undefined,
    { concurrency: maxInFlight },
  );
  const runner = createRunner(createSource(supplier), sink);
  runner.start();

  const finished = (async () => {
    let fatal: unknown;
    await runner.task()?.catch((error) => (fatal = error));
    // Finish what is in hand, then confirm the last batch, so a restart does not fetch it again.
    await Promise.allSettled([...inHand]);
    if (fatal) throw fatal;
    if (nextId !== undefined) {
      await bot.api.getUpdates({ offset: nextId, limit: 1, timeout: 0 }).catch((error) => {
        logger.warn({ err: error }, "could not confirm the last updates; the next start skips them as repeats");
      });
    }
  })();
  return {
    finished,
    async stop() {
      await runner.stop();
      // A refused token is reported through `finished` itself.
      await finished.catch(() => undefined);
    },
  };
}
