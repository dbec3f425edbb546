import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";
import { momentText } from "../bot/format.js";
import { escapeHtml } from "../bot/html.js";

const AUDIT_LINES = 30;

/** Organiser commands: each checks the sender, since commands can be typed by anyone. */
export const adminFeature = new Composer<BotContext>();
const privateChat = adminFeature.chatType("private");

privateChat.command("admin", async (ctx) => {
  if (!ctx.deps.adminIds.has(ctx.from.id)) {
    await ctx.reply(ctx.t("admin-only"));
    return;
  }
  const { users } = ctx.deps.store;
  const byLanguage = Object.entries(await users.countByLanguage())
    .map(([language, count]) => `${language}: ${count}`)
    .join(", ");
  await ctx.reply(ctx.t("admin-panel", { users: await users.count(), languages: byLanguage || "—" }), {
    parse_mode: "HTML",
  });
});

privateChat.command("audit", async (ctx) => {
  if (!ctx.deps.adminIds.has(ctx.from.id)) {
    await ctx.reply(ctx.t("admin-only"));
    return;
  }
  const entries = await ctx.deps.store.audit.recent(AUDIT_LINES);
  if (entries.length === 0) {
    await ctx.reply(ctx.t("audit-empty"));
    return;
  }
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const when = await momentText(ctx, new Date(entry.at));
      return `• ${when} — <code>${entry.actor}</code> — <b>${escapeHtml(entry.action)}</b>: ${escapeHtml(entry.details)}`;
    }),
  );
  await ctx.reply(`${ctx.t("audit-title", { count: entries.length })}\n\n${lines.join("\n")}`, { parse_mode: "HTML" });
});
