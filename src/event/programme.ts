import type { EventFile } from "./schema.js";
import { dayjs } from "./time.js";

/** A programme item's time with its day: `2029-05-19T12:00` (an event of several days). */
export const isDatedTime = (time: string) => time.length > 5;

/** The HH:mm of a programme item's time, dated or not. */
export const clockTimeOf = (time: string) => time.slice(-5);

/**
 * The calendar day (YYYY-MM-DD, in the event's zone) of each programme item: its own date if
 * given, else the day of the item above it, moved on by one when its time comes earlier than the
 * one above (a programme past midnight: 23:45, then 01:30), while that day is still the event's.
 */
export function programmeDays(programme: EventFile["programme"], firstDay: string, lastDay: string): string[] {
  let day = firstDay;
  let timeAbove: string | undefined;
  return programme.map(({ time }) => {
    if (time === undefined) return day;
    if (isDatedTime(time)) day = time.slice(0, 10);
    else if (timeAbove !== undefined && time < timeAbove && day < lastDay) day = dayjs(day).add(1, "day").format("YYYY-MM-DD");
    timeAbove = clockTimeOf(time);
    return day;
  });
}
