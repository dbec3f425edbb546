/**
 * Feeds the preview page live: the emulator's onCall/onUpdate listeners tell which chat changed,
 * and every page watching that chat gets its new state over Server-Sent Events. Changes are
 * coalesced briefly so a burst of calls (a message and its venue pin) is one redraw.
 */
import type { ServerResponse } from "node:http";
import type { ApiCall, FakeBotApi } from "@wealmaty/telegram-emulator";
import type { ChatView } from "./message-view.js";

const COALESCE_MS = 15;
const KEEPALIVE_MS = 25_000;

export class LiveUpdates {
  private readonly watchers = new Map<number, Set<ServerResponse>>();
  private readonly pending = new Map<number, NodeJS.Timeout>();
  /** Callback query id → chat, to show the bot's answer as a toast in the right chat. */
  private readonly queries = new Map<string, number>();
  private readonly unsubscribe: Array<() => void>;
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    api: FakeBotApi,
    private readonly chatView: (chatId: number) => ChatView,
  ) {
    this.unsubscribe = [
      api.onCall((call) => this.onCall(call)),
      api.onUpdate((update) => {
        const chatId = update.message?.chat.id ?? update.edited_message?.chat.id ?? update.callback_query?.from.id;
        if (update.callback_query) this.queries.set(update.callback_query.id, update.callback_query.from.id);
        if (chatId !== undefined) this.changed(chatId);
      }),
    ];
    // Comments keep idle streams open through proxies and let dead ones be noticed.
    this.keepalive = setInterval(() => this.broadcastComment(), KEEPALIVE_MS);
    this.keepalive.unref();
  }

  /** Starts an event stream for one chat and sends its current state right away. */
  watch(chatId: number, res: ServerResponse): void {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    const set = this.watchers.get(chatId) ?? new Set();
    set.add(res);
    this.watchers.set(chatId, set);
    res.on("close", () => set.delete(res));
    send(res, "chat", this.chatView(chatId));
  }

  close(): void {
    for (const stop of this.unsubscribe) stop();
    clearInterval(this.keepalive);
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const set of this.watchers.values()) for (const res of set) res.end();
    this.watchers.clear();
  }

  private onCall(call: ApiCall): void {
    if (!call.ok) return;
    if (call.method === "answerCallbackQuery") {
      const queryId = String(call.payload["callback_query_id"]);
      const chatId = this.queries.get(queryId);
      this.queries.delete(queryId);
      const text = call.payload["text"];
      if (chatId !== undefined && typeof text === "string" && text) {
        this.emit(chatId, "toast", { text, alert: call.payload["show_alert"] === true });
      }
      return;
    }
    const chatId = Number(call.payload["chat_id"]);
    if (Number.isSafeInteger(chatId)) this.changed(chatId);
  }

  private changed(chatId: number): void {
    if (!this.watchers.get(chatId)?.size || this.pending.has(chatId)) return;
    this.pending.set(
      chatId,
      setTimeout(() => {
        this.pending.delete(chatId);
        this.emit(chatId, "chat", this.chatView(chatId));
      }, COALESCE_MS),
    );
  }

  private emit(chatId: number, event: string, data: unknown): void {
    for (const res of this.watchers.get(chatId) ?? []) send(res, event, data);
  }

  private broadcastComment(): void {
    for (const set of this.watchers.values()) for (const res of set) res.write(": keepalive\n\n");
  }
}

function send(res: ServerResponse, event: string, data: unknown): void {
  if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
