import { HttpError, type Transformer } from "grammy";
import type { Logger } from "pino";

/**
 * Answering a button tap only stops the client's spinner; Telegram refuses it once the query is
 * about 15 s old ("query is too old", common when the bot is backlogged). Such a refusal must never
 * stop the action the tap asked for, so every answerCallbackQuery is best-effort: a refusal or a
 * network error is logged with the query id and reported to the caller as answered.
 */
export function bestEffortCallbackAnswers(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== "answerCallbackQuery") return prev(method, payload, signal);
    const queryId = (payload as { callback_query_id?: string }).callback_query_id;
    try {
      const response = await prev(method, payload, signal);
      if (response.ok) return response;
      logger.debug(
        { callback_query_id: queryId, error_code: response.error_code, api_error: response.description },
        "button answer refused",
      );
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      logger.warn({ callback_query_id: queryId, err: error }, "button answer not delivered");
    }
    return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
  };
}
