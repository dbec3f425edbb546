import { BotError, GrammyError, HttpError } from "grammy";
import { isRedisUnavailable } from "../store/redis.js";
import type { BotContext } from "./context.js";
import { negotiateLanguage } from "./i18n.js";

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
    // i18n may not have run (Redis down before the session loaded): use Telegram's language then.
    const language =
      (await ctx.i18n?.getLocale().catch(() => undefined)) ??
      negotiateLanguage(undefined, ctx.from?.language_code, ctx.deps.event.languages);
    // Without Redis (sessions, registrations) nothing works: say so, rather than "an error".
    const key = isRedisUnavailable(error.error) ? "error-unavailable" : "error-generic";
    const message = ctx.deps.i18n.t(language, key);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.reply(message);
  } catch (replyError) {
    logger.warn({ err: replyError, update_id: ctx.update.update_id }, "could not tell the user about the failure");
  }
}
