import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import type { EventFileError } from "../../event/load.js";
import type { SeriesChanges } from "../../event/reload.js";
import type { Series } from "../../event/series.js";
import { requireRole } from "../../ui/access.js";
import { escapeHtml } from "../../ui/html.js";
import { MESSAGE_LIMIT, pagesOf } from "../../ui/pages.js";

/** Every bad file with its path and every problem, a block per file (escaped: paths and messages may hold < or &). */
function problemBlocks(ctx: FlowContext, errors: readonly EventFileError[]): string[] {
  const files = errors.map((error) =>
    [
      ctx.t("reload-file", { file: escapeHtml(error.file) }),
      ...error.problems.map((problem) => ctx.t("reload-problem", { problem: escapeHtml(problem) })),
    ].join("\n"),
  );
  return [ctx.t("reload-failed", { count: errors.length }), ...files];
}

function summaryBlocks(ctx: FlowContext, series: Series, changes: SeriesChanges, language: string): string[] {
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
    [
      ctx.t("reload-added", { count: changes.added.length, events: named(changes.added) }),
      ctx.t("reload-changed", { count: changes.changed.length, events: named(changes.changed) }),
      ctx.t("reload-removed", { count: changes.removed.length, events: named(changes.removed) }),
      ctx.t("reload-unchanged", { count: changes.unchanged.length, events: named(changes.unchanged) }),
    ].join("\n"),
  ];
}

export const reloadFeature = new Composer<BotContext>();

// Admins only, checked at the moment of the command.
reloadFeature.chatType("private").command("reload", requireRole("admin"), async (ctx) => {
  const reload = ctx.deps.reloadSeries;
  if (!reload) return void (await ctx.reply(ctx.t("reload-unavailable")));
  const result = await reload();
  const language = await ctx.i18n.getLocale();
  const blocks = result.ok ? summaryBlocks(ctx, result.series, result.changes, language) : problemBlocks(ctx, result.errors);
  ctx.logger.info(
    result.ok ? { ...result.changes } : { files: result.errors.length },
    result.ok ? "series reloaded by an admin" : "reload refused",
  );
  // A long list of problems goes out in several messages, cut between files, else between lines.
  for (const text of pagesOf(blocks, MESSAGE_LIMIT))
    await ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
});
