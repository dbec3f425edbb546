import { callbackData, int } from "../../ui/callback-data.js";

/** The vote's buttons: a voter's toggle on an idea of the ballot, and the organisers' Close now. */
export const voteData = {
  toggle: callbackData("vote:t", { vote: int(99_999), idea: int() }),
  close: callbackData("vote:x", { vote: int(99_999) }),
};
