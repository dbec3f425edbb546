import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Store } from "../store/index.js";

/** One part of the server (the webhook, the Mini App): answers a request and returns true, or false when it is not its own. */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface HttpServerOptions {
  port: number;
  store: Store;
  logger: Logger;
  routes: readonly Route[];
}

export interface HttpServer {
  server: Server;
  /** Stops taking connections; resolves when those open are done. */
  stop(): Promise<void>;
}

/** A JSON answer, unless one was already sent. */
export function answerJson(res: ServerResponse, status: number, body: unknown = { ok: status < 300 }): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

/**
 * The bot's one HTTP server: /healthz, then each route in turn (the webhook in webhook mode, the
 * Mini App when MINIAPP_URL is set); anything else is a 404.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { store, logger, routes } = options;
  const server = createServer(async (req, res) => {
    try {
      if (req.method === "GET" && req.url === "/healthz") {
        const redisUp = await store.redis.ping().then(
          () => true,
          () => false,
        );
        return answerJson(res, redisUp ? 200 : 503, { ok: redisUp, redis: redisUp ? "up" : "down" });
      }
      for (const route of routes) if (await route(req, res)) return;
      answerJson(res, 404);
    } catch (error) {
      logger.error({ err: error, method: req.method }, "http request failed");
      answerJson(res, 500);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
