import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../../bot/context.js";

/** The small ideas menu: propose, my ideas, browse, and back to the main menu. */
export const ideasMenuKeyboard = (ctx: FlowContext) =>
  new InlineKeyboard()
    .text(ctx.t("ideas-new"), "ideas:new")
    .row()
    .text(ctx.t("ideas-mine"), "ideas:mine")
    .text(ctx.t("ideas-browse"), "ideas:b")
    .row()
    .text(ctx.t("menu-back"), "menu:home");

/** Back to the ideas menu and to the main menu, under every ideas screen. */
export const ideasBackRow = (ctx: FlowContext, keyboard = new InlineKeyboard()) =>
  keyboard.text(ctx.t("ideas-back"), "ideas:menu").text(ctx.t("menu-back"), "menu:home");
