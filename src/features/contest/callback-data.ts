import { callbackData, int, matching, oneOf, userId } from "../../ui/callback-data.js";

const criterion = int(99);

/** The contest's buttons: the entrant's, the jury's and the winner's (the entry form's own are in entry.ts). */
export const contestData = {
  enter: callbackData("contest:enter"),
  /** I agree under the consent before a first entry, with the version of the text shown. */
  agree: callbackData("contest:agree", { version: matching(/[0-9a-f]{12}/) }),
  mine: callbackData("contest:mine"),
  // The jury.
  more: callbackData("contest:more", { offset: int(999_999) }),
  criterion: callbackData("contest:cm", { criterion }),
  score: callbackData("contest:s", { entrant: userId, criterion, score: int(99) }),
  shortlist: callbackData("contest:sl", { entrant: userId, on: oneOf(["0", "1"]) }),
  // The winner.
  winner: callbackData("contest:w", { entrant: userId }),
  runnerUp: callbackData("contest:r", { entrant: userId }),
  preview: callbackData("contest:wp"),
  change: callbackData("contest:wc"),
  send: callbackData("contest:ws"),
  anyway: callbackData("contest:wg"),
  cancel: callbackData("contest:wx"),
};
