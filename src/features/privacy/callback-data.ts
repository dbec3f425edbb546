import { callbackData } from "../../ui/callback-data.js";

/** The /forget_me confirmation: forget everything, or keep it. */
export const privacyData = {
  forget: callbackData("privacy:forget"),
  keep: callbackData("privacy:keep"),
};
