import { afterEach, describe, expect, it } from "vitest";
import { callbackData, int, oneOf, optional, userId } from "../src/ui/callback-data.js";
import { startTestBot, type TestBot } from "./support/harness.js";

const ADMIN = 5151;
const REFUSED = "Only organisers can do this.";
const JURY_ONLY = "This is for the jury and the organisers.";
const UNKNOWN = "This button is no longer active.";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe("callback data codecs", () => {
  const score = callbackData("contest:s", { entrant: userId, criterion: int(99), score: int(10) });

  it("packs typed fields and reads them back", () => {
    const data = score.pack({ entrant: 123456789, criterion: 1, score: 5 });
    expect(data).toBe("contest:s:123456789:1:5");
    expect(score.unpack(data)).toEqual({ entrant: 123456789, criterion: 1, score: 5 });
    expect(callbackData("menu:home").pack()).toBe("menu:home");
  });

  it("reads nothing from forged, outdated or foreign data", () => {
    for (const forged of [
      "contest:s:1:1",
      "contest:s:1:1:5:9",
      "contest:s:x:1:5",
      "contest:s:1:1:11",
      "contest:s:-1:1:5",
      "contest:s:01:1:5",
      "contest:s:1e3:1:5",
      "contest:sl:1:1:5",
      "menu:home",
      undefined,
    ]) {
      expect(score.unpack(forged), String(forged)).toBeUndefined();
    }
    expect(callbackData("rsvp:withdraw").unpack("rsvp:withdraw:yes")).toBeUndefined();
  });

  it("allows a trailing optional field and refuses values it could not read back", () => {
    const reason = callbackData("ideas:mod:rr", { idea: int(), reason: oneOf(["spam", "rules"]), card: optional(int()) });
    expect(reason.pack({ idea: 3, reason: "spam", card: undefined })).toBe("ideas:mod:rr:3:spam");
    expect(reason.unpack("ideas:mod:rr:3:spam:77")).toEqual({ idea: 3, reason: "spam", card: 77 });
    expect(reason.unpack("ideas:mod:rr:3:other")).toBeUndefined();
    expect(() => score.pack({ entrant: 1, criterion: 1, score: 12 })).toThrow(/bad score/);
    expect(() => callbackData("x".repeat(60), { n: int() }).pack({ n: 12345 })).toThrow(/64 bytes/);
  });
});

describe("forged buttons", () => {
  it("get the one polite toast in every feature and change nothing, even from an organiser", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const before = admin.messages().length;
    const forged = {
      menu: ["menu:home:1", "menu:settings"],
      info: ["info:secrets", "info:programme:100"],
      language: ["lang:de", "lang:"],
      privacy: ["privacy:forget:all"],
      rsvp: ["rsvp:consent:ZZZZZZZZZZZZ", "rsvp:ci:abc", "rsvp:ci:-5", "rsvp:rc:maybe", "rsvp:withdraw:no"],
      contest: ["contest:s:1:0:x", "contest:w:01", "contest:more:-1", "contest:sl:1:2", "contest:wz"],
      quiz: ["quiz:a:0:x", "quiz:next:abc", "quiz:a:99:0"],
      ideas: ["ideas:b:Bike!:n:0", "ideas:s:1:bike:x:0", "ideas:a:z", "ideas:as:1:*:*:*:0", "ideas:mod:pub:x", "ideas:mod:rr:1:because"],
      admin: ["admin:root"],
      broadcast: ["broadcast:stop:UPPER", "broadcast:drop:"],
    };
    const all = Object.values(forged).flat();
    for (const data of all) await admin.tapData(data);
    expect(admin.callbackAnswers().map((answer) => answer.text)).toEqual(all.map(() => UNKNOWN));
    expect(admin.messages()).toHaveLength(before);
    expect(await bot.running.deps.store.rsvps.all()).toEqual([]);
    expect(await bot.running.deps.store.quiz.state()).toBeUndefined();
  });
});

describe("role filters", () => {
  it("refuse organiser commands and buttons with one text: a reply to a command, an alert on a button", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const guest = bot.user({ languageCode: "en" });
    for (const command of ["admin", "stats", "export", "audit", "quiz", "winner", "broadcast", "broadcasts"]) {
      await guest.command(command);
      expect(guest.lastText(), command).toBe(REFUSED);
    }
    await guest.command("export", "ideas");
    expect(guest.lastText()).toBe(REFUSED);
    for (const data of ["admin:stats", "ideas:a", "quiz:end", "contest:wx", "broadcast:drop:later"]) await guest.tapData(data);
    expect(guest.callbackAnswers()).toEqual(Array(5).fill(expect.objectContaining({ text: REFUSED, show_alert: true })));
  });

  it("takes a guest's /ideas for /idea: the ideas screen, not a refusal nor the organisers' list", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    for (const languageCode of ["ru", "kk", "en"]) {
      const guest = bot.user({ languageCode });
      await guest.command("idea");
      const screen = { text: guest.lastText(), buttons: guest.buttons() };
      await guest.command("ideas");
      expect({ text: guest.lastText(), buttons: guest.buttons() }, languageCode).toEqual(screen);
      expect(guest.messages().length, languageCode).toBe(2);
    }
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("ideas");
    expect(admin.lastText()).toMatch(/^🗂 All ideas: 0\./);
  });

  it("refuses the jury's command and buttons to anyone not on the jury", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const guest = bot.user({ languageCode: "en" });
    await guest.command("entries");
    expect(guest.lastText()).toBe(JURY_ONLY);
    await guest.tapData("contest:more:0");
    await guest.tapData(`contest:s:${guest.id}:0:5`);
    expect(guest.callbackAnswers()).toEqual(Array(2).fill(expect.objectContaining({ text: JURY_ONLY, show_alert: true })));
    expect(await bot.running.deps.store.contest.scoresOf(guest.id)).toEqual([]);
  });

  it("refuses the door's command and Check in button to anyone not on the door team", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const guest = bot.user({ languageCode: "en" });
    await guest.command("checkin");
    expect(guest.lastText()).toBe(REFUSED);
    await guest.command("checkin", "ABC123");
    expect(guest.lastText()).toBe(REFUSED);
    await guest.tapData(`rsvp:ci:${guest.id}`);
    expect(guest.callbackAnswers()).toEqual([expect.objectContaining({ text: REFUSED, show_alert: true })]);
  });

  it("checks the role at the moment of the action: an organiser taken off the list mid-way is refused at the next tap or step", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("admin");
    const panel = admin.lastMessage();
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await bot.restart({ adminIds: [] });

    await admin.tapData("admin:stats", panel.message_id);
    expect(admin.callbackAnswers().at(-1)).toMatchObject({ text: REFUSED, show_alert: true });
    // The broadcast form still waits; its next step is refused the same way and ends the form.
    await admin.send("Doors open at nine");
    expect(admin.lastText()).toBe(REFUSED);
    expect(admin.buttons()).toEqual([]);
    await admin.command("stats");
    expect(admin.lastText()).toBe(REFUSED);
    const broadcasts = await bot.running.deps.store.broadcasts.recent(20);
    expect(broadcasts.filter((record) => !record.id.startsWith("reminder-"))).toEqual([]);
  });
});
