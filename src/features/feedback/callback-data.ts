import { callbackData } from "../../ui/callback-data.js";

/** The survey's buttons outside the form (the form's own are the form helper's), and the organisers' export. */
export const feedbackData = {
  start: callbackData("fb:start"),
  skip: callbackData("fb:skip"),
  export: callbackData("fb:csv"),
};
