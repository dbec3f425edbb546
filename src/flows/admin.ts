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
  // Organisers are named as Telegram knows them (if they started the bot), beside their id.
  const actors = new Map<number, string>();
  for (const actor of new Set(entries.map((entry) => entry.actor))) {
    const known = await ctx.deps.store.users.find(actor);
    const name = known ? `${escapeHtml(known.firstName)}${known.username ? ` @${escapeHtml(known.username)}` : ""}` : "";
    actors.set(actor, name ? `${name} (<code>${actor}</code>)` : `<code>${actor}</code>`);
  }
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const when = await momentText(ctx, new Date(entry.at));
      return `• ${when} — ${actors.get(entry.actor)} — <b>${escapeHtml(entry.action)}</b>: ${escapeHtml(entry.details)}`;
    }),
  );
  await ctx.reply(`${ctx.t("audit-title", { count: entries.length })}\n\n${lines.join("\n")}`, { parse_mode: "HTML" });
});
