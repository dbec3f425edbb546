import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { z } from "zod";
import { BUNDLED_EVENT_FILE, loadEvent } from "../../src/event/load.js";
import type { eventSchema } from "../../src/event/schema.js";

/** The event file as written (before defaults), every field optional at every depth. */
export type EventPatch = DeepPartial<z.input<typeof eventSchema>>;
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | undefined } : T;

let directory: string | undefined;
let written = 0;

/** One temporary folder per test process, removed when it exits. */
function eventFolder(): string {
  if (!directory) {
    const made = mkdtempSync(join(tmpdir(), "wealmaty-events-"));
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    directory = made;
  }
  return directory;
}

/** Objects merge key by key; arrays and values replace; a key patched with undefined is removed. */
function merged(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return patch;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete result[key];
    else result[key] = merged(result[key], value);
  }
  return result;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The bundled event (or `base`) with `patch` applied, the way an organiser would edit the file:
 * written to a temporary file and loaded once, so an invalid patch fails here with the loader's message.
 *
 *   startTestBot({ eventFile: eventWith({ contest: { jurors: [7001] } }) })
 */
export function eventWith(patch: EventPatch, base = BUNDLED_EVENT_FILE): string {
  const data = merged(parse(readFileSync(base, "utf8")), patch);
  const file = join(eventFolder(), `event-${++written}.yaml`);
  writeFileSync(file, stringify(data));
  loadEvent(file);
  return file;
}
