import { callbackData, int, oneOf, optional } from "../../ui/callback-data.js";

export const INFO_SCREENS = ["overview", "programme", "speakers", "organisers", "concept", "contacts", "venue", "calendar"] as const;

/** The event info's buttons: one screen each, and a long section's pages after its first. */
export const infoData = callbackData("info", { screen: oneOf(INFO_SCREENS), page: optional(int(99)) });
