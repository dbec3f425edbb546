import type { Api } from "grammy";
import { describe, expect, it } from "vitest";
import type { BotDeps } from "../src/bot/context.js";
import type { SystemJobHandler } from "../src/delivery/engine.js";
import { scheduleRsvpJobs } from "../src/features/rsvp/jobs.js";
import { releaseUnanswered } from "../src/features/rsvp/reconfirm.js";
import { reconfirmSchedule } from "../src/features/rsvp/rules.js";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot, type TestClock } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";

const RIVERSIDE = "test/fixtures/events/riverside-cleanup.yaml";
const QUERY_TOO_OLD = { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" };

const startTestBot = botPerTest();
let bot: TestBot | undefined;

/** The riverside event with another capacity. */
const riversideWithCapacity = (capacity: number) => eventWith({ rsvp: { capacity } }, RIVERSIDE);

async function registered(name: string): Promise<TelegramUser> {
  const user = bot!.user();
  await user.command("rsvp");
  await user.tap("✅ I agree");
  await user.send(name); // the riverside file has no questions: the name, then the summary
  await user.tap("✅ Confirm");
  return user;
}

const rsvps = () => bot!.running.deps.store.rsvps;
const status = async (user: TelegramUser) => (await rsvps().find(user.id))?.status;
const texts = (user: TelegramUser) => user.messages().map((m) => m.text ?? m.caption ?? "");
const toldSeatIsTheirs = (user: TelegramUser) => texts(user).filter((text) => text.includes("a seat freed up and it is yours")).length;

interface RecordedJob {
  name: string;
  at: Date;
  handler: SystemJobHandler;
  done: boolean;
}

/**
 * Stands in for the durable queue's timing: records the system jobs the bot schedules and runs
 * them in time order on the test clock, as the queue would at those moments.
 */
class RecordedSchedule {
  readonly jobs: RecordedJob[] = [];
  readonly repeating = new Map<string, { everyMs: number; handler: SystemJobHandler }>();

  constructor(
    private readonly clock: TestClock,
    private readonly api: Api,
  ) {}

  async scheduleSystemJob(name: string, at: Date, handler: SystemJobHandler): Promise<void> {
    // The queue's job id is the name and the moment: scheduling the same one twice keeps one.
    if (this.jobs.some((job) => job.name === name && job.at.getTime() === at.getTime())) return;
    this.jobs.push({ name, at, handler, done: false });
  }

  async repeatSystemJob(name: string, everyMs: number, handler: SystemJobHandler): Promise<void> {
    this.repeating.set(name, { everyMs, handler });
  }

  /** Runs every one-off job due up to `until` (later ones they schedule included), moving the clock to each. */
  async runThrough(until: Date): Promise<string[]> {
    const ran: string[] = [];
    for (;;) {
      const next = this.jobs.filter((job) => !job.done && job.at <= until).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
      if (!next) break;
      if (next.at > this.clock.now()) this.clock.set(next.at);
      next.done = true;
      await next.handler(this.api);
      ran.push(`${next.name}@${next.at.toISOString()}`);
    }
    if (this.clock.now() < until) this.clock.set(until);
    return ran;
  }

  async runRepeating(name: string): Promise<void> {
    const job = this.repeating.get(name);
    if (!job) throw new Error(`no repeating job ${name}; scheduled: ${[...this.repeating.keys()].join(", ") || "none"}`);
    await job.handler(this.api);
  }
}

function recordSystemJobs(deps: BotDeps = bot!.running.deps): Promise<RecordedSchedule> {
  const schedule = new RecordedSchedule(bot!.clock, bot!.running.bot.api as unknown as Api);
  return scheduleRsvpJobs(schedule, deps).then(() => schedule);
}

describe("RSVP seats under faults (capacity 1)", () => {
  it("cancelling confirms and tells the waitlisted guest while Telegram refuses every button answer", async () => {
    bot = await startTestBot({ eventFile: riversideWithCapacity(1) });
    const seated = await registered("Sam Seated");
    const waiting = await registered("Wendy Wait");
    expect([await status(seated), await status(waiting)]).toEqual(["confirmed", "waitlisted"]);

    // From now on every answerCallbackQuery is refused, as for a backlogged bot.
    bot.api.failNext("answerCallbackQuery", QUERY_TOO_OLD, Number.POSITIVE_INFINITY);
    const answeredBefore = bot.api.callsTo("answerCallbackQuery").length;
    await seated.command("rsvp");
    await seated.tap("❌ Cancel my registration");
    await seated.tap("Yes, cancel it");

    expect(seated.lastText()).toContain("Your registration is cancelled.");
    expect(await status(seated)).toBe("cancelled");
    expect(await status(waiting)).toBe("confirmed");
    expect(toldSeatIsTheirs(waiting)).toBe(1);
    expect(waiting.messages().some((m) => m.kind === "photo")).toBe(true);
    expect(texts(seated).some((text) => text.includes("something went wrong"))).toBe(false);
    const refused = bot.api.callsTo("answerCallbackQuery").slice(answeredBefore);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((call) => !call.ok)).toBe(true);
    expect(bot.errors()).toEqual([]);
  });

  it("the form and the re-confirmation's No work while every button answer is refused", async () => {
    bot = await startTestBot({ eventFile: riversideWithCapacity(1) });
    bot.api.failNext("answerCallbackQuery", QUERY_TOO_OLD, Number.POSITIVE_INFINITY);
    const seated = await registered("Sam Seated");
    const waiting = await registered("Wendy Wait");
    expect([await status(seated), await status(waiting)]).toEqual(["confirmed", "waitlisted"]);

    const jobs = await recordSystemJobs();
    await jobs.runThrough(reconfirmSchedule(bot.event)!.askAt);
    await seated.tap("❌ No, I can't come");
    expect(seated.lastText()).toContain("your seat goes to someone on the waiting list");
    expect(await rsvps().find(seated.id)).toMatchObject({ status: "cancelled", cancelReason: "declined" });
    expect(await status(waiting)).toBe("confirmed");
    expect(toldSeatIsTheirs(waiting)).toBe(1);
    expect(bot.errors()).toEqual([]);
  });
});

describe("RSVP re-confirmation when the jobs run late", () => {
  it("the bot restarted 20 s after the questions were due: the silent guest's seat goes after their own grace", async () => {
    bot = await startTestBot({ eventFile: RIVERSIDE });
    const schedule = reconfirmSchedule(bot.event)!;
    const yes = await registered("Yasmin Yes");
    const silent = await registered("Sam Silent");
    const waiting = await registered("Wendy Wait");
    expect(await status(waiting)).toBe("waitlisted");

    // The bot was down at askAt and came back 20 s later: the overdue question job runs then.
    const restartedAt = new Date(schedule.askAt.getTime() + 20_000);
    bot.clock.set(restartedAt);
    const jobs = await recordSystemJobs();
    await jobs.runThrough(restartedAt);
    expect(silent.lastText()).toContain("Still coming to Esentai River Clean-up Day?");
    await yes.tap("✅ Yes, I am coming");

    // The job at askAt + grace comes before the silent guest's own grace is over: the seat stays.
    await jobs.runThrough(schedule.releaseAt);
    expect(await status(silent)).toBe("confirmed");
    expect(await status(waiting)).toBe("waitlisted");

    // Their grace ends 20 s later, and the seat goes to the waiting list.
    const ownGraceEnds = new Date(restartedAt.getTime() + schedule.grace);
    // RSVP's jobs carry their event's id (src/features/rsvp/jobs.ts).
    expect(await jobs.runThrough(ownGraceEnds)).toEqual([`rsvp-reconfirm-release-${bot.event.id}@${ownGraceEnds.toISOString()}`]);
    expect(await rsvps().find(silent.id)).toMatchObject({ status: "cancelled", cancelReason: "no-reconfirmation" });
    expect(silent.lastText()).toContain("You did not confirm that you are coming");
    expect(await status(waiting)).toBe("confirmed");
    expect(toldSeatIsTheirs(waiting)).toBe(1);
    expect(await status(yes)).toBe("confirmed");
    // Nobody is left to release: no further job is waiting.
    await jobs.runThrough(bot.event.startsAt);
    expect(jobs.jobs.filter((job) => !job.done)).toEqual([]);
  });

  it("a Yes tapped while the release is deciding keeps the seat", async () => {
    bot = await startTestBot({ eventFile: RIVERSIDE });
    const { deps, bot: grammy } = bot.running;
    const schedule = reconfirmSchedule(bot.event)!;
    const late = await registered("Lara Late");
    const other = await registered("Olga Other");
    const waiting = await registered("Walter Wait");
    const jobs = await recordSystemJobs();
    await jobs.runThrough(schedule.askAt);
    await other.tap("✅ Yes, I am coming");

    // Lara taps Yes just after the release read her record, before it decides.
    bot.clock.set(schedule.releaseAt);
    const store = deps.store;
    let tapped = false;
    const racing: BotDeps = {
      ...deps,
      store: {
        ...store,
        rsvps: {
          ...store.rsvps,
          async find(userId: number) {
            const record = await store.rsvps.find(userId);
            if (userId === late.id && !tapped) {
              tapped = true;
              await late.tap("✅ Yes, I am coming");
            }
            return record;
          },
        },
      },
    };
    await releaseUnanswered(racing, grammy.api);
    expect(tapped).toBe(true);
    expect(late.lastText()).toContain("Thank you! See you there.");
    expect(await rsvps().find(late.id)).toMatchObject({ status: "confirmed", reconfirmedAt: schedule.releaseAt });
    expect(texts(late).some((text) => text.includes("You did not confirm"))).toBe(false);
    expect(await status(waiting)).toBe("waitlisted");
  });
});

describe("the seat repair job", () => {
  it("fills seats left free while people wait and tells promoted guests nobody told, once", async () => {
    bot = await startTestBot({ eventFile: riversideWithCapacity(1) });
    const { deps } = bot.running;
    const seated = await registered("Sam Seated");
    const first = await registered("Fay First");
    const second = await registered("Sid Second");
    const third = await registered("Tia Third");

    // The organisers raised the capacity to 2 and restarted: one seat is free while three wait.
    const roomier: BotDeps = { ...deps, event: { ...deps.event, rsvp: { ...deps.event.rsvp, capacity: 2 } } };
    const jobs = await recordSystemJobs(roomier);
    await jobs.runRepeating(`rsvp-seat-repair-${bot.event.id}`);
    expect(await status(first)).toBe("confirmed");
    expect(toldSeatIsTheirs(first)).toBe(1);
    expect(await status(second)).toBe("waitlisted");

    // A process died right after a cancellation moved the queue, before telling anyone.
    await deps.store.rsvps.cancel(seated.id, deps.clock(), "guest", roomier.event.rsvp.capacity);
    expect(await status(second)).toBe("confirmed");
    expect(toldSeatIsTheirs(second)).toBe(0);
    await jobs.runRepeating(`rsvp-seat-repair-${bot.event.id}`);
    expect(toldSeatIsTheirs(second)).toBe(1);
    expect(second.messages().some((m) => m.kind === "photo")).toBe(true);

    // Idempotent: nothing free, nobody untold, so another run changes nothing.
    await jobs.runRepeating(`rsvp-seat-repair-${bot.event.id}`);
    expect(toldSeatIsTheirs(first)).toBe(1);
    expect(toldSeatIsTheirs(second)).toBe(1);
    expect(await status(third)).toBe("waitlisted");
    expect(await rsvps().counts()).toMatchObject({ confirmed: 2, waitlisted: 1, cancelled: 1 });
  });
});
