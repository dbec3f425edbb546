import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { closeVote, votePersonalData } from "../src/features/vote/jobs.js";
import { parseCloseTime, parseIdeaNumbers, rankIdeas } from "../src/features/vote/rules.js";
import type { Store } from "../src/store/index.js";
import { parseCsv } from "./support/csv.js";
import { eventWith } from "./support/event-file.js";
import { proposeIdeaInEnglish } from "./support/flows.js";
import { REDIS_URL, botPerTest, type TestBot } from "./support/harness.js";
import { registerGuest } from "./support/seed.js";
import { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";

const ADMIN = 9201;
const HOUR = 3_600_000;
const startTestBot = botPerTest();
const RESULTS = /Vote results|Итоги голосования|Дауыс беру қорытындысы/;

/** Published ideas, stored through the ideas repository; their ids in order. */
async function publishIdeas(store: Store, texts: string[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, text] of texts.entries()) {
    const draft = { authorId: 50_000 + i, authorName: `Author ${i}`, language: "en", category: "bike", text };
    const created = await store.ideas.create(draft, { now, day: "seed", dailyLimit: 100, publish: true });
    if (!created.ok) throw new Error("idea not stored");
    ids.push(created.idea.id);
  }
  return ids;
}

/** The organiser fills in /vote in English and taps Start. */
async function setUpVote(
  admin: TelegramUser,
  options: { ideas: number[]; max: number; who: "all" | "checked_in"; closes: string; live: boolean },
) {
  await admin.command("vote");
  expect(admin.lastText()).toContain("Step 1 of 6.");
  await admin.send(options.ideas.join(", "));
  await admin.tap(String(options.max));
  await admin.tap(options.who === "all" ? /^Everyone who started the bot/ : /^Guests checked in at the door/);
  await admin.send(options.closes);
  await admin.tap(options.live ? "Live, while they vote" : "Only at the close");
  expect(admin.lastText()).toContain("Above: the ballot as voters will get it.");
  return admin.tap("▶️ Start the vote");
}

/** The delivery engine's delayed close job of a vote, read from its queue under the test's prefix. */
async function closeJob(t: TestBot, number: number) {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue("broadcast-control", { connection, prefix: `${t.prefix}bull` });
  const jobs = await queue.getDelayed();
  const job = jobs.find((candidate) => (candidate.data as { name?: string }).name === `vote-close.${t.event.id}.${number}`);
  return {
    job,
    async done() {
      await queue.close();
      await connection.quit();
    },
  };
}

const resultsOf = (user: TelegramUser) => user.messages().filter((m) => RESULTS.test(m.text ?? ""));

describe("vote rules", () => {
  it("read idea numbers, close times and the ranking", () => {
    expect(parseIdeaNumbers("12, 15 #21;3")).toEqual({ ok: true, ids: [12, 15, 21, 3] });
    expect(parseIdeaNumbers("12, 12")).toEqual({ ok: false, problem: "count", count: 1 });
    expect(parseIdeaNumbers("twelve")).toEqual({ ok: false, problem: "format" });
    expect(parseIdeaNumbers(Array.from({ length: 13 }, (_, i) => i + 1).join(","))).toMatchObject({ problem: "count", count: 13 });
    const now = new Date("2017-11-30T06:30:00Z"); // 12:30 in Almaty (UTC+06:00 in 2017)
    expect(parseCloseTime("2h", "Asia/Almaty", now)).toEqual({ ok: true, at: new Date("2017-11-30T08:30:00Z") });
    expect(parseCloseTime("13:00", "Asia/Almaty", now)).toEqual({ ok: true, at: new Date("2017-11-30T07:00:00Z") });
    expect(parseCloseTime("12:00", "Asia/Almaty", now)).toEqual({ ok: false, problem: "past" });
    expect(parseCloseTime("2017-12-01 09:00", "Asia/Almaty", now)).toEqual({ ok: true, at: new Date("2017-12-01T03:00:00Z") });
    expect(parseCloseTime("1.12.2017 9:00", "Asia/Almaty", now)).toEqual({ ok: true, at: new Date("2017-12-01T03:00:00Z") });
    expect(parseCloseTime("31.11.2017 9:00", "Asia/Almaty", now)).toEqual({ ok: false, problem: "format" });
    expect(parseCloseTime("25:00", "Asia/Almaty", now)).toEqual({ ok: false, problem: "format" });
    expect(parseCloseTime("0h", "Asia/Almaty", now)).toEqual({ ok: false, problem: "past" });
    expect(parseCloseTime("40d", "Asia/Almaty", now)).toEqual({ ok: false, problem: "far" });
    expect(
      rankIdeas(
        [1, 2, 3, 4],
        new Map([
          [1, 5],
          [2, 9],
          [3, 5],
          [4, 0],
        ]),
      ),
    ).toEqual([
      { ideaId: 2, count: 9, place: 1 },
      { ideaId: 1, count: 5, place: 2 },
      { ideaId: 3, count: 5, place: 2 },
      { ideaId: 4, count: 0, place: 4 },
    ]);
  });
});

describe("a vote on the shortlist", () => {
  it("counts 300 voters tapping at once exactly, refuses over-voting and late taps, and tells the results once", async () => {
    const t = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T12:00:00+06:00", env: { BROADCAST_RATE: "1000" } });
    const { store } = t.running.deps;
    const ideas = await publishIdeas(
      store,
      ["Shade trees along the river", "A protected bike lane", "Benches & drinking water", "A playground by the bridge"],
      t.clock.now(),
    );
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    await store.users.remember(admin.user, "en", t.clock.now());
    const languages = ["ru", "kk", "en"];
    const voters: TelegramUser[] = [];
    for (let i = 0; i < 300; i++) {
      const user = new TelegramUser(t.api, { id: 60_000 + i, firstName: `V${i}`, languageCode: languages[i % 3], timeoutMs: 40_000 });
      await store.users.remember(user.user, languages[i % 3]!, t.clock.now());
      voters.push(user);
    }

    // Only organisers set up a vote.
    const guest = t.user({ languageCode: "en" });
    await guest.command("vote");
    expect(guest.lastText()).toBe("Only organisers can do this.");

    await setUpVote(admin, { ideas, max: 2, who: "all", closes: "2h", live: true });
    expect(admin.lastText()).toMatch(
      // The 300 voters, the admin and the guest refused above: everyone who has written to the bot.
      /^✅ Vote no\. 1 is open: the ballot is going out, recipients: 302\. It closes 30 November 2017, 14:00/,
    );
    await until(
      () => voters.filter((v) => v.messages().length === 1).length,
      (n) => n === 300,
    );
    expect(voters[2]!.lastText()).toContain("Votes per person: 2.");
    expect(voters[2]!.buttons()).toEqual([
      `#${ideas[0]} Shade trees along the river`,
      `#${ideas[1]} A protected bike lane`,
      `#${ideas[2]} Benches & drinking water`,
      `#${ideas[3]} A playground by the bridge`,
    ]);
    expect(voters[0]!.lastText()).toContain("Голосов у каждого: 2.");
    expect(voters[1]!.lastText()).toContain("Әркімнің дауысы: 2.");

    // Each voter's taps in order, all voters at once: a first choice, a second for half of them, a third
    // (refused) for a tenth, a change of mind for a sixth, and a choice taken back to none for some.
    const plans = voters.map((_, i) => {
      const taps = [ideas[i % 4]!];
      if (i % 2 === 0) taps.push(ideas[(i + 1) % 4]!);
      if (i % 10 === 0) taps.push(ideas[(i + 2) % 4]!);
      if (i % 6 === 0) taps.push(ideas[i % 4]!, ideas[(i + 3) % 4]!);
      if (i % 25 === 1) taps.push(ideas[i % 4]!);
      return taps;
    });
    const expected = plans.map((taps) => {
      const chosen = new Set<number>();
      for (const idea of taps) {
        if (chosen.has(idea)) chosen.delete(idea);
        else if (chosen.size < 2) chosen.add(idea);
      }
      return chosen;
    });
    await Promise.all(
      voters.map(async (voter, i) => {
        const ballot = voter.messages()[0]!.message_id;
        for (const idea of plans[i]!) await voter.tapData(`vote:t:1:${idea}`, ballot);
      }),
    );

    const counts = new Map(ideas.map((id) => [id, expected.filter((chosen) => chosen.has(id)).length]));
    expect(await store.votes.tally(t.event.id, 1)).toEqual(counts);
    for (const i of [0, 1, 20, 25, 26, 299])
      expect(await store.votes.choices(t.event.id, 1, voters[i]!.id)).toEqual([...expected[i]!].sort((a, b) => a - b));
    const voted = voters.filter((_, i) => expected[i]!.size > 0);
    expect(voted.length).toBeLessThan(300);

    // Voter 20 (English) chose two, and a third was refused politely; the ballot shows the choices and the live counts.
    const twenty = voters[20]!;
    expect(twenty.callbackAnswers().map((a) => a.text)).toEqual([
      "✅ Vote counted: 1 of 2",
      "✅ Vote counted: 2 of 2",
      "You have used all your votes (2): untick another idea first.",
    ]);
    expect(twenty.buttons().filter((label) => label.startsWith("✅ "))).toEqual([
      `✅ #${ideas[0]} Shade trees along the river`,
      `✅ #${ideas[1]} A protected bike lane`,
    ]);
    expect(twenty.lastText()).toContain("Your choice: 2 of 2.");
    expect(twenty.lastText()).toMatch(/Shade trees along the river — \d+ votes/);
    expect(twenty.lastText()).toContain("Benches &amp; drinking water".replace("&amp;", "&"));

    // A second /vote shows the open one with its counts and Close now.
    await admin.command("vote");
    expect(admin.lastText()).toContain("Vote no. 1 is open, it closes 30 November 2017, 14:00.");
    expect(admin.lastText()).toContain(`Voted: ${voted.length} (may vote: 302) · votes per person: 2`);
    expect(admin.buttons()).toEqual(["⏹ Close now"]);

    // After the close time nothing is accepted, even before the close job ran.
    t.clock.advance(2 * HOUR + 60_000);
    const late = voters[2]!;
    await late.tapData(`vote:t:1:${ideas[3]}`, late.messages()[0]!.message_id);
    expect(late.callbackAnswers().at(-1)!.text).toBe("The vote is closed.");
    expect(await store.votes.tally(t.event.id, 1)).toEqual(counts);

    // The close job waits on the delivery engine's queue for the close time (2 h after the start); it runs now.
    const { job, done } = await closeJob(t, 1);
    expect(job?.opts.delay).toBe(2 * HOUR);
    await job!.promote();
    await done();
    await until(
      () => voted.filter((v) => resultsOf(v).length === 1).length + resultsOf(admin).length,
      (n) => n === voted.length + 1,
    );
    await until(
      () => admin.documents().length,
      (n) => n === 1,
    );
    const ranking = rankIdeas(ideas, counts);
    const english = resultsOf(voters[2]!)[0]!.text!;
    expect(english).toContain(`Vote results · voted: ${voted.length}`);
    expect(english).toContain(`${ranking[0]!.place}. #${ranking[0]!.ideaId}`);
    expect(resultsOf(voters[0]!)[0]!.text).toContain("Итоги голосования");
    const [header, ...rows] = parseCsv(admin.documents()[0]!.document!.data!);
    expect(header).toEqual(["place", "idea", "text", "votes", "voters", "closed_at"]);
    expect(rows.map((row) => [Number(row[1]), Number(row[3])])).toEqual(ranking.map((r) => [r.ideaId, r.count]));
    // Those who took every choice back did not vote, and get no results.
    const none = voters.filter((_, i) => expected[i]!.size === 0);
    expect(none.length).toBeGreaterThan(0);
    for (const voter of none) expect(resultsOf(voter)).toEqual([]);

    // A restart and the close run again send nothing more.
    await t.restart();
    await closeVote(t.running.deps, t.running.bot.api, { eventId: t.event.id, number: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const voter of voted) expect(resultsOf(voter)).toHaveLength(1);
    expect(resultsOf(admin)).toHaveLength(1);
    expect(admin.documents()).toHaveLength(1);
    // The ballot went once (the restart queued it again only had it been lost).
    expect(voters[4]!.messages().filter((m) => (m.text ?? "").includes("Үздік идеяларға дауыс беру"))).toHaveLength(1);

    // The event is free for the next vote.
    await admin.command("vote");
    expect(admin.lastText()).toContain("Step 1 of 6.");
    await admin.command("cancel");
  }, 60_000);

  it("lets only checked-in guests vote when chosen, checks every answer of the form, and closes now on request", async () => {
    const t = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T10:00:00+06:00", env: { BROADCAST_RATE: "1000" } });
    const { store } = t.running.deps;
    const ideas = await publishIdeas(store, ["Trees", "Bikes", "Benches"], t.clock.now());
    const hidden = await store.ideas.create(
      { authorId: 1, authorName: "A", language: "en", category: "bike", text: "Waiting for moderation" },
      { now: t.clock.now(), day: "seed", dailyLimit: 100, publish: false },
    );
    if (!hidden.ok) throw new Error("not stored");
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    await store.users.remember(admin.user, "en", t.clock.now());
    const [inside, outside] = [t.user({ languageCode: "en" }), t.user({ languageCode: "en" })];
    for (const guest of [inside, outside]) {
      await store.users.remember(guest.user, "en", t.clock.now());
      await registerGuest(store, guest.id, { status: "confirmed", now: t.clock.now() });
    }
    await store.rsvps.checkIn(inside.id, ADMIN, t.clock.now());

    await admin.command("vote");
    await admin.send("many");
    expect(admin.lastText()).toBe("✋ Send idea numbers separated by commas, e.g. 12, 15, 21.");
    await admin.send(String(ideas[0]));
    expect(admin.lastText()).toBe("✋ Ideas on the shortlist: from 2 to 12. You sent: 1.");
    await admin.send(`${ideas[0]}, ${hidden.idea.id}, 999`);
    expect(admin.lastText()).toBe(
      `✋ These numbers are not published ideas: #${hidden.idea.id}, #999. Check them and send the list again.`,
    );
    await admin.sendSticker();
    expect(admin.lastText()).toBe("✋ Send idea numbers separated by commas, e.g. 12, 15, 21.");
    await admin.send(ideas.join(" "));
    expect(admin.buttons()).toEqual(["1", "2", "3", "❌ Cancel"]);
    await admin.tap("1");
    expect(admin.buttons()).toEqual(["Everyone who started the bot (3)", "Guests checked in at the door (1)", "❌ Cancel"]);
    await admin.tap(/^Guests checked in/);
    await admin.send("09:00");
    expect(admin.lastText()).toBe("✋ That moment has passed: give a later time.");
    await admin.send("soon");
    expect(admin.lastText()).toContain("I could not read the time.");
    await admin.send("12:30");
    await admin.tap("Only at the close");
    await admin.tap("▶️ Start the vote");
    expect(admin.lastText()).toMatch(/recipients: 1\. It closes 30 November 2017, 12:30/);

    await until(
      () => inside.messages().length,
      (n) => n === 1,
    );
    expect(outside.messages()).toEqual([]);
    // Results at the close: the ballot shows no counts.
    await inside.tap(`#${ideas[1]} Bikes`);
    expect(inside.lastText()).toContain("Your choice: 1 of 1.");
    expect(inside.lastText()).not.toMatch(/— \d+ vote/);
    // A forged tap by a guest not checked in changes nothing.
    await outside.command("start");
    await outside.tapData(`vote:t:1:${ideas[0]}`);
    expect(outside.callbackAnswers().at(-1)).toMatchObject({ text: "Only guests checked in at the event can vote.", show_alert: true });
    expect(await store.votes.tally(t.event.id, 1)).toEqual(
      new Map([
        [ideas[0], 0],
        [ideas[1], 1],
        [ideas[2], 0],
      ]),
    );
    // A guest cannot close it.
    await outside.tapData("vote:x:1");
    expect(outside.callbackAnswers().at(-1)).toMatchObject({ text: "Only organisers can do this.", show_alert: true });

    await admin.command("vote");
    await admin.tap("⏹ Close now");
    expect(admin.lastText()).toBe("⏹ The vote is closed. The results are going to the voters (1) and the organisers.");
    await until(
      () => resultsOf(inside).length + resultsOf(admin).length + admin.documents().length,
      (n) => n === 3,
    );
    expect(resultsOf(inside)[0]!.text).toContain(`1. #${ideas[1]} Bikes — 1 vote`);
    await inside.tap(`✅ #${ideas[1]} Bikes`);
    expect(inside.callbackAnswers().at(-1)!.text).toBe("The vote is closed.");
    expect(inside.buttons(inside.messages()[0]!)).toEqual([]);
  }, 30_000);

  it("forgets who voted for what: an open vote's counts drop with the person; retention keeps only the counts", async () => {
    const t = await startTestBot({ adminIds: [ADMIN], now: "2017-11-30T10:00:00+06:00", env: { BROADCAST_RATE: "1000" } });
    const { store } = t.running.deps;
    const ideas = await publishIdeas(store, ["Trees", "Bikes"], t.clock.now());
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    const [person, keeper] = [t.user({ languageCode: "en" }), t.user({ languageCode: "en" })];
    for (const user of [admin, person, keeper]) await store.users.remember(user.user, "en", t.clock.now());
    await setUpVote(admin, { ideas, max: 2, who: "all", closes: "1h", live: true });
    await until(
      () => person.messages().length + keeper.messages().length,
      (n) => n === 2,
    );
    await person.tap(`#${ideas[0]} Trees`);
    await person.tap(`#${ideas[1]} Bikes`);
    await keeper.tap(`#${ideas[0]} Trees`);
    expect(await store.votes.tally(t.event.id, 1)).toEqual(
      new Map([
        [ideas[0], 2],
        [ideas[1], 1],
      ]),
    );
    await person.command("forget_me");
    await person.tap("🗑 Yes, delete my data");
    expect(await store.votes.tally(t.event.id, 1)).toEqual(
      new Map([
        [ideas[0], 1],
        [ideas[1], 0],
      ]),
    );
    expect(await store.votes.choices(t.event.id, 1, person.id)).toEqual([]);
    expect(await store.votes.voterIds(t.event.id, 1)).toEqual([keeper.id]);
    expect(await t.redis.keys(`${t.prefix}vote:*${person.id}*`)).toEqual([]);

    // Retention after the close: every ballot and list of people goes, the counts stay.
    await admin.command("vote");
    await admin.tap("⏹ Close now");
    await votePersonalData.eraseAll(t.running.deps);
    expect(await t.redis.keys(`${t.prefix}vote:*:ballot:*`)).toEqual([]);
    expect(await store.votes.eligibleIds(t.event.id, 1)).toEqual([]);
    expect(await store.votes.voterIds(t.event.id, 1)).toEqual([]);
    expect(await store.votes.tally(t.event.id, 1)).toEqual(
      new Map([
        [ideas[0], 1],
        [ideas[1], 0],
      ]),
    );
  }, 30_000);
});

describe("the forum's vote", () => {
  it("takes ideas proposed during the forum to a vote at its end and announces the results", async () => {
    const t = await startTestBot({
      adminIds: [ADMIN],
      eventFile: eventWith({ ideas: { moderation: false } }),
      now: "2017-11-30T10:00:00+06:00",
      env: { BROADCAST_RATE: "1000" },
    });
    const admin = t.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    const citizens = Array.from({ length: 6 }, (_, i) => t.user({ firstName: `Citizen ${i}`, languageCode: "en" }));
    for (const citizen of citizens) await citizen.command("start");

    // During the forum three citizens propose ideas (published at once: no moderation in this event file).
    const texts = ["Shade trees on Abay avenue", "A bike lane along the river", "Drinking fountains in the park"];
    for (const [i, text] of texts.entries()) {
      t.clock.advance(20 * 60_000);
      await proposeIdeaInEnglish(citizens[i]!, text);
    }
    const ideas = (await t.running.deps.store.ideas.all()).map((idea) => idea.id);
    expect(ideas).toHaveLength(3);

    // At 12:30 the organiser opens a vote that closes with the forum at 13:00.
    t.clock.set("2017-11-30T12:30:00+06:00");
    await admin.command("vote");
    expect(admin.lastText()).toContain(`#${ideas[0]} Shade trees on Abay avenue`);
    await admin.command("cancel");
    await setUpVote(admin, { ideas, max: 1, who: "all", closes: "13:00", live: false });
    expect(admin.lastText()).toMatch(/recipients: 7\. It closes 30 November 2017, 13:00/);
    await until(
      () => citizens.filter((c) => c.messages().some((m) => m.text?.includes("Vote on the best ideas"))).length,
      (n) => n === 6,
    );
    // Two for the river bike lane, one each for the others, one changes their mind; one does not vote.
    const choose = (citizen: TelegramUser, idea: number) =>
      citizen.tapData(`vote:t:1:${idea}`, citizen.messages().find((m) => m.text?.includes("Vote on the best ideas"))!.message_id);
    await Promise.all([choose(citizens[0]!, ideas[1]!), choose(citizens[1]!, ideas[1]!), choose(citizens[2]!, ideas[0]!)]);
    await choose(citizens[3]!, ideas[0]!);
    await choose(citizens[3]!, ideas[0]!);
    await choose(citizens[3]!, ideas[2]!);

    // 13:00: the close job runs; voters and the organiser get the ranking.
    t.clock.set("2017-11-30T13:00:00+06:00");
    const { job, done } = await closeJob(t, 1);
    expect(job?.opts.delay).toBe(30 * 60_000);
    await job!.promote();
    await done();
    await until(
      () => [...citizens.slice(0, 4), admin].filter((u) => resultsOf(u).length === 1).length,
      (n) => n === 5,
    );
    const results = resultsOf(citizens[0]!)[0]!.text!;
    expect(results).toContain("Vote results · voted: 4");
    expect(results).toContain(`1. #${ideas[1]} A bike lane along the river — 2 votes`);
    expect(results).toContain(`2. #${ideas[0]} Shade trees on Abay avenue — 1 vote`);
    expect(results).toContain(`2. #${ideas[2]} Drinking fountains in the park — 1 vote`);
    for (const citizen of citizens.slice(4)) expect(resultsOf(citizen)).toEqual([]);
  }, 30_000);
});
