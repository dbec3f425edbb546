import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import { answerUnknownButton } from "../../ui/callback-data.js";
import { mainMenuKeyboard } from "../../ui/keyboards.js";

/** Registered last: whatever no feature took gets a short hint and the menu, never silence. */
export const unhandledFeature = new Composer<BotContext>();
const privateChat = unhandledFeature.chatType("private");

privateChat.on("callback_query", answerUnknownButton);

// Text or media sent while a consent just above waits for its buttons: pointed to them, not to the menu.
privateChat.on("message", async (ctx, next) => {
  const { latestMessages } = ctx.deps;
  if (!latestMessages.whereShown(ctx.chat.id, "consent", ctx.message.message_id)) return next();
  const pointer = await ctx.reply(ctx.t("consent-pending", { agree: ctx.t("consent-agree"), cancel: ctx.t("form-cancel") }));
  latestMessages.alsoShownAt(ctx.chat.id, "consent", pointer.message_id);
});

privateChat.on("message:text", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-text"), { reply_markup: mainMenuKeyboard(ctx) });
});

privateChat.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-media"), { reply_markup: mainMenuKeyboard(ctx) });
});

// A typo fixed by editing would otherwise look taken; live locations edit without text and get no reply.
privateChat.on("edited_message:text", async (ctx) => {
  const formOpen = Object.keys(await ctx.conversation.active()).length > 0;
  await ctx.reply(ctx.t(formOpen ? "unhandled-edited-form" : "unhandled-edited"), {
    reply_parameters: { message_id: ctx.editedMessage.message_id, allow_sending_without_reply: true },
  });
});
