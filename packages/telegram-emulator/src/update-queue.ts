/**
 * Telegram's getUpdates semantics: a queue of unconfirmed updates, long
 * polling, and confirmation by offset. How tests know the bot is done with an
 * update: by default its confirmation (grammY handles a batch, then asks for
 * offset = last update_id + 1); or, for a bot that confirms updates once it has
 * stored them, the bot's own report (markHandled).
 */
import type { Update } from "grammy/types";
import { TelegramApiError } from "./api-error.js";

export type NewUpdate = Omit<Update, "update_id"> & { update_id?: number };
export type UpdateType = Exclude<keyof Update, "update_id">;

export interface PollRequest {
  offset?: number;
  limit?: number;
  timeoutSeconds: number;
  allowedUpdates?: readonly string[];
}

interface Entry {
  update: Update;
  /** Redelivered: must go out once more even though the bot's offset is past it. */
  forced: boolean;
  delivered: boolean;
}

interface Poller {
  request: PollRequest;
  finish: (result: Update[] | TelegramApiError) => void;
}

interface Waiter {
  done: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Telegram's default when allowed_updates is empty/never set. */
const NOT_DELIVERED_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export function updateType(update: Update | NewUpdate): UpdateType | undefined {
  return Object.keys(update).find((k) => k !== "update_id") as UpdateType | undefined;
}

export class UpdateQueue {
  private nextId = 1;
  private pending: Entry[] = []; // sorted by update_id
  private readonly history = new Map<number, Update>();
  /** Updates the bot is done with (or dropped by allowed_updates / drop_pending_updates). */
  private readonly settled = new Set<number>();
  private allowed: ReadonlySet<string> | undefined;
  private poller: Poller | undefined;
  private waiters: Waiter[] = [];
  private closed = false;
  /** Highest offset any getUpdates call asked for. */
  highestOffset = 0;

  constructor(private readonly handledWhen: "confirmed" | "reported" = "confirmed") {}

  /** The bot reports it is done with an update (handledWhen "reported"). */
  markHandled(updateId: number): void {
    if (!this.history.has(updateId)) return;
    this.settled.add(updateId);
    this.checkWaiters();
  }

  push(update: NewUpdate): Update {
    const id = update.update_id ?? this.nextId;
    if (this.history.has(id)) throw new Error(`update_id ${id} was already pushed; use redeliver() to send it again`);
    this.nextId = Math.max(this.nextId, id + 1);
    const full = { ...update, update_id: id } as Update;
    this.history.set(id, full);
    this.insert({ update: full, forced: false, delivered: false });
    this.wakePoller();
    return full;
  }

  /** Queue an already pushed update again, same update_id, delivered even if confirmed. */
  redeliver(updateId: number): void {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`redeliver: update ${updateId} was never pushed`);
    const existing = this.pending.find((e) => e.update.update_id === updateId);
    if (existing) {
      existing.forced = true;
      existing.delivered = false;
    } else {
      this.insert({ update, forced: true, delivered: false });
    }
    this.settled.delete(updateId);
    this.wakePoller();
  }

  get(updateId: number): Update | undefined {
    return this.history.get(updateId);
  }

  /** Drops the updates the bot is done with from the history (they can no longer be redelivered). */
  forgetHandled(): void {
    const waiting = new Set(this.pending.map((e) => e.update.update_id));
    for (const id of this.settled) {
      if (waiting.has(id)) continue;
      this.history.delete(id);
      this.settled.delete(id);
    }
  }

  get lastUpdateId(): number {
    return this.nextId - 1;
  }

  pendingIds(): number[] {
    return this.pending.map((e) => e.update.update_id);
  }

  /**
   * Answers a getUpdates call: immediately if updates are ready, else holds it
   * until one is pushed, the timeout passes, `signal` aborts (client went away)
   * or the queue closes.
   */
  poll(request: PollRequest, signal?: AbortSignal): Promise<Update[]> {
    // A second concurrent getUpdates ends the first one, like Telegram's 409.
    this.poller?.finish(
      new TelegramApiError({
        error_code: 409,
        description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      }),
    );
    this.poller = undefined;

    if (request.allowedUpdates !== undefined) {
      // Telegram remembers the last allowed_updates; [] means the default set.
      this.allowed = request.allowedUpdates.length > 0 ? new Set(request.allowedUpdates) : undefined;
    }
    if (request.offset !== undefined) this.confirm(request.offset);

    const ready = this.take(request.limit);
    if (ready.length > 0 || request.timeoutSeconds <= 0 || this.closed || signal?.aborted) {
      return Promise.resolve(ready);
    }

    return new Promise<Update[]>((resolve, reject) => {
      const onAbort = (): void => poller.finish([]);
      const timer = setTimeout(onAbort, request.timeoutSeconds * 1000);
      const poller: Poller = {
        request,
        finish: (result) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          if (this.poller === poller) this.poller = undefined;
          if (result instanceof TelegramApiError) reject(result);
          else resolve(result);
        },
      };
      this.poller = poller;
      // e.g. grammY aborts its pending getUpdates on bot.stop()
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** deleteWebhook/setWebhook with drop_pending_updates. */
  dropPending(): void {
    for (const e of this.pending) this.settled.add(e.update.update_id);
    this.pending = [];
    this.checkWaiters();
  }

  /** Resolves once the bot is done with update `updateId` (confirmed or reported, see handledWhen). */
  waitHandled(updateId: number, timeoutMs: number): Promise<void> {
    if (!this.history.has(updateId)) {
      return Promise.reject(new Error(`waitHandled: update ${updateId} was never pushed`));
    }
    return this.waitFor(
      () => this.settled.has(updateId),
      timeoutMs,
      () =>
        `FakeBotApi: update ${updateId} was not handled within ${timeoutMs} ms ` +
        `(${this.describeState()}). Is the bot polling this apiRoot, and did its handler finish?`,
    );
  }

  /** Resolves once the bot is done with every pushed update. */
  waitIdle(timeoutMs: number): Promise<void> {
    return this.waitFor(
      () => this.pending.length === 0 && this.settled.size === this.history.size,
      timeoutMs,
      () => `FakeBotApi: updates not handled after ${timeoutMs} ms (${this.describeState()})`,
    );
  }

  /** Releases a held getUpdates (with no updates) and fails pending waits. */
  close(): void {
    this.closed = true;
    this.poller?.finish([]);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new Error("FakeBotApi was closed"));
  }

  private describeState(): string {
    const pending = this.pendingIds();
    const unsettled = [...this.history.keys()].filter((id) => !this.settled.has(id));
    return `highest offset requested: ${this.highestOffset}, unconfirmed updates: [${pending.join(", ")}], not handled: [${unsettled.slice(0, 20).join(", ")}]`;
  }

  private waitFor(done: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
    if (done()) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error("FakeBotApi was closed"));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        done,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(message()));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private checkWaiters(): void {
    const ready = this.waiters.filter((w) => w.done());
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private insert(entry: Entry): void {
    const id = entry.update.update_id;
    const at = this.pending.findIndex((e) => e.update.update_id > id);
    if (at < 0) this.pending.push(entry);
    else this.pending.splice(at, 0, entry);
  }

  /** getUpdates with offset N forgets everything below N (negative N: keep the last |N|). */
  private confirm(offset: number): void {
    if (offset > this.highestOffset) this.highestOffset = offset;
    const threshold = offset < 0 ? (this.pending.at(offset)?.update.update_id ?? -Infinity) : offset;
    this.pending = this.pending.filter((e) => {
      // A redelivered update still has to reach the bot before it can be confirmed.
      const keep = e.update.update_id >= threshold || (e.forced && !e.delivered);
      if (!keep && this.handledWhen === "confirmed") this.settled.add(e.update.update_id);
      return keep;
    });
    this.checkWaiters();
  }

  private take(limit = 100): Update[] {
    const max = Math.min(Math.max(limit, 1), 100);
    const out: Update[] = [];
    let dropped = false;
    this.pending = this.pending.filter((e) => {
      if (out.length >= max) return true;
      if (!this.isAllowed(e.update)) {
        // Telegram never delivers update types the bot didn't ask for.
        this.settled.add(e.update.update_id);
        dropped = true;
        return false;
      }
      e.delivered = true;
      out.push(e.update);
      return true;
    });
    if (dropped) this.checkWaiters();
    return out;
  }

  private isAllowed(update: Update): boolean {
    const type = updateType(update);
    if (type === undefined) return true;
    return this.allowed ? this.allowed.has(type) : !NOT_DELIVERED_BY_DEFAULT.has(type);
  }

  private wakePoller(): void {
    const poller = this.poller;
    if (!poller) return;
    const ready = this.take(poller.request.limit);
    if (ready.length > 0) poller.finish(ready);
  }
}
