import { describe, expect, it } from "vitest";
import { resolveAudience } from "../src/delivery/audiences.js";
import { enterContestInEnglish, proposeIdeaInEnglish, registerInEnglish } from "./support/flows.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import { dumpKeys, keysHolding } from "./support/redis-dump.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

const ADMIN = 4545;
const IDEA = "A protected bike lane along Abay avenue to the river";

/** What identifies the person: their Telegram name and username, the name and phone they typed. */
function personal(user: TelegramUser, fullName: string): string[] {
  return [...fullName.split(" "), user.user.first_name, user.user.username ?? fullName, user.phoneNumber, user.phoneNumber.slice(1)];
}

describe("/forget_me leaves nothing behind", () => {
  it("erases a registered guest, idea author, contest entrant and winner from every key under the prefix", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    // An id no timestamp or counter would contain by chance.
    const person = bot.user({ id: 730_000_001, languageCode: "en", firstName: "Zhanargul", username: "zhanargul_b" });
    const other = bot.user({ languageCode: "en", firstName: "Bob" });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    for (const user of [person, other, admin]) await user.command("start");
    await registerInEnglish(person, "Zhanargul Bekmukhambetova");
    await proposeIdeaInEnglish(person, IDEA);
    await enterContestInEnglish(person, "https://www.instagram.com/p/Zhanargul42/");

    // An organiser checks them in and announces them as the winner: the audit log, the admin's draft,
    // the announcement, the winner broadcast and its ledger now all know them.
    const code = (await bot.running.deps.store.rsvps.find(person.id))!.code;
    await admin.command("checkin", code);
    await admin.tap(/Check in/);
    await admin.command("winner");
    await admin.tapData(`contest:w:${person.id}`);
    await admin.tap("👁 Preview");
    await admin.tap("✅ Send to everyone");
    await until(
      () => [person, other].map((user) => user.messages().filter((m) => m.text?.includes("the winner is Zhanargul")).length),
      (counts) => counts.every((count) => count === 1),
    );
    await until(
      () => bot!.running.deps.broadcasts.progress("contest-winner"),
      (progress) => progress?.status === "done",
    );
    const before = await dumpKeys(bot.redis, bot.prefix);
    const holdingBefore = keysHolding(before, personal(person, "Zhanargul Bekmukhambetova")).map((key) => key.slice(bot!.prefix.length));
    // The event's keys are under event:<id>: (src/store/keys.ts).
    const scope = `event:${bot.event.id}:`;
    const where = [
      "broadcast:contest-winner",
      `${scope}contest:announcement`,
      `${scope}contest:entry:${person.id}`,
      "idea:1",
      `${scope}rsvp:guest:${person.id}`,
      `user:${person.id}`,
    ];
    expect(holdingBefore).toEqual(expect.arrayContaining(where));
    const aboutThem = keysHolding(before, [`guest ${person.id}`, `"winnerId":${person.id}`]).map((key) => key.slice(bot!.prefix.length));
    expect(aboutThem).toEqual(expect.arrayContaining(["audit", `${scope}contest:winner-draft:${ADMIN}`]));

    await person.command("forget_me");
    await person.tap("🗑 Yes, delete my data");
    expect(person.lastText()).toContain("Your data is deleted");

    const after = await dumpKeys(bot.redis, bot.prefix);
    expect(after.some((entry) => entry.type === "stream")).toBe(true); // BullMQ's event streams were read too
    expect(keysHolding(after, personal(person, "Zhanargul Bekmukhambetova"))).toEqual([]);
    // Their id is gone too (the audit log and the delivery ledgers included), but from BullMQ's job records.
    const byKey = new Map(after.map((entry) => [entry.key.slice(bot!.prefix.length), entry.content]));
    const audit = (JSON.parse(byKey.get("audit")!) as string[]).map((line) => JSON.parse(line) as { action: string; details: string });
    expect(audit).toMatchObject([
      { action: "winner", details: "winner —, runners-up none" },
      { action: "check-in", details: "guest —" },
    ]);
    expect(byKey.get("broadcast:contest-winner:ledger")).toContain(String(other.id));
    const ours = after.filter((entry) => !entry.key.startsWith(`${bot!.prefix}bull:`));
    expect(keysHolding(ours, [String(person.id)])).toEqual([]);

    // The idea stays, anonymously; a second /winner shows the announcement without them.
    const [idea] = await bot.running.deps.store.ideas.all();
    expect(idea).toMatchObject({ text: IDEA, authorId: 0, authorName: "" });
    await admin.command("winner");
    expect(admin.lastText()).toContain("already sent");
    expect(admin.lastText()).toContain("the winner is (data deleted)");
  });

  it("counts someone who comes back with /rsvp, not /start, among the users the organisers' messages reach", async () => {
    bot = await startTestBot();
    const { store } = bot.running.deps;
    const guest = bot.user({ languageCode: "en", firstName: "Gulnara" });
    await guest.command("start");
    await guest.command("forget_me");
    await guest.tap("🗑 Yes, delete my data");
    expect(await store.users.find(guest.id)).toBeUndefined();
    // The chat is open, so Telegram shows no Start button: the next message is whatever the person types.
    await registerInEnglish(guest, "Gulnara Temirkhanova");
    expect((await store.rsvps.find(guest.id))?.status).toBe("confirmed");
    expect(await store.users.find(guest.id)).toMatchObject({ firstName: "Gulnara", language: "en" });
    expect(await resolveAudience(store, "confirmed")).toEqual([guest.id]);
  });

  it("works while the RSVP form is open: the form ends and what was typed into it is gone", async () => {
    bot = await startTestBot();
    const person = bot.user({ languageCode: "en", firstName: "Gulnara", username: "gulnara_t" });
    await person.command("start");
    await person.command("rsvp");
    await person.tap("✅ I agree");
    await person.send("Gulnara Temirkhanova");
    await person.tap("Media");
    await person.tap("Skip ➡️");
    await person.sendContact(); // the phone is in the form's state now
    const holdingBefore = keysHolding(await dumpKeys(bot.redis, bot.prefix), ["Temirkhanova", person.phoneNumber.slice(1)]);
    expect(holdingBefore).toContain(`${bot.prefix}conversation:${person.id}`);

    await person.command("forget_me");
    expect(person.lastText()).toContain("Delete everything?");
    await person.tap("🗑 Yes, delete my data");
    expect(person.lastText()).toContain("Your data is deleted");
    expect(person.lastMessage().reply_markup).toEqual({ remove_keyboard: true });

    expect(keysHolding(await dumpKeys(bot.redis, bot.prefix), personal(person, "Gulnara Temirkhanova"))).toEqual([]);
    // The form is over: a later message is not taken as its next answer.
    await person.send("I agree");
    expect(person.lastText()).not.toContain("Confirm");
    expect(await bot.running.deps.store.rsvps.find(person.id)).toBeUndefined();
  });
});
