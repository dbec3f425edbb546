import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";

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
