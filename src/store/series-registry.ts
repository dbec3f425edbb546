import type { Redis } from "ioredis";
import { z } from "zod";
import type { Keyspace } from "./keys.js";
import { parseStored } from "./json.js";

/** An event the series has run: its file's data as last loaded, and when its file was found removed. */
export interface KnownEvent {
  /** The event file's validated data (src/event/series.ts eventFileData): rebuilt with eventFromData. */
  data: Record<string, unknown>;
  /** Set once the file is gone: the event is archived (listed as past, its data kept). */
  archivedAt?: string;
}

const knownEventSchema = z.object({ data: z.record(z.string(), z.unknown()), archivedAt: z.string().optional() });

/**
 * The events the series has loaded (series:events) and the series' version (series:version), which
 * every instance watches to reload when another one did.
 */
export function createSeriesRegistry(redis: Redis, keys: Keyspace) {
  return {
    /** Every event ever loaded, by id (archived ones included). */
    async known(): Promise<Map<string, KnownEvent>> {
      const raw = await redis.hgetall(keys.seriesEvents);
      return new Map(Object.entries(raw).map(([id, json]) => [id, parseStored(knownEventSchema, json, `series event ${id}`)]));
    },

    /** Writes the loaded events and the newly archived ones in one HSET (a single command: atomic). */
    async record(events: ReadonlyMap<string, KnownEvent>): Promise<void> {
      if (events.size === 0) return;
      await redis.hset(keys.seriesEvents, Object.fromEntries([...events].map(([id, known]) => [id, JSON.stringify(known)])));
    },

    /** The series' version: raised by each successful /reload. */
    async version(): Promise<number> {
      return Number((await redis.get(keys.seriesVersion)) ?? 0);
    },

    async bumpVersion(): Promise<number> {
      return redis.incr(keys.seriesVersion);
    },
  };
}

export type SeriesRegistry = ReturnType<typeof createSeriesRegistry>;
