import { callbackData, matching } from "../../ui/callback-data.js";

/** Opens one event of the series (its id as in the event file). */
export const openEventData = callbackData("events:open", { id: matching(/[a-z0-9-]{2,50}/) });

/** A past event's summary: "Open" goes on to its menu (an archived event has none). */
export const enterEventData = callbackData("events:enter", { id: matching(/[a-z0-9-]{2,50}/) });

/** The series' upcoming events as one .ics file. */
export const seriesCalendarData = callbackData("events:ics");
