import { createServer, type IncomingMessage, type Server } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Store } from "../store/index.js";
import type { BotContext } from "./context.js";
import { ALLOWED_UPDATES, orderingKey } from "./polling.js";

/** Telegram waits about a minute; grammY's own webhook timeout is 10 s: answer well before. */
const ANSWER_WITHIN_MS = 8_000;
/** How long an instance holds an update before another may take it. */
const CLAIM_LEASE_MS = 60_000;
const MAX_BODY_BYTES = 1_000_000;

export interface WebhookOptions {
  url: string;
  secret: string;
  port: number;
  store: Store;
  logger: Logger;
}

export interface WebhookServer {
  server: Server;
  stop(): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
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

/**
 * Webhook mode for several instances behind a load balancer: the update id is claimed in Redis
 * (one instance handles it), the chat is locked in Redis (one update per chat at a time, across
 * processes), and Telegram gets its answer within a few seconds even if handling runs longer.
 */
export async function startWebhook(bot: Bot<BotContext>, options: WebhookOptions): Promise<WebhookServer> {
  const { store, logger, secret } = options;
  const path = new URL(options.url).pathname;
  const inFlight = new Set<Promise<unknown>>();
  const ledger = store.updates(bot.botInfo.id);

  async function process(update: Update): Promise<number> {
    const claim = await ledger.claim(update.update_id, CLAIM_LEASE_MS);
    if (claim === "done") return 200;
    // Another instance has it: Telegram retries later, by when it is done (or its lease expired).
    if (claim === "busy") return 503;
    try {
      await store.chatLocks.withLock(orderingKey(update), () => bot.handleUpdate(update));
      await ledger.markHandled(update.update_id);
      return 200;
    } catch (error) {
      logger.error({ err: error, update_id: update.update_id }, "webhook update failed");
      await ledger.release(update.update_id).catch(() => undefined);
      return 500;
    }
  }

  const server = createServer(async (req, res) => {
    const answer = (status: number, body: unknown = { ok: status < 300 }) => {
      if (res.headersSent) return;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    try {
      if (req.method === "GET" && req.url === "/healthz") {
        const redisUp = await store.redis.ping().then(() => true, () => false);
        return answer(redisUp ? 200 : 503, { ok: redisUp, redis: redisUp ? "up" : "down" });
      }
      if (req.method !== "POST" || req.url?.split("?")[0] !== path) return answer(404);
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret)) return answer(401);
      let update: Update;
      try {
        update = JSON.parse(await readBody(req)) as Update;
        if (typeof update?.update_id !== "number") throw new Error("no update_id");
      } catch {
        return answer(400);
      }
      const work = process(update);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      // Past the limit Telegram is answered anyway; the update finishes here and is marked done.
      const status = await Promise.race([work, new Promise<number>((resolve) => setTimeout(resolve, ANSWER_WITHIN_MS, 200))]);
      answer(status);
    } catch (error) {
      logger.error({ err: error }, "webhook request failed");
      answer(500);
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  await bot.api.setWebhook(options.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ url: options.url, port: options.port }, "bot is running (webhook)");

  return {
    server,
    async stop() {
      // Stop taking requests, then let the updates in hand finish.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
