import type { Api } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import type { QuizSettings } from "../../event/schema.js";
import { languageOf } from "../../event/language.js";
import { formatSeconds, quizStandings, quizWinners, type QuizStanding } from "./rules.js";

/** How many questions went out: a quiz ended early is scored out of those, not out of the whole list. */
async function askedCount(deps: BotDeps, quiz: QuizSettings): Promise<number> {
  const state = await deps.store.quiz.state();
  return state ? Math.min(state.question + 1, quiz.questions.length) : quiz.questions.length;
}

async function loadWinners(
  deps: BotDeps,
  quiz: QuizSettings,
): Promise<{ winners: QuizStanding[]; players: number; asked: number; standings: QuizStanding[] }> {
  const asked = await askedCount(deps, quiz);
  const answers = await deps.store.quiz.answers(asked);
  const standings = quizStandings(
    quiz.questions.slice(0, asked).map((q) => q.answer),
    answers,
  );
  return { winners: quizWinners(standings, quiz.top), players: standings.length, asked, standings };
}

/** The leaderboard for the organiser, in their language. */
export async function resultsText(deps: BotDeps, quiz: QuizSettings, language: string): Promise<string> {
  const { winners, players, asked } = await loadWinners(deps, quiz);
  const lines = [deps.i18n.t(language, "quiz-results-title", { players })];
  if (winners.length === 0) lines.push(deps.i18n.t(language, "quiz-results-nobody"));
  for (const [index, w] of winners.entries()) {
    const user = await deps.store.users.find(w.userId);
    const name = user?.firstName ? (user.username ? `${user.firstName} (@${user.username})` : user.firstName) : String(w.userId);
    lines.push(
      deps.i18n.t(language, "quiz-results-line", {
        place: index + 1,
        name: escapeHtml(name),
        correct: w.correct,
        total: asked,
        seconds: formatSeconds(w.totalMs, language),
      }),
    );
  }
  return lines.join("\n");
}

/** Longer than telling a handful of winners takes, even through 429 waits. */
const TELLING_LEASE_MS = 2 * 60_000;

/**
 * Tells each winner not told yet their place, in their language; each is recorded after their
 * message went out, so every /quiz end finishes what an earlier one could not. One process at a time.
 */
export async function tellWinners(deps: BotDeps, api: Api, quiz: QuizSettings): Promise<void> {
  const telling = await deps.store.quiz.whileTelling(TELLING_LEASE_MS, () => tellUntold(deps, api, quiz));
  if (!telling) deps.logger.info("quiz winners are being told by another process");
}

async function tellUntold(deps: BotDeps, api: Api, quiz: QuizSettings): Promise<void> {
  const { winners, asked, standings } = await loadWinners(deps, quiz);
  const told = await deps.store.quiz.toldIds();
  for (const [index, w] of winners.entries()) {
    if (told.has(w.userId)) continue;
    const language = languageOf(deps.event, (await deps.store.users.find(w.userId))?.language);
    const parts = [deps.i18n.t(language, "quiz-winner", { place: index + 1, correct: w.correct, total: asked })];
    if (quiz.prize) parts.push(deps.i18n.t(language, "quiz-winner-prize", { prize: escapeHtml(deps.event.text(quiz.prize, language)) }));
    try {
      await api.sendMessage(w.userId, parts.join("\n"), { parse_mode: "HTML" });
    } catch (error) {
      deps.logger.warn({ err: error, user_id: w.userId }, "quiz winner not told (the next /quiz end tries again)");
      continue;
    }
    await deps.store.quiz.markTold(w.userId, deps.clock());
  }
  // The other players learn that it is over, so nobody waits for a next question, with their score if they answered; each once.
  const winnerIds = new Set(winners.map((w) => w.userId));
  const scores = new Map(standings.map((s) => [s.userId, s.correct]));
  for (const userId of await deps.store.quiz.playerIds()) {
    if (winnerIds.has(userId) || told.has(userId)) continue;
    const language = languageOf(deps.event, (await deps.store.users.find(userId))?.language);
    try {
      const correct = scores.get(userId);
      const text =
        correct === undefined ? deps.i18n.t(language, "quiz-over") : deps.i18n.t(language, "quiz-over-score", { correct, total: asked });
      await api.sendMessage(userId, text);
    } catch (error) {
      deps.logger.warn({ err: error, user_id: userId }, "quiz player not told the end (the next /quiz end tries again)");
      continue;
    }
    await deps.store.quiz.markTold(userId, deps.clock());
  }
}
