import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import type { EventFileError } from "../../event/load.js";
import type { SeriesChanges } from "../../event/reload.js";
import type { Series } from "../../event/series.js";
import { requireRole } from "../../ui/access.js";
import { escapeHtml } from "../../ui/html.js";

/** Telegram's limit is 4,096 characters: a long list of problems goes out in several messages. */
const MESSAGE_LIMIT = 3_800;

/** Splits lines into messages under the limit (a single line longer than that is cut). */
export function chunkLines(lines: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.length > limit ? `${raw.slice(0, limit - 1)}…` : raw;
    if (current && current.length + line.length + 1 > limit) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Every bad file with its path and every problem (escaped: paths and messages may hold < or &). */
function problemLines(ctx: FlowContext, errors: readonly EventFileError[]): string[] {
  const lines = [ctx.t("reload-failed", { count: errors.length })];
  for (const error of errors) {
    lines.push("", ctx.t("reload-file", { file: escapeHtml(error.file) }));
    for (const problem of error.problems) lines.push(ctx.t("reload-problem", { problem: escapeHtml(problem) }));
  }
  return lines;
}

function summaryLines(ctx: FlowContext, series: Series, changes: SeriesChanges, language: string): string[] {
  const named = (ids: readonly string[]) => {
    if (ids.length === 0) return ctx.t("reload-none");
    return ids
      .map((id) => {
        const event = series.byId(id);
        return event
          ? `${escapeHtml(event.text(event.title, language))} (<code>${escapeHtml(id)}</code>)`
          : `<code>${escapeHtml(id)}</code>`;
      })
      .join(", ");
  };
  return [
    ctx.t("reload-done"),
    "",
    ctx.t("reload-added", { count: changes.added.length, events: named(changes.added) }),
    ctx.t("reload-changed", { count: changes.changed.length, events: named(changes.changed) }),
    ctx.t("reload-removed", { count: changes.removed.length, events: named(changes.removed) }),
    ctx.t("reload-unchanged", { count: changes.unchanged.length, events: named(changes.unchanged) }),
  ];
}

export const reloadFeature = new Composer<BotContext>();

// Admins only, checked at the moment of the command.
reloadFeature.chatType("private").command("reload", requireRole("admin"), async (ctx) => {
  const reload = ctx.deps.reloadSeries;
  if (!reload) return void (await ctx.reply(ctx.t("reload-unavailable")));
  const result = await reload();
  const language = await ctx.i18n.getLocale();
  const lines = result.ok ? summaryLines(ctx, result.series, result.changes, language) : problemLines(ctx, result.errors);
  ctx.logger.info(
    result.ok ? { ...result.changes } : { files: result.errors.length },
    result.ok ? "series reloaded by an admin" : "reload refused",
  );
  for (const text of chunkLines(lines)) await ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
});
