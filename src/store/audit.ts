import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";

const KEEP_ENTRIES = 5_000;

export interface AuditEntry {
  at: string;
  /** The organiser's Telegram user id. */
  actor: number;
  /** What was done: broadcast, idea-status, check-in, winner, ... */
  action: string;
  /** A short, human-readable description of the target (ids, counts; no personal data). */
  details: string;
  /** The same as data, so /audit can name people and things in the reader's language when it shows them. */
  subject?: AuditSubject;
}

/** What an action was done to: ids, counts and codes only (names are looked up when /audit shows them). */
export interface AuditSubject {
  /** A guest, a winner: Telegram user ids. */
  user?: number;
  users?: number[];
  idea?: number;
  /** An idea's new status, or a rejection reason's code ("custom" for the organiser's own words). */
  status?: string;
  reason?: string;
  broadcast?: string;
  audience?: string;
  count?: number;
  /** What was exported: "guests" or "ideas". */
  what?: string;
  /** A moment (ISO), e.g. when a broadcast is due. */
  at?: string;
}

/** What organisers did, newest first: a capped list that admins can read with /audit. */
export function createAuditLog(redis: Redis, keys: Keyspace) {
  return {
    async record(actor: number, action: string, details: string, at: Date, subject?: AuditSubject): Promise<void> {
      const entry: AuditEntry = { at: at.toISOString(), actor, action, details, ...(subject ? { subject } : {}) };
      await redis.multi().lpush(keys.audit, JSON.stringify(entry)).ltrim(keys.audit, 0, KEEP_ENTRIES - 1).exec();
    },

    async recent(limit: number): Promise<AuditEntry[]> {
      return (await redis.lrange(keys.audit, 0, limit - 1)).map((line) => JSON.parse(line) as AuditEntry);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
