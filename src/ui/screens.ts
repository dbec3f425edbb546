import { GrammyError, type InlineKeyboard } from "grammy";
import type { FlowContext } from "../bot/context.js";

/**
 * Shows a screen: edits the message whose button was tapped when it is the newest in the chat, so
 * the chat does not fill up, or sends a new one (a command, a message with others below it, or one
 * that can no longer be edited): an edit out of sight would look as if nothing happened.
 */
export async function showScreen(ctx: FlowContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const options = { parse_mode: "HTML" as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  const tapped = ctx.callbackQuery?.message;
  if (tapped && "text" in tapped && ctx.deps.latestMessages.isNewest(tapped.chat.id, tapped.message_id)) {
    try {
      await ctx.editMessageText(text, options);
      return;
    } catch (error) {
      if (error instanceof GrammyError && error.description.includes("message is not modified")) return;
      if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
    }
  }
  await ctx.reply(text, options);
}
