import type { EventInfo } from "../../event/load.js";

/** The nudge to followers who have not registered comes this long before the event starts. */
export const NUDGE_BEFORE_MS = 72 * 60 * 60 * 1000;

export const announcementId = (eventId: string) => `announce-${eventId}`;
export const nudgeId = (eventId: string) => `nudge-${eventId}`;
/** The recipient list of a nudge ("<family>.<event id>"; event ids hold no dot). */
export const NUDGE_LIST = "nudge";
export const nudgeList = (eventId: string) => `${NUDGE_LIST}.${eventId}`;

/** Announced only before it starts: a running or past event is news to nobody. */
export function announceable(event: Pick<EventInfo, "startsAt">, now: Date): boolean {
  return event.startsAt.getTime() > now.getTime();
}

/** When the nudge goes out, or undefined if the event file turned it off or the event has started. */
export function nudgeAt(event: Pick<EventInfo, "startsAt" | "announce">, now: Date): Date | undefined {
  if (!event.announce.nudge || event.startsAt.getTime() <= now.getTime()) return undefined;
  return new Date(event.startsAt.getTime() - NUDGE_BEFORE_MS);
}
