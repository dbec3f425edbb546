import type { BotDeps } from "../../bot/context.js";
import type { BroadcastEngine } from "../../delivery/engine.js";
import type { Broadcaster, BroadcastSpec } from "../../delivery/types.js";
import type { EventInfo } from "../../event/load.js";
import type { Language } from "../../event/schema.js";
import { parseDuration } from "../../event/time.js";
import { formatMomentIn } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { followersData } from "./callback-data.js";
import { announceable, announcementId, NUDGE_LIST, nudgeAt, nudgeId, nudgeList } from "./rules.js";

type Deps = Pick<BotDeps, "series" | "store" | "i18n" | "logger" | "clock">;

/** The nudge's system job family ("nudge.<event id>"). */
const NUDGE_JOB = "nudge";
/** A job may fire this much before its moment (queue timing); earlier means the event moved. */
const NUDGE_EARLY_MS = 60_000;

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
  const ids = series.events.map((event) => event.id);
  if (await followers.setBaseline(ids, now))
    logger.info({ events: ids }, "followers: events present at the first start count as announced");
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
 * Schedules each upcoming event's nudge as a system job at its moment (every process does it; the
 * job id makes that idempotent). Nothing is stored until it fires: then the event as it is then
 * decides (moved, turned off, missed by more than the reminder grace), and the broadcast's
 * deterministic id keeps it to one, whichever instance runs it and however often.
 */
export async function scheduleNudges(engine: BroadcastEngine, deps: Deps, now: Date): Promise<void> {
  engine.registerList(NUDGE_LIST, (name) => unregisteredFollowers(deps, name.slice(NUDGE_LIST.length + 1)));
  engine.onSystemJobs(NUDGE_JOB, (_api, name) => sendNudge(engine.broadcaster, deps, name.slice(NUDGE_JOB.length + 1)));
  for (const event of deps.series.events) {
    const at = nudgeAt(event, now);
    if (at) await engine.broadcaster.scheduleJob(`${NUDGE_JOB}.${event.id}`, at);
  }
}

async function sendNudge(broadcaster: Broadcaster, deps: Deps, eventId: string): Promise<void> {
  const event = deps.series.byId(eventId);
  const now = deps.clock();
  const at = event && nudgeAt(event, now);
  // Removed, turned off, started, or moved later (its new job comes then).
  if (!event || !at || at.getTime() > now.getTime() + NUDGE_EARLY_MS) return;
  const lateMs = now.getTime() - at.getTime();
  if (lateMs > parseDuration(event.reminderGrace)) {
    deps.logger.warn({ event: eventId, lateMs }, "nudge missed its grace period: skipped");
    return;
  }
  const spec = {
    id: nudgeId(eventId),
    audience: "followers" as const,
    list: nudgeList(eventId),
    ...eventMessage(deps, event, "followers-nudge"),
  };
  if (await broadcaster.send(spec)) deps.logger.info({ event: eventId }, "nudge sent to followers not registered");
}
