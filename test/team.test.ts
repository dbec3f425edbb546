import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { proposeIdeaInEnglish, registerInEnglish } from "./support/flows.js";

const ADMIN = 7101;
const REFUSED = "Only organisers can do this.";
const startTestBot = botPerTest();
let bot: TestBot;

const team = () => bot.running.deps.store.team;
const rsvps = () => bot.running.deps.store.rsvps;
const menu = (user: TelegramUser, language = "en") => bot.api.visibleCommands(user.id, language).map((c) => c.command);

/** The admin makes an invite link through /team's buttons and returns its start payload. */
async function inviteLink(admin: TelegramUser, role: string | RegExp, uses: string | RegExp): Promise<string> {
  await admin.command("team");
  await admin.tap(role);
  await admin.tap(uses);
  const link = /https:\/\/t\.me\/wealmaty_test_bot\?start=(team_[\w-]{22})/.exec(admin.lastText());
  expect(link, admin.lastText()).not.toBeNull();
  return link![1]!;
}

describe("the door team", () => {
  it("an admin invites staff, who check guests in and find them by name, and are refused everything else", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const aigerim = bot.user({ languageCode: "en" });
    const bob = bot.user({ languageCode: "en" });
    await registerInEnglish(aigerim, "Aigerim Saparova");
    await registerInEnglish(bob, "Bob Ray");

    const payload = await inviteLink(admin, "➕ Invite: door staff", "Single use");
    expect(admin.lastText()).toContain("door staff, single use, valid until");
    const invite = await bot.redis.hgetall(bot.running.deps.store.keys.team.invite(payload.slice(5)));
    expect(invite).toMatchObject({ role: "staff", uses: "1", by: String(ADMIN) });
    expect(Number(invite.expiresAt)).toBe(bot.clock.now().getTime() + 24 * 60 * 60_000);

    const staff = bot.user({ languageCode: "en", firstName: "Zed <b>&" });
    await staff.command("start", payload);
    expect(staff.lastText()).toContain("Welcome to the door team!");
    expect(await team().roleOf(staff.id)).toBe("staff");
    // The admins hear who joined, the name as typed (escaped, not markup).
    expect(admin.lastText()).toBe(`👥 Zed <b>& (${staff.id}) joined the team as door staff.`);
    expect(menu(staff)).toEqual(expect.arrayContaining(["checkin", "find", "stats", "rsvp"]));
    expect(menu(staff)).not.toContain("export");
    expect(menu(staff)).not.toContain("team");

    // By code: the card, the button, and the running count.
    const code = (await rsvps().find(aigerim.id))!.code;
    await staff.command("checkin", code);
    expect(staff.lastText()).toContain("Aigerim Saparova");
    await staff.tap("✅ Check in");
    expect(staff.lastText()).toBe("✅ Aigerim Saparova is checked in.");
    expect(staff.callbackAnswers().at(-1)?.text).toBe("Checked in: 1 of 2.");
    expect((await rsvps().find(aigerim.id))!.checkedInBy).toBe(staff.id);

    // By name: three letters at least, confirmed guests only, each with its own button.
    await staff.command("find", "Ai");
    expect(staff.lastText()).toBe("✋ Type at least 3 letters of the name.");
    await staff.command("find", "aig");
    expect(staff.lastText()).toContain("Aigerim Saparova");
    expect(staff.lastText()).toContain("✅ checked in at");
    expect(staff.buttons()).toEqual([]);
    // The ticket's QR link opens the door card for staff too.
    await staff.command("start", `ci_${(await rsvps().find(bob.id))!.token}`);
    expect(staff.lastText()).toContain("Bob Ray");
    expect(staff.buttons()).toEqual(["✅ Check in"]);
    await staff.command("find", "bob r");
    expect(staff.lastText()).toContain(`Bob Ray — ${(await rsvps().find(bob.id))!.code}`);
    await staff.tap("✅ Check in Bob Ray");
    expect((await rsvps().find(bob.id))!.checkedInAt).toBeDefined();
    await staff.command("find", "zzz");
    expect(staff.lastText()).toBe("Nobody among the confirmed guests is called “zzz”.");
    // The check-in mode takes names as well as codes.
    await staff.command("checkin");
    expect(staff.lastText()).toContain("Checked in: 2 of 2.");
    await staff.send("Saparova");
    expect(staff.lastText()).toContain("Aigerim Saparova");
    await staff.command("cancel");

    // Only the counter of /stats, and nothing else an organiser has.
    await staff.command("stats");
    expect(staff.lastText()).toBe("Checked in: 2 of 2.");
    const documentsBefore = staff.documents().length;
    for (const command of ["export", "broadcast", "broadcasts", "winner", "quiz", "admin", "audit"]) {
      await staff.command(command);
      expect(staff.lastText(), command).toBe(REFUSED);
    }
    // /ideas is the guests' ideas screen for staff, not the organisers' list of every idea.
    await staff.command("ideas");
    expect(staff.lastText()).toMatch(/^💡 Ideas for the city/);
    await staff.command("team");
    expect(staff.lastText()).toBe("Only admins can do this: they manage the team.");
    expect(staff.documents()).toHaveLength(documentsBefore);
    await staff.tapData("ideas:mod:pub:1");
    expect(staff.callbackAnswers().at(-1)).toMatchObject({ text: REFUSED, show_alert: true });
    await staff.tapData("admin:export");
    expect(staff.callbackAnswers().at(-1)).toMatchObject({ text: REFUSED, show_alert: true });
    expect(staff.documents()).toHaveLength(documentsBefore);
  });

  it("a single-use link grants once, also to two people opening it at the same moment", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");

    const payload = await inviteLink(admin, "➕ Invite: door staff", "Single use");
    const first = bot.user({ languageCode: "en" });
    const second = bot.user({ languageCode: "en" });
    await first.command("start", payload);
    await second.command("start", payload);
    expect(second.lastText()).toBe("This invite link has been used up. Ask an organiser for a new one.");
    expect(await team().roleOf(first.id)).toBe("staff");
    expect(await team().roleOf(second.id)).toBeUndefined();
    // The one who joined opening it again is told so, not refused.
    await first.command("start", payload);
    expect(first.lastText()).toBe("You are already on the team as door staff.");
    // "Forget me" ends the membership: role and name.
    await first.command("forget_me");
    await first.tap("🗑 Yes, delete my data");
    expect(await team().roleOf(first.id)).toBeUndefined();
    expect(await bot.redis.exists(bot.running.deps.store.keys.team.member(first.id))).toBe(0);

    const raced = await inviteLink(admin, "➕ Invite: door staff", "Single use");
    const racers = [bot.user({ languageCode: "en" }), bot.user({ languageCode: "en" })];
    await Promise.all(racers.map((racer) => racer.command("start", raced)));
    const roles = await Promise.all(racers.map((racer) => team().roleOf(racer.id)));
    expect(roles.filter((role) => role === "staff")).toHaveLength(1);
    expect(racers.map((racer) => racer.lastText()).filter((text) => text.includes("Welcome to the door team"))).toHaveLength(1);

    // The store on its own: ten people at once on a link for five.
    const token = "A".repeat(22);
    await team().createInvite(token, { role: "juror", uses: 5, createdBy: ADMIN }, bot.clock.now());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => team().redeem(token, 900_000 + i, `Racer ${i}`, bot.clock.now())),
    );
    expect(results.filter((r) => r.result === "granted")).toHaveLength(5);
    expect(results.filter((r) => r.result === "used")).toHaveLength(5);
  });

  it("refuses an expired or unknown link in Russian, without granting anything", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "ru" });
    await admin.command("start");
    await admin.command("team");
    expect(admin.lastText()).toContain("Пока никого");
    await admin.tap("➕ Пригласить: команда на входе");
    await admin.tap("До 5");
    expect(admin.lastText()).toContain("до 5 человек, действует до");
    const payload = /start=(team_[\w-]{22})/.exec(admin.lastText())![1]!;

    bot.clock.advance(24 * 60 * 60_000 + 1);
    const late = bot.user({ languageCode: "ru" });
    await late.command("start", payload);
    expect(late.lastText()).toBe("⌛ Срок действия этой ссылки-приглашения истёк. Попросите у организаторов новую.");
    await late.command("start", "team_forged");
    expect(late.lastText()).toBe("Эта ссылка-приглашение недействительна. Попросите у организаторов новую.");
    expect(await team().roleOf(late.id)).toBeUndefined();
    await late.command("checkin", "ABC234");
    expect(late.lastText()).toBe("Это доступно только организаторам.");
  });

  it("a revoked member's old button, check-in mode and open form are refused at their next use", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const guest = bot.user({ languageCode: "en" });
    await registerInEnglish(guest, "Aigerim Saparova");

    const staff = bot.user({ languageCode: "en", firstName: "Dana" });
    await staff.command("start", await inviteLink(admin, "➕ Invite: door staff", "Up to 5"));
    const organiser = bot.user({ languageCode: "en", firstName: "Olga" });
    await organiser.command("start", await inviteLink(admin, "➕ Invite: organiser", "Single use"));
    await admin.command("team");
    expect(admin.lastText()).toContain(`Dana — door staff (${staff.id})`);
    expect(admin.lastText()).toContain(`Olga — organiser (${organiser.id})`);

    await staff.command("checkin", (await rsvps().find(guest.id))!.code);
    const card = staff.lastMessage();
    await staff.command("checkin");
    await organiser.command("broadcast");
    await organiser.tap("One message for everyone");

    await admin.tap("🚫 Dana (door staff)");
    expect(admin.lastText()).toContain("Take the door staff role from Dana?");
    await admin.tap("🚫 Yes, revoke");
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Dana is no longer on the team.");
    expect(admin.lastText()).not.toContain("Dana");
    expect(staff.lastText()).toBe("Your door staff role for this event has been removed. Thank you for your help!");
    expect(menu(staff)).not.toContain("checkin");

    await staff.tapData((staff.keyboard(card)[0]![0] as { callback_data: string }).callback_data, card.message_id);
    expect(staff.callbackAnswers().at(-1)).toMatchObject({ text: REFUSED, show_alert: true });
    expect((await rsvps().find(guest.id))!.checkedInAt).toBeUndefined();
    await staff.command("find", "Aigerim");
    expect(staff.lastText()).toBe(REFUSED);
    // The check-in mode ended with the role: a code is an ordinary message again.
    await staff.send((await rsvps().find(guest.id))!.code);
    expect(staff.lastText()).not.toContain("Aigerim");

    await admin.command("team");
    await admin.tap("🚫 Olga (organiser)");
    await admin.tap("🚫 Yes, revoke");
    // The broadcast form was open: its next step refuses.
    const broadcasts = (await bot.running.deps.store.broadcasts.recent(50)).length;
    await organiser.send("Programme change: the panel starts at 10:30");
    expect(organiser.messages().map((m) => m.text)).toContain(REFUSED);
    expect(organiser.lastText()).not.toContain("Who should receive it?");
    expect(await bot.running.deps.store.broadcasts.recent(50)).toHaveLength(broadcasts);
  });
});

describe("organisers invited by /team", () => {
  it("can do everything but manage the team (in Kazakh)", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "kk" });
    await admin.command("start");
    await admin.command("team");
    await admin.tap("➕ Шақыру: ұйымдастырушы");
    await admin.tap("Бір реттік");
    expect(admin.lastText()).toContain("бір реттік");
    const payload = /start=(team_[\w-]{22})/.exec(admin.lastText())![1]!;
    const guest = bot.user({ languageCode: "en" });
    await registerInEnglish(guest, "Aigerim Saparova");

    const organiser = bot.user({ languageCode: "kk", firstName: "Әлия" });
    await organiser.command("start", payload);
    expect(organiser.lastText()).toContain("Командаға қош келдіңіз!");
    expect(admin.lastText()).toBe(`👥 Әлия (${organiser.id}) командаға қосылды, рөлі: ұйымдастырушы.`);
    expect(menu(organiser, "kk")).toEqual(expect.arrayContaining(["admin", "export", "broadcast", "checkin", "find"]));
    expect(menu(organiser, "kk")).not.toContain("team");

    await organiser.command("stats");
    expect(organiser.lastText()).toContain("БАҚ: 1");
    await organiser.command("export");
    expect(organiser.documents().at(-1)?.document?.filename).toMatch(/-guests-/);
    await organiser.command("admin");
    expect(organiser.buttons().length).toBeGreaterThan(5);
    await organiser.command("find", "aig");
    expect(organiser.lastText()).toContain("Aigerim Saparova");
    await organiser.command("broadcast");
    expect(organiser.buttons().length).toBeGreaterThan(1);
    await organiser.command("cancel");

    await organiser.command("team");
    expect(organiser.lastText()).toBe("Мұны тек әкімшілер жасай алады: команданы солар басқарады.");
    await organiser.tapData("team:inv:staff");
    expect(organiser.callbackAnswers().at(-1)?.show_alert).toBe(true);
    await organiser.tapData("team:rvy:" + ADMIN);
    expect(await team().roleOf(organiser.id)).toBe("organiser");

    // What organisers must know reaches them too: a new idea to review comes with its buttons.
    const citizen = bot.user({ languageCode: "en" });
    await citizen.command("start");
    await proposeIdeaInEnglish(citizen, "Drinking fountains along the green corridor");
    const card = organiser.messages().find((m) => m.text?.includes("Drinking fountains along the green corridor"));
    expect(card && organiser.buttons(card).length).toBeGreaterThan(1);
  });
});
