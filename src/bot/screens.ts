import { GrammyError, type InlineKeyboard } from "grammy";
import type { FlowContext } from "./context.js";

/**
 * Shows a screen: edits the message whose button was tapped, so the chat does not fill up,
 * or sends a new one (a command, or a message that can no longer be edited).
 */
export async function showScreen(ctx: FlowContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const options = { parse_mode: "HTML" as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  const tapped = ctx.callbackQuery?.message;
  if (tapped && "text" in tapped) {
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
