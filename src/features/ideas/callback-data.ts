import { callbackData, int, matching, oneOf, optional, type Field } from "../../ui/callback-data.js";
import type { IdeaStatus } from "../../store/ideas.js";
import { REJECT_REASONS } from "./rules.js";

/** Short status codes keep the organisers' buttons under Telegram's 64 bytes. */
const STATUS_CODES: Record<IdeaStatus, string> = {
  new: "n",
  published: "p",
  under_review: "r",
  accepted: "a",
  rejected: "x",
  in_progress: "g",
  done: "d",
  merged: "m",
};

/** Any status, or every one. */
export const ALL = "*";

const status: Field<IdeaStatus> = {
  write: (value) => STATUS_CODES[value],
  read: (text) => (Object.keys(STATUS_CODES) as IdeaStatus[]).find((key) => STATUS_CODES[key] === text),
};
const statusOrAll: Field<IdeaStatus | typeof ALL> = {
  write: (value) => (value === ALL ? ALL : status.write(value)),
  read: (text) => (text === ALL ? ALL : status.read(text)),
};
const idea = int(999_999_999);
const category = matching(/[a-z0-9_-]{1,24}/);
const categoryOrAll = matching(/[a-z0-9_-]{1,24}|\*/);
const order = oneOf(["n", "t"]);
const index = int(99_999);

/** The ideas' buttons outside the submission form (its own are in form.ts). */
export const ideasData = {
  menu: callbackData("ideas:menu"),
  new: callbackData("ideas:new"),
  /** I agree under the consent before a first idea, with the version of the text shown. */
  agree: callbackData("ideas:agree", { version: matching(/[0-9a-f]{12}/) }),
  mine: callbackData("ideas:mine"),
  categories: callbackData("ideas:b"),
  // Browse keeps an optional status filter (none = every public status) on each of its buttons.
  browse: callbackData("ideas:b", { category, order, index, status: optional(status) }),
  support: callbackData("ideas:s", { idea, category, order, index, status: optional(status) }),
  photo: callbackData("ideas:ph", { idea }),
  place: callbackData("ideas:pin", { idea }),
  follow: callbackData("ideas:f", { idea, category, order, index, status: optional(status) }),
  // The organisers' list (/ideas): the overview, a status, one idea of a status and category, a new status for it, an answer.
  overview: callbackData("ideas:a"),
  status: callbackData("ideas:a", { status: statusOrAll }),
  card: callbackData("ideas:a", { status: statusOrAll, category: categoryOrAll, index }),
  setStatus: callbackData("ideas:as", { idea, to: status, status: statusOrAll, category: categoryOrAll, index }),
  answer: callbackData("ideas:aa", { idea }),
  milestone: callbackData("ideas:am", { idea }),
  merge: callbackData("ideas:amg", { idea }),
  // Moderation cards ("rc", an older card's "Write a reason", still opens the reasons); a reason may name the card above it.
  moderate: callbackData("ideas:mod", { action: oneOf(["pub", "rej", "back", "rc"]), idea }),
  reason: callbackData("ideas:mod:rr", { idea, reason: oneOf(REJECT_REASONS), card: optional(int(999_999_999_999)) }),
};
