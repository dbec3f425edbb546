import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "../src/bot/i18n.js";
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
    const ru = readdirSync(join(LOCALES, "ru"))
      .map((file) => readFileSync(join(LOCALES, "ru", file), "utf8"))
      .join("\n");
    const kk = readdirSync(join(LOCALES, "kk"))
      .map((file) => readFileSync(join(LOCALES, "kk", file), "utf8"))
      .join("\n");
    const lines = (source: string) => new Set(source.split("\n").filter((line) => /[а-яё]{4}/i.test(line)));
    const shared = [...lines(kk)].filter((line) => lines(ru).has(line));
    expect(shared).toEqual([]);
  });
});

/** Variables that hold a count or another number a noun may follow. */
const NUMERIC = new Set([
  ...["count", "total", "sent", "failed", "blocked", "remaining", "length", "max", "min", "limit", "players", "answers", "correct"],
  ...["number", "previous", "place", "position", "supports", "scores", "score", "jurors", "users", "page", "pages", "shown"],
  ...["confirmed", "waitlisted", "cancelled", "checkedIn", "left", "capacity", "percent"],
]);
const SAMPLES = [1, 2, 5, 21];

interface Message {
  file: string;
  id: string;
  vars: string[];
}

/** Every message of a language with the variables it uses (selectors and functions included). */
function messagesOf(language: string): Message[] {
  const messages: Message[] = [];
  for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith(".ftl"))) {
    let current: Message | undefined;
    for (const line of readFileSync(join(LOCALES, language, file), "utf8").split("\n")) {
      const start = /^([a-z][a-z0-9-]*)\s*=/.exec(line);
      if (start) messages.push((current = { file, id: start[1]!, vars: [] }));
      else if (line.trim() !== "" && !/^\s/.test(line)) current = undefined;
      if (current) for (const match of line.matchAll(/\$([a-zA-Z]+)/g)) if (!current.vars.includes(match[1]!)) current.vars.push(match[1]!);
    }
  }
  return messages;
}

const i18n = createI18n(SUPPORTED_LANGUAGES);

/** A message rendered with every numeric variable set to `n` and the others to a neutral word. */
function render(language: string, message: Message, n: number): string {
  const vars = Object.fromEntries(message.vars.map((name) => [name, NUMERIC.has(name) ? n : name === "language" ? language : "Zz"]));
  return i18n.t(language, message.id, vars);
}

/**
 * Russian nouns as they follow a number: the nominative singular (1, 21), the forms after 2–4,
 * and the genitive plural (5–20). Only forms that cannot follow the other numbers are listed
 * (the texts avoid prepositions such as «из», after which the genitive follows any number).
 */
const words = (list: string) => list.trim().split(/\s+/);
const RU = {
  one: words("регистрация заявка идея оценка участник получатель пользователь символ ответ вопрос сообщение место голос гость билет"),
  few: words(`регистрации заявки идеи оценки участника получателя пользователя символа ответа вопроса сообщения места голоса
    гостя билета`),
  many: words(`регистраций заявок идей оценок участников получателей пользователей символов ответов вопросов сообщений мест
    голосов гостей билетов`),
  /** Dative plurals: right after 2–4 and 5–20 alike, never after 1 or 21. */
  plural: words("участникам получателям пользователям гостям"),
};
const EN = {
  one: words(`registration entry idea score participant player recipient user character answer question message seat vote guest
    person juror`),
  other: words(`registrations entries ideas scores participants players recipients users characters answers questions messages seats
    votes guests people jurors`),
};

/** The words that follow the number `n` in a text. */
const wordsAfter = (text: string, n: number) =>
  [...text.matchAll(new RegExp(`(?<![\\d.,:/-])${n}(?![\\d.,:/])[ \\u00a0]+([\\p{L}-]+)`, "gu"))].map((match) => match[1]!.toLowerCase());

function agreementProblems(language: string, text: string, n: number): string[] {
  const problems: string[] = [];
  for (const word of wordsAfter(text, n)) {
    if (language === "ru") {
      const category = new Intl.PluralRules("ru").select(n);
      const wrong =
        (category === "one" && (RU.many.includes(word) || RU.plural.includes(word))) ||
        (category === "few" && (RU.many.includes(word) || RU.one.includes(word))) ||
        (category === "many" && (RU.one.includes(word) || RU.few.includes(word)));
      if (wrong) problems.push(`${n} ${word}`);
    } else if (language === "en") {
      const wrong = n === 1 ? EN.other.includes(word) : EN.one.includes(word);
      if (wrong) problems.push(`${n} ${word}`);
    } else if (/(лар|лер|дар|дер|тар|тер)(ға|ге|ды|ді|ын|ін|да|де|дың|дің|)$/.test(word) && word.length > 4) {
      // Kazakh keeps the noun singular after a number: «5 идея», not «5 идеялар».
      problems.push(`${n} ${word}`);
    }
  }
  return problems;
}

describe("messages with numbers", () => {
  for (const language of SUPPORTED_LANGUAGES) {
    it(`agree with 1, 2, 5 and 21 in ${language}`, () => {
      const problems: string[] = [];
      const numeric = messagesOf(language).filter((message) => message.vars.some((name) => NUMERIC.has(name)));
      expect(numeric.length).toBeGreaterThan(30);
      // The shared form texts and the two-message broadcast preview count too.
      expect(numeric.map((message) => message.id)).toEqual(expect.arrayContaining(["form-step", "form-too-long", "broadcast-preview"]));
      for (const message of numeric) {
        for (const n of SAMPLES) {
          for (const problem of agreementProblems(language, render(language, message, n), n)) problems.push(`${message.id}: ${problem}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("list every variable that chooses a plural form as a number, so the check above renders it", () => {
    const unlisted = new Set<string>();
    let selectors = 0;
    for (const language of SUPPORTED_LANGUAGES) {
      for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith(".ftl"))) {
        const source = readFileSync(join(LOCALES, language, file), "utf8");
        // A selector with a plural variant (`{ $count ->` … `[one]`); `*[other]` alone is also any selector's default.
        for (const match of source.matchAll(/\{\s*\$([a-zA-Z]+)\s*->[^{}]*?\[(one|few|many)\]/g)) {
          selectors++;
          if (!NUMERIC.has(match[1]!)) unlisted.add(`${language}/${file}: $${match[1]}`);
        }
      }
    }
    expect(selectors).toBeGreaterThan(50);
    expect([...unlisted]).toEqual([]);
  });

  it("render without raw placeholders or «(а)»-style endings in any language", () => {
    const problems: string[] = [];
    for (const language of SUPPORTED_LANGUAGES) {
      for (const message of messagesOf(language)) {
        for (const n of SAMPLES) {
          const text = render(language, message, n);
          if (/\{\s*\$|\{[A-Z]+\(|\{\?\?\?\}/.test(text)) problems.push(`${language} ${message.id}: placeholder in «${text}»`);
          if (/\((а|на|ы|ла|ое|ая)\)/.test(text)) problems.push(`${language} ${message.id}: «(а)» in «${text}»`);
        }
        problems.splice(0, problems.length, ...new Set(problems));
      }
    }
    expect(problems).toEqual([]);
  });

  it("write Kazakh number endings by rule, not after a placeholder", () => {
    // «{ $number }-сі» is right for some numbers only; the endings come from the selectors or are avoided.
    const hardCoded = messagesOf("kk").flatMap((message) => {
      const source = readFileSync(join(LOCALES, "kk", message.file), "utf8");
      const endings = /\}-(сі|сы|і|ы|іне|ына|не|на|ге|ға|ке|қа|ші|шы|нші|ншы|інші|ыншы)(?!\p{L})/gu;
      return [...source.matchAll(endings)].map((match) => `${message.file}: ${match[0]}`);
    });
    expect([...new Set(hardCoded)]).toEqual([]);
  });
});

describe("one name per thing", () => {
  const sourceOf = (language: string) =>
    readdirSync(join(LOCALES, language))
      .map((file) => readFileSync(join(LOCALES, language, file), "utf8"))
      .join("\n");

  it("call a contest entry «заявка», «өтінім» and “entry”, Cancel ❌, and a button «батырма»", () => {
    const [ru, kk, en] = [sourceOf("ru"), sourceOf("kk"), sourceOf("en")];
    expect(ru.match(/\bработ(а|у|ы|ой|ам|ах)\b/gi) ?? []).toEqual([]);
    expect(kk.match(/жұмыс(ың|ым|ты|тар|ы)/g) ?? []).toEqual([]);
    expect(en.match(/\b(my|your|the|an?) (work|submission)\b/gi) ?? []).toEqual([]);
    expect(ru.match(/заявк/g)?.length).toBeGreaterThan(5);
    expect(kk.match(/өтінім/g)?.length).toBeGreaterThan(5);
    // Kazakh: one word for a button and one for cancelling.
    expect(kk.match(/түйме|Болдырма/g) ?? []).toEqual([]);
    for (const source of [ru, kk, en]) expect(source.match(/✖/g) ?? []).toEqual([]);
    // English quotes with “…”, not guillemets.
    expect(en.match(/[«»]/g) ?? []).toEqual([]);
  });
});

describe("dates, ordinals and language names", () => {
  it("put Kazakh dates in the dative before «дейін»", () => {
    const kk = readdirSync(join(LOCALES, "kk"))
      .map((file) => readFileSync(join(LOCALES, "kk", file), "utf8"))
      .join("\n");
    expect(kk.match(/\{ \$[a-zA-Z]+ \} дейін/g) ?? []).toEqual([]);
    const deadline = "2017 жылғы 29 қараша, 12:00";
    const text = i18n.t("kk", "contest-deadline-open", { deadline, relative: "7 күн ішінде", duration: "7 күн" });
    expect(text).toContain("2017 жылғы 29 қарашаға, 12:00-ге дейін (7 күн қалды)");
    expect(i18n.t("kk", "info-countdown-upcoming", { relative: "7 күн ішінде", duration: "7 күн" })).toBe("⏳ Басталуына 7 күн қалды.");
  });

  it("say the English place as an ordinal", () => {
    const said = (place: number) => i18n.t("en", "quiz-winner", { place, correct: 3, total: 5 });
    const places = [1, 2, 3, 4, 11, 12, 21, 22].map((place) => /You came (\S+) in the quiz/.exec(said(place))?.[1]);
    expect(places).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "21st", "22nd"]);
  });

  it("name every broadcast audience in Russian as whom it goes to (the dative)", () => {
    const ids = [...readFileSync(join(LOCALES, "ru", "broadcast.ftl"), "utf8").matchAll(/^(broadcast-audience-[a-z_]+) =/gm)];
    const labels = [...ids.map(([, id]) => id!), "broadcast-audience-followers"]
      .filter((id) => id !== "broadcast-audience-field")
      .map((id) => i18n.t("ru", id));
    expect(labels.length).toBeGreaterThan(8);
    for (const label of labels) expect(label).toMatch(/^(Всем|Листу|\S+(ым|им|ам|ям))([ ,]|$)/);
    // So they follow «Кому» and «Кімге» (to whom), not «Аудитория».
    const preview = (language: string) => i18n.t(language, "broadcast-preview", { language: "all", audience: "X", count: 2 });
    expect(preview("ru")).toContain("Кому: <b>X</b>");
    expect(preview("kk")).toContain("Кімге: <b>X</b>");
    expect([i18n.t("ru", "broadcast-audience-field"), i18n.t("kk", "broadcast-audience-field")]).toEqual(["Кому", "Кімге"]);
  });

  it("name languages in the right case", () => {
    expect(i18n.t("ru", "broadcast-ask-message-in", { language: "kk" })).toContain("<b>на казахском</b>");
    expect(i18n.t("kk", "broadcast-ask-message-in", { language: "ru" })).toContain("<b>Орыс тіліндегі</b>");
    expect(i18n.t("ru", "broadcast-preview", { language: "kk", audience: "", count: 1 })).toContain("с казахским языком");
  });
});
