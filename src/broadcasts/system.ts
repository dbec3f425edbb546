import type { BotDeps } from "../bot/context.js";
import { askReconfirmation, releaseUnanswered } from "../flows/rsvp/reconfirm.js";
import { reconfirmSchedule } from "../flows/rsvp/rules.js";
import type { BroadcastEngine } from "./engine.js";

/**
 * Jobs other features run once at a moment, on the durable queue (not timers): RSVP
 * re-confirmation ("Still coming?" at startsAt − rsvp.reconfirm.before, unanswered seats released
 * after the grace). Every process registers the handlers; the job ids make the jobs run once.
 */
export async function scheduleSystemJobs(engine: BroadcastEngine, deps: BotDeps): Promise<void> {
  const reconfirm = reconfirmSchedule(deps.event);
  if (reconfirm) {
    await engine.scheduleSystemJob("rsvp-reconfirm-ask", reconfirm.askAt, async (api) => {
      const asked = await askReconfirmation(deps, api);
      deps.logger.info({ asked }, "RSVP re-confirmation asked");
    });
    await engine.scheduleSystemJob("rsvp-reconfirm-release", reconfirm.releaseAt, async (api) => {
      const released = await releaseUnanswered(deps, api);
      deps.logger.info({ released: released.length }, "unanswered RSVP seats released");
    });
  }
}
