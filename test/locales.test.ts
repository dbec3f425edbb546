import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LANGUAGES } from "../src/event/schema.js";

const LOCALES = "src/locales";

/** Message ids of a Fluent source (top-level `id =` lines). */
const messageIds = (source: string) => [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((match) => match[1]!);

function idsOf(language: string): Map<string, string[]> {
  const files = readdirSync(join(LOCALES, language)).filter((file) => file.endsWith(".ftl"));
  return new Map(files.map((file) => [file, messageIds(readFileSync(join(LOCALES, language, file), "utf8")).sort()]));
}

describe("locale files", () => {
  it("give every language the same files and the same messages", () => {
    const reference = idsOf("en");
    expect(reference.size).toBeGreaterThan(0);
    for (const language of SUPPORTED_LANGUAGES) {
      const ids = idsOf(language);
      expect([...ids.keys()].sort(), language).toEqual([...reference.keys()].sort());
      for (const [file, keys] of reference) expect(ids.get(file), `${language}/${file}`).toEqual(keys);
    }
  });

  it("translate Kazakh instead of leaving Russian in place", () => {
    const ru = readdirSync(join(LOCALES, "ru")).map((file) => readFileSync(join(LOCALES, "ru", file), "utf8")).join("\n");
    const kk = readdirSync(join(LOCALES, "kk")).map((file) => readFileSync(join(LOCALES, "kk", file), "utf8")).join("\n");
    const lines = (source: string) => new Set(source.split("\n").filter((line) => /[а-яё]{4}/i.test(line)));
    const shared = [...lines(kk)].filter((line) => lines(ru).has(line));
    expect(shared).toEqual([]);
  });
});
