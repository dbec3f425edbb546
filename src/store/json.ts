import { z } from "zod";

/**
 * A JSON value read back from Redis, checked against the schema it was written with: a value from
 * another version (or a hand edit) fails here, named, instead of somewhere later as a wrong field.
 * The error names the paths and what was expected, never the stored values (they may be personal).
 */
export function parseStored<Schema extends z.ZodType>(schema: Schema, json: string, what: string): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`${what}: the stored JSON is malformed`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what}: the stored value is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
