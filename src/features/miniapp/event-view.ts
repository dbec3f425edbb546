import type { BotDeps } from "../../bot/context.js";
import type { EventInfo } from "../../event/load.js";

/** The dependencies of the event the Mini App shows: the series' current event (its per-event store). */
export function currentEventDeps(deps: BotDeps): BotDeps {
  return deps.depsOf(deps.series.current(deps.clock()).id) ?? deps;
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
