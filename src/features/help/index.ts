import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import { backToMenuKeyboard, sendMainMenu } from "../../ui/keyboards.js";

export const helpFeature = new Composer<BotContext>();
const privateChat = helpFeature.chatType("private");

privateChat.command("help", async (ctx) => {
  await ctx.reply(ctx.t("help"), { parse_mode: "HTML", reply_markup: backToMenuKeyboard(ctx) });
});

// Conversations handle /cancel themselves while one is active; here nothing is in progress.
privateChat.command("cancel", async (ctx) => {
  await sendMainMenu(ctx, ctx.t("cancel-nothing"));
});
