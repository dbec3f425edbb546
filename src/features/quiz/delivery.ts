import { InlineKeyboard, type Api } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { eventHeadingIn } from "../../ui/event-heading.js";
import type { QuizSettings } from "../../event/schema.js";
import { languageOf } from "../../event/language.js";
import { quizData } from "./callback-data.js";

/** Parallel sends while delivering a question; the API client retries 429s on top of this. */
const CONCURRENCY = 8;

export function questionText(deps: BotDeps, quiz: QuizSettings, index: number, language: string): string {
  return (
    eventHeadingIn(deps, language) +
    deps.i18n.t(language, "quiz-question", {
      number: index + 1,
      total: quiz.questions.length,
      text: escapeHtml(deps.event.text(quiz.questions[index]!.text, language)),
    })
  );
}

export function answerKeyboard(deps: BotDeps, quiz: QuizSettings, index: number, language: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  quiz.questions[index]!.options.forEach((option, optionIndex) => {
    keyboard.text(deps.event.text(option, language), quizData.answer.pack({ question: index, option: optionIndex })).row();
  });
  return keyboard;
}

/** Sends a question with answer buttons to every player, each in their language. */
export async function deliverQuestion(deps: BotDeps, api: Api, quiz: QuizSettings, index: number, playerIds: readonly number[]) {
  const queue = [...playerIds];
  const worker = async () => {
    for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
      const language = languageOf(deps.event, (await deps.store.users.find(userId))?.language);
      await api
        .sendMessage(userId, questionText(deps, quiz, index, language), {
          parse_mode: "HTML",
          reply_markup: answerKeyboard(deps, quiz, index, language),
        })
        .catch((error) => deps.logger.warn({ err: error, user_id: userId }, "quiz question not delivered"));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
}

/**
 * Delivery runs in the background: answers keep being handled (and timed) while the
 * question goes out, instead of waiting behind hundreds of sends.
 */
export function deliverInBackground(deps: BotDeps, api: Api, quiz: QuizSettings, index: number, playerIds: readonly number[]) {
  void deliverQuestion(deps, api, quiz, index, playerIds).catch((error) =>
    deps.logger.error({ err: error, question: index }, "quiz delivery failed"),
  );
}
