import type { EventInfo } from "./load.js";
import { parseDuration } from "./time.js";

/** The moment the event's personal data is erased: its end plus `privacy.retainFor`. */
export function retentionEndsAt(event: Pick<EventInfo, "endsAt" | "privacy">): Date {
  return new Date(event.endsAt.getTime() + parseDuration(event.privacy.retainFor));
}

/** Whether the retention job must erase the event's personal data at `now`. */
export function retentionDue(event: Pick<EventInfo, "endsAt" | "privacy">, now: Date): boolean {
  return now.getTime() >= retentionEndsAt(event).getTime();
}
