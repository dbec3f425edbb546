import { describe, expect, it } from "vitest";
import { checkEntryLink, checkIdea, formatAverage, rankEntries, type Score } from "../src/features/contest/rules.js";
import { formatSeconds, quizStandings, quizWinners } from "../src/features/quiz/rules.js";

const HOSTS = ["instagram.com", "www.instagram.com", "facebook.com", "www.facebook.com", "m.facebook.com", "fb.com", "www.fb.com"];

describe("entry link", () => {
  it.each([
    "https://www.instagram.com/p/BbXyZ12_-a/",
    "https://instagram.com/reel/Cabc123",
    "https://www.instagram.com/aigerim.k/p/BbXyZ12/",
    "https://www.facebook.com/aigerim.k/posts/10155555555555555",
    "https://www.facebook.com/photo?fbid=10155555555555555&set=a.1",
    "https://m.facebook.com/photo.php?fbid=123456",
    "https://www.facebook.com/permalink.php?story_fbid=123456&id=100001",
    "https://www.facebook.com/share/p/1AbCdEf/",
    "https://www.facebook.com/reel/123456789",
    "https://fb.com/aigerim/posts/pfbid02abc",
    "  https://www.instagram.com/p/BbXyZ12/#comments  ",
  ])("accepts a post: %s", (link) => {
    expect(checkEntryLink(link, HOSTS)).toMatchObject({ ok: true });
  });

  it.each([
    ["instagram.com/p/abc", "not-url"],
    ["see my post", "not-url"],
    ["ftp://instagram.com/p/abc", "not-url"],
    ["http://www.instagram.com/p/BbXyZ12/", "not-https"],
    ["https://vk.com/wall1_2", "host"],
    ["https://instagram.com.evil.example/p/abc", "host"],
    ["https://user:pw@instagram.com/p/abc", "host"],
    ["https://www.instagram.com/", "not-post"],
    ["https://www.instagram.com/aigerim.k/", "not-post"],
    ["https://www.facebook.com/wealmaty/", "not-post"],
    ["https://www.facebook.com/photo?fbid=", "not-post"],
    ["https://www.facebook.com/permalink.php", "not-post"],
  ])("rejects %s (%s)", (link, problem) => {
    expect(checkEntryLink(link, HOSTS)).toEqual({ ok: false, problem });
  });

  it("drops the fragment and follows the event file's hosts", () => {
    expect(checkEntryLink("https://www.instagram.com/p/abc/#x", HOSTS)).toEqual({ ok: true, url: "https://www.instagram.com/p/abc/" });
    expect(checkEntryLink("https://vk.com/wall1_2", ["vk.com"])).toMatchObject({ ok: true });
    expect(checkEntryLink("https://vk.com/", ["vk.com"])).toEqual({ ok: false, problem: "not-post" });
    // The form names the site without www. or m.: a link from either form of an allowed host is the same site.
    expect(checkEntryLink("https://www.instagram.com/p/abc/", ["instagram.com"])).toMatchObject({ ok: true });
    expect(checkEntryLink("https://m.vk.com/wall1_2", ["www.vk.com"])).toMatchObject({ ok: true });
    expect(checkEntryLink("https://www.threads.net/@emma/post/abc", ["threads.net"])).toMatchObject({ ok: true });
    expect(checkEntryLink("https://mobile.vk.com/wall1_2", ["vk.com"])).toEqual({ ok: false, problem: "host" });
  });
});

describe("idea text", () => {
  it("takes 10 to 1000 characters once trimmed, counting letters not bytes", () => {
    expect(checkIdea("  short  ")).toEqual({ ok: false, problem: "too-short" });
    expect(checkIdea("Велодорожки")).toEqual({ ok: true, idea: "Велодорожки" });
    expect(checkIdea("ы".repeat(1000))).toMatchObject({ ok: true });
    expect(checkIdea("ы".repeat(1001))).toEqual({ ok: false, problem: "too-long" });
  });
});

describe("ranking", () => {
  const s = (jurorId: number, criterionId: string, score: number): Score => ({ jurorId, criterionId, score });

  it("orders by average, then by number of scores, then by entry order; unscored last", () => {
    const scores = new Map<number, Score[]>([
      [1, [s(10, "idea", 4), s(10, "photo", 4)]],
      [2, [s(10, "idea", 5), s(11, "idea", 3), s(10, "photo", 5), s(11, "photo", 3)]],
      [3, [s(10, "idea", 5), s(10, "photo", 5)]],
      [5, [s(10, "idea", 4), s(10, "photo", 4), s(11, "idea", 4), s(11, "photo", 4)]],
    ]);
    const ranked = rankEntries([1, 2, 3, 4, 5], scores, ["idea", "photo"]);
    expect(ranked.map((r) => r.entrantId)).toEqual([3, 2, 5, 1, 4]);
    expect(ranked[0]).toEqual({ entrantId: 3, average: 5, scores: 2, jurors: 1 });
    expect(ranked[1]).toEqual({ entrantId: 2, average: 4, scores: 4, jurors: 2 });
    expect(ranked[4]).toEqual({ entrantId: 4, average: undefined, scores: 0, jurors: 0 });
    expect(formatAverage(ranked[4]!.average, "ru")).toBe("—");
    expect(formatAverage(13 / 3, "en")).toBe("4.3");
    // Russian and Kazakh write a decimal comma.
    expect(formatAverage(4.5, "ru")).toBe("4,5");
    expect(formatAverage(4, "kk")).toBe("4,0");
    expect([formatSeconds(29_000, "ru"), formatSeconds(4_540, "kk"), formatSeconds(4_540, "en")]).toEqual(["29", "4,5", "4.5"]);
  });

  it("ignores scores on criteria no longer in the event file", () => {
    const ranked = rankEntries([1], new Map([[1, [s(10, "idea", 5), s(10, "old", 1)]]]), ["idea"]);
    expect(ranked[0]).toMatchObject({ average: 5, scores: 1 });
  });
});

describe("quiz leaderboard", () => {
  it("ranks by right answers, then by the total time of the right answers", () => {
    const key = [0, 2, 1];
    const answers = [
      new Map([
        [1, { option: 0, elapsedMs: 3000 }],
        [2, { option: 0, elapsedMs: 1000 }],
        [3, { option: 1, elapsedMs: 500 }],
        [4, { option: 0, elapsedMs: 2000 }],
      ]),
      new Map([
        [1, { option: 2, elapsedMs: 3000 }],
        [2, { option: 2, elapsedMs: 4000 }],
        [3, { option: 0, elapsedMs: 500 }],
      ]),
      new Map([
        [1, { option: 1, elapsedMs: 1000 }],
        [2, { option: 1, elapsedMs: 2000 }],
        [4, { option: 1, elapsedMs: 100 }],
      ]),
    ];
    const standings = quizStandings(key, answers);
    expect(standings.map((x) => [x.userId, x.correct, x.totalMs])).toEqual([
      [1, 3, 7000],
      [2, 3, 7000],
      [4, 2, 2100],
      [3, 0, 0],
    ]);
    expect(quizWinners(standings, 10).map((w) => w.userId)).toEqual([1, 2, 4]);
    expect(quizWinners(standings, 2).map((w) => w.userId)).toEqual([1, 2]);
  });
});

describe("entry link clean-up", () => {
  it("drops Instagram's share tracking, keeps Facebook's post id, refuses absurdly long links", () => {
    expect(checkEntryLink("https://www.instagram.com/p/Cabc123/?igsh=MTc4MmM1YmI2Ng==", HOSTS)).toEqual({
      ok: true,
      url: "https://www.instagram.com/p/Cabc123/",
    });
    expect(checkEntryLink("https://www.facebook.com/photo/?fbid=123&set=a.9", HOSTS)).toEqual({
      ok: true,
      url: "https://www.facebook.com/photo/?fbid=123&set=a.9",
    });
    expect(checkEntryLink(`https://www.instagram.com/p/${"a".repeat(300)}/`, HOSTS)).toEqual({ ok: false, problem: "not-url" });
  });
});
