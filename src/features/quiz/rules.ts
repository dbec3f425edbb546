import { formatDecimal } from "../../ui/format.js";
/** Pure live-quiz rules: the leaderboard. No Telegram, no Redis. */

/** One recorded answer: the option chosen and how long after the question opened (ms). */
export interface QuizAnswer {
  option: number;
  elapsedMs: number;
}

export interface QuizStanding {
  userId: number;
  correct: number;
  /** Sum of the answer times of the right answers (ms): the tie-break, lower is better. */
  totalMs: number;
  answered: number;
}

/**
 * Standings of every player who answered: most right answers first, then the fastest (total
 * time of the right answers), then the lower user id so the order is stable.
 */
export function quizStandings(answerKeys: readonly number[], answers: ReadonlyArray<ReadonlyMap<number, QuizAnswer>>): QuizStanding[] {
  const standings = new Map<number, QuizStanding>();
  answers.forEach((byUser, question) => {
    for (const [userId, answer] of byUser) {
      const standing = standings.get(userId) ?? { userId, correct: 0, totalMs: 0, answered: 0 };
      standing.answered++;
      if (answer.option === answerKeys[question]) {
        standing.correct++;
        standing.totalMs += answer.elapsedMs;
      }
      standings.set(userId, standing);
    }
  });
  return [...standings.values()].sort((a, b) => b.correct - a.correct || a.totalMs - b.totalMs || a.userId - b.userId);
}

/** The winners: the first `top` players with at least one right answer. */
export function quizWinners(standings: readonly QuizStanding[], top: number): QuizStanding[] {
  return standings.filter((s) => s.correct > 0).slice(0, top);
}

/** Seconds for people, to a tenth, in the language's way: «12,3» or «29» in Russian, «12.3» in English. */
export function formatSeconds(ms: number, language: string): string {
  return formatDecimal(ms / 1000, language, { max: 1 });
}
