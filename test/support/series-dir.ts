import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { BUNDLED_EVENT_FILE } from "../../src/event/load.js";

/** One event of a test series: the bundled forum with another id, title, year and month, and maybe capacity. */
export interface SeriesEventSpec {
  id: string;
  title: string;
  /** Replaces 2017-11 in every date of the file (e.g. "2099-12"). */
  month?: string;
  capacity?: number;
}

/** The folders made in this process, removed by one exit listener (one per folder would pass Node's limit of 10). */
const made = new Set<string>();

/**
 * A temporary EVENTS_DIR built from the bundled file: one file per spec (with its own id, title,
 * dates and capacity) and a series.yaml, removed when the process exits.
 */
export function seriesDir(
  events: SeriesEventSpec[],
  series: Record<string, unknown> = { title: { ru: "Серия Т", kk: "Т сериясы", en: "Series T" } },
): string {
  const dir = mkdtempSync(join(tmpdir(), "wealmaty-series-"));
  if (made.size === 0) process.once("exit", () => made.forEach((each) => rmSync(each, { recursive: true, force: true })));
  made.add(dir);
  for (const spec of events) writeSeriesEvent(dir, spec);
  writeFileSync(join(dir, "series.yaml"), stringify(series));
  return dir;
}

/** Writes one event file of a test series into `dir` (`<id>.yaml`); `edit` may change its data first. */
export function writeSeriesEvent(dir: string, spec: SeriesEventSpec, edit?: (data: Record<string, unknown>) => void): string {
  const source = readFileSync(BUNDLED_EVENT_FILE, "utf8");
  const dated = spec.month ? source.replaceAll('"2017-11-', `"${spec.month}-`) : source;
  const data = parse(dated) as { id: string; title: unknown; rsvp: { capacity?: number } };
  data.id = spec.id;
  data.title = { ru: `${spec.title} (ru)`, kk: `${spec.title} (kk)`, en: spec.title };
  if (spec.capacity !== undefined) data.rsvp.capacity = spec.capacity;
  edit?.(data as unknown as Record<string, unknown>);
  const file = join(dir, `${spec.id}.yaml`);
  writeFileSync(file, stringify(data));
  return file;
}
