import { describe, expect, it } from "vitest";
import type { IdeaDraft } from "../src/store/ideas.js";
import { localDay, wallClockToInstant } from "../src/event/time.js";
import { repairIdeaUpdates, sendIdeaDigests } from "../src/features/ideas/updates.js";
import { CSV_HEADER } from "../src/features/ideas/export.js";
import { parseCsv } from "./support/csv.js";
import { proposeIdeaInEnglish } from "./support/flows.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { until } from "./support/wait.js";

const startTestBot = botPerTest();
let bot: TestBot;

const ADMIN = 5151;
const HOUR = 3_600_000;

async function storedIdea(authorId: number, extra: Partial<IdeaDraft> = {}) {
  const created = await bot.running.deps.store.ideas.create(
    { authorId, authorName: "Someone", language: "en", category: "bike", text: "A stored idea about bike lanes", ...extra },
    { now: bot.clock.now(), day: "x", dailyLimit: 100, publish: true },
  );
  if (!created.ok) throw new Error("not created");
  return created.idea;
}

/** A started user (the bot may write only to those) in a language. */
async function person(languageCode: string, id?: number): Promise<TelegramUser> {
  const user = bot.user({ languageCode, id });
  await user.command("start");
  return user;
}

/** Opens the Browse card of the bike idea at `index` (newest first), as the category list's button does. */
const browse = (user: TelegramUser, index: number) => user.tapData(`ideas:b:bike:n:${index}`);

/** The organiser's card of idea `id` in /ideas (all statuses, all categories). */
async function adminCard(admin: TelegramUser, id: number) {
  await admin.command("ideas");
  await admin.tap(/^All \(/);
  await admin.tap(/^All categories/);
  for (let i = 0; i < 20 && !admin.lastText().includes(`#${id} (`); i++) await admin.tap("▶️");
  expect(admin.lastText()).toContain(`#${id} (`);
}

/** Waits until each user has `count` more messages than in `before`, then a little longer to see nothing more comes. */
async function expectNew(users: TelegramUser[], before: number[], counts: number[]) {
  for (const [i, user] of users.entries())
    await until(
      () => user.messages().length,
      (n) => n >= before[i]! + counts[i]!,
    );
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(users.map((user, i) => user.messages().length - before[i]!)).toEqual(counts);
}

const counts = (users: TelegramUser[]) => users.map((user) => user.messages().length);

/** Morning in the event's zone, so "today" and the digest hour are what the test says. */
function setMorning(hour = 11) {
  const zone = bot.event.timezone;
  bot.clock.set(wallClockToInstant(`${localDay(bot.clock.now(), zone)}T${String(hour).padStart(2, "0")}:00`, zone));
}

describe("following ideas", () => {
  it("tells the author, a supporter and a follower once per day in their languages, later changes in one digest", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    setMorning();
    const admin = await person("en", ADMIN);
    const author = await person("kk");
    const supporter = await person("ru");
    const follower = await person("en");
    const stranger = await person("en");
    await storedIdea(author.id, { language: "kk", text: "Қалаға көбірек велосипед жолы керек" });

    await browse(supporter, 0);
    await supporter.tap(/👍 №?#?1/);
    expect(supporter.buttons()).toContain("🔕 Не следить");
    await browse(follower, 0);
    await follower.tap("🔔 Follow");
    expect(follower.callbackAnswers().at(-1)?.text).toBe("🔔 You will hear what becomes of this idea.");
    expect(follower.buttons()).toContain("🔕 Unfollow");

    const people = [author, supporter, follower, stranger];
    let before = counts(people);
    await adminCard(admin, 1);
    await admin.tap("✅ Mark: accepted");
    await expectNew(people, before, [1, 1, 1, 0]);
    expect(author.lastText()).toBe("🔔 №1 «Қалаға көбірек велосипед жолы керек» идеясының жаңа мәртебесі: ✅ қабылданды.");
    expect(supporter.lastText()).toBe("🔔 Идея №1 «Қалаға көбірек велосипед жолы керек»: новый статус — ✅ принята.");
    expect(follower.lastText()).toBe("🔔 Idea #1 “Қалаға көбірек велосипед жолы керек” is now ✅ accepted.");

    // The same day: a milestone and another status wait for tomorrow's digest.
    before = counts(people);
    await admin.tap("🗓 Add a milestone");
    await admin.send("31.02.2026");
    expect(admin.lastText()).toBe("✋ Please send a date such as 2026-12-01 or 01.12.2026.");
    await admin.send("2026-12-01");
    await admin.send("Included in the design brief");
    expect(admin.lastText()).toBe("✅ The milestone was added to idea #1. Its author and followers will be told.");
    await adminCard(admin, 1);
    expect(admin.lastText()).toContain("• 2026-12-01 — Included in the design brief");
    await admin.tap("🚧 Mark: in progress");
    await expectNew(people, before, [0, 0, 0, 0]);
    expect(await sendIdeaDigests(bot.running.deps)).toBe(0);

    // Next morning, before the digest hour: still nothing; from 9:00 one digest each.
    bot.clock.advance(19 * HOUR); // 06:00
    expect(await sendIdeaDigests(bot.running.deps)).toBe(0);
    bot.clock.advance(4 * HOUR); // 10:00
    expect(await sendIdeaDigests(bot.running.deps)).toBe(3);
    await expectNew(people, before, [1, 1, 1, 0]);
    expect(follower.lastText()).toBe(
      [
        "🗞 News of the ideas you follow",
        "",
        "#1 “Қалаға көбірек велосипед жолы керек”",
        "• status: 🚧 in progress",
        "• milestone: 2026-12-01 — Included in the design brief",
      ].join("\n"),
    );
    expect(supporter.lastText()).toContain("• статус: 🚧 в работе");
    expect(supporter.lastText()).toContain("• этап: 2026-12-01 — Included in the design brief");
    expect(author.lastText()).toContain("• мәртебесі: 🚧 орындалуда");

    // A repeated run (another process, a restart) sends nothing more.
    before = counts(people);
    expect(await sendIdeaDigests(bot.running.deps)).toBe(0);
    // The digest was today's message: an answer today waits for tomorrow too.
    await adminCard(admin, 1);
    await admin.tap("✍️ Answer the author");
    await admin.send("Works start in spring.");
    await expectNew(people, before, [0, 0, 0, 0]);
    bot.clock.advance(24 * HOUR);
    expect(await sendIdeaDigests(bot.running.deps)).toBe(3);
    await expectNew(people, before, [1, 1, 1, 0]);
    expect(follower.lastText()).toContain("• the organisers' answer: Works start in spring.");
    expect(await bot.running.deps.store.ideaUpdates.pendingDigests()).toEqual([]);
    // The messages went as broadcasts to named people, which the organisers' /broadcasts list leaves out.
    const listed = (await bot.running.deps.store.broadcasts.recent(50)).map((record) => record.id);
    expect(listed.filter((id) => id.startsWith("idea-"))).toEqual([]);
    expect(
      await bot.running.deps.store.broadcasts.find(`idea-digest-${follower.id}-${localDay(bot.clock.now(), bot.event.timezone)}`),
    ).toMatchObject({
      status: "done",
      sent: 1,
    });
  });

  it("stops with Unfollow, even for a supporter; withdrawing a support keeps an explicit follow", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    setMorning();
    const admin = await person("en", ADMIN);
    const author = await person("en");
    const quitter = await person("en");
    const keeper = await person("en");
    await storedIdea(author.id);

    await browse(quitter, 0);
    await quitter.tap(/👍 #1/);
    await quitter.tap("🔕 Unfollow");
    expect(quitter.callbackAnswers().at(-1)?.text).toBe("🔕 You will no longer hear of this idea.");
    expect(quitter.buttons()).toContain("💚 #1 (1)");

    await browse(keeper, 0);
    await keeper.tap("🔔 Follow");
    await keeper.tap(/👍 #1/);
    await keeper.tap(/💚 #1/);
    expect(keeper.buttons()).toContain("🔕 Unfollow");

    const before = counts([author, quitter, keeper]);
    await adminCard(admin, 1);
    await admin.tap("🔍 Mark: under review");
    await expectNew([author, quitter, keeper], before, [1, 0, 1]);
    expect(await bot.running.deps.store.ideaUpdates.followers(1)).toEqual([keeper.id]);

    // "Forget me" erases the follow.
    await keeper.command("forget_me");
    await keeper.tap("🗑 Yes, delete my data");
    expect(await bot.running.deps.store.ideaUpdates.followers(1)).toEqual([]);
  });
});

describe("a crash between an update and its broadcast", () => {
  it("sends the update from the outbox once, however often the repair runs", async () => {
    bot = await startTestBot();
    const author = await person("ru");
    const idea = await storedIdea(author.id, { language: "ru", text: "Велодорожка по проспекту Абая" });
    const { ideas, ideaUpdates } = bot.running.deps.store;
    const changed = await ideas.setStatus(idea.id, "in_progress", { now: bot.clock.now() });
    expect(changed.ok).toBe(true);
    // The claim was made, then the process died before the broadcast was created.
    const day = localDay(bot.clock.now(), bot.event.timezone);
    expect((await ideaUpdates.claim(idea.id, "s", day, [author.id])).now).toEqual([author.id]);
    const before = counts([author]);
    expect(await repairIdeaUpdates(bot.running.deps)).toBe(1);
    expect(await repairIdeaUpdates(bot.running.deps)).toBe(0);
    await expectNew([author], before, [1]);
    expect(author.lastText()).toBe("🔔 Идея №1 «Велодорожка по проспекту Абая»: новый статус — 🚧 в работе.");
  });
});

describe("browsing by status", () => {
  it("filters a category's ideas by status, the filter kept while paging and supporting", async () => {
    bot = await startTestBot();
    const author = await person("en");
    await storedIdea(author.id, { text: "Accepted idea about bike lanes" });
    await storedIdea(author.id, { text: "Newer idea still only published" });
    await storedIdea(author.id, { text: "Another accepted bike lane idea" });
    for (const id of [1, 3]) await bot.running.deps.store.ideas.setStatus(id, "accepted", { now: bot.clock.now() });
    const user = await person("en");
    await browse(user, 0);
    expect(user.lastText()).toContain("page 1/3");
    await user.tap("🎚 Status: all");
    expect(user.lastText()).toBe("No published ideas in this category yet.");
    await user.tap("🎚 Status: 🔍 under review");
    expect(user.lastText()).toContain("page 1/2");
    expect(user.lastText()).toContain("Another accepted bike lane idea");
    await user.tap(/👍 #3/);
    expect(user.lastText()).toContain("page 1/2");
    expect(user.buttons()).toContain("🎚 Status: ✅ accepted");
    await user.tap("▶️");
    expect(user.lastText()).toContain("Accepted idea about bike lanes");
    expect(user.lastText()).not.toContain("only published");
  });
});

describe("merging duplicates", () => {
  it("moves supports (one per person) and followers to the kept idea, and tells the duplicate's author", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    setMorning();
    const admin = await person("en", ADMIN);
    const keptAuthor = await person("en");
    const dupAuthor = await person("ru");
    const both = await person("en");
    const onlyDup = await person("en");
    const followsDup = await person("en");
    await storedIdea(keptAuthor.id, { text: "Bike lane along Abay avenue" });
    await storedIdea(dupAuthor.id, { language: "ru", text: "Велодорожка по проспекту Абая" });

    // Newest first: index 0 is #2 (the duplicate), index 1 is #1.
    for (const user of [both, onlyDup, keptAuthor]) {
      await browse(user, 0);
      await user.tap(/👍 #2/);
    }
    await browse(both, 1);
    await both.tap(/👍 #1/);
    await browse(followsDup, 0);
    await followsDup.tap("🔔 Follow");
    expect((await bot.running.deps.store.ideas.get(1))?.supports).toBe(1);
    expect((await bot.running.deps.store.ideas.get(2))?.supports).toBe(3);

    await adminCard(admin, 2);
    await admin.tap("🔗 Merge into another idea");
    await admin.send("2");
    expect(admin.lastText()).toBe("✋ Please send the number of another idea, e.g. 12.");
    await admin.send("#1");
    // #1 keeps `both` once and gains `onlyDup`; its own author's support of the duplicate does not count for their own idea.
    expect(admin.lastText()).toBe("✅ Idea #2 was merged into #1, which now has 2 supports. The author of #2 was told.");

    const { ideas, ideaUpdates, keys, redis } = bot.running.deps.store;
    expect((await redis.smembers(keys.ideaSupporters(1))).map(Number).sort()).toEqual([both.id, onlyDup.id].sort());
    expect(await redis.exists(keys.ideaSupporters(2))).toBe(0);
    expect(await redis.zscore(keys.ideasTop("bike"), "1")).toBe("2");
    expect(await ideaUpdates.followers(1)).toEqual([both.id, dupAuthor.id, onlyDup.id, followsDup.id].sort((a, b) => a - b));
    expect(await ideas.get(2)).toMatchObject({ status: "merged", mergedInto: 1 });
    expect((await ideas.listPublic("bike", "new", 0, 10)).ideas.map((idea) => idea.id)).toEqual([1]);

    await until(
      () => dupAuthor.lastText(),
      (text) => text.startsWith("🔗"),
    );
    expect(dupAuthor.lastText()).toBe(
      "🔗 Ваша идея №2 «Велодорожка по проспекту Абая» повторяет идею №1, и организаторы их объединили. " +
        "Её сторонники теперь поддерживают №1, а вы узнаете, что с ней станет.",
    );
    await dupAuthor.tap("📋 Мои идеи");
    expect(dupAuthor.lastText()).toContain("🔗 Объединена с идеей №1.");

    // The duplicate's card takes no more decisions; a stale Merge button changes nothing.
    await adminCard(admin, 2);
    expect(admin.lastText()).toContain("🔗 Merged into idea #1.");
    expect(admin.buttons()).not.toContain("🔗 Merge into another idea");
    await admin.tapData("ideas:amg:2");
    expect(admin.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");

    // The followers of the duplicate hear of the kept idea.
    const before = counts([followsDup, onlyDup]);
    await adminCard(admin, 1);
    await admin.tap("✅ Mark: accepted");
    await expectNew([followsDup, onlyDup], before, [1, 1]);
    expect(followsDup.lastText()).toBe("🔔 Idea #1 “Bike lane along Abay avenue” is now ✅ accepted.");
  });
});

describe("merging a new duplicate from its moderation card", () => {
  it("merges instead of publishing, tells the author, and the card's other buttons then say it was handled", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = await person("en", ADMIN);
    const keptAuthor = await person("en");
    await storedIdea(keptAuthor.id, { text: "Bike lane along Abay avenue" });
    const author = await person("en");
    await proposeIdeaInEnglish(author, "Please build a bike lane on Abay avenue");
    const card = admin.lastMessage();
    expect(admin.buttons(card)).toEqual(["✅ Publish", "❌ Reject", "🔗 Merge into another idea"]);
    await admin.tap("🔗 Merge into another idea");
    await admin.send("1");
    expect(admin.lastText()).toBe("✅ Idea #2 was merged into #1, which now has 0 supports. The author of #2 was told.");
    await until(
      () => author.lastText(),
      (text) => text.startsWith("🔗 Your idea #2"),
    );
    expect(await bot.running.deps.store.ideaUpdates.followers(1)).toEqual([author.id]);
    await admin.tapData("ideas:mod:pub:2", card.message_id);
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Idea #2 has already been handled (🔗 merged).");
    expect((await bot.running.deps.store.ideas.get(2))?.status).toBe("merged");
  });
});

describe("organisers only", () => {
  it("refuses the new buttons and forms to non-organisers at the moment of the tap", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const author = await person("en");
    await storedIdea(author.id);
    await storedIdea(author.id, { text: "Another idea about bike lanes" });
    const mallory = await person("en");
    for (const data of ["ideas:am:1", "ideas:amg:2", "ideas:as:1:d:*:*:0", "ideas:as:1:g:*:*:0"]) {
      await mallory.tapData(data);
      expect(mallory.callbackAnswers().at(-1), data).toMatchObject({ text: "Only organisers can do this.", show_alert: true });
    }

    // An organiser removed while the form is open is refused at the next step.
    const admin = await person("en", ADMIN);
    await adminCard(admin, 2);
    await admin.tap("🔗 Merge into another idea");
    await bot.restart({ adminIds: [] });
    await admin.send("1");
    expect(admin.lastText()).toBe("Only organisers can do this.");
    expect((await bot.running.deps.store.ideas.get(2))?.status).toBe("published");
    await admin.tapData("ideas:am:1");
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Only organisers can do this.");
    expect(await bot.running.deps.store.ideaUpdates.milestones(1)).toEqual([]);
  });
});

describe("exports", () => {
  it("carry status, answer, milestones, supports, followers and the merge link; the GeoJSON is valid", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const author = await person("en");
    const place = { latitude: 43.2383, longitude: 76.9453 };
    await storedIdea(author.id, { text: "Bike lane along Abay avenue", ...place });
    await storedIdea(author.id, { text: "A duplicate bike lane on Abay", latitude: 43.25, longitude: 76.95 });
    await storedIdea(author.id, { text: "No place given for this one" });
    const { ideas, ideaUpdates } = bot.running.deps.store;
    const fan = await person("en");
    await browse(fan, 1);
    await fan.tap(/👍 #2/);
    await ideas.setStatus(1, "accepted", { now: bot.clock.now(), answer: "In the 2018 brief" });
    await ideaUpdates.addMilestone(1, { date: "2018-03-01", text: "Included in the design brief", at: 0 });
    await ideaUpdates.addMilestone(1, { date: "2018-09-15", text: "Works started", at: 0 });
    expect(await ideaUpdates.merge(1, 2, bot.clock.now())).toEqual({ ok: true, supports: 1, authorOfMerged: author.id });

    const admin = await person("en", ADMIN);
    await admin.command("export", "ideas");
    const [csvMessage, geoMessage] = admin.documents();
    const rows = parseCsv(csvMessage!.document!.data!.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual(CSV_HEADER);
    const column = (row: string[] | undefined, name: string) => row?.[CSV_HEADER.indexOf(name)];
    expect(["status", "supports", "answer", "followers", "milestones", "merged_into"].map((name) => column(rows[1], name))).toEqual([
      "accepted",
      "1",
      "In the 2018 brief",
      "1",
      "2018-03-01 Included in the design brief; 2018-09-15 Works started",
      "",
    ]);
    expect(["status", "supports", "followers", "merged_into"].map((name) => column(rows[2], name))).toEqual(["merged", "0", "0", "1"]);

    const geo = JSON.parse(geoMessage!.document!.data!.toString("utf8")) as {
      type: string;
      features: { type: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(2);
    for (const feature of geo.features) {
      expect(feature.type).toBe("Feature");
      expect(feature.geometry.type).toBe("Point");
      const [lon, lat] = feature.geometry.coordinates;
      expect(feature.geometry.coordinates).toHaveLength(2);
      expect(lon).toBeGreaterThan(lat!); // Almaty: [lon ≈ 77, lat ≈ 43], RFC 7946 order
      expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
      // Flat properties: QGIS makes each one a column.
      for (const value of Object.values(feature.properties))
        expect(["string", "number"].includes(typeof value) || value === null).toBe(true);
    }
    expect(geo.features[0]!.properties).toMatchObject({
      id: 1,
      status: "accepted",
      supports: 1,
      answer: "In the 2018 brief",
      followers: 1,
      milestones: "2018-03-01 Included in the design brief; 2018-09-15 Works started",
      merged_into: null,
    });
    expect(geo.features[1]!.properties).toMatchObject({ id: 2, status: "merged", merged_into: 1, supports: 0 });
  });
});
