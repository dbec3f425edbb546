import { callbackData, matching, oneOf, userId } from "../../ui/callback-data.js";

/** Registration's buttons outside the form (the form's own are in form.ts). */
export const rsvpData = {
  /** Agree carries the version of the consent text shown (12 hex digits of its hash). */
  agree: callbackData("rsvp:consent", { version: matching(/[0-9a-f]{12}/) }),
  decline: callbackData("rsvp:consent:no"),
  mine: callbackData("rsvp:mine"),
  change: callbackData("rsvp:change"),
  withdraw: callbackData("rsvp:withdraw"),
  withdrawConfirmed: callbackData("rsvp:withdraw:yes"),
  ticket: callbackData("rsvp:ticket"),
  reconfirm: callbackData("rsvp:rc", { answer: oneOf(["yes", "no"]) }),
  checkIn: callbackData("rsvp:ci", { guest: userId }),
};
