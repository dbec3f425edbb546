import { callbackData, oneOf } from "../../ui/callback-data.js";
import { SUPPORTED_LANGUAGES } from "../../event/schema.js";

/** A language button (whether the event offers it is checked at the tap). */
export const languageData = callbackData("lang", { language: oneOf(SUPPORTED_LANGUAGES) });
