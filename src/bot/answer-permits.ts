import type { Context } from "grammy";
import type { Update } from "grammy/types";
import pLimit, { type LimitFunction } from "p-limit";

/** One update's permit: taken by its first Bot API call, given back once the update has left the inbox. */
export interface AnswerPermit {
  /** Resolves once the update holds its permit (asked for on the first call). */
  take(): Promise<void>;
  /** Gives the permit back, if taken; the update's removal from the inbox has reached Redis. */
  giveBack(): void;
}

/**
 * Bounds the updates whose answer may have gone out while they are still in the polling inbox:
 * those a kill -9 repeats. An update takes a permit before its first Bot API call and gives it
 * back once it has left the inbox, so reading state and deciding run for many updates at once
 * while at most `atOnce` answer (src/app/polling.ts hands out the permits).
 */
export class AnswerPermits {
  private readonly limit: LimitFunction;
  private readonly permits = new WeakMap<Update, AnswerPermit>();

  constructor(readonly atOnce: number) {
    this.limit = pLimit(atOnce);
  }

  /** Permits held now, by updates answering or on their way out of the inbox. */
  get held(): number {
    return this.limit.activeCount;
  }

  /** Polling: the permit of an update about to be handled. */
  open(update: Update): AnswerPermit {
    let taken: Promise<void> | undefined;
    let giveBack = () => {};
    let givenBack = false;
    const permit: AnswerPermit = {
      take: () =>
        (taken ??= new Promise<void>((granted) => {
          void this.limit(() => {
            granted();
            return givenBack ? undefined : new Promise<void>((done) => (giveBack = done));
          });
        })),
      giveBack: () => {
        givenBack = true;
        this.permits.delete(update);
        giveBack();
      },
    };
    this.permits.set(update, permit);
    return permit;
  }

  /** The update's permit, while it is being handled by polling (none with webhooks or in bare tests). */
  of(update: Update): AnswerPermit | undefined {
    return this.permits.get(update);
  }
}

/** Makes every Bot API call through the context wait for the permit first (outermost, so retries run holding it). */
export function callsWaitFor(ctx: Context, permit: AnswerPermit): void {
  ctx.api.config.use((prev, method, payload, signal) => permit.take().then(() => prev(method, payload, signal)));
}
