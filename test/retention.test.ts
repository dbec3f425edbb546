import { describe, expect, it } from "vitest";
import { loadEvent } from "../src/event/load.js";
import { eraseEventPersonalData } from "../src/features/privacy/retention.js";
import { retentionDue, retentionEndsAt } from "../src/event/retention.js";
import { registerInEnglish, openSubmission } from "./support/flows.js";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import { dumpKeys, keysHolding, type DumpedKey } from "./support/redis-dump.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

const ADMIN = 4646;
const DAY = 86_400_000;
const IDEA = "A protected bike lane along Abay avenue to the river";

/** The bundled event with `privacy.retainFor` set (or left out for the default). */
const eventRetainingFor = (retainFor?: string) => eventWith({ privacy: retainFor ? { retainFor } : undefined });

describe("retention rule", () => {
  it("is due once privacy.retainFor has passed since the end, 90 days by default", () => {
    const event = loadEvent(eventRetainingFor("30d"));
    expect(retentionEndsAt(event)).toEqual(new Date(event.endsAt.getTime() + 30 * DAY));
    expect(retentionDue(event, new Date(event.endsAt.getTime() + 30 * DAY - 1))).toBe(false);
    expect(retentionDue(event, new Date(event.endsAt.getTime() + 30 * DAY))).toBe(true);
    const byDefault = loadEvent(eventRetainingFor());
    expect(byDefault.privacy.retainFor).toBe("90d");
    expect(retentionDue(byDefault, new Date(event.endsAt.getTime() + 40 * DAY))).toBe(false);
  });
});

describe("retention in /stats", () => {
  it("names the kinds of personal data the event holds, without contest links or idea authors where it has neither", async () => {
    const admins = { en: ADMIN, ru: ADMIN + 1, kk: ADMIN + 2 };
    bot = await startTestBot({ eventFile: eventWith({ contest: undefined, ideas: undefined }), adminIds: Object.values(admins) });
    const expected = {
      en: "Personal data of this event (names and contacts) will be deleted on",
      ru: "Персональные данные этого мероприятия (имена и контакты) будут удалены",
      kk: "Осы іс-шараның дербес деректері (аттар және байланыс деректері) жойылатын күн:",
    };
    for (const [language, text] of Object.entries(expected)) {
      const admin = bot.user({ id: admins[language as keyof typeof admins], languageCode: language });
      await admin.command("stats");
      expect(admin.lastText(), language).toContain(text);
    }
  });
});

describe("retention job", () => {
  it("erases the guests' names and phones everywhere within 30 s of a start 40 days after an event kept for 30", async () => {
    const eventFile = eventRetainingFor("30d");
    bot = await startTestBot({ eventFile, adminIds: [ADMIN] });
    const guests: Array<[TelegramUser, string]> = [
      [bot.user({ id: 730_000_011, languageCode: "en", firstName: "Zhanargul", username: "zhanargul_b" }), "Zhanargul Bekmukhambetova"],
      [bot.user({ id: 730_000_012, languageCode: "en", firstName: "Temirlan", username: "temirlan_o" }), "Temirlan Omarbekov"],
    ];
    const [first] = guests[0]!;
    for (const [guest, name] of guests) {
      await guest.command("start");
      await registerInEnglish(guest, name);
    }
    await first.command("idea");
    await openSubmission(first, "✍️ Propose an idea");
    await first.tap("Bike lanes");
    await first.send(IDEA);
    await first.tap("Skip ➡️");
    await first.tapReply("Skip ➡️");
    await first.tap("✅ Submit");
    await first.command("contest");
    await openSubmission(first, "📤 Submit my entry");
    await first.send("https://www.instagram.com/p/Zhanargul42/");
    await first.send("Shade trees and benches along every tram stop");
    await first.sendPhoto();
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    await admin.command("checkin", (await bot.running.deps.store.rsvps.find(first.id))!.code);
    await admin.tap(/Check in/);
    await admin.command("winner");
    await admin.tapData(`contest:w:${first.id}`);
    await admin.tap("👁 Preview");
    await admin.tap("✅ Send to everyone");
    await until(
      () => bot!.running.deps.broadcasts.progress("contest-winner"),
      (progress) => progress?.status === "done",
    );
    await admin.command("stats");
    expect(admin.lastText()).toContain("will be deleted on 30 December 2017, 13:00");

    const { prefix } = bot;
    const personal = guests.flatMap(([guest, name]) => [
      ...name.split(" "),
      guest.user.username!,
      guest.phoneNumber,
      guest.phoneNumber.slice(1),
    ]);
    const beforeDump = await dumpKeys(bot.redis, prefix);
    const before = keysHolding(beforeDump, personal).map((key) => key.slice(prefix.length));
    // RSVP and the contest are the event's (under event:<id>:); profiles and ideas the series'.
    const scope = `event:${bot.event.id}:`;
    expect(before).toEqual(
      expect.arrayContaining([
        `${scope}rsvp:guest:${first.id}`,
        `user:${first.id}`,
        `${scope}contest:entry:${first.id}`,
        "idea:1",
        `${scope}contest:announcement`,
      ]),
    );
    expect(keysHolding(beforeDump, [`guest ${first.id}`]).map((key) => key.slice(prefix.length))).toEqual(["audit"]);
    const ledger = `${prefix}broadcast:contest-winner:ledger`;
    expect(beforeDump.map((entry) => entry.key)).toContain(ledger);

    // The bot starts again on the same data, 40 days after the event ended.
    bot.clock.set(new Date(bot.event.endsAt.getTime() + 40 * DAY));
    await bot.restart();
    const left = await until(
      async () => keysHolding(await dumpKeys(bot!.redis, prefix), personal),
      (keys) => keys.length === 0,
      30_000,
    );
    expect(left).toEqual([]);

    // Counts, statuses and the anonymous idea stay; organisers are told when the data went.
    const { store } = bot.running.deps;
    expect(await store.rsvps.counts()).toMatchObject({ confirmed: 2, checkedIn: 1 });
    expect(await store.contest.count()).toBe(1);
    expect(await store.ideas.all()).toMatchObject([{ text: IDEA, authorId: 0, authorName: "" }]);
    const dump = await dumpKeys(bot.redis, prefix);
    expect(dump.find((entry) => entry.key === `${prefix}audit`)?.content).not.toContain(String(first.id));
    expect(dump.map((entry) => entry.key)).not.toContain(ledger);
    // Idempotent: another run (the hourly check, another process) changes nothing outside BullMQ's queues.
    await eraseEventPersonalData(bot.running.deps);
    const ours = (entries: DumpedKey[]) => entries.filter((entry) => !entry.key.startsWith(`${prefix}bull:`));
    expect(ours(await dumpKeys(bot.redis, prefix))).toEqual(ours(dump));
    await admin.command("stats");
    expect(admin.lastText()).toContain("Confirmed: 2");
    expect(admin.lastText()).toContain("was deleted on 30 December 2017, 13:00");
  }, 60_000);
});
