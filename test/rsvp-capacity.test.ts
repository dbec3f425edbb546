import { describe, expect, it } from "vitest";
import { askReconfirmation, releaseUnanswered } from "../src/features/rsvp/reconfirm.js";
import { reconfirmSchedule } from "../src/features/rsvp/rules.js";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";

const RIVERSIDE = "test/fixtures/events/riverside-cleanup.yaml";
const ADMIN = 4242;

const startTestBot = botPerTest();
let bot: TestBot | undefined;

/** Agrees, fills the form (English is the fixture's first language; its file has no questions: the name only) and stops at the summary. */
async function fillUntilSummary(user: TelegramUser, name: string) {
  await user.command("rsvp");
  await user.tap("✅ I agree");
  await user.send(name);
}

async function registered(name: string) {
  const user = bot!.user();
  await fillUntilSummary(user, name);
  await user.tap("✅ Confirm");
  return user;
}

const rsvps = () => bot!.running.deps.store.rsvps;
const texts = (user: TelegramUser) => user.messages().map((m) => m.text ?? m.caption ?? "");

describe("RSVP capacity and waitlist (riverside-cleanup, 2 seats)", () => {
  it("gives the last seats to exactly two of three simultaneous confirmations, alerts admins once, promotes on cancel", async () => {
    bot = await startTestBot({ eventFile: RIVERSIDE, adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const users = [bot.user(), bot.user(), bot.user()];
    for (const [i, user] of users.entries()) await fillUntilSummary(user, `Guest ${"ABC"[i]}`);
    await Promise.all(users.map((user) => user.tap("✅ Confirm")));

    const statuses = await Promise.all(users.map(async (user) => (await rsvps().find(user.id))!.status));
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(2);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(1);
    const waiting = users[statuses.indexOf("waitlisted")]!;
    expect(waiting.lastText()).toContain("you are on the waiting list");
    expect(waiting.lastText()).toContain("Your place in the queue: 1");
    expect(waiting.messages().some((m) => m.kind === "photo")).toBe(false);

    // From 1 of 2 to 2 of 2 passes 80% and 100% at once: one alert, the higher.
    const alerts = texts(admin).filter((text) => text.startsWith("📈"));
    expect(alerts).toEqual(["📈 Registrations have reached 100% of the capacity: 2 of 2 seats taken."]);

    const leaving = users[statuses.indexOf("confirmed")]!;
    await leaving.command("rsvp");
    await leaving.tap("❌ Cancel my registration");
    await leaving.tap("Yes, cancel it");
    expect((await rsvps().find(leaving.id))?.status).toBe("cancelled");
    expect((await rsvps().find(waiting.id))?.status).toBe("confirmed");
    expect(texts(waiting).some((text) => text.includes("a seat freed up and it is yours"))).toBe(true);
    expect(waiting.messages().some((m) => m.kind === "photo")).toBe(true);
    expect(await rsvps().idsByStatus("cancelled")).toEqual([leaving.id]);
    // The alert is not repeated when the seats fill up again.
    expect(texts(admin).filter((text) => text.startsWith("📈"))).toHaveLength(1);
  });
});

describe("RSVP re-confirmation", () => {
  it("alerts at 80% and again at 100% when registrations reach them one by one", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { capacity: 5 } }, RIVERSIDE), adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("start");
    for (const name of ["Guest A", "Guest B", "Guest C", "Guest D"]) await registered(name);
    expect(texts(admin).filter((text) => text.startsWith("📈"))).toEqual(["📈 Регистрации достигли 80% вместимости: занято мест: 4 из 5."]);
    await registered("Guest E");
    expect(texts(admin).filter((text) => text.startsWith("📈"))).toEqual([
      "📈 Регистрации достигли 80% вместимости: занято мест: 4 из 5.",
      "📈 Регистрации достигли 100% вместимости: занято мест: 5 из 5.",
    ]);
  });

  it("asks once, keeps Yes, frees No at once and unanswered seats after the grace period", async () => {
    bot = await startTestBot({ eventFile: RIVERSIDE });
    const { deps, bot: grammy } = bot.running;
    const schedule = reconfirmSchedule(bot.event)!;
    const yes = await registered("Yasmin Yes");
    const silent = await registered("Sam Silent");
    const firstWaiting = await registered("Wendy Wait");
    const secondWaiting = await registered("Walter Wait");
    expect((await rsvps().find(firstWaiting.id))?.status).toBe("waitlisted");

    bot.clock.set(new Date(schedule.askAt.getTime() - 60_000));
    expect(await askReconfirmation(deps, grammy.api)).toBe(0);
    bot.clock.set(schedule.askAt);
    expect(await askReconfirmation(deps, grammy.api)).toBe(2);
    expect(await askReconfirmation(deps, grammy.api)).toBe(0);
    expect(yes.lastText()).toContain("Still coming to Esentai River Clean-up Day?");
    expect(yes.buttons()).toEqual(["✅ Yes, I am coming", "❌ No, I can't come"]);
    expect(firstWaiting.lastText()).not.toContain("Still coming");

    await yes.tap("✅ Yes, I am coming");
    expect(yes.lastText()).toContain("Thank you! See you there.");
    expect((await rsvps().find(yes.id))?.reconfirmedAt).toEqual(schedule.askAt);

    // Before the grace period ends nothing is released.
    bot.clock.set(new Date(schedule.releaseAt.getTime() - 60_000));
    expect(await releaseUnanswered(deps, grammy.api)).toEqual({ released: [], nextAt: schedule.releaseAt });
    bot.clock.set(schedule.releaseAt);
    expect(await releaseUnanswered(deps, grammy.api)).toEqual({ released: [silent.id] });
    expect(await releaseUnanswered(deps, grammy.api)).toEqual({ released: [] });
    expect(silent.lastText()).toContain("You did not confirm that you are coming");
    expect(await rsvps().find(silent.id)).toMatchObject({ status: "cancelled", cancelReason: "no-reconfirmation" });
    expect((await rsvps().find(firstWaiting.id))?.status).toBe("confirmed");
    expect(texts(firstWaiting).some((text) => text.includes("a seat freed up and it is yours"))).toBe(true);
    expect((await rsvps().find(yes.id))?.status).toBe("confirmed");

    // Run again, the ask reaches only the guest promoted since; "No" frees the seat at once.
    expect(await askReconfirmation(deps, grammy.api)).toBe(1);
    await firstWaiting.tap("❌ No, I can't come");
    expect(await rsvps().find(firstWaiting.id)).toMatchObject({ status: "cancelled", cancelReason: "declined" });
    expect(firstWaiting.lastText()).toContain("your seat goes to someone on the waiting list");
    expect((await rsvps().find(secondWaiting.id))?.status).toBe("confirmed");
    await firstWaiting.tapData("rsvp:rc:no");
    expect(firstWaiting.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
    expect(await rsvps().counts()).toMatchObject({ confirmed: 2, waitlisted: 0, cancelled: 2 });
  });
});
