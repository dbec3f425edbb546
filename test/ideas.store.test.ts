import { describe, expect, it } from "vitest";
import type { IdeaDraft } from "../src/store/ideas.js";
import { storePerTest } from "./support/store.js";

const test = storePerTest();
const now = new Date("2017-11-20T06:00:00Z");
const day = "2017-11-20";

const draft = (authorId: number, extra: Partial<IdeaDraft> = {}): IdeaDraft => ({
  authorId,
  authorName: "Aigerim",
  language: "ru",
  category: "bike",
  text: "A protected bike lane along Abay avenue",
  ...extra,
});

async function publishedIdea(authorId = 1) {
  const created = await test.store.ideas.create(draft(authorId), { now, day, dailyLimit: 5, publish: true });
  if (!created.ok) throw new Error("not created");
  return created.idea;
}

describe("idea repository", () => {
  it("gives exactly 50 supports when 50 users tap at once, and withdraws on a second tap", async () => {
    const idea = await publishedIdea();
    const users = Array.from({ length: 50 }, (_, i) => 5000 + i);
    const results = await Promise.all(users.map((user) => test.store.ideas.toggleSupport(idea.id, user)));
    expect(results.every((r) => r.ok && r.supported)).toBe(true);
    expect((await test.store.ideas.get(idea.id))?.supports).toBe(50);
    expect(await test.redis.zscore(test.store.keys.ideasTop("bike"), String(idea.id))).toBe("50");

    // Half of them tap again at once: their supports are withdrawn, the rest stay.
    await Promise.all(users.slice(0, 25).map((user) => test.store.ideas.toggleSupport(idea.id, user)));
    expect((await test.store.ideas.get(idea.id))?.supports).toBe(25);
    expect(await test.redis.zscore(test.store.keys.ideasTop("bike"), String(idea.id))).toBe("25");
    expect(await test.store.ideas.supports(idea.id, users[0]!)).toBe(false);
    expect(await test.store.ideas.supports(idea.id, users[49]!)).toBe(true);
  });

  it("counts one user's simultaneous double tap as one toggle each", async () => {
    const idea = await publishedIdea();
    const results = await Promise.all([test.store.ideas.toggleSupport(idea.id, 7), test.store.ideas.toggleSupport(idea.id, 7)]);
    expect(results.map((r) => r.ok && r.supported).sort()).toEqual([false, true]);
    expect((await test.store.ideas.get(idea.id))?.supports).toBe(0);
  });

  it("refuses supports for ideas that are not public or do not exist", async () => {
    const created = await test.store.ideas.create(draft(1), { now, day, dailyLimit: 5, publish: false });
    expect(created.ok && created.idea.status).toBe("new");
    if (!created.ok) return;
    expect(await test.store.ideas.toggleSupport(created.idea.id, 2)).toEqual({ ok: false, reason: "not-public" });
    expect(await test.store.ideas.toggleSupport(999, 2)).toEqual({ ok: false, reason: "missing" });
  });

  it("enforces the daily limit atomically", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => test.store.ideas.create(draft(3), { now, day, dailyLimit: 5, publish: true })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await test.store.ideas.sentOn(3, day)).toBe(5);
    expect((await test.store.ideas.create(draft(3), { now, day: "2017-11-21", dailyLimit: 5, publish: true })).ok).toBe(true);
  });

  it("changes a status once even when two organisers act at once, and keeps the public lists in step", async () => {
    const created = await test.store.ideas.create(draft(4), { now, day, dailyLimit: 5, publish: false });
    if (!created.ok) throw new Error("not created");
    const id = created.idea.id;
    expect((await test.store.ideas.listPublic("bike", "new", 0, 10)).total).toBe(0);
    const [a, b] = await Promise.all([
      test.store.ideas.setStatus(id, "published", { now, expected: "new" }),
      test.store.ideas.setStatus(id, "rejected", { now, expected: "new", answer: "Duplicate" }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const after = await test.store.ideas.get(id);
    const visible = (await test.store.ideas.listPublic("bike", "top", 0, 10)).ideas.map((i) => i.id);
    expect(visible).toEqual(after?.status === "published" ? [id] : []);

    const moved = await test.store.ideas.setStatus(id, "accepted", { now, answer: "We will build it" });
    expect(moved.ok).toBe(true);
    expect(await test.store.ideas.get(id)).toMatchObject({ status: "accepted", answer: "We will build it" });
    expect((await test.store.ideas.listPublic("bike", "new", 0, 10)).ideas.map((i) => i.id)).toEqual([id]);
    expect((await test.store.ideas.setStatus(id, "rejected", { now })).ok).toBe(true);
    expect((await test.store.ideas.listPublic("bike", "new", 0, 10)).total).toBe(0);
    expect((await test.store.ideas.setStatus(id, "rejected", { now })).ok).toBe(false);
  });

  it("lists authors and forgets a user's authorship and supports", async () => {
    const mine = await publishedIdea(10);
    const theirs = await publishedIdea(11);
    await test.store.ideas.toggleSupport(theirs.id, 10);
    expect(await test.store.ideas.authorIds()).toEqual([10, 11]);

    await test.store.ideas.forgetUser(10);
    expect(await test.store.ideas.authorIds()).toEqual([11]);
    expect(await test.store.ideas.byAuthor(10)).toEqual([]);
    const kept = await test.store.ideas.get(mine.id);
    expect(kept).toMatchObject({ authorId: 0, authorName: "", text: mine.text });
    expect((await test.store.ideas.get(theirs.id))?.supports).toBe(0);
    expect(await test.redis.zscore(test.store.keys.ideasTop("bike"), String(theirs.id))).toBe("0");
  });
});

describe("idea updates repository", () => {
  it("merges once when two moderators merge a pair both ways at the same moment; supports count once per person", async () => {
    const a = await publishedIdea(1);
    const b = await publishedIdea(2);
    for (const user of [10, 11]) await test.store.ideas.toggleSupport(a.id, user);
    for (const user of [11, 12, 1]) await test.store.ideas.toggleSupport(b.id, user);
    const results = await Promise.all([test.store.ideaUpdates.merge(a.id, b.id, now), test.store.ideaUpdates.merge(b.id, a.id, now)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "merged" }]);
    const [kept, merged] = results[0]!.ok ? [a, b] : [b, a];
    const supporters = (await test.redis.smembers(test.store.keys.ideaSupporters(kept.id))).map(Number).sort((x, y) => x - y);
    // 11 supported both and counts once; the kept idea's own author (1 supported #2) never supports it.
    expect(supporters).toEqual([1, 10, 11, 12].filter((user) => user !== kept.authorId));
    expect(await test.store.ideas.get(merged.id)).toMatchObject({ status: "merged", mergedInto: kept.id, supports: 0 });
  });

  it("tells each person once a day: later updates wait in their digest, in order", async () => {
    const { ideaUpdates } = test.store;
    expect((await ideaUpdates.claim(1, "s", day, [5, 6])).now).toEqual([5, 6]);
    expect((await ideaUpdates.claim(1, "m0", day, [5, 6, 7])).now).toEqual([7]);
    expect((await ideaUpdates.claim(2, "a", day, [5])).now).toEqual([]);
    // Told now: in the outbox until their broadcast exists.
    expect((await ideaUpdates.outbox()).map(({ ideaId, kind, users }) => ({ ideaId, kind, users }))).toEqual([
      { ideaId: 1, kind: "s", users: [5, 6] },
      { ideaId: 1, kind: "m0", users: [7] },
    ]);
    for (const { seq } of await ideaUpdates.outbox()) await ideaUpdates.sent(seq);
    expect(await ideaUpdates.outbox()).toEqual([]);
    expect(await ideaUpdates.pendingDigests()).toEqual(
      expect.arrayContaining([
        { userId: 5, updates: "1:m0,2:a", lastDay: day },
        { userId: 6, updates: "1:m0", lastDay: day },
      ]),
    );
    // A digest sent while another update came in keeps the newer one for the next digest.
    await ideaUpdates.claim(3, "s", day, [6]);
    await ideaUpdates.commitDigest(6, "1:m0", "2017-11-21");
    expect((await ideaUpdates.pendingDigests()).find((digest) => digest.userId === 6)).toEqual({
      userId: 6,
      updates: "3:s",
      lastDay: "2017-11-21",
    });
    await ideaUpdates.forgetUser(5);
    expect((await ideaUpdates.pendingDigests()).map((digest) => digest.userId)).toEqual([6]);
  });

  it("turns supports given before follows existed into follows, once", async () => {
    const idea = await publishedIdea(1);
    await test.store.ideas.toggleSupport(idea.id, 20);
    expect(await test.store.ideaUpdates.followEarlierSupportsOnce()).toBe(true);
    expect(await test.store.ideaUpdates.followers(idea.id)).toEqual([20]);
    // Unfollowed later: a second start-up does not follow them again.
    await test.store.ideaUpdates.toggleFollow(idea.id, 20);
    expect(await test.store.ideaUpdates.followEarlierSupportsOnce()).toBe(false);
    expect(await test.store.ideaUpdates.followers(idea.id)).toEqual([]);
  });
});
