import type { IncomingMessage, ServerResponse } from "node:http";
import type { Api, RawApi } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import { languageOf } from "../../event/language.js";
import type { Language } from "../../event/schema.js";
import { hasRole, topRole, type Actor } from "../../ui/access.js";
import { authenticate } from "./auth.js";
import { currentEventDeps, eventView } from "./event-view.js";
import { dashboardEndpoints } from "./dashboard.js";
import { doorEndpoints } from "./door.js";
import { guestsEndpoints } from "./guests.js";
import { ideasEndpoints } from "./ideas.js";
import { ticketEndpoints } from "./ticket.js";
import { failure, type ApiCall, type Endpoint, type MiniAppParts, type Reply } from "./types.js";

export type { MiniAppParts } from "./types.js";

export const API_PREFIX = "/miniapp/api/";
const MAX_BODY_BYTES = 16_384;

const meEndpoint: Endpoint = {
  method: "GET",
  path: /^me$/,
  async handle({ user, actor, language, event }) {
    return {
      json: {
        user: { id: user.id, firstName: user.firstName },
        role: (await topRole(actor)) ?? null,
        language,
        event: eventView(event, language),
      },
    };
  },
};

const ENDPOINTS: readonly Endpoint[] = [
  meEndpoint,
  ...doorEndpoints,
  ...dashboardEndpoints,
  ...guestsEndpoints,
  ...ideasEndpoints,
  ...ticketEndpoints,
];

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  // Personal data and per-user answers: never kept by a browser or a proxy.
  const common = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if ("json" in reply) {
    res.writeHead(status, { ...common, "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(reply.json));
  } else {
    res.writeHead(status, { ...common, "content-type": reply.type, ...reply.headers }).end(reply.body);
  }
}

export interface MiniAppApiOptions {
  deps: BotDeps;
  api: Api<RawApi>;
  botToken: string;
  botUsername: string;
  /** BOT_API_ROOT, or Telegram's. */
  apiRoot?: string;
  /** MINIAPP_AUTH_MAX_AGE. */
  maxAgeSeconds: number;
  parts: MiniAppParts;
}

/**
 * The Mini App's JSON API under /miniapp/api/: every call signed in by its initData (401 otherwise),
 * then the endpoint's role checked at that moment through src/ui/access.ts (403 otherwise).
 */
export function miniAppApi(options: MiniAppApiOptions) {
  const { deps, parts } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0]!;
    if (!path.startsWith(API_PREFIX)) return false;
    const user = authenticate(req.headers.authorization, options.botToken, options.maxAgeSeconds);
    if (!user) {
      send(res, failure(401, "unauthorized"));
      return true;
    }
    const rest = path.slice(API_PREFIX.length);
    const candidates = ENDPOINTS.filter((endpoint) => endpoint.path.test(rest));
    const endpoint = candidates.find((candidate) => candidate.method === req.method);
    if (!endpoint) {
      send(res, candidates.length ? failure(405, "method-not-allowed") : failure(404, "not-found"));
      return true;
    }
    const eventDeps = currentEventDeps(deps);
    const actor: Actor = { from: { id: user.id }, deps: eventDeps };
    if (endpoint.role && !(await hasRole(actor, endpoint.role))) {
      send(res, failure(403, "forbidden"));
      return true;
    }
    const known = await deps.store.users.find(user.id);
    const { event } = eventDeps;
    const language: Language = languageOf(event, known?.language, user.languageCode);
    const call: ApiCall = {
      deps: eventDeps,
      api: options.api,
      parts,
      botUsername: options.botUsername,
      fileRoot: `${options.apiRoot ?? "https://api.telegram.org"}/file/bot${options.botToken}`,
      event,
      user,
      actor,
      language,
      params: endpoint.path.exec(rest)!.slice(1),
      query: new URL(req.url ?? "", "http://miniapp").searchParams,
      body: () => readJson(req),
    };
    try {
      send(res, await endpoint.handle(call));
    } catch (error) {
      // Ids and the route only: the request and the answer may carry names.
      deps.logger.error({ err: error, route: endpoint.path.source, user_id: user.id }, "mini app api call failed");
      send(res, failure(500, "internal"));
    }
    return true;
  };
}
