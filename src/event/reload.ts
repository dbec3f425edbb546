import type { EventFileError } from "./load.js";
import { eventFileData, type Series } from "./series.js";

/** What a /reload changed, by event id (each list sorted). */
export interface SeriesChanges {
  /** New files (or the file of an archived event put back). */
  added: string[];
  /** Files whose content changed (reminders rescheduled, jobs rebuilt). */
  changed: string[];
  /** Files gone: their events are archived (listed as past, data kept). */
  removed: string[];
  unchanged: string[];
}

/** A reload's outcome: the new series and its changes, or every bad file (the old series stays in force). */
export type SeriesReloadResult = { ok: true; series: Series; changes: SeriesChanges } | { ok: false; errors: EventFileError[] };

/** Compares the events loaded from files (archived ones are not files) before and after a reload; pure. */
export function diffSeries(before: Series, after: Series): SeriesChanges {
  const active = (series: Series) => new Map(series.events.filter((e) => !series.isArchived(e.id)).map((e) => [e.id, e]));
  const [old, next] = [active(before), active(after)];
  const changes: SeriesChanges = { added: [], changed: [], removed: [], unchanged: [] };
  for (const [id, event] of next) {
    const was = old.get(id);
    if (!was) changes.added.push(id);
    else if (JSON.stringify(eventFileData(was)) !== JSON.stringify(eventFileData(event))) changes.changed.push(id);
    else changes.unchanged.push(id);
  }
  for (const id of old.keys()) if (!next.has(id)) changes.removed.push(id);
  for (const list of Object.values(changes)) list.sort();
  return changes;
}
