import type { BotDeps } from "../../bot/context.js";
import type { EventInfo } from "../../event/load.js";

/** The event the Mini App shows: the one place to change when a series has a current event. */
export function currentEvent(deps: BotDeps): EventInfo {
  return deps.event;
}

/** The event as the Mini App shows it, its texts in the user's language. */
export function eventView(event: EventInfo, language: string) {
  const text = (value: Parameters<EventInfo["text"]>[0]) => event.text(value, language);
  return {
    id: event.id,
    title: text(event.title),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    venue: {
      name: text(event.venue.name),
      address: text(event.venue.address),
      latitude: event.venue.latitude,
      longitude: event.venue.longitude,
    },
  };
}
