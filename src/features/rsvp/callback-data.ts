import { callbackData, int, matching, oneOf, optional, userId } from "../../ui/callback-data.js";

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
  /** `arrived`: how many of a group came (absent: all of it). */
  checkIn: callbackData("rsvp:ci", { guest: userId, arrived: optional(int(99)) }),
  /** An approval card's buttons (rsvp.approval). */
  approveRequest: callbackData("rsvp:ap", { guest: userId }),
  declineRequest: callbackData("rsvp:dc", { guest: userId }),
  /** /requests: a page, a request's card, and "Approve all shown" (the shown requests' time range, ms). */
  requestsPage: callbackData("rsvp:rp", { page: int(9999) }),
  requestCard: callbackData("rsvp:rq", { guest: userId }),
  approveShown: callbackData("rsvp:ra", { from: int(), to: int() }),
};
