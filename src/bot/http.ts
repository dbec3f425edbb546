import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";
import { Agent, request } from "undici";

let pool: Agent | undefined;

/**
 * Options for grammY's Bot API client: requests go out through undici's request() on one
 * keep-alive pool per process. grammY only reads json() from a fetch response, and its default
 * transport (node-fetch over node:http) was the largest single cost of an update under load.
 */
export function botApiClient(apiRoot?: string): ApiClientOptions {
  pool ??= new Agent();
  const dispatcher = pool;
  const fetch = async (url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal }) => {
    const response = await request(url, {
      method: init.method === "GET" ? "GET" : "POST",
      headers: init.headers,
      // A JSON string, or the multipart stream grammY builds for file uploads.
      body: init.body as string | Readable | undefined,
      signal: init.signal,
      dispatcher,
    });
    return { json: () => response.body.json() };
  };
  return { ...(apiRoot ? { apiRoot } : {}), fetch: fetch as unknown as ApiClientOptions["fetch"] };
}
