import { describe, expect, it } from "vitest";
import { enterContestInEnglish, proposeIdeaInEnglish, registerInEnglish } from "./support/flows.js";
import { botPerTest, type TestBot } from "./support/harness.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

const ADMIN = 4242;

describe("/forget_me", () => {
  it("deletes a user's personal data after a confirmation, and organisers' exports no longer show it", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const { store } = bot.running.deps;
    const user = bot.user({ languageCode: "en", firstName: "Aigerim" });
    await user.command("start");
    await registerInEnglish(user);
    await proposeIdeaInEnglish(user);
    await enterContestInEnglish(user);
    expect(await store.rsvps.find(user.id)).toBeDefined();
    expect(await store.contest.entrantIds()).toContain(user.id);
    expect(await store.ideas.authorIds()).toContain(user.id);

    await user.command("forget_me");
    expect(user.lastText()).toContain("Delete everything?");
    await user.tap("↩️ No, keep it");
    expect(user.lastText()).toBe("Nothing was deleted.");
    expect(await store.rsvps.find(user.id)).toBeDefined();

    await user.command("forget_me");
    await user.tap("🗑 Yes, delete my data");
    expect(user.lastText()).toContain("Your data is deleted");
    expect(await store.rsvps.find(user.id)).toBeUndefined();
    expect(await store.contest.entrantIds()).not.toContain(user.id);
    expect(await store.ideas.authorIds()).not.toContain(user.id);
    expect(await store.users.find(user.id)).toBeUndefined();
    expect(await bot.redis.get(`${bot.prefix}session:${user.id}`)).toBeNull();

    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const [csv] = await admin.command("export");
    const guestList = csv?.document?.data?.toString("utf8") ?? "";
    expect(guestList).not.toContain("Saparova");
    expect(guestList).not.toContain(user.phoneNumber.slice(1));
    const [ideasCsv] = await admin.command("export", "ideas");
    const ideas = ideasCsv?.document?.data?.toString("utf8") ?? "";
    expect(ideas).toContain("protected bike lane"); // the proposal stays, anonymously
    expect(ideas).not.toContain("Aigerim");
  });
});

describe("/audit", () => {
  it("shows organisers' actions to admins only", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const guest = bot.user({ languageCode: "en" });
    await registerInEnglish(guest);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    const [empty] = await admin.command("audit");
    expect(empty?.text).toContain("The audit log is empty");

    const code = (await bot.running.deps.store.rsvps.find(guest.id))!.code;
    await admin.command("checkin", code);
    await admin.tap(/Check in/);
    await admin.command("export");
    const [log] = await admin.command("audit");
    expect(log?.text).toContain(`(${ADMIN}) — Checked in at the door: Aigerim Saparova`);
    expect(log?.text).toContain(`(${ADMIN}) — Guest list exported: 1 row`);

    const [refusal] = await guest.command("audit");
    expect(refusal?.text).toBe("Only organisers can do this.");
  });
});
