import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { eventFromData, EventFileError, formatIssues, type EventInfo } from "./load.js";
import { SUPPORTED_LANGUAGES, type Language, type LocalizedText } from "./schema.js";
import { localize } from "./text.js";

/** The bundled series: the 2017 forum and an invented upcoming one (the default configuration runs it). */
export const BUNDLED_EVENTS_DIR = fileURLToPath(new URL("../../events/wealmaty", import.meta.url));

/** The file of the series' own texts inside an events folder (not an event). */
export const SERIES_FILE = "series.yaml";

const text = z.union([z.string().min(1), z.partialRecord(z.enum(SUPPORTED_LANGUAGES), z.string().min(1))]);

const seriesSchema = z.strictObject({
  title: text.optional(),
  about: text.optional(),
  links: z.array(z.strictObject({ label: text, url: z.url() })).default([]),
  /** Interface languages of the series; absent: every language of its events. */
  languages: z.array(z.enum(SUPPORTED_LANGUAGES)).min(1).optional(),
  /** Telegram user ids of the series' organisers (admins of every event). */
  admins: z.array(z.number().int().positive()).default([]),
  /** The zone of an event file that gives no `timezone`. */
  timezone: z.string().optional(),
});

export type SeriesFile = z.infer<typeof seriesSchema>;

/** Every event of the bot and the series' own texts; pure: the clock is passed in. */
export interface Series {
  /** The series' texts (series.yaml; for a series of one, its event's title and summary). No title: texts say "this series". */
  title: LocalizedText | undefined;
  about: LocalizedText | undefined;
  links: SeriesFile["links"];
  languages: Language[];
  admins: number[];
  /** Every event, sorted by start (then id). */
  events: readonly EventInfo[];
  /** True when the series is one EVENT_FILE. */
  single: boolean;
  /** Events whose file was removed (/reload, a restart): listed as past, never upcoming; their data stays. Also in `events`. */
  archived: readonly EventInfo[];
  isArchived(id: string): boolean;
  byId(id: string): EventInfo | undefined;
  /** Events not yet ended at `now`, soonest first. */
  upcoming(now: Date): EventInfo[];
  /** Events ended by `now`, latest first. */
  past(now: Date): EventInfo[];
  /** The running or next upcoming event; else the latest past one. */
  current(now: Date): EventInfo;
  /** The event running at `now` (starts ≤ now ≤ ends), if any: ideas are tagged with it. */
  runningAt(now: Date): EventInfo | undefined;
  text(value: LocalizedText, language: string): string;
}

/** Every bad file of a folder, each with its problems (main.ts prints them all). */
export class SeriesError extends Error {
  constructor(readonly errors: EventFileError[]) {
    super(errors.map((error) => error.message).join("\n"));
  }
}

/** Builds the registry from validated events (sorted here), the series' texts and the archived events (removed files). */
export function makeSeries(events: EventInfo[], info: Partial<SeriesFile> = {}, single = false, archived: EventInfo[] = []): Series {
  if (events.length === 0) throw new SeriesError([new EventFileError("(series)", ["no event files found"])]);
  const byStart = (a: EventInfo, b: EventInfo) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id);
  const archivedIds = new Set(archived.map((event) => event.id));
  const gone = archived.filter((event) => !events.some((each) => each.id === event.id));
  const all = [...events, ...gone].sort(byStart);
  const sorted = [...events].sort(byStart);
  const ids = new Map(all.map((event) => [event.id, event]));
  const first = sorted[0]!;
  const languages = info.languages ?? [...new Set(sorted.flatMap((event) => event.languages))];
  const defaultLanguage = languages[0] ?? first.defaultLanguage;
  return {
    // Several events without series.yaml's title: naming the series after its first event would mislabel the rest.
    title: info.title ?? (single ? first.title : undefined),
    about: info.about ?? (single ? first.summary : undefined),
    links: info.links ?? [],
    languages,
    admins: [...new Set([...(info.admins ?? []), ...sorted.flatMap((event) => event.admins)])],
    events: all,
    single,
    archived: gone.sort(byStart),
    isArchived: (id) => archivedIds.has(id) && !sorted.some((event) => event.id === id),
    byId: (id) => ids.get(id),
    upcoming: (now) => sorted.filter((event) => event.endsAt > now),
    past: (now) => [...sorted.filter((event) => event.endsAt <= now), ...gone].sort(byStart).reverse(),
    current(now) {
      for (const event of sorted) if (event.endsAt > now) return event;
      return sorted[sorted.length - 1]!;
    },
    runningAt: (now) => sorted.find((event) => event.startsAt <= now && now <= event.endsAt),
    text: (value, language) => localize(value, language, defaultLanguage),
  };
}

/** A series of one event file (EVENT_FILE). */
export function seriesOfOne(event: EventInfo): Series {
  return makeSeries([event], {}, true);
}

function readYaml(file: string): { raw?: unknown; error?: EventFileError } {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    return { error: new EventFileError(file, [`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}`]) };
  }
  try {
    return { raw: parse(source) };
  } catch (error) {
    return { error: new EventFileError(file, [`YAML: ${(error as Error).message.split("\n")[0]}`]) };
  }
}

/**
 * Reads a folder: every `*.yaml` but series.yaml is one event. Every bad file is reported with
 * every problem (SeriesError), and an id used by two files is refused.
 */
export function loadSeriesDir(dir: string): Series {
  const errors: EventFileError[] = [];
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name) && name !== SERIES_FILE)
      .sort();
  } catch (error) {
    throw new SeriesError([new EventFileError(dir, [`cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? error}`])]);
  }
  let info: SeriesFile | undefined;
  const seriesPath = join(dir, SERIES_FILE);
  if (existsFile(seriesPath)) {
    const { raw, error } = readYaml(seriesPath);
    if (error) errors.push(error);
    else {
      const result = seriesSchema.safeParse(raw ?? {});
      if (result.success) info = result.data;
      else errors.push(new EventFileError(seriesPath, formatIssues(result.error.issues)));
    }
  }
  const events: EventInfo[] = [];
  const fileOf = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const { raw, error } = readYaml(file);
    if (error) {
      errors.push(error);
      continue;
    }
    // The series' default zone fills an event file that gives none.
    const withZone =
      info?.timezone && raw && typeof raw === "object" && !("timezone" in raw) ? { ...(raw as object), timezone: info.timezone } : raw;
    try {
      const event = eventFromData(withZone, file);
      const other = fileOf.get(event.id);
      if (other) errors.push(new EventFileError(file, [`id: "${event.id}" is already the id of ${basename(other)}`]));
      else {
        fileOf.set(event.id, file);
        events.push(event);
      }
    } catch (error) {
      if (error instanceof EventFileError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length) throw new SeriesError(errors);
  if (events.length === 0) throw new SeriesError([new EventFileError(dir, ["no event files (*.yaml) in the folder"])]);
  return makeSeries(events, info ?? {}, false);
}

function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The configured series: EVENTS_DIR (a folder), else EVENT_FILE (a series of one), else the bundled folder. */
export function loadSeries(config: { EVENTS_DIR?: string; EVENT_FILE?: string }, loadOne: (file: string) => EventInfo): Series {
  if (config.EVENTS_DIR) return loadSeriesDir(config.EVENTS_DIR);
  if (config.EVENT_FILE) {
    try {
      return seriesOfOne(loadOne(config.EVENT_FILE));
    } catch (error) {
      if (error instanceof EventFileError) throw new SeriesError([error]);
      throw error;
    }
  }
  return loadSeriesDir(BUNDLED_EVENTS_DIR);
}

/** The series with the archived events (removed files) added: listed as past, their data kept. */
export function withArchived(series: Series, archived: EventInfo[]): Series {
  const active = series.events.filter((event) => !series.isArchived(event.id));
  const info = { title: series.title, about: series.about, links: series.links, languages: series.languages, admins: series.admins };
  return makeSeries(active, info, series.single, archived);
}

/** The fields derived when an event file is loaded (src/event/load.ts): what is left is the file's data. */
const DERIVED = [
  "startsAt",
  "endsAt",
  "rsvpDeadlineAt",
  "contestDeadlineAt",
  "defaultLanguage",
  "programmeDays",
  "text",
  "reminderAt",
] as const;

/** An event's file data as validated (JSON-safe): compared by /reload and kept in the archive. */
export function eventFileData(event: EventInfo): Record<string, unknown> {
  const data: Record<string, unknown> = { ...event };
  for (const field of DERIVED) delete data[field];
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
