import { BotError, GrammyError, HttpError } from "grammy";
import type { BotContext } from "./context.js";

/**
 * The bot-wide error boundary: logs the failure with the update and user, tells the user in
 * their language that something went wrong, and lets the next update be served.
 */
export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const logger = ctx.logger ?? ctx.deps.logger;
  logger.error(
    {
      err: error.error,
      update_id: ctx.update.update_id,
      user_id: ctx.from?.id,
      chat_id: ctx.chat?.id,
      api_error: error.error instanceof GrammyError ? error.error.description : undefined,
      network: error.error instanceof HttpError || undefined,
    },
    "update failed",
  );
  if (ctx.chat?.type !== "private") return;
  try {
    const language = await ctx.i18n?.getLocale().catch(() => undefined);
    const message = ctx.deps.i18n.t(language ?? ctx.deps.event.defaultLanguage, "error-generic");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.reply(message);
  } catch (replyError) {
    logger.warn({ err: replyError, update_id: ctx.update.update_id }, "could not tell the user about the failure");
  }
}
