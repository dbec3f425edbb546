import type { BotDeps } from "../../bot/context.js";
import { retentionDue } from "../../event/retention.js";

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The retention job: every personal field of the event deleted or anonymised (guests' names,
 * contacts and organisations; entries' links and names; idea authors; profiles' names; the people
 * in the winner announcement, the audit log and broadcast ledgers). Counts, statuses and the ideas
 * themselves stay. Idempotent: running it again changes nothing.
 */
export async function eraseEventPersonalData(deps: BotDeps): Promise<void> {
  for (const eraser of deps.personalData) if (!eraser.seriesWide) await eraser.eraseAll(deps);
  // Profiles, ideas, the audit log and ledgers are the series': erased once every event's date has passed.
  if (deps.series.events.every((event) => retentionDue(event, deps.clock()))) await eraseSeriesPersonalData(deps);
}

/** The series-wide part of retention (profiles, idea authors, the audit log, broadcast ledgers). */
async function eraseSeriesPersonalData(deps: BotDeps): Promise<void> {
  const { store } = deps;
  for (const eraser of deps.personalData) if (eraser.seriesWide) await eraser.eraseAll(deps);
  await store.ideas.anonymiseAll();
  await store.users.anonymiseAll();
  await store.audit.eraseAllSubjects();
  await store.broadcasts.dropFinishedLedgers();
}

export interface RetentionJob {
  /** Stops the checks and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the retention job at start-up and then every hour, each time it is due: a profile or an idea
 * added after the date is erased at the next check. Every process runs it; the steps are idempotent.
 */
export function startRetention(deps: BotDeps): RetentionJob {
  let running: Promise<void> | undefined;
  let runs = 0;
  const check = () => {
    if (running) return;
    // Each event of the series on its own date (its deps: its registrations, entries and quiz).
    const due = deps.series.events.filter((event) => retentionDue(event, deps.clock())).map((event) => deps.depsOf(event.id) ?? deps);
    if (due.length === 0) return;
    running = (async () => {
      for (const eventDeps of due) await eraseEventPersonalData(eventDeps);
    })()
      .then(() => {
        const log = { events: due.map((each) => each.event.id) };
        if (runs++ === 0) deps.logger.info(log, "retention: the event's personal data is erased");
        else deps.logger.debug(log, "retention: checked again");
      })
      .catch((error) => deps.logger.error({ err: error }, "retention job failed; retried at the next check"))
      .finally(() => (running = undefined));
  };
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
