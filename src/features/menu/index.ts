import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { eventText, eventWhen } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { onTap } from "../../ui/callback-data.js";
import { showScreen } from "../../ui/screens.js";
import { menuData } from "./callback-data.js";

export function mainMenuKeyboard(ctx: FlowContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("menu-info"), menuData.info.pack())
    .text(ctx.t("menu-rsvp"), menuData.rsvp.pack())
    .row()
    .text(ctx.t("menu-contest"), menuData.contest.pack())
    .text(ctx.t("menu-idea"), menuData.idea.pack())
    .row()
    .text(ctx.t("menu-language"), menuData.language.pack());
}

/** The button back to the main menu, for the bottom of every screen: added to `keyboard`, or alone. */
export function backToMenuKeyboard(ctx: FlowContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.text(ctx.t("menu-back"), menuData.home.pack());
}

export async function sendMainMenu(ctx: FlowContext, intro?: string): Promise<void> {
  const text = intro ? `${intro}\n\n${ctx.t("menu-title")}` : ctx.t("menu-title");
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: mainMenuKeyboard(ctx) });
}

export const menuFeature = new Composer<BotContext>();
const privateChat = menuFeature.chatType("private");

// Deep-link payloads (/start <payload>) are taken by the features that own them, before this.
privateChat.command("start", async (ctx) => {
  const { store, clock } = ctx.deps;
  await store.users.remember(ctx.from, await ctx.i18n.getLocale(), clock());
  const greeting = ctx.t("start-greeting", {
    name: escapeHtml(ctx.from.first_name),
    title: escapeHtml(await eventText(ctx, ctx.deps.event.title)),
    when: await eventWhen(ctx),
  });
  await sendMainMenu(ctx, greeting);
});

privateChat.use(
  onTap(menuData.home, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ctx.t("menu-title"), mainMenuKeyboard(ctx));
  }),
);
