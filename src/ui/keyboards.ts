import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../bot/context.js";

/** The main menu: every feature's screens lead back to it, so it lives here rather than in one feature. */
export function mainMenuKeyboard(ctx: FlowContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("menu-info"), "menu:info")
    .text(ctx.t("menu-rsvp"), "menu:rsvp")
    .row()
    .text(ctx.t("menu-contest"), "menu:contest")
    .text(ctx.t("menu-idea"), "menu:idea")
    .row()
    .text(ctx.t("menu-language"), "menu:language");
}

/** A single button back to the main menu, for the bottom of every screen. */
export function backToMenuKeyboard(ctx: FlowContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("menu-back"), "menu:home");
}

export async function sendMainMenu(ctx: FlowContext, intro?: string): Promise<void> {
  const text = intro ? `${intro}\n\n${ctx.t("menu-title")}` : ctx.t("menu-title");
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: mainMenuKeyboard(ctx) });
}
