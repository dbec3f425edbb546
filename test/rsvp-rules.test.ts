import { describe, expect, it } from "vitest";
import { toCsv } from "../src/ui/csv.js";
import { parseEvent } from "../src/event/load.js";
import {
  changesAllowed,
  checkName,
  CODE_ALPHABET,
  isTicketToken,
  newCode,
  newTicketToken,
  normaliseCode,
  normalisePhone,
  phoneCountryOf,
  phoneExamples,
  phoneForReading,
  checkNumber,
  checkText,
  normaliseEmail,
  reachedThresholds,
  reconfirmSchedule,
  registrationOpen,
  ticketLink,
  waitlistReason,
} from "../src/features/rsvp/rules.js";
import { parseCsv } from "./support/csv.js";

const EVENT = `
id: test-event
timezone: Asia/Almaty
languages: [en]
title: Test
summary: Test
starts: "2030-05-10T10:00"
ends: "2030-05-10T12:00"
venue: { name: Hall, address: Street 1, latitude: 43, longitude: 76 }
rsvp:
  deadline: "2030-05-08T12:00"
  capacity: 10
  reconfirm: { before: 48h, grace: 12h }
`;

describe("RSVP rules", () => {
  it("says why a registration waits: no seat, too few for its group, or seats kept for the queue", () => {
    expect(waitlistReason(0, 1)).toBe("full");
    expect(waitlistReason(0, 3)).toBe("full");
    expect(waitlistReason(1, 2)).toBe("group");
    expect(waitlistReason(2, 2)).toBe("queue");
    expect(waitlistReason(5, 1)).toBe("queue");
  });

  it("accepts names in any script and rejects the rest", () => {
    expect(checkName("  Айгерим   Сапарова ")).toEqual({ ok: true, value: "Айгерим Сапарова" });
    expect(checkName("Jean-Luc O'Neil")).toMatchObject({ ok: true });
    expect(checkName("Әлия Құрманғазықызы")).toMatchObject({ ok: true });
    expect(checkName("A")).toEqual({ ok: false, reason: "length" });
    expect(checkName("x".repeat(101))).toEqual({ ok: false, reason: "length" });
    expect(checkName("R2D2 robot")).toEqual({ ok: false, reason: "characters" });
    expect(checkName("<b>Bob</b>")).toEqual({ ok: false, reason: "characters" });
    expect(checkName("--")).toEqual({ ok: false, reason: "characters" });
  });

  it("normalises phone numbers to E.164: national ones as dialled in the event's country, international ones anywhere", () => {
    expect(phoneCountryOf("Asia/Almaty")).toBe("KZ");
    expect(phoneCountryOf("Asia/Aqtobe")).toBe("KZ");
    expect(phoneCountryOf("Europe/Berlin")).toBe("DE");
    expect(phoneCountryOf("UTC")).toBeUndefined();
    expect(normalisePhone("8 701 765 05 10", "KZ")).toBe("+77017650510");
    expect(phoneForReading("+77017650510")).toBe("+7 701 765 05 10");
    expect(phoneForReading("+442079460958")).toBe("+44 20 7946 0958");
    expect(normalisePhone("+7 (727) 244-41-44", "KZ")).toBe("+77272444144");
    expect(normalisePhone("87017650510", "KZ")).toBe("+77017650510");
    expect(normalisePhone("77017650510", "KZ")).toBe("+77017650510");
    expect(normalisePhone("701 765 05 10", "KZ")).toBe("+77017650510");
    expect(normalisePhone("0151 23456789", "DE")).toBe("+4915123456789");
    expect(normalisePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalisePhone("0044 20 7946 0958", "KZ")).toBe("+442079460958");
    // Without a country a national number could be anyone's.
    expect(normalisePhone("8 701 765 05 10")).toBeUndefined();
    expect(normalisePhone("12345", "KZ")).toBeUndefined();
    expect(normalisePhone("+7 701 765", "KZ")).toBeUndefined();
    expect(normalisePhone("call me", "KZ")).toBeUndefined();
    expect(phoneExamples("KZ")).toBe("8 771 000 99 98, +7 771 000 99 98");
    expect(phoneExamples(undefined)).toBe("+44 20 7946 0958");
  });

  it("reads e-mails, numbers and texts of the event file's questions", () => {
    expect(normaliseEmail("Elena.Sim@KZ.BritishCouncil.org")).toBe("Elena.Sim@kz.britishcouncil.org");
    expect(normaliseEmail("elena@")).toBeUndefined();
    expect(normaliseEmail("8 701 765 05 10")).toBeUndefined();
    expect(checkNumber(" 1 200,5 ")).toEqual({ ok: true, value: "1200.5" });
    expect(checkNumber("12", 1, 10)).toEqual({ ok: false, reason: "range" });
    expect(checkNumber("0", 1)).toEqual({ ok: false, reason: "range" });
    expect(checkNumber("twelve")).toEqual({ ok: false, reason: "not-a-number" });
    expect(checkNumber("1e5")).toEqual({ ok: false, reason: "not-a-number" });
    expect(checkText("  Almaty   Daily ", 2)).toEqual({ ok: true, value: "Almaty Daily" });
    expect(checkText(" X ", 2)).toEqual({ ok: false, min: 2 });
    expect(checkText("   ")).toEqual({ ok: false, min: 1 });
  });

  it("makes short unambiguous codes and unguessable tokens that fit a deep link", () => {
    for (let i = 0; i < 50; i++) {
      const code = newCode();
      expect(code).toHaveLength(6);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(normaliseCode(" abc234 ")).toBe("ABC234");
    expect(normaliseCode("ABC10O")).toBeUndefined();
    const token = newTicketToken();
    expect(isTicketToken(token)).toBe(true);
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    expect(newTicketToken()).not.toBe(token);
    const payload = new URL(ticketLink("some_bot", token)).searchParams.get("start")!;
    expect(payload.length).toBeLessThanOrEqual(64);
    expect(payload).toBe(`ci_${token}`);
  });

  it("closes registration after the deadline minute (Almaty is UTC+5 since 2024) and changes at the start", () => {
    const event = parseEvent(EVENT);
    expect(registrationOpen(event, new Date("2030-05-08T07:00:59Z"))).toBe(true);
    expect(registrationOpen(event, new Date("2030-05-08T07:01:00Z"))).toBe(false);
    expect(changesAllowed(event, new Date("2030-05-10T04:59:59Z"))).toBe(true);
    expect(changesAllowed(event, new Date("2030-05-10T05:00:00Z"))).toBe(false);
  });

  it("decides capacity alerts", () => {
    expect(reachedThresholds(10, 7)).toEqual([]);
    expect(reachedThresholds(10, 8)).toEqual([80]);
    expect(reachedThresholds(10, 10)).toEqual([80, 100]);
    expect(reachedThresholds(undefined, 10)).toEqual([]);
  });

  it("schedules re-confirmation from the event file", () => {
    const schedule = reconfirmSchedule(parseEvent(EVENT))!;
    expect(schedule.askAt.toISOString()).toBe("2030-05-08T05:00:00.000Z");
    expect(schedule.releaseAt.toISOString()).toBe("2030-05-08T17:00:00.000Z");
    expect(reconfirmSchedule(parseEvent(EVENT.replace("  reconfirm: { before: 48h, grace: 12h }\n", "")))).toBeUndefined();
  });
});

describe("CSV", () => {
  it("writes UTF-8 with a BOM, neutralises formula cells and leaves phone numbers as they are", () => {
    const csv = toCsv([
      ["name", "note"],
      ['Әлия, "Ali"', '=HYPERLINK("x")'],
      ["+77017650510", "-1"],
      ["+7701765051+1", '+1-HYPERLINK("x")'],
      ["@me", "\tx"],
      ["\rcr", "multi\nline"],
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // A phone is quoted as text and kept whole: digits after a plus cannot call anything.
    expect(csv.toString("utf8")).toContain('\r\n"+77017650510",\'-1\r\n');
    expect(parseCsv(csv)).toEqual([
      ["name", "note"],
      ['Әлия, "Ali"', '\'=HYPERLINK("x")'],
      ["+77017650510", "'-1"],
      ["'+7701765051+1", '\'+1-HYPERLINK("x")'],
      ["'@me", "'\tx"],
      ["'\rcr", "multi\nline"],
    ]);
  });
});
