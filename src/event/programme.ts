import type { EventFile } from "./schema.js";
import { dayjs } from "./time.js";

/** A programme item's time with its day: `2029-05-19T12:00` (an event of several days). */
export const isDatedTime = (time: string) => time.length > 5;

/** The HH:mm of a programme item's time, dated or not. */
export const clockTimeOf = (time: string) => time.slice(-5);

/** The event's wall-clock start and end: their dates are the first and the last day of its programme. */
type EventSpan = Pick<EventFile, "starts" | "ends">;
/** The calendar day (YYYY-MM-DD) of a wall-clock time. */
const dayOf = (wallClock: string) => wallClock.slice(0, 10);

/** A programme item dated on a day the event does not cover would be listed under that day: refused with its path. */
export function programmeOutsideEvent(programme: EventFile["programme"], { starts, ends }: EventSpan): string[] {
  const [first, last] = [dayOf(starts), dayOf(ends)];
  return programme.flatMap(({ time }, i) => {
    const day = time && isDatedTime(time) ? dayOf(time) : undefined;
    if (day === undefined || (day >= first && day <= last)) return [];
    return [`programme.${i}.time: ${day} is not a day of the event (${first === last ? first : `${first} to ${last}`})`];
  });
}

/**
 * The calendar day (YYYY-MM-DD, in the event's zone) of each programme item: its own date if
 * given, else the day of the item above it, moved on by one when its time comes earlier than the
 * one above (a programme past midnight: 23:45, then 01:30), while that day is still the event's.
 */
export function programmeDays(programme: EventFile["programme"], { starts, ends }: EventSpan): string[] {
  const lastDay = dayOf(ends);
  let day = dayOf(starts);
  let timeAbove: string | undefined;
  return programme.map(({ time }) => {
    if (time === undefined) return day;
    if (isDatedTime(time)) day = dayOf(time);
    else if (timeAbove !== undefined && time < timeAbove && day < lastDay) day = dayjs(day).add(1, "day").format("YYYY-MM-DD");
    timeAbove = clockTimeOf(time);
    return day;
  });
}
