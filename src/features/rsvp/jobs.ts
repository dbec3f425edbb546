import type { BotDeps } from "../../bot/context.js";
import type { SystemJobHandler, SystemJobs } from "../../delivery/engine.js";
import { repairSeats } from "./notify.js";
import { askReconfirmation, releaseUnanswered } from "./reconfirm.js";
import { reconfirmSchedule } from "./rules.js";

/** How often the seat repair runs: a seat left free while people wait is filled within this time. */
const SEAT_REPAIR_EVERY_MS = 60_000;

/**
 * RSVP's jobs on the delivery engine's durable queue (not timers): re-confirmation ("Still coming?"
 * at startsAt − rsvp.reconfirm.before, unanswered seats released at each guest's own asked time +
 * grace) and the seat repair. Every process registers the handlers; the job ids make each job run once.
 * One set per event of the series: `jobSuffix` (the event id) keeps their names apart.
 */
export async function scheduleRsvpJobs(engine: SystemJobs, deps: BotDeps, jobSuffix = `-${deps.event.id}`) {
  await engine.repeatSystemJob(`rsvp-seat-repair${jobSuffix}`, SEAT_REPAIR_EVERY_MS, async (api) => {
    const { promoted, told } = await repairSeats(deps, api);
    if (promoted.length || told.length) deps.logger.info({ promoted: promoted.length, told: told.length }, "RSVP seats repaired");
  });
  const reconfirm = reconfirmSchedule(deps.event);
  if (!reconfirm) return;
  const release: SystemJobHandler = async (api) => {
    const { released, nextAt } = await releaseUnanswered(deps, api);
    deps.logger.info({ released: released.length, next: nextAt?.toISOString() }, "unanswered RSVP seats released");
    // Guests asked later than askAt (a late or re-run question job) have their own grace: come back then.
    if (nextAt) await engine.scheduleSystemJob(`rsvp-reconfirm-release${jobSuffix}`, nextAt, release);
  };
  await engine.scheduleSystemJob(`rsvp-reconfirm-ask${jobSuffix}`, reconfirm.askAt, async (api) => {
    const asked = await askReconfirmation(deps, api);
    deps.logger.info({ asked }, "RSVP re-confirmation asked");
    // Everyone asked now is due by now + grace, however late this job ran.
    if (asked)
      await engine.scheduleSystemJob(`rsvp-reconfirm-release${jobSuffix}`, new Date(deps.clock().getTime() + reconfirm.grace), release);
  });
  await engine.scheduleSystemJob(`rsvp-reconfirm-release${jobSuffix}`, reconfirm.releaseAt, release);
}
