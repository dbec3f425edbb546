import type { Redis } from "ioredis";
import { z } from "zod";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";
import { parseStored } from "./json.js";

const KEEP_ENTRIES = 5_000;

export interface AuditEntry {
  at: string;
  /** The organiser's Telegram user id. */
  actor: number;
  /** What was done: broadcast, idea-status, check-in, winner, ... */
  action: string;
  /** A short, human-readable description of the target (ids, counts; no personal data). */
  details: string;
  /**
   * The same as data, so /audit can name people and things in the reader's language when it shows
   * them; its user ids are erased on request or at retention.
   */
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

const auditEntrySchema: z.ZodType<AuditEntry> = z.object({
  at: z.string(),
  actor: z.number().int(),
  action: z.string(),
  details: z.string(),
  subject: z
    .object({
      user: z.number().int(),
      users: z.array(z.number().int()),
      idea: z.number().int(),
      status: z.string(),
      reason: z.string(),
      broadcast: z.string(),
      audience: z.string(),
      count: z.number(),
      what: z.string(),
      at: z.string(),
    })
    .partial()
    .optional(),
});

/** The mark that replaces an erased user id in an entry's details. */
const ERASED_SUBJECT = "—";

// Rewrites, in place, every entry about the given user ids (all of them when ARGV has none): each id
// leaves the subject and becomes the erased mark in `details`. One script, so entries pushed meanwhile stay put.
// KEYS: audit list. ARGV: erased mark, user ids.
const ERASE_SUBJECTS = `
local wanted = {}
for i = 2, #ARGV do wanted[ARGV[i]] = true end
local all = #ARGV == 1
local entries = redis.call('LRANGE', KEYS[1], 0, -1)
local changed = 0
for index, raw in ipairs(entries) do
  local entry = cjson.decode(raw)
  local subject = entry.subject
  if type(subject) == 'table' then
    local erased = {}
    local function gone(id)
      local key = string.format('%d', id)
      if all or wanted[key] then erased[key] = true return true end
      return false
    end
    if type(subject.user) == 'number' and gone(subject.user) then subject.user = nil end
    if type(subject.users) == 'table' then
      local kept = {}
      for _, id in ipairs(subject.users) do if not gone(id) then kept[#kept + 1] = id end end
      if #kept > 0 then subject.users = kept else subject.users = nil end
    end
    if next(erased) then
      entry.details = string.gsub(entry.details, '%d+', function(digits)
        if erased[digits] then return ARGV[1] end
      end)
      redis.call('LSET', KEYS[1], index - 1, cjson.encode(entry))
      changed = changed + 1
    end
  end
end
return changed
`;

/** What organisers did, newest first: a capped list that admins can read with /audit. */
export function createAuditLog(redis: Redis, keys: Keyspace) {
  const eraseSubjectsScript = defineScript(redis, "auditEraseSubjects", ERASE_SUBJECTS);
  return {
    async record(actor: number, action: string, details: string, at: Date, subject?: AuditSubject): Promise<void> {
      const entry: AuditEntry = { at: at.toISOString(), actor, action, details, ...(subject ? { subject } : {}) };
      await redis
        .multi()
        .lpush(keys.audit, JSON.stringify(entry))
        .ltrim(keys.audit, 0, KEEP_ENTRIES - 1)
        .exec();
    },

    async recent(limit: number): Promise<AuditEntry[]> {
      return (await redis.lrange(keys.audit, 0, limit - 1)).map((line) => parseStored(auditEntrySchema, line, "audit entry"));
    },

    /** "Forget me": entries about the user keep what was done, not whom to. Returns the entries changed. */
    async forgetSubject(userId: number): Promise<number> {
      return Number(await eraseSubjectsScript(1, keys.audit, ERASED_SUBJECT, String(userId)));
    },

    /** Retention: every entry's people erased; actions, organisers and times stay. */
    async eraseAllSubjects(): Promise<number> {
      return Number(await eraseSubjectsScript(1, keys.audit, ERASED_SUBJECT));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
