import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { z } from "zod";
import { eventSchema, type EventFile, type Language, type LocalizedText } from "./schema.js";
import { localize } from "./text.js";
import { isDatedTime, programmeDays, programmeOutsideEvent } from "./programme.js";
import { parseDuration, wallClockExists, wallClockToInstant } from "./time.js";

export const BUNDLED_EVENT_FILE = fileURLToPath(new URL("../../events/wealmaty/wealmaty-2017.yaml", import.meta.url));

/** The event file after validation, with its wall-clock times resolved to instants once. */
export interface EventInfo extends EventFile {
  startsAt: Date;
  endsAt: Date;
  rsvpDeadlineAt: Date;
  contestDeadlineAt: Date | undefined;
  defaultLanguage: Language;
  /** The calendar day (YYYY-MM-DD) of each programme item, in the file's order (./programme.ts). */
  programmeDays: string[];
  /** A text from the file in the language, with the file's fallback rules. */
  text(value: LocalizedText, language: string): string;
  reminderAt(reminder: EventFile["reminders"][number]): Date;
}

export class EventFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid event file ${file}:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

export function formatIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message.replace(/^Invalid input: /, "")}`);
}

export function parseEvent(source: string, file = "(event file)"): EventInfo {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    throw new EventFileError(file, [`YAML: ${(error as Error).message.split("\n")[0]}`]);
  }
  return eventFromData(raw, file);
}

/** Validates an event file's parsed YAML (the series loader reads the YAML itself). */
export function eventFromData(raw: unknown, file = "(event file)"): EventInfo {
  const result = eventSchema.safeParse(raw);
  if (!result.success) throw new EventFileError(file, formatIssues(result.error.issues));
  const problems = [
    ...skippedTimes(result.data),
    ...programmeOutsideEvent(result.data.programme, result.data),
    ...erasedBeforeSurvey(result.data),
  ];
  if (problems.length > 0) throw new EventFileError(file, problems);
  return resolveEvent(result.data);
}

/** Times the file gives that its zone skips (the clocks going forward): read as an hour later, they would mislead. */
function skippedTimes(data: EventFile): string[] {
  const times: Array<[string, string | undefined]> = [
    ["starts", data.starts],
    ["ends", data.ends],
    ["rsvp.deadline", data.rsvp.deadline],
    ["contest.deadline", data.contest?.deadline],
    ...data.reminders.map((reminder, i): [string, string | undefined] => [`reminders.${i}.at`, reminder.at]),
    ...data.programme.map(({ time }, i): [string, string | undefined] => [
      `programme.${i}.time`,
      time && isDatedTime(time) ? time : undefined,
    ]),
  ];
  return times
    .filter(([, time]) => time !== undefined && !wallClockExists(time, data.timezone))
    .map(([path, time]) => `${path}: ${time} does not exist in ${data.timezone} (the clocks go forward then); give a time outside the gap`);
}

/** A retention shorter than the survey's wait would erase the guests first: the survey would never go out. */
function erasedBeforeSurvey(data: EventFile): string[] {
  if (!data.feedback || parseDuration(data.privacy.retainFor) > parseDuration(data.feedback.after)) return [];
  return [
    `privacy.retainFor: ${data.privacy.retainFor} erases the guests before the survey goes out (feedback.after: ${data.feedback.after}); ` +
      "keep the data longer than that",
  ];
}

export function loadEvent(file: string): EventInfo {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    throw new EventFileError(file, [`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}`]);
  }
  return parseEvent(source, file);
}

function resolveEvent(data: EventFile): EventInfo {
  const zone = data.timezone;
  const defaultLanguage = data.languages[0]!;
  const startsAt = wallClockToInstant(data.starts, zone);
  return {
    ...data,
    startsAt,
    endsAt: wallClockToInstant(data.ends, zone),
    rsvpDeadlineAt: data.rsvp.deadline === undefined ? startsAt : wallClockToInstant(data.rsvp.deadline, zone),
    contestDeadlineAt: data.contest ? wallClockToInstant(data.contest.deadline, zone) : undefined,
    defaultLanguage,
    programmeDays: programmeDays(data.programme, data),
    text: (value, language) => localize(value, language, defaultLanguage),
    reminderAt: (reminder) =>
      reminder.at !== undefined ? wallClockToInstant(reminder.at, zone) : new Date(startsAt.getTime() - parseDuration(reminder.before!)),
  };
}
