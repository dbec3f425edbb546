/** answerCallbackQuery: each query answered once, like Telegram. */
import { badRequest } from "../api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import type { ApiParams } from "../request-body.js";
import { checkCallbackAnswerText } from "../telegram-checks.js";
import type { MethodTable } from "./types.js";

export function callbackMethods(state: EmulatorState): MethodTable {
  return {
    answerCallbackQuery: (p) => answerCallbackQuery(state, p),
  };
}

function answerCallbackQuery(state: EmulatorState, p: ApiParams): true {
  const id = p.requireString("callback_query_id", "query_id is empty");
  checkCallbackAnswerText(p.string("text"));
  // Unknown or already answered ids fail like expired queries do.
  const answered = state.callbackQueries.get(id);
  if (answered === true) state.callbacksAnsweredTwice.push(id);
  if (answered !== false) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  state.callbackQueries.set(id, true);
  return true;
}
