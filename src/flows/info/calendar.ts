import { createEvent } from "ics";
import type { EventInfo } from "../../event/load.js";

/** An .ics file for the event: UTC instants, the venue with its coordinates, an alarm an hour before. */
export function buildCalendarFile(event: EventInfo, language: string): string {
  const text = (value: Parameters<EventInfo["text"]>[0]) => event.text(value, language);
  const { error, value } = createEvent({
    productId: "wealmaty-bot",
    uid: `${event.id}@wealmaty-bot`,
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: text(event.title),
    description: text(event.summary),
    location: `${text(event.venue.name)}, ${text(event.venue.address)}`,
    geo: { lat: event.venue.latitude, lon: event.venue.longitude },
    status: "CONFIRMED",
    alarms: [{ action: "display", description: text(event.title), trigger: { hours: 1, before: true } }],
  });
  if (error || !value) throw error ?? new Error("calendar file was not built");
  return value;
}
