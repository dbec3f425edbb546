import { callbackData, matching } from "../../ui/callback-data.js";

/** Opens one event of the series (its id as in the event file). */
export const openEventData = callbackData("events:open", { id: matching(/[a-z0-9-]{2,50}/) });
