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
  const { store } = deps;
  for (const eraser of deps.personalData) await eraser.eraseAll(deps);
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
    if (running || !retentionDue(deps.event, deps.clock())) return;
    running = eraseEventPersonalData(deps)
      .then(() => {
        const log = { event: deps.event.id };
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
