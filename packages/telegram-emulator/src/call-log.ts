/** The record of the bot's Bot API calls that tests read (calls, callsTo) or follow (onCall). */
import type { ApiErrorBody } from "./api-error.js";
import type { Payload, UploadedFile } from "./request-body.js";

/** One Bot API request the bot made. */
export interface ApiCall {
  seq: number;
  /** Canonical method name, e.g. "sendMessage" (Telegram matches case-insensitively). */
  method: string;
  /** Parameters, with uploaded files in place of their attach:// references. */
  payload: Payload;
  files: UploadedFile[];
  /** Date.now() when the request arrived. */
  at: number;
  ok: boolean;
  result?: unknown;
  error?: ApiErrorBody;
}

export type CallListener = (call: ApiCall) => void;

export class CallLog {
  /** Every recorded call, oldest first (empty when calls are not kept). */
  readonly calls: ApiCall[] = [];
  /** seq of the latest recorded call. */
  seq = 0;
  private readonly listeners = new Set<CallListener>();

  constructor(private readonly keepCalls: boolean) {}

  record(call: Omit<ApiCall, "seq">): void {
    const recorded: ApiCall = { seq: ++this.seq, ...call };
    if (this.keepCalls) this.calls.push(recorded);
    for (const listener of this.listeners) safeCall(() => listener(recorded));
  }

  /** Returns an unsubscribe function. */
  listen(listener: CallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A failing listener must not break the emulator (or the bot's request). */
export function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error("FakeBotApi listener failed", error);
  }
}
