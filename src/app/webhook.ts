import type { IncomingMessage } from "node:http";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Store } from "../store/index.js";
import type { BotContext } from "../bot/context.js";
import { ALLOWED_UPDATES, orderingKey } from "./polling.js";
import { answerJson, type Route } from "./http-server.js";

/** Telegram waits about a minute; grammY's own webhook timeout is 10 s: answer well before. */
const ANSWER_WITHIN_MS = 8_000;
/**
 * A chat's lock, renewed every third of this while its holder works: however long a handler
 * waits (auto-retry: up to 3 × 30 s), the chat stays its own; a dead instance frees it within this.
 */
const CHAT_LOCK_TTL_MS = 6_000;
/** How often each instance takes up chats with waiting updates and no holder (a dead instance's). */
const SWEEP_EVERY_MS = 3_000;
/** A handler that throws this often on one update: the update is dropped (logged), so its chat moves on. */
const MAX_TRIES = 5;
const MAX_BODY_BYTES = 1_000_000;

export interface WebhookOptions {
  url: string;
  secret: string;
  store: Store;
  logger: Logger;
}

export interface Webhook {
  /** Its route on the bot's HTTP server (src/app/http-server.ts): POSTs to the webhook URL's path. */
  route: Route;
  /** Tells Telegram the URL (once the server listens), then takes up stalled chats every few seconds. */
  start(): Promise<void>;
  /** Stops taking chats; the updates in hand finish, those queued stay for the other instances. */
  stop(): Promise<void>;
}

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Compares digests, which always have the same length, whatever bytes the header holds. */
function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  return timingSafeEqual(sha256(given), sha256(expected));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Webhook mode for several instances behind a load balancer. Each update is stored in Redis (the
 * webhook inbox) before Telegram is answered, queued per chat. The instance holding a chat's lock
 * handles its queue in update id order, one at a time; the lock is renewed while it works, and a
 * chat whose holder died is taken up by another instance's sweep. Telegram gets its answer within
 * a few seconds even if handling runs longer.
 */
export function createWebhook(bot: Bot<BotContext>, options: WebhookOptions): Webhook {
  const { store, logger, secret } = options;
  const path = new URL(options.url).pathname;
  const inFlight = new Set<Promise<unknown>>();
  const inbox = store.webhookInbox(bot.botInfo.id);
  let stopping = false;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    void work.then(
      () => inFlight.delete(work),
      () => inFlight.delete(work),
    );
    return work;
  }

  /** Handles the chat's waiting updates in order while holding its lock; false if another instance holds it. */
  async function serveChat(chat: string): Promise<boolean> {
    const lock = await store.chatLocks.acquire(chat, CHAT_LOCK_TTL_MS);
    if (!lock) return false;
    let freed = false;
    try {
      while (!stopping) {
        const next = await inbox.next(chat, lock.token);
        if (next.state === "idle") freed = true;
        if (next.state === "lost") logger.warn({ chat }, "webhook chat lock lost; another instance took the chat");
        if (next.state !== "update") break;
        const { update_id } = next.update;
        // An update that changes its chat's state leaves the inbox in the script that writes it.
        store.chatState.leavesBy(next.update, inbox.exit(update_id, chat));
        try {
          await bot.handleUpdate(next.update);
        } catch (error) {
          // Its state was saved and it left the inbox: a retry would apply it twice.
          if (store.chatState.isFinished(next.update)) {
            logger.error({ err: error, update_id }, "webhook update failed after its state was saved; not retried");
            continue;
          }
          const tries = await inbox.fail(update_id, chat, MAX_TRIES);
          const dropped = tries >= MAX_TRIES;
          logger.error({ err: error, update_id, tries }, `webhook update failed; ${dropped ? "dropped" : "kept for a retry"}`);
          // Retried by the next sweep or the chat's next update, still before the chat's later updates.
          if (!dropped) break;
          continue;
        }
        if (!store.chatState.isFinished(next.update)) await inbox.finish(update_id, chat);
      }
    } finally {
      await lock.release(freed);
    }
    return true;
  }

  /** Stores the update, then handles it (or waits while another instance does), until the answer is due. */
  async function receive(update: Update): Promise<number> {
    const chat = orderingKey(update);
    if (!(await inbox.accept(update, chat))) return 200;
    // Stored: from here on the chat's holder, or a sweep, handles it even if this request gives up.
    const answerBy = Date.now() + ANSWER_WITHIN_MS;
    let pause = 5;
    while (!stopping && Date.now() < answerBy && !(await serveChat(chat))) {
      if (await inbox.isHandled(update.update_id)) break;
      await sleep(pause);
      pause = Math.min(pause * 2, 100);
    }
    return 200;
  }

  async function sweep(): Promise<void> {
    if (stopping) return;
    const chats = await inbox.stalledChats();
    if (chats.length > 0) logger.debug({ chats: chats.length }, "webhook: taking up chats nobody holds");
    await Promise.all(chats.map((chat) => track(serveChat(chat))));
  }
  const sweepNow = () => void sweep().catch((error) => logger.warn({ err: error }, "webhook sweep failed"));

  const route: Route = async (req, res) => {
    if (req.method !== "POST" || req.url?.split("?")[0] !== path) return false;
    const answer = (status: number) => answerJson(res, status);
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret)) {
      answer(401);
      return true;
    }
    let update: Update;
    try {
      update = JSON.parse(await readBody(req)) as Update;
      if (typeof update?.update_id !== "number") throw new Error("no update_id");
    } catch {
      answer(400);
      return true;
    }
    try {
      const work = track(receive(update));
      // Past the limit Telegram is answered anyway: the update is stored, and it is handled all the same.
      const status = await Promise.race([work, new Promise<number>((resolve) => setTimeout(resolve, ANSWER_WITHIN_MS, 200))]);
      answer(status);
    } catch (error) {
      logger.error({ err: error }, "webhook request failed");
      answer(500);
    }
    return true;
  };

  let sweeping: ReturnType<typeof setInterval> | undefined;
  return {
    route,
    async start() {
      await bot.api.setWebhook(options.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
      // What an earlier process left in hand is taken up now, then every few seconds.
      sweepNow();
      sweeping = setInterval(sweepNow, SWEEP_EVERY_MS);
      logger.info({ url: options.url }, "bot is running (webhook)");
    },
    async stop() {
      stopping = true;
      clearInterval(sweeping);
      await Promise.allSettled([...inFlight]);
    },
  };
}
