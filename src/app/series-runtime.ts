import type { Logger } from "pino";
import type { BotDeps } from "../bot/context.js";
import type { BroadcastEngine } from "../delivery/engine.js";
import { scheduleReminders } from "../delivery/reminders.js";
import { eventBroadcaster } from "../delivery/types.js";
import { EventFileError, eventFromData, type EventInfo } from "../event/load.js";
import { untranslated } from "../event/text.js";
import { diffSeries, type SeriesChanges, type SeriesReloadResult } from "../event/reload.js";
import { eventFileData, SeriesError, withArchived, type Series } from "../event/series.js";
import { scheduleFeedbackJobs } from "../features/feedback/jobs.js";
import { scheduleRsvpJobs } from "../features/rsvp/jobs.js";
import type { KnownEvent } from "../store/series-registry.js";
import type { Store } from "../store/index.js";

/** One version of the series and the dependencies of each of its events: replaced whole by a reload. */
export interface SeriesView {
  series: Series;
  depsByEvent: ReadonlyMap<string, BotDeps>;
}

/** Run after every successful reload on every instance (e.g. announcing new events); registered at wiring time. */
export type SeriesReloadedHook = (reload: { changes: SeriesChanges; series: Series; deps: BotDeps }) => Promise<void>;

/** How often an instance checks series:version for a reload done by another instance. */
export const SERIES_WATCH_MS = 5_000;

type SharedDeps = Omit<BotDeps, "event" | "store" | "series" | "depsOf" | "adminIds" | "broadcasts">;

export interface SeriesRuntimeOptions {
  store: Store;
  engine: BroadcastEngine;
  shared: SharedDeps;
  /** ADMIN_IDS (the series' and events' admins are added per version). */
  configAdmins: readonly number[];
  /** The event whose data predates the series: its jobs keep their unsuffixed names. */
  legacyEventId: string | undefined;
  /** Reads and validates the events folder (or EVENT_FILE) again; throws SeriesError. */
  load: () => Series;
  logger: Logger;
  clock: () => Date;
}

/**
 * The running series: the holder of its current view (one object replaced whole, so no update sees
 * half of two versions), its jobs per event, the archive of removed events and /reload.
 */
export function createSeriesRuntime(options: SeriesRuntimeOptions) {
  const { store, engine, logger, clock } = options;
  const registry = store.seriesRegistry;
  const holder: { current?: SeriesView } = {};
  let startEventId = "";
  let seenVersion = 0;
  let reloading: Promise<unknown> = Promise.resolve();
  const onSeriesReloaded: SeriesReloadedHook[] = [];
  const view = (): SeriesView => holder.current!;

  function build(series: Series): SeriesView {
    const depsByEvent = new Map<string, BotDeps>();
    const shared = {
      ...options.shared,
      series,
      adminIds: new Set([...series.admins, ...options.configAdmins]),
      // A view's deps find their siblings in the same view (an update sees one version of the series).
      depsOf: (eventId: string) => depsByEvent.get(eventId),
    };
    for (const event of series.events) {
      depsByEvent.set(event.id, {
        ...shared,
        event,
        store: store.forEvent(event.id),
        broadcasts: eventBroadcaster(engine.broadcaster, event.id),
      });
    }
    return { series, depsByEvent };
  }

  /**
   * Adds the archived events (known from Redis, file gone) to a freshly loaded series and records
   * this version: the loaded events' data, and the archiving time of those found removed now.
   */
  async function archive(series: Series, now: Date): Promise<{ series: Series; newlyArchived: EventInfo[] }> {
    const known = await registry.known();
    const loaded = new Set(series.events.map((event) => event.id));
    const archived: EventInfo[] = [];
    const newlyArchived: EventInfo[] = [];
    const record = new Map<string, KnownEvent>();
    for (const [id, entry] of known) {
      if (loaded.has(id)) continue;
      try {
        const event = eventFromData(entry.data, `archive:${id}`);
        archived.push(event);
        if (entry.archivedAt === undefined) {
          newlyArchived.push(event);
          record.set(id, { data: entry.data, archivedAt: now.toISOString() });
        }
      } catch (error) {
        // Stored by an older version whose schema no longer reads it: its data stays, it is not listed.
        logger.warn({ event: id, problems: error instanceof EventFileError ? error.problems : undefined }, "archived event unreadable");
      }
    }
    for (const event of series.events) record.set(event.id, { data: eventFileData(event) });
    await registry.record(record);
    return { series: withArchived(series, archived), newlyArchived };
  }

  /** Fallbacks a file leaves its readers to, said once per loaded version: untranslated texts, no data controller. */
  function warnFileGaps(series: Series): void {
    for (const event of series.events) {
      for (const [language, paths] of untranslated(event))
        logger.warn(
          { event: event.id, language, texts: paths },
          `texts without a ${language} version are shown in ${event.defaultLanguage}`,
        );
      if (!event.rsvp.consent && event.organisers.length === 0)
        logger.warn(
          { event: event.id },
          "the registration consent names the event's title as the data controller: give rsvp.consent (text and controller) or organisers",
        );
    }
  }

  /** Reminders (rescheduled by content hash), RSVP jobs and the survey of one event; idempotent. */
  async function scheduleEvent(deps: BotDeps): Promise<void> {
    const { event } = deps;
    await scheduleReminders(engine, deps.store, event, clock(), logger);
    await scheduleRsvpJobs(engine, deps, event.id === options.legacyEventId ? "" : `-${event.id}`);
    await scheduleFeedbackJobs(engine, deps);
  }

  /** An archived event sends nothing more: its pending reminders are cancelled (its data stays). */
  async function retire(event: EventInfo): Promise<void> {
    await scheduleReminders(engine, store.forEvent(event.id), { ...event, reminders: [] }, clock(), logger);
  }

  /** The deps of the series' current event in the view in force. */
  function currentDeps(): BotDeps {
    const { series, depsByEvent } = view();
    return depsByEvent.get(series.current(clock()).id)!;
  }

  async function reloadNow(bump: boolean): Promise<SeriesReloadResult> {
    let loaded: Series;
    try {
      loaded = options.load();
    } catch (error) {
      if (error instanceof SeriesError) return { ok: false, errors: error.errors };
      if (error instanceof EventFileError) return { ok: false, errors: [error] };
      throw error;
    }
    const before = view().series;
    warnFileGaps(loaded);
    const { series, newlyArchived } = await archive(loaded, clock());
    const changes = diffSeries(before, series);
    const next = build(series);
    // The swap: one assignment, read once by each update's middleware.
    holder.current = next;
    // Every file's event again, idempotently: a changed reminder gets a new job (its content hash), an
    // unchanged one keeps its own, and every job's handler gets this version's deps.
    for (const event of series.events) if (!series.isArchived(event.id)) await scheduleEvent(next.depsByEvent.get(event.id)!);
    for (const event of newlyArchived) await retire(event);
    if (bump) seenVersion = await registry.bumpVersion();
    logger.info({ ...changes }, "series reloaded");
    const deps = currentDeps();
    for (const hook of onSeriesReloaded) {
      await hook({ changes, series, deps }).catch((error) => logger.error({ err: error }, "after-reload step failed"));
    }
    return { ok: true, series, changes };
  }

  let watch: NodeJS.Timeout | undefined;
  return {
    onSeriesReloaded,
    view,

    /** Start-up: the loaded series with its archive, in force from now. */
    async install(series: Series, startEvent: string): Promise<SeriesView> {
      warnFileGaps(series);
      const { series: full, newlyArchived } = await archive(series, clock());
      holder.current = build(full);
      startEventId = startEvent;
      seenVersion = await registry.version();
      for (const event of newlyArchived) await retire(event);
      return holder.current;
    },

    /** Every file's event's jobs (every process at start-up; idempotent). */
    async scheduleAll(): Promise<void> {
      const { series, depsByEvent } = view();
      for (const event of series.events) if (!series.isArchived(event.id)) await scheduleEvent(depsByEvent.get(event.id)!);
    },

    /**
     * Dependencies that always read the view in force: the start-up event's (else the current one's).
     * Given to the bot's middleware and to long-lived jobs, so a reload reaches them.
     */
    liveDeps(): BotDeps {
      const pick = () => (view().series.isArchived(startEventId) ? undefined : view().depsByEvent.get(startEventId)) ?? currentDeps();
      return {
        ...options.shared,
        get event() {
          return pick().event;
        },
        get store() {
          return pick().store;
        },
        get broadcasts() {
          return pick().broadcasts;
        },
        get series() {
          return view().series;
        },
        get adminIds() {
          return pick().adminIds;
        },
        depsOf: (eventId: string) => view().depsByEvent.get(eventId),
      };
    },

    /** /reload here: one reload at a time per process; others instances follow through series:version. */
    reload(): Promise<SeriesReloadResult> {
      const run = reloading.then(() => reloadNow(true));
      reloading = run.catch(() => undefined);
      return run;
    },

    /** Polls series:version: another instance's /reload is repeated here from the same folder. */
    watch(everyMs = SERIES_WATCH_MS): void {
      let checking = false;
      const check = async () => {
        const version = await registry.version();
        if (version === seenVersion) return;
        seenVersion = version;
        const result = await reloadNow(false);
        if (!result.ok) logger.warn({ files: result.errors.map((error) => error.file) }, "reload after another instance's failed here");
      };
      watch = setInterval(() => {
        // One check at a time (a slow Redis does not pile them up); after any /reload in progress.
        if (checking) return;
        checking = true;
        reloading = reloading
          .then(check)
          .catch((error) => logger.warn({ err: error }, "series version check failed"))
          .finally(() => (checking = false));
      }, everyMs);
      watch.unref();
    },

    async stop(): Promise<void> {
      if (watch) clearInterval(watch);
      await reloading;
    },
  };
}

export type SeriesRuntime = ReturnType<typeof createSeriesRuntime>;
