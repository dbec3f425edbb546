/**
 * The emulator's HTTP side: routes /bot<token>/<method> and /file/bot<token>/<path> like
 * api.telegram.org, passes each call through the injected faults, serves it from the method table,
 * records it and answers Telegram's JSON envelope.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { TelegramApiError, type ApiErrorBody } from "./api-error.js";
import type { CallLog } from "./call-log.js";
import type { FaultInjector } from "./faults.js";
import type { FileStore } from "./file-store.js";
import type { MethodTable } from "./methods/index.js";
import { ApiParams, parseRequest, readRequestBody, type Payload, type UploadedFile } from "./request-body.js";

export interface DispatchSetup {
  token: string;
  methods: MethodTable;
  faults: FaultInjector;
  log: CallLog;
  files: FileStore;
  /** Also record getUpdates (off: polling would drown everything else). */
  recordPolling: boolean;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export class HttpDispatch {
  /** Lower-cased name → canonical name (Telegram matches methods case-insensitively). */
  private readonly methodIndex: Map<string, string>;

  constructor(private readonly setup: DispatchSetup) {
    this.methodIndex = new Map(Object.keys(setup.methods).map((name) => [name.toLowerCase(), name]));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) return this.serveFile(res, fileRoute[1]!, decodeURIComponent(fileRoute[2]!));

    const route = /^\/bot([^/]+)\/([^/]*)\/?$/.exec(url.pathname);
    if (!route) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (decodeURIComponent(route[1]!) !== this.setup.token) {
      return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const method = this.methodIndex.get(route[2]!.toLowerCase());
    if (!method) {
      return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }

    const at = Date.now();
    // Aborted when the client disconnects first (grammY cancels polls on stop()).
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });

    let payload: Payload = {};
    let files: UploadedFile[] = [];
    let outcome: Outcome;
    try {
      const body = await readRequestBody(req);
      ({ payload, files } = parseRequest(req.headers["content-type"], body, url.searchParams));
      // The bot went away (killed) while the call was held: it never reached Telegram.
      if (!(await this.setup.faults.screen(method, payload, abort.signal))) return;
      const result = await this.setup.methods[method]!(new ApiParams(payload), { signal: abort.signal });
      outcome = { ok: true, result };
    } catch (error) {
      if (error instanceof TelegramApiError) {
        outcome = { ok: false, error: error.toBody() };
      } else {
        // A bug in the fake itself: make it loud rather than a silent hang.
        console.error(`FakeBotApi: ${method} crashed`, error);
        outcome = { ok: false, error: { error_code: 500, description: `Internal Server Error: ${String(error)}` } };
      }
    }

    if (method !== "getUpdates" || this.setup.recordPolling) {
      this.setup.log.record({
        method,
        payload,
        files,
        at,
        ...(outcome.ok ? { ok: true, result: outcome.result } : { ok: false, error: outcome.error }),
      });
    }
    if (outcome.ok) sendJson(res, 200, { ok: true, result: outcome.result });
    else sendJson(res, outcome.error.error_code, { ok: false, ...outcome.error });
  }

  private serveFile(res: ServerResponse, token: string, filePath: string): void {
    const file = decodeURIComponent(token) === this.setup.token ? this.setup.files.getByPath(filePath) : undefined;
    if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": file.contentType, "content-length": file.data.length });
    res.end(file.data);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
