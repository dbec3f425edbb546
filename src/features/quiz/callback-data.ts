import { callbackData, int } from "../../ui/callback-data.js";

/** The quiz's buttons: the organiser's controls and the players' answers. */
export const quizData = {
  start: callbackData("quiz:start"),
  next: callbackData("quiz:next", { from: int(999) }),
  end: callbackData("quiz:end"),
  startAnyway: callbackData("quiz:go"),
  startCancelled: callbackData("quiz:no"),
  answer: callbackData("quiz:a", { question: int(99), option: int(99) }),
};
