import { BotError, GrammyError, HttpError, type Context, type NextFunction } from "grammy";
import { isRedisUnavailable } from "../store/redis.js";
import type { BotContext } from "./context.js";
import { languageOf } from "../event/language.js";

const REMEMBERED_CHATS = 50_000;

/**
 * The languages users chose lately, kept in memory: sessions live in Redis, and while Redis is
 * down the "temporarily unavailable" reply should still speak the user's language.
 */
export class RecentLanguages {
  private readonly byChat = new Map<number, string>();

  remember(chatId: number, language: string | undefined) {
    if (language === undefined || this.byChat.get(chatId) === language) return;
    this.byChat.delete(chatId);
    this.byChat.set(chatId, language);
    // A Map iterates in insertion order: the first key is the oldest choice.
    if (this.byChat.size > REMEMBERED_CHATS) this.byChat.delete(this.byChat.keys().next().value!);
  }

  of(chatId: number | undefined): string | undefined {
    return chatId === undefined ? undefined : this.byChat.get(chatId);
  }
}

// Ids of callback queries answered lately: a second answer would fail with a 400.
const answeredCallbacks = new Set<string>();
const REMEMBERED_ANSWERS = 10_000;

/**
 * Notes when a callback query is answered, so the error boundary never answers it a second
 * time. Installed on the bot and in conversations, whose contexts have an Api of their own.
 */
export function noteCallbackAnswers<C extends Context>(ctx: C, next: NextFunction): Promise<void> {
  const id = ctx.callbackQuery?.id;
  if (id !== undefined) {
    ctx.api.config.use((prev, method, payload, signal) => {
      if (method === "answerCallbackQuery" && !answeredCallbacks.has(id)) {
        answeredCallbacks.add(id);
        // A Set iterates in insertion order: the first id is the oldest.
        if (answeredCallbacks.size > REMEMBERED_ANSWERS) answeredCallbacks.delete(answeredCallbacks.values().next().value!);
      }
      return prev(method, payload, signal);
    });
  }
  return next();
}

/**
 * The bot-wide error boundary: logs the failure with the update and user, tells the user in
 * their language that something went wrong, and lets the next update be served.
 */
export async function handleBotError(error: BotError<BotContext>, chosenLanguages: RecentLanguages): Promise<void> {
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
    // i18n may not have run (Redis down before the session loaded): then the language the user
    // chose lately, as remembered here, or Telegram's.
    const language =
      (await ctx.i18n?.getLocale().catch(() => undefined)) ??
      languageOf(ctx.deps.event, chosenLanguages.of(ctx.chat.id), ctx.from?.language_code);
    // Without Redis (sessions, registrations) nothing works: say so, rather than "an error".
    const key = isRedisUnavailable(error.error) ? "error-unavailable" : "error-generic";
    const message = ctx.deps.i18n.t(language, key);
    if (ctx.callbackQuery && !answeredCallbacks.has(ctx.callbackQuery.id)) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.reply(message);
  } catch (replyError) {
    logger.warn({ err: replyError, update_id: ctx.update.update_id }, "could not tell the user about the failure");
  }
}
