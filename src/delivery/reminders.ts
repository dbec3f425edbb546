import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { EventInfo } from "../event/load.js";
import type { Reminder } from "../event/schema.js";
import type { Store } from "../store/index.js";
import { scopedReminderBroadcastId } from "../store/migrate.js";
import type { BroadcastEngine } from "./engine.js";
import type { BroadcastSpec } from "./types.js";

/**
 * Reminders are broadcasts with a stable id, so their ledger (one message per user) outlives edits.
 * Broadcasts are series-wide: the event id keeps two events' reminders apart.
 */
export const reminderBroadcastId = (eventId: string, reminderId: string) => scopedReminderBroadcastId(eventId, reminderId);

/** Changes whenever what or when changes: a new hash means a new delayed job. */
export function reminderHash(reminder: Reminder, at: Date): string {
  const content = JSON.stringify({ audience: reminder.audience, text: reminder.text, venue: reminder.venue, at: at.toISOString() });
  return createHash("sha256").update(content).digest("hex").slice(0, 12);
}

export function reminderSpec(reminder: Reminder, event: EventInfo): BroadcastSpec {
  const texts = Object.fromEntries(event.languages.map((language) => [language, event.text(reminder.text, language)]));
  return {
    kind: "reminder",
    id: reminderBroadcastId(event.id, reminder.id),
    eventId: event.id,
    audience: reminder.audience,
    texts,
    venue: reminder.venue,
  };
}

/**
 * Puts the event file's reminders on the queue at start-up (every process does it; job ids make
 * that idempotent). Changed reminders get a new job, removed ones are dropped; the grace for
 * reminders missed while the bot was down is applied when the job fires.
 */
export async function scheduleReminders(engine: BroadcastEngine, store: Store, event: EventInfo, now: Date, logger: Logger) {
  const repo = store.broadcasts;
  const registry = await repo.scheduledReminders();
  const current = new Set(event.reminders.map((reminder) => reminder.id));

  for (const [reminderId, oldHash] of Object.entries(registry)) {
    if (current.has(reminderId)) continue;
    const id = reminderBroadcastId(event.id, reminderId);
    await engine.queues.control.remove(`f-${id}-${oldHash}`).catch(() => undefined);
    await repo.transition(id, "cancelled", ["scheduled"]);
    await repo.unregisterReminder(reminderId);
    logger.info({ reminder: reminderId }, "reminder removed from the event file: dropped");
  }

  for (const reminder of event.reminders) {
    const id = reminderBroadcastId(event.id, reminder.id);
    const at = event.reminderAt(reminder);
    const hash = reminderHash(reminder, at);
    const oldHash = registry[reminder.id];
    if (oldHash !== undefined && oldHash !== hash) {
      await engine.queues.control.remove(`f-${id}-${oldHash}`).catch(() => undefined);
      // Edited: it may fire again, but the ledger still keeps it to one message per user.
      await repo.transition(id, "scheduled", ["done", "skipped", "cancelled"]);
      logger.info({ reminder: reminder.id, at: at.toISOString() }, "reminder changed: rescheduled");
    }
    await repo.save({ id, spec: reminderSpec(reminder, event), at, now, hash });
    await engine.enqueueFanout(id, hash, at);
    await repo.registerReminder(reminder.id, hash);
  }
}
