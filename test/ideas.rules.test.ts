import { describe, expect, it } from "vitest";
import { CSV_HEADER, ideasCsv, ideasGeoJson } from "../src/features/ideas/export.js";
import {
  IDEA_MAX_LENGTH,
  checkIdeaText,
  dailyLimitReached,
  digestDue,
  findSimilar,
  ideaDay,
  ideaTokens,
  insideBounds,
  parseIdeaNumber,
  parseMilestoneDate,
} from "../src/features/ideas/rules.js";
import type { Idea } from "../src/store/ideas.js";
import { parseCsv } from "./support/csv.js";

const ALMATY = { south: 43.0, west: 76.6, north: 43.45, east: 77.2 };

const idea = (id: number, category: string, text: string, extra: Partial<Idea> = {}): Idea => ({
  id,
  authorId: 1,
  authorName: "A",
  language: "ru",
  category,
  text,
  status: "published",
  createdAt: Date.UTC(2017, 10, 20, 6, 0),
  updatedAt: Date.UTC(2017, 10, 20, 6, 0),
  supports: 0,
  ...extra,
});

describe("idea text", () => {
  it("accepts 10 to 2000 characters, trimmed, counting emoji and Cyrillic as one each", () => {
    expect(checkIdeaText("  Больше скамеек  ")).toEqual({ ok: true, text: "Больше скамеек" });
    expect(checkIdeaText("Too short")).toEqual({ ok: false, problem: "too-short" });
    expect(checkIdeaText("🌳".repeat(10)).ok).toBe(true);
    expect(checkIdeaText("а".repeat(IDEA_MAX_LENGTH)).ok).toBe(true);
    expect(checkIdeaText("а".repeat(IDEA_MAX_LENGTH + 1))).toEqual({ ok: false, problem: "too-long" });
  });
});

describe("city bounds", () => {
  it("accepts pins in the box and refuses pins outside; no box accepts all", () => {
    expect(insideBounds({ latitude: 43.2383, longitude: 76.9453 }, ALMATY)).toBe(true);
    expect(insideBounds({ latitude: 51.1694, longitude: 71.4491 }, ALMATY)).toBe(false); // Astana
    expect(insideBounds({ latitude: 43.46, longitude: 76.9 }, ALMATY)).toBe(false);
    expect(insideBounds({ latitude: -33.9, longitude: 18.4 }, undefined)).toBe(true);
  });
});

describe("daily limit", () => {
  it("counts days in the event's zone and stops at the limit", () => {
    // 23:30 UTC on the 19th is already the 20th in Almaty (UTC+6 in 2017).
    expect(ideaDay(new Date("2017-11-19T23:30:00Z"), "Asia/Almaty")).toBe("2017-11-20");
    expect(ideaDay(new Date("2017-11-19T17:59:00Z"), "Asia/Almaty")).toBe("2017-11-19");
    expect(dailyLimitReached(4, 5)).toBe(false);
    expect(dailyLimitReached(5, 5)).toBe(true);
  });
});

describe("similar ideas", () => {
  it("normalises case, ё and word endings, and drops stop words", () => {
    expect([...ideaTokens("Велодорожки и ВЕЛОДОРОЖКУ для Абая, ёлки!")].sort()).toEqual(["абая", "велодо", "елки"]);
  });

  it("finds up to three ideas of the same category that share words, best first", () => {
    const candidates = [
      idea(1, "bike", "Велодорожка по проспекту Абая от Достык до Байзакова", { supports: 3 }),
      idea(2, "bike", "Велодорожки на проспекте Абая нужны срочно"),
      idea(3, "parks", "Велодорожка по проспекту Абая в парке"),
      idea(4, "bike", "Больше скамеек у фонтанов"),
      idea(5, "bike", "Парковки для велосипедов у метро"),
    ];
    const similar = findSimilar({ category: "bike", text: "Сделать велодорожку вдоль проспекта Абая" }, candidates);
    expect(similar.map((i) => i.id)).toEqual([1, 2]);
    expect(findSimilar({ category: "bike", text: "Фонари в сквере" }, candidates)).toEqual([]);
    const many = Array.from({ length: 6 }, (_, i) => idea(10 + i, "bike", "Велодорожка по проспекту Абая"));
    expect(findSimilar({ category: "bike", text: "Велодорожка по проспекту Абая" }, many)).toHaveLength(3);
  });
});

describe("exports", () => {
  const ideas = [
    idea(1, "bike", '=HYPERLINK("http://evil","x") велодорожка, "Абай"\nвторая строка', {
      latitude: 43.2383,
      longitude: 76.9453,
      photo: "AgACphoto",
      supports: 7,
      answer: "+принято",
    }),
    idea(2, "parks", "Больше деревьев в сквере", { status: "new" }),
  ];

  it("writes a CSV with BOM, neutralised formulas and quoted cells that reads back", () => {
    const csv = ideasCsv(ideas);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      "1",
      "bike",
      "published",
      "7",
      "2017-11-20T06:00:00.000Z",
      '\'=HYPERLINK("http://evil","x") велодорожка, "Абай"\nвторая строка',
      "'+принято",
      "43.2383",
      "76.9453",
      "AgACphoto",
      "0",
      "",
      "",
      // The event running when it was proposed: none here.
      "",
    ]);
    expect(rows[2]?.slice(0, 3)).toEqual(["2", "parks", "new"]);
  });

  it("writes GeoJSON points [lon, lat] only for ideas with a place", () => {
    const geo = JSON.parse(JSON.stringify(ideasGeoJson(ideas)));
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toEqual([
      {
        type: "Feature",
        id: 1,
        geometry: { type: "Point", coordinates: [76.9453, 43.2383] },
        properties: {
          id: 1,
          category: "bike",
          text: ideas[0]!.text,
          status: "published",
          supports: 7,
          created: "2017-11-20T06:00:00.000Z",
          photo: "AgACphoto",
          answer: "+принято",
          followers: 0,
          milestones: null,
          merged_into: null,
        },
      },
    ]);
  });
});

describe("idea updates", () => {
  const zone = "Asia/Almaty"; // UTC+5

  it("sends a waiting digest on a new zone day, from 9:00 local", () => {
    // 2026-11-27 23:30 in Almaty is still the 27th there, though 18:30 UTC.
    expect(digestDue(new Date("2026-11-27T18:30:00Z"), zone, "2026-11-27")).toBe(false);
    // 08:59 local on the 28th: a new day, but too early.
    expect(digestDue(new Date("2026-11-28T03:59:00Z"), zone, "2026-11-27")).toBe(false);
    expect(digestDue(new Date("2026-11-28T04:00:00Z"), zone, "2026-11-27")).toBe(true);
    expect(digestDue(new Date("2026-11-28T04:00:00Z"), zone, undefined)).toBe(true);
    // Told today already: tomorrow.
    expect(digestDue(new Date("2026-11-28T12:00:00Z"), zone, "2026-11-28")).toBe(false);
  });

  it("reads milestone dates in both ways organisers write them, and refuses dates that do not exist", () => {
    expect(parseMilestoneDate("2018-03-01")).toBe("2018-03-01");
    expect(parseMilestoneDate(" 1.3.2018 ")).toBe("2018-03-01");
    expect(parseMilestoneDate("29.02.2024")).toBe("2024-02-29");
    for (const wrong of ["29.02.2023", "2018-13-01", "32.01.2020", "March 1", "", "01.01.1800"]) {
      expect(parseMilestoneDate(wrong), wrong).toBeUndefined();
    }
    expect([parseIdeaNumber("12"), parseIdeaNumber("#12"), parseIdeaNumber("№ 7"), parseIdeaNumber("12a")]).toEqual([12, 12, 7, undefined]);
  });
});
