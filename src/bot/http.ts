import type { Readable } from "node:stream";
import { type ApiClientOptions, HttpError, type Transformer } from "grammy";
import { Agent, type Dispatcher } from "undici";

let pool: Agent | undefined;

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  /** A JSON string, or the multipart stream grammY builds for file uploads. */
  body?: string | Readable;
  signal?: AbortSignal;
}

/** One Bot API request on undici's dispatcher: the response's bytes, collected, as JSON on demand. */
function send(dispatcher: Agent, url: string, init: FetchInit): Promise<{ json: () => Promise<unknown> }> {
  const { origin, pathname, search } = new URL(url);
  const { signal } = init;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let stopListening = () => {};
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(controller) {
        if (!signal) return;
        const abort = () => controller.abort(signal.reason ?? new Error("The request was aborted"));
        if (signal.aborted) return abort();
        signal.addEventListener("abort", abort, { once: true });
        stopListening = () => signal.removeEventListener("abort", abort);
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        stopListening();
        const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8");
        resolve({ json: async () => JSON.parse(text) as unknown });
      },
      onResponseError(_controller, error) {
        stopListening();
        reject(error);
      },
    };
    dispatcher.dispatch(
      { origin, path: pathname + search, method: init.method === "GET" ? "GET" : "POST", headers: init.headers, body: init.body },
      handler,
    );
  });
}

/**
 * Options for grammY's Bot API client: requests go out through undici's dispatcher on one
 * keep-alive pool per process. grammY only reads json() from a fetch response; node-fetch over
 * node:http, and undici's request() with its response stream, cost more per call (bench/README.md).
 */
export function botApiClient(apiRoot?: string): ApiClientOptions {
  pool ??= new Agent();
  const dispatcher = pool;
  const fetch = (url: string, init: FetchInit) => send(dispatcher, url, init);
  return { ...(apiRoot ? { apiRoot } : {}), fetch: fetch as unknown as ApiClientOptions["fetch"] };
}

// The calls of a chat's answers, whose payloads never hold a file: the ones worth a shorter path.
const JSON_METHODS = new Set([
  "sendMessage",
  "sendVenue",
  "sendLocation",
  "editMessageText",
  "editMessageReplyMarkup",
  "editMessageCaption",
  "answerCallbackQuery",
  "deleteMessage",
  "sendChatAction",
]);

/** grammY's JSON body: fields set to null are left out, as undefined ones are. */
function jsonBody(payload: unknown = {}): string {
  const body = JSON.stringify(payload);
  // Rarely so (a null field, or "null" in a text): only then the slower replacer is needed.
  return body.includes("null") ? JSON.stringify(payload, (_key, value: unknown) => value ?? undefined) : body;
}

/**
 * The innermost transformer: a call of `JSON_METHODS` without an abort signal goes straight to the
 * client's fetch. grammY's own path makes an abort controller, a timer, two more promises and a
 * search of the whole payload for files on every call; the rest (uploads, getUpdates) still take it.
 * Errors are grammY's: an HttpError for a failed request, a GrammyError from callApi for a refusal.
 */
export function directJsonCalls(token: string, client: ApiClientOptions | undefined): Transformer {
  const fetch = client?.fetch as ((url: string, init: FetchInit) => Promise<{ json: () => Promise<unknown> }>) | undefined;
  if (!fetch) return (prev, method, payload, signal) => prev(method, payload, signal);
  const root = `${client?.apiRoot ?? "https://api.telegram.org"}/bot${token}/`;
  const headers = { "content-type": "application/json" };
  return async (prev, method, payload, signal) => {
    if (signal !== undefined || !JSON_METHODS.has(method)) return prev(method, payload, signal);
    try {
      const response = await fetch(root + method, { method: "POST", headers, body: jsonBody(payload) });
      return (await response.json()) as Awaited<ReturnType<typeof prev>>;
    } catch (error) {
      throw new HttpError(`Network request for '${method}' failed!`, error);
    }
  };
}

/**
 * grammY's row() before append(), or at the end, leaves a row with no button; such rows are
 * dropped from every call's inline keyboard, so no screen sends a gap (one place, not each screen).
 */
export const dropEmptyRows: Transformer = (prev, method, payload, signal) => {
  const markup = (payload as { reply_markup?: { inline_keyboard?: unknown[][] } }).reply_markup;
  const rows = markup?.inline_keyboard;
  if (!rows?.some((row) => row.length === 0)) return prev(method, payload, signal);
  const inline_keyboard = rows.filter((row) => row.length > 0);
  return prev(method, { ...payload, reply_markup: { ...markup, inline_keyboard } }, signal);
};
