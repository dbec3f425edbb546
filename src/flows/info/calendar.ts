import { createEvent } from "ics";
import type { EventInfo } from "../../event/load.js";

/** Built once per event and language: the ics library validates every field, at a cost per ticket. */
const built = new WeakMap<EventInfo, Map<string, string>>();

/** An .ics file for the event: UTC instants, the venue with its coordinates, an alarm an hour before. */
export function buildCalendarFile(event: EventInfo, language: string): string {
  let files = built.get(event);
  if (!files) built.set(event, (files = new Map()));
  let file = files.get(language);
  if (file === undefined) files.set(language, (file = createCalendarFile(event, language)));
  return file;
}

function createCalendarFile(event: EventInfo, language: string): string {
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
