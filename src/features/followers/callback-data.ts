import { callbackData, matching, oneOf } from "../../ui/callback-data.js";

/** The notifications setting (turn on / off) and the Register button of announcements and nudges. */
export const followersData = {
  set: callbackData("followers:set", { to: oneOf(["on", "off"] as const) }),
  register: callbackData("followers:register", { id: matching(/[a-z0-9-]{2,50}/) }),
};
