import { describe, expect, it } from "vitest";
import { dativeEnding, kazakhDative, lastSpokenWord } from "../src/bot/kazakh.js";

describe("Kazakh endings", () => {
  it("read a number's last word as it is spoken", () => {
    expect([1, 2, 6, 10, 20, 40, 59, 100, 2017, 3000].map(lastSpokenWord)).toEqual([
      "бір",
      "екі",
      "алты",
      "он",
      "жиырма",
      "қырық",
      "тоғыз",
      "жүз",
      "жеті",
      "мың",
    ]);
  });

  it("choose the dative by vowel harmony and the final sound", () => {
    const words = ["қараша", "қаңтар", "наурыз", "сәуір", "шілде", "қыркүйек", "желтоқсан", "екі", "үш", "алты", "қырық", "бес"];
    expect(words.map((word) => word + dativeEnding(word))).toEqual([
      "қарашаға",
      "қаңтарға",
      "наурызға",
      "сәуірге",
      "шілдеге",
      "қыркүйекке",
      "желтоқсанға",
      "екіге",
      "үшке",
      "алтыға",
      "қырыққа",
      "беске",
    ]);
  });

  it("put a date and a time in the dative before «дейін»", () => {
    expect(kazakhDative("2017 жылғы 29 қараша, 12:00")).toBe("2017 жылғы 29 қарашаға, 12:00-ге");
    expect(kazakhDative("23:59")).toBe("23:59-ға");
    expect(kazakhDative("2017 жылғы 1 қыркүйек, 9:30")).toBe("2017 жылғы 1 қыркүйекке, 9:30-ға");
    expect(["1:00", "3:00", "6:00", "10:00", "14:40", "18:00", "20:05"].map(kazakhDative)).toEqual([
      "1:00-ге",
      "3:00-ке",
      "6:00-ға",
      "10:00-ға",
      "14:40-қа",
      "18:00-ге",
      "20:05-ке",
    ]);
  });
});
