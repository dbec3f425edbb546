import type { I18n } from "@grammyjs/i18n";
import type { BotContext } from "../bot/context.js";
import { formatDecimal } from "../ui/format.js";
import type { BroadcastRecord } from "../store/broadcasts.js";
import { escapeHtml } from "../ui/html.js";
import { broadcastName } from "./label.js";

/** The organiser's progress message: counts, rate and ETA while sending; the final report at the end. */
export function progressText(
  i18n: I18n<BotContext>,
  language: string,
  record: BroadcastRecord,
  figures: { remaining?: number; rate?: number; etaSeconds?: number },
  final: boolean,
): string {
  const name = broadcastName(record.spec, language);
  const counts = {
    kind: name.kind,
    excerpt: escapeHtml(name.excerpt),
    sent: record.sent,
    failed: record.failed,
    blocked: record.blocked,
    total: record.total ?? 0,
    remaining: figures.remaining ?? record.total ?? 0,
  };
  if (final) {
    return i18n.t(language, record.status === "cancelled" ? "broadcast-report-cancelled" : "broadcast-report-done", counts);
  }
  return i18n.t(language, "broadcast-progress", {
    ...counts,
    rate: figures.rate === undefined ? "—" : formatDecimal(figures.rate, language, { min: 1, max: 1 }),
    eta: figures.etaSeconds === undefined ? "—" : formatEta(figures.etaSeconds),
  });
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
