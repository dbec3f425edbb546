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
  /** User ids the entry is about (a checked-in guest, the winner): erased on request or at retention. */
  subjects?: number[];
}

/** The mark that replaces an erased user id in an entry's details. */
export const ERASED_SUBJECT = "—";

// Rewrites, in place, every entry about the given user ids (all of them when ARGV is empty): each id in
// `details` becomes the erased mark and leaves `subjects`. One script, so entries pushed meanwhile stay put.
// KEYS: audit list. ARGV: erased mark, user ids.
const ERASE_SUBJECTS = `
local wanted = {}
for i = 2, #ARGV do wanted[ARGV[i]] = true end
local all = #ARGV == 1
local entries = redis.call('LRANGE', KEYS[1], 0, -1)
local changed = 0
for index, raw in ipairs(entries) do
  local entry = cjson.decode(raw)
  local subjects = entry.subjects
  if type(subjects) == 'table' and #subjects > 0 then
    local kept, erased = {}, {}
    for _, id in ipairs(subjects) do
      local key = string.format('%d', id)
      if all or wanted[key] then erased[key] = true else kept[#kept + 1] = id end
    end
    if next(erased) then
      entry.details = string.gsub(entry.details, '%d+', function(digits)
        if erased[digits] then return ARGV[1] end
      end)
      if #kept > 0 then entry.subjects = kept else entry.subjects = nil end
      redis.call('LSET', KEYS[1], index - 1, cjson.encode(entry))
      changed = changed + 1
    end
  end
end
return changed
`;

/** What organisers did, newest first: a capped list that admins can read with /audit. */
export function createAuditLog(redis: Redis, keys: Keyspace) {
  return {
    async record(actor: number, action: string, details: string, at: Date, subjects?: number[]): Promise<void> {
      const entry: AuditEntry = { at: at.toISOString(), actor, action, details, ...(subjects?.length ? { subjects } : {}) };
      await redis.multi().lpush(keys.audit, JSON.stringify(entry)).ltrim(keys.audit, 0, KEEP_ENTRIES - 1).exec();
    },

    async recent(limit: number): Promise<AuditEntry[]> {
      return (await redis.lrange(keys.audit, 0, limit - 1)).map((line) => JSON.parse(line) as AuditEntry);
    },

    /** "Forget me": entries about the user keep what was done, not whom to. Returns the entries changed. */
    async forgetSubject(userId: number): Promise<number> {
      return Number(await redis.eval(ERASE_SUBJECTS, 1, keys.audit, ERASED_SUBJECT, String(userId)));
    },

    /** Retention: every entry's people erased; actions, organisers and times stay. */
    async eraseAllSubjects(): Promise<number> {
      return Number(await redis.eval(ERASE_SUBJECTS, 1, keys.audit, ERASED_SUBJECT));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
