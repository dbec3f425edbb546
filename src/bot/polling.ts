import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { UpdateLedger } from "../store/updates.js";
import type { BotContext } from "./context.js";

/** While updates are in hand, how soon to look for new ones if none finishes. */
const RECHECK_MS = 25;

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface PollingOptions {
  ledger: UpdateLedger;
  logger: Logger;
  /** Long-polling wait in seconds. */
  timeoutSeconds?: number;
  limit?: number;
}

export interface Polling {
  /** Stops taking updates, lets the batch in hand finish and confirms it. */
  stop(): Promise<void>;
  /** Settles when the loop has ended. */
  finished: Promise<void>;
}

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
 * confirms offsets as it fetches, the offset sent to Telegram never passes an update still being
 * handled: while some are in flight, getUpdates asks from the oldest of them (Telegram sends
 * those again; they are skipped here) and so only confirms what is done. New updates keep
 * flowing meanwhile, up to `limit` in flight. Handled ids are also recorded in Redis, so an
 * update Telegram delivers again after a crash or restart is skipped.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Polling {
  const { ledger, logger, timeoutSeconds = 30, limit = 100 } = options;
  const abort = new AbortController();
  /** The next update id never seen by this process. */
  let nextId: number | undefined;
  const inFlight = new Map<number, Promise<void>>();
  /** The last update queued per chat: a chat's updates run one after another. */
  const chatTails = new Map<string, Promise<void>>();

  async function handle(update: Update) {
    // With Redis down the ledger cannot answer: handle anyway (the bot then tells the user it is
    // temporarily unavailable) rather than drop the update silently.
    const handledBefore = await ledger.wasHandled(update.update_id).catch((error) => {
      logger.warn({ err: error, update_id: update.update_id }, "update ledger unavailable");
      return false;
    });
    if (handledBefore) {
      logger.debug({ update_id: update.update_id }, "skipping an update handled before");
      return;
    }
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      // The bot's error boundary catches handler errors; this is the last net.
      logger.error({ err: error, update_id: update.update_id }, "update could not be handled");
    }
    await ledger.markHandled(update.update_id).catch((error) => {
      logger.warn({ err: error, update_id: update.update_id }, "could not record a handled update");
    });
  }

  function start(update: Update) {
    const key = orderingKey(update);
    const work = (chatTails.get(key) ?? Promise.resolve()).then(() => handle(update));
    chatTails.set(key, work);
    inFlight.set(update.update_id, work);
    void work.finally(() => {
      inFlight.delete(update.update_id);
      if (chatTails.get(key) === work) chatTails.delete(key);
    });
  }

  async function loop() {
    let failures = 0;
    while (!abort.signal.aborted) {
      const oldestInFlight = inFlight.size > 0 ? Math.min(...inFlight.keys()) : undefined;
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          {
            offset: oldestInFlight ?? nextId,
            limit,
            // Only wait for news when nothing is in hand; otherwise Telegram answers at once.
            timeout: oldestInFlight === undefined ? timeoutSeconds : 0,
            allowed_updates: [...ALLOWED_UPDATES],
          },
          // grammY types its signal with the abort-controller polyfill; the native one is what it uses.
          abort.signal as Parameters<typeof bot.api.getUpdates>[1],
        );
        failures = 0;
      } catch (error) {
        if (abort.signal.aborted) break;
        failures++;
        const wait = Math.min(1000 * 2 ** Math.min(failures, 5), 30_000);
        logger.warn({ err: error, retry_in_ms: wait }, "getUpdates failed");
        await sleep(wait, abort.signal);
        continue;
      }
      const fresh = updates.filter((update) => nextId === undefined || update.update_id >= nextId);
      for (const update of fresh) start(update);
      if (fresh.length > 0) nextId = fresh[fresh.length - 1]!.update_id + 1;
      // Nothing new while updates are in hand: Telegram would answer at once again, so poll
      // after one of them is done or after a short pause (new updates must not wait for a slow one).
      else if (inFlight.size > 0) await Promise.race([...inFlight.values(), sleep(RECHECK_MS, abort.signal)]);
    }
    // Finish what is in hand, then confirm it, so a restart does not fetch it again.
    await Promise.allSettled([...inFlight.values()]);
    if (nextId !== undefined) {
      await bot.api.getUpdates({ offset: nextId, limit: 1, timeout: 0 }).catch((error) => {
        logger.warn({ err: error }, "could not confirm the last updates; they will be skipped as duplicates");
      });
    }
  }

  const finished = loop();
  return {
    finished,
    async stop() {
      abort.abort();
      await finished;
    },
  };
}
