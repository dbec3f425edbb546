import type { BotDeps } from "../bot/context.js";
import { repairSeats } from "../features/rsvp/notify.js";
import { askReconfirmation, releaseUnanswered } from "../features/rsvp/reconfirm.js";
import { reconfirmSchedule } from "../features/rsvp/rules.js";
import type { BroadcastEngine, SystemJobHandler } from "./engine.js";

/** How often the seat repair runs: a seat left free while people wait is filled within this time. */
const SEAT_REPAIR_EVERY_MS = 60_000;

/**
 * Jobs other features run at a moment or periodically, on the durable queue (not timers): RSVP
 * re-confirmation ("Still coming?" at startsAt − rsvp.reconfirm.before, unanswered seats released
 * at each guest's own asked time + grace) and the seat repair. Every process registers the
 * handlers; the job ids make each job run once.
 */
export async function scheduleSystemJobs(engine: Pick<BroadcastEngine, "scheduleSystemJob" | "repeatSystemJob">, deps: BotDeps) {
  await engine.repeatSystemJob("rsvp-seat-repair", SEAT_REPAIR_EVERY_MS, async (api) => {
    const { promoted, told } = await repairSeats(deps, api);
    if (promoted.length || told.length) deps.logger.info({ promoted: promoted.length, told: told.length }, "RSVP seats repaired");
  });
  const reconfirm = reconfirmSchedule(deps.event);
  if (!reconfirm) return;
  const release: SystemJobHandler = async (api) => {
    const { released, nextAt } = await releaseUnanswered(deps, api);
    deps.logger.info({ released: released.length, next: nextAt?.toISOString() }, "unanswered RSVP seats released");
    // Guests asked later than askAt (a late or re-run question job) have their own grace: come back then.
    if (nextAt) await engine.scheduleSystemJob("rsvp-reconfirm-release", nextAt, release);
  };
  await engine.scheduleSystemJob("rsvp-reconfirm-ask", reconfirm.askAt, async (api) => {
    const asked = await askReconfirmation(deps, api);
    deps.logger.info({ asked }, "RSVP re-confirmation asked");
    // Everyone asked now is due by now + grace, however late this job ran.
    if (asked) await engine.scheduleSystemJob("rsvp-reconfirm-release", new Date(deps.clock().getTime() + reconfirm.grace), release);
  });
  await engine.scheduleSystemJob("rsvp-reconfirm-release", reconfirm.releaseAt, release);
}
