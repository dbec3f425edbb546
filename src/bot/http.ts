import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";
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
