import { createHash } from "node:crypto";
import type { BotDeps } from "../../bot/context.js";
import type { BroadcastEngine } from "../../delivery/engine.js";
import { fanoutJobId } from "../../delivery/queue.js";
import type { Broadcaster, BroadcastSpec } from "../../delivery/types.js";
import type { EventInfo } from "../../event/load.js";
import type { Language } from "../../event/schema.js";
import { formatMomentIn } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { followersData } from "./callback-data.js";
import { announceable, announcementId, NUDGE_LIST, nudgeAt, nudgeId, nudgeList } from "./rules.js";

type Deps = Pick<BotDeps, "series" | "store" | "i18n" | "logger">;

/** The message about one event in every series language: title, date and time (event zone), venue, a Register button. */
function eventMessage(
  deps: Deps,
  event: EventInfo,
  key: "followers-announcement" | "followers-nudge",
): Pick<BroadcastSpec, "eventId" | "texts" | "parseMode" | "buttons"> {
  const texts: Partial<Record<Language, string>> = {};
  const labels: Partial<Record<Language, string>> = {};
  for (const language of deps.series.languages) {
    texts[language] = deps.i18n.t(language, key, {
      title: escapeHtml(event.text(event.title, language)),
      when: formatMomentIn({ event, i18n: deps.i18n }, language, event.startsAt),
      venue: escapeHtml(event.text(event.venue.name, language)),
      address: escapeHtml(event.text(event.venue.address, language)),
    });
    labels[language] = deps.i18n.t(language, "followers-register-button");
  }
  return {
    eventId: event.id,
    texts,
    parseMode: "HTML" as const,
    buttons: [[[labels, followersData.register.pack({ id: event.id })]]],
  };
}

const isEngine = (value: BroadcastEngine | Broadcaster): value is BroadcastEngine => "broadcaster" in value;

/**
 * Announces every upcoming event of deps.series not announced yet to the followers, once per event
 * (idempotent: call it at start-up and after a reload, from any number of instances). Given the
 * engine, it also (re)schedules each event's 72-hour nudge. Returns the ids of the events announced now.
 */
export async function announceNewEvents(engineOrBroadcaster: BroadcastEngine | Broadcaster, deps: Deps, now: Date): Promise<string[]> {
  const { series, store, logger } = deps;
  const followers = store.followers;
  const broadcaster = isEngine(engineOrBroadcaster) ? engineOrBroadcaster.broadcaster : engineOrBroadcaster;
  // The deployment's first start with announcements: the events already there are known, not news.
  if (
    await followers.setBaseline(
      series.events.map((event) => event.id),
      now,
    )
  ) {
    logger.info({ events: series.events.map((event) => event.id) }, "followers: events present at the first start count as announced");
  }
  const announced: string[] = [];
  for (const event of series.events) {
    if (!announceable(event, now) || (await followers.announced(event.id)) !== undefined) continue;
    // The broadcast's deterministic id is the claim: creating it is atomic (of several instances or
    // reloads one creates it, the others get false), and a creation cut short by a crash before its
    // fan-out is queued is completed by the next call. The mark after it only spares later calls the
    // work; dying before it just means the next call finds the broadcast taken. So never twice, never lost.
    const created = await broadcaster.send({
      id: announcementId(event.id),
      audience: "followers",
      ...eventMessage(deps, event, "followers-announcement"),
    });
    await followers.markAnnounced(event.id);
    if (created) {
      announced.push(event.id);
      logger.info({ event: event.id }, "new event announced to followers");
    }
  }
  if (isEngine(engineOrBroadcaster)) await scheduleNudges(engineOrBroadcaster, deps, now);
  return announced;
}

/** Followers who hold no registration of any status for the event (the nudge's recipients). */
async function unregisteredFollowers(deps: Deps, eventId: string): Promise<number[]> {
  const store = deps.store.forEvent(eventId);
  const [all, muted, registrations] = await Promise.all([store.users.ids(), store.followers.mutedIds(), store.rsvps.all()]);
  const registered = new Set(registrations.map((rsvp) => rsvp.userId));
  return all.filter((id) => !muted.has(id) && !registered.has(id));
}

/**
 * Puts each event's nudge on the queue like an event-file reminder: a stable id, a job per content
 * hash (every process does it; job ids make that idempotent), and the reminder grace applied when it
 * fires (kind "reminder"). Turned off in the event file: a scheduled nudge is cancelled.
 */
export async function scheduleNudges(engine: BroadcastEngine, deps: Deps, now: Date): Promise<void> {
  engine.registerList(NUDGE_LIST, (name) => unregisteredFollowers(deps, name.slice(NUDGE_LIST.length + 1)));
  const repo = deps.store.broadcasts;
  for (const event of deps.series.events) {
    const id = nudgeId(event.id);
    const existing = await repo.find(id);
    const at = nudgeAt(event, now);
    if (!at) {
      if (existing?.status === "scheduled" && !event.announce.nudge) {
        await engine.queues.control.remove(fanoutJobId(id, existing.hash)).catch(() => undefined);
        await repo.transition(id, "cancelled", ["scheduled"]);
      }
      continue;
    }
    // Sent (or skipped) once: a later edit of the event's time sends nothing again.
    if (existing && existing.status !== "scheduled" && existing.status !== "cancelled") continue;
    const hash = createHash("sha256").update(`${event.id}|${at.toISOString()}`).digest("hex").slice(0, 12);
    if (existing && existing.hash !== hash) await engine.queues.control.remove(fanoutJobId(id, existing.hash)).catch(() => undefined);
    const spec: BroadcastSpec = {
      kind: "reminder",
      id,
      audience: "followers",
      list: nudgeList(event.id),
      ...eventMessage(deps, event, "followers-nudge"),
    };
    await repo.save({ id, spec, at, now, hash });
    if (existing?.status === "cancelled") await repo.transition(id, "scheduled", ["cancelled"]);
    await engine.enqueueFanout(id, hash, at);
  }
}
