import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";
import { backToMenuKeyboard } from "./menu.js";

/** Sections whose flows have not landed yet answer honestly instead of staying silent. */
export const comingSoonFeature = new Composer<BotContext>();
const privateChat = comingSoonFeature.chatType("private");

const reply = (ctx: BotContext) => ctx.reply(ctx.t("coming-soon"), { reply_markup: backToMenuKeyboard(ctx) });

privateChat.command(["rsvp", "contest", "idea"], reply);
privateChat.callbackQuery(["menu:rsvp", "menu:contest", "menu:idea"], async (ctx) => {
  await ctx.answerCallbackQuery();
  await reply(ctx);
});
