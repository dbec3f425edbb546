import { GrammyError } from "grammy";

/** What to do about a failed send. */
export type SendFailure =
  { kind: "rate-limited"; retryAfterMs: number } | { kind: "blocked" } | { kind: "permanent" } | { kind: "transient" };

/** 429 → the whole queue waits; 403 → the user is gone; other 4xx → never retried; the rest → retried. */
export function classifySendError(error: unknown): SendFailure {
  if (!(error instanceof GrammyError)) return { kind: "transient" };
  if (error.error_code === 429) {
    const seconds = error.parameters.retry_after;
    return { kind: "rate-limited", retryAfterMs: seconds !== undefined && seconds > 0 ? seconds * 1000 : 1000 };
  }
  if (error.error_code === 403) return { kind: "blocked" };
  if (error.error_code >= 400 && error.error_code < 500) return { kind: "permanent" };
  return { kind: "transient" };
}

/**
 * The gap between two sends' slots: 7% over 1/rate, so that no sliding second holds more than
 * `perSecond` sends even when requests reach Telegram up to ~70 ms off their slot.
 */
export function sendSlotMs(perSecond: number): number {
  return 1000 / (perSecond * 0.93);
}

/**
 * Telegram does not say whether a 429 is its global flood wait or one chat's limit. One chat
 * refused is that chat's limit; a second chat refused within the wait means the global one.
 */
export function isGlobalFloodWait(chatsRefusedWithinWait: number): boolean {
  return chatsRefusedWithinWait >= 2;
}

/** Rate since the start and the time left at that rate. */
export function progressFigures(
  counts: { total?: number; sent: number; failed: number; blocked: number },
  startedAt: Date | undefined,
  now: Date,
): { done: number; remaining?: number; rate?: number; etaSeconds?: number } {
  const done = counts.sent + counts.failed + counts.blocked;
  const remaining = counts.total === undefined ? undefined : Math.max(0, counts.total - done);
  const elapsed = startedAt ? (now.getTime() - startedAt.getTime()) / 1000 : 0;
  const rate = elapsed > 0.5 ? done / elapsed : undefined;
  const etaSeconds = rate && remaining !== undefined ? Math.ceil(remaining / rate) : undefined;
  return { done, remaining, rate, etaSeconds };
}
