import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUNDLED_EVENT_FILE, EventFileError, loadEvent, parseEvent } from "../src/event/load.js";
import {
  durationToNow,
  eventPhase,
  formatSpan,
  isPastDeadline,
  localDay,
  parseDuration,
  relativeToNow,
  wallClockToInstant,
} from "../src/event/time.js";
import { localize, untranslated } from "../src/event/text.js";
import { eventWith } from "./support/event-file.js";
import { buildCalendarFile } from "../src/ui/calendar.js";

const OTHER_EVENT = "test/fixtures/events/riverside-cleanup.yaml";

describe("wall-clock times in the event zone", () => {
  it("follows Almaty's offset history: +06:00 in 2017, +05:00 since March 2024", () => {
    expect(wallClockToInstant("2017-11-30T09:00", "Asia/Almaty").toISOString()).toBe("2017-11-30T03:00:00.000Z");
    expect(wallClockToInstant("2026-11-30T09:00", "Asia/Almaty").toISOString()).toBe("2026-11-30T04:00:00.000Z");
  });

  it("handles zones with daylight saving time", () => {
    expect(wallClockToInstant("2026-07-01T12:00", "Europe/London").toISOString()).toBe("2026-07-01T11:00:00.000Z");
    expect(wallClockToInstant("2026-12-01T12:00", "Europe/London").toISOString()).toBe("2026-12-01T12:00:00.000Z");
  });

  it("tells the local calendar day, across midnight and a 23-hour DST day", () => {
    const day = (iso: string, zone: string) => localDay(new Date(iso), zone);
    expect(day("2026-11-30T18:59:59Z", "Asia/Almaty")).toBe("2026-11-30");
    expect(day("2026-11-30T19:00:00Z", "Asia/Almaty")).toBe("2026-12-01");
    expect(day("2026-11-30T18:59:59Z", "Asia/Almaty")).toBe("2026-11-30");
    // Berlin springs forward on 29 March 2026: that day runs from 23:00Z (28th) to 22:00Z (29th).
    expect(day("2026-03-28T22:59:00Z", "Europe/Berlin")).toBe("2026-03-28");
    expect(day("2026-03-28T23:00:00Z", "Europe/Berlin")).toBe("2026-03-29");
    expect(day("2026-03-29T21:59:00Z", "Europe/Berlin")).toBe("2026-03-29");
    expect(day("2026-03-29T22:00:00Z", "Europe/Berlin")).toBe("2026-03-30");
  });

  it("parses durations before the start", () => {
    expect(parseDuration("90m")).toBe(90 * 60_000);
    expect(parseDuration("24h")).toBe(86_400_000);
    expect(parseDuration("2d")).toBe(2 * 86_400_000);
    expect(() => parseDuration("soon")).toThrow();
  });
});

describe("formatting", () => {
  const starts = wallClockToInstant("2017-11-30T09:00", "Asia/Almaty");
  const ends = wallClockToInstant("2017-11-30T13:00", "Asia/Almaty");

  it("writes the date and time span in each language", () => {
    const time = "H:mm";
    expect(formatSpan(starts, ends, "Asia/Almaty", "ru", { date: "D MMMM YYYY", time })).toBe("30 ноября 2017, 9:00–13:00");
    expect(formatSpan(starts, ends, "Asia/Almaty", "en", { date: "D MMMM YYYY", time })).toBe("30 November 2017, 9:00–13:00");
    expect(formatSpan(starts, ends, "Asia/Almaty", "kk", { date: "YYYY [жылғы] D MMMM", time })).toBe("2017 жылғы 30 қараша, 9:00–13:00");
  });

  it("writes both dates when an event spans days", () => {
    const end = wallClockToInstant("2017-12-01T13:00", "Asia/Almaty");
    expect(formatSpan(starts, end, "Asia/Almaty", "en", { date: "D MMMM YYYY", time: "H:mm" })).toBe(
      "30 November 2017, 9:00 – 1 December 2017, 13:00",
    );
  });

  it("counts down in the user's language", () => {
    const now = new Date(starts.getTime() - 5 * 86_400_000);
    expect(relativeToNow(starts, now, "ru")).toBe("через 5 дней");
    expect(relativeToNow(starts, now, "en")).toBe("in 5 days");
    expect(relativeToNow(starts, new Date(starts.getTime() - 3 * 3_600_000), "en")).toBe("in 3 hours");
    expect(relativeToNow(starts, now, "kk")).toBe("5 күн ішінде");
    // Texts are remembered per second: each moment, language and form still gets its own.
    expect(durationToNow(starts, now, "ru")).toBe("5 дней");
    expect(relativeToNow(ends, now, "en")).toBe("in 5 days");
    expect(relativeToNow(starts, new Date(starts.getTime() - 30_000), "en")).toBe("in a few seconds");
    expect(relativeToNow(starts, new Date(starts.getTime() - 50_000), "en")).toBe("in a minute");
  });

  it("knows the phase of the event and whether a deadline passed", () => {
    expect(eventPhase(new Date(starts.getTime() - 1), starts, ends)).toBe("upcoming");
    expect(eventPhase(starts, starts, ends)).toBe("ongoing");
    expect(eventPhase(ends, starts, ends)).toBe("past");
    const deadline = wallClockToInstant("2017-11-29T12:00", "Asia/Almaty");
    expect(isPastDeadline(new Date(deadline.getTime() + 59_000), deadline)).toBe(false);
    expect(isPastDeadline(new Date(deadline.getTime() + 60_000), deadline)).toBe(true);
  });

  it("falls back to the first language for a missing translation", () => {
    expect(localize({ ru: "Привет", en: "Hello" }, "kk", "ru")).toBe("Привет");
    expect(localize({ ru: "Привет", en: "Hello" }, "en", "ru")).toBe("Hello");
    expect(localize("Same for all", "kk", "ru")).toBe("Same for all");
  });
});

describe("the event file", () => {
  it("bundles the WeAlmaty forum with every seed fact in three languages", () => {
    const event = loadEvent(BUNDLED_EVENT_FILE);
    expect(event.languages).toEqual(["ru", "kk", "en"]);
    expect(event.timezone).toBe("Asia/Almaty");
    expect(event.startsAt.toISOString()).toBe("2017-11-30T03:00:00.000Z");
    expect(event.endsAt.toISOString()).toBe("2017-11-30T07:00:00.000Z");
    expect(event.rsvpDeadlineAt.toISOString()).toBe("2017-11-29T06:00:00.000Z");
    expect(event.contest?.hashtags).toEqual(["#WeAlmaty", "#ЯИдуНаWeAlmaty"]);
    expect(event.text(event.venue.address, "ru")).toMatch(/Байзакова,? 280/);
    expect(event.contacts[0]?.email).toBe("elena.sim@kz.britishcouncil.org");
    for (const language of ["ru", "kk", "en"]) {
      expect(event.text(event.title, language)).not.toBe("");
    }
    // Kazakh texts are translations, not Russian left in place.
    expect(event.text(event.summary, "kk")).not.toBe(event.text(event.summary, "ru"));
    expect(event.text(event.concept!.text, "kk")).not.toBe(event.text(event.concept!.text, "ru"));
  });

  it("lists every bad path of an invalid file", () => {
    expect.assertions(2);
    try {
      loadEvent("test/fixtures/events/invalid.yaml");
    } catch (error) {
      expect(error).toBeInstanceOf(EventFileError);
      expect((error as EventFileError).problems).toEqual(
        expect.arrayContaining([
          "venue.latitude: expected number, received string",
          "title: required",
          "timezone: expected an IANA time zone like Asia/Almaty",
          "starts: expected wall-clock time YYYY-MM-DDTHH:mm",
        ]),
      );
    }
  });

  it("rejects unknown keys, bad YAML and an end before the start", () => {
    const source = readFileSync(OTHER_EVENT, "utf8");
    expect(() => parseEvent(`${source}\ncapcity: 3\n`)).toThrow(/capcity/);
    expect(() => parseEvent("title: [unclosed")).toThrow(EventFileError);
    expect(() => parseEvent(source.replace('ends: "2026-11-30T12:30"', 'ends: "2026-11-30T08:00"'))).toThrow(/ends/);
  });

  it("refuses a time its zone skips when the clocks go forward, and takes the hour after", () => {
    const source = readFileSync(OTHER_EVENT, "utf8");
    const london = (starts: string, ends: string) =>
      source
        .replace(/^timezone: .*$/m, "timezone: Europe/London")
        .replace(/^starts: .*$/m, `starts: "${starts}"`)
        .replace(/^ends: .*$/m, `ends: "${ends}"`)
        .replace(/^( {2}deadline: ).*$/gm, `$1"2027-03-27T12:00"`);
    // 01:00–02:00 on 28 March 2027 does not happen in London: 01:30 would silently become 02:30.
    expect.assertions(3);
    try {
      parseEvent(london("2027-03-28T01:30", "2027-03-28T04:00"));
    } catch (error) {
      expect((error as EventFileError).problems).toEqual([
        "starts: 2027-03-28T01:30 does not exist in Europe/London (the clocks go forward then); give a time outside the gap",
      ]);
    }
    const event = parseEvent(london("2027-03-28T02:30", "2027-03-28T04:00"));
    expect(event.startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    // The hour repeated in October exists: taken as its first occurrence.
    expect(() => parseEvent(london("2027-10-31T01:30", "2027-10-31T04:00"))).not.toThrow();
  });

  it("gives each programme item its day: its own date, or the day above it, the next one past midnight", () => {
    const twoDays = (programme: { time?: string; title: string }[]) =>
      loadEvent(eventWith({ starts: "2017-11-30T18:00", ends: "2017-12-01T23:00", programme }));
    const event = twoDays([
      { time: "18:00", title: "Tea" },
      { time: "23:30", title: "Night ride" },
      { time: "01:00", title: "Stars" },
      { title: "Breakfast, untimed" },
      { time: "2017-12-01T12:00", title: "Workshop" },
      { time: "09:00", title: "Day three? No: the event has no third day" },
    ]);
    expect(event.programmeDays).toEqual(["2017-11-30", "2017-11-30", "2017-12-01", "2017-12-01", "2017-12-01", "2017-12-01"]);
    // A programme of one day stays on it, whatever the order of its times.
    expect(loadEvent(BUNDLED_EVENT_FILE).programmeDays.every((day) => day === "2017-11-30")).toBe(true);
    expect(() => twoDays([{ time: "2017-12-02T10:00", title: "Too late" }])).toThrow(
      /programme\.0\.time: 2017-12-02 is not a day of the event \(2017-11-30 to 2017-12-01\)/,
    );
    expect(() => twoDays([{ time: "25:00", title: "No such hour" }])).toThrow(/programme\.0\.time: expected HH:mm/);
    expect(() => twoDays([{ time: "1 December, 12:00", title: "Unreadable" }])).toThrow(
      /programme\.0\.time: expected HH:mm, or YYYY-MM-DDTHH:mm for a day of an event of several days/,
    );
    const london = eventWith({
      timezone: "Europe/London",
      starts: "2027-03-27T18:00",
      ends: "2027-03-28T12:00",
      rsvp: { deadline: "2027-03-27T12:00" },
    });
    expect(() => loadEvent(eventWith({ programme: [{ time: "2027-03-28T01:30", title: "In the gap" }] }, london))).toThrow(
      /programme\.0\.time: 2027-03-28T01:30 does not exist in Europe\/London/,
    );
  });

  it("refuses a text longer than a screen shows in one message, except the paged concept and speakers", () => {
    const long = (letter: string) => letter.repeat(3_100);
    expect(() => loadEvent(eventWith({ summary: { ru: long("а") }, contest: { rules: long("r") } }))).toThrow(
      /summary\.ru: 3100 characters: a screen shows 3000 at most in one message; shorten it\n {2}contest\.rules: 3100 characters/,
    );
    expect(() => loadEvent(eventWith({ concept: { text: long("c").repeat(3) }, speakers: long("s") }))).not.toThrow();
  });

  it("refuses a reminder to contest entrants in a file without a contest", () => {
    const source = readFileSync(OTHER_EVENT, "utf8").replace("audience: confirmed", "audience: contest_entrants");
    expect(() => parseEvent(source)).not.toThrow();
    const withoutContest = source.replace(/^contest:\n(?: .*\n|\n)*/m, "");
    expect(withoutContest).not.toMatch(/^contest:/m);
    expect(() => parseEvent(withoutContest)).toThrow(/reminders\.0\.audience: contest_entrants needs a `contest` section in this file/);
  });

  it("refuses plus-ones whose party could never fit the capacity", () => {
    const source = readFileSync(OTHER_EVENT, "utf8");
    expect(() => parseEvent(source.replace("  capacity: 2\n", "  capacity: 2\n  plusOnes: 1\n"))).not.toThrow();
    expect(() => parseEvent(source.replace("  capacity: 2\n", "  capacity: 2\n  plusOnes: 2\n"))).toThrow(
      /rsvp\.plusOnes: a guest and 2 companions take 3 seats, more than the capacity \(2\)/,
    );
    // A capacity of 0 is refused once, for what it is, with no word on companions nobody brings.
    expect(() => parseEvent(source.replace("  capacity: 2\n", "  capacity: 0\n"))).toThrow(/^[^\n]+\n {2}rsvp\.capacity: [^\n]+$/);
  });

  it("says a missing time is required and how to write it", () => {
    const source = readFileSync(OTHER_EVENT, "utf8");
    expect(() => parseEvent(source.replace(/^starts: .*\n/m, ""))).toThrow(/starts: required: a wall-clock time YYYY-MM-DDTHH:mm/);
    expect(() => parseEvent(source.replace(/^ {2}deadline: "2026-11-28T20:00"\n/m, ""))).toThrow(
      /contest\.deadline: required: a wall-clock time YYYY-MM-DDTHH:mm/,
    );
  });

  it("refuses an id used twice in a list (reminders, jury criteria, idea categories) and a language listed twice", () => {
    const source = readFileSync(BUNDLED_EVENT_FILE, "utf8");
    expect(() => parseEvent(source)).not.toThrow();
    const problems = (edited: string) => {
      try {
        parseEvent(edited);
        return [];
      } catch (error) {
        return (error as EventFileError).problems;
      }
    };
    expect(problems(source.replace("id: two-hours", "id: day-before"))).toEqual(['reminders.3.id: reminder id "day-before" is used twice']);
    expect(problems(source.replace("id: photo", "id: idea"))).toEqual(['contest.criteria.1.id: criterion id "idea" is used twice']);
    expect(
      problems(
        source.replace(
          "id: other\n      name:\n        ru: Другое\n        kk: Басқа\n        en: Other\n\n# Scheduled",
          "id: bike\n      name:\n        ru: Другое\n        kk: Басқа\n        en: Other\n\n# Scheduled",
        ),
      ),
    ).toEqual(['ideas.categories.6.id: category id "bike" is used twice']);
    expect(problems(source.replace("languages: [ru, kk, en]", "languages: [ru, kk, ru]"))).toEqual([
      "languages: a language is listed twice",
    ]);
  });

  it("refuses a retention that erases the guests before the survey goes out", () => {
    const source = readFileSync(BUNDLED_EVENT_FILE, "utf8");
    expect(() => parseEvent(source.replace("retainFor: 90d", "retainFor: 3h"))).not.toThrow();
    expect(() => parseEvent(source.replace("retainFor: 90d", "retainFor: 2h"))).toThrow(
      /privacy\.retainFor: 2h erases the guests before the survey goes out \(feedback\.after: 2h\); keep the data longer than that/,
    );
  });

  it("refuses a registration deadline after the event's end, and takes one during it", () => {
    const source = readFileSync(OTHER_EVENT, "utf8");
    expect(() => parseEvent(source.replace('deadline: "2026-11-29T18:00"', 'deadline: "2026-11-30T11:00"'))).not.toThrow();
    expect(() => parseEvent(source.replace('deadline: "2026-11-29T18:00"', 'deadline: "2026-12-01T18:00"'))).toThrow(
      /rsvp\.deadline: registration must close by `ends`/,
    );
  });

  it("lists the texts a language of the file lacks, which that language's users read in the first", () => {
    const source = readFileSync(OTHER_EVENT, "utf8");
    expect([...untranslated(parseEvent(source))]).toEqual([]);
    const event = parseEvent(source.replace("languages: [en, ru]", "languages: [en, ru, kk]"));
    const missing = untranslated(event).get("kk") ?? [];
    expect(missing).toEqual(expect.arrayContaining(["title", "summary", "venue.name", "programme.0.title"]));
    expect(untranslated(event).has("ru")).toBe(false);
  });

  it("resolves reminders given as `at` or `before`", () => {
    const event = loadEvent(OTHER_EVENT);
    const reminder = event.reminders[0]!;
    expect(reminder.before).toBe("3h");
    expect(event.reminderAt(reminder).toISOString()).toBe("2026-11-30T01:00:00.000Z");
  });
});

describe("the calendar file", () => {
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

  it("starts an Almaty event of 2017-11-30 09:00 at 03:00 UTC, with an alarm", () => {
    const ics = unfold(buildCalendarFile(loadEvent(BUNDLED_EVENT_FILE), "ru"));
    expect(ics).toContain("DTSTART:20171130T030000Z");
    expect(ics).toContain("DTEND:20171130T070000Z");
    expect(ics).toContain("BEGIN:VALARM");
    expect(ics).toContain("TRIGGER:-PT1H");
    expect(ics).toMatch(/LOCATION:.*Байзакова/);
  });

  it("starts an Almaty event of 2026-11-30 09:00 at 04:00 UTC, in the user's language", () => {
    const ics = unfold(buildCalendarFile(loadEvent(OTHER_EVENT), "en"));
    expect(ics).toContain("DTSTART:20261130T040000Z");
    expect(ics).toContain("SUMMARY:Esentai River Clean-up Day");
    expect(ics).toContain("GEO:43.2185;76.9289");
  });
});
