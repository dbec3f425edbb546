import { GrammyError } from "grammy";

/** What to do about a failed send. */
export type SendFailure =
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "blocked" }
  | { kind: "permanent" }
  | { kind: "transient" };

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
 * BullMQ's limiter as small windows (a tenth of a second) rather than one burst per second, so the
 * sends stay evenly spread and never exceed the rate in any window Telegram might measure.
 */
export function limiterFor(perSecond: number): { max: number; duration: number } {
  const max = Math.max(1, Math.round(perSecond / 10));
  return { max, duration: Math.round((1000 * max) / perSecond) };
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
