import { callbackData, oneOf } from "../../ui/callback-data.js";

export const INFO_SCREENS = ["overview", "programme", "speakers", "organisers", "concept", "contacts", "venue", "calendar"] as const;

/** The event info's buttons: one screen each. */
export const infoData = callbackData("info", { screen: oneOf(INFO_SCREENS) });
