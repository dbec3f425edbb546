import { GrammyError, InputFile, type Api, type RawApi } from "grammy";
import { createEvent, createEvents, type EventAttributes } from "ics";
import type { EventInfo } from "../event/load.js";

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
  const { error, value } = createEvent({ productId: "wealmaty-bot", ...calendarEntry(event, language) });
  if (error || !value) throw error ?? new Error("calendar file was not built");
  return value;
}

/** One event as a calendar entry: a stable UID (its id), UTC instants, the venue with its coordinates, an alarm an hour before. */
function calendarEntry(event: EventInfo, language: string): EventAttributes {
  const text = (value: Parameters<EventInfo["text"]>[0]) => event.text(value, language);
  return {
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
  };
}

/** Several events as one .ics (the series' upcoming ones: /events and GET /calendar.ics); valid with none too. */
export function buildSeriesCalendarFile(events: readonly EventInfo[], language: string, name: string | undefined): string {
  const { error, value } = createEvents(
    events.map((event) => calendarEntry(event, language)),
    { productId: "wealmaty-bot", ...(name ? { calName: name } : {}) },
  );
  if (error || !value) throw error ?? new Error("calendar file was not built");
  return value;
}

/** file_ids of calendar files this process uploaded, per bot, event and language. */
const uploaded = new Map<string, string>();

/**
 * Sends the calendar file: uploaded once per language, then by Telegram's file_id (every
 * registration sends it, and an upload costs far more than a plain message).
 */
export async function sendCalendarFile(api: Api<RawApi>, chatId: number, event: EventInfo, language: string, caption: string) {
  const key = `${api.token}|${event.id}|${language}`;
  const fileId = uploaded.get(key);
  if (fileId !== undefined) {
    try {
      return await api.sendDocument(chatId, fileId, { caption });
    } catch (error) {
      // A file_id Telegram no longer knows: upload again below.
      if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
      uploaded.delete(key);
    }
  }
  const file = new InputFile(Buffer.from(buildCalendarFile(event, language), "utf8"), `${event.id}.ics`);
  const message = await api.sendDocument(chatId, file, { caption });
  if (message.document) uploaded.set(key, message.document.file_id);
  return message;
}
