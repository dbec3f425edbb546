import { isSupportedLanguage, type EventFile, type Language, type LocalizedText } from "./schema.js";

/** Picks a text in the language, falling back to the event's first language, then to any. */
export function localize(text: LocalizedText, language: string, fallback: Language): string {
  if (typeof text === "string") return text;
  const map = text as Partial<Record<string, string>>;
  return map[language] ?? map[fallback] ?? Object.values(map).find((value) => value !== undefined) ?? "";
}

const isTextMap = (value: object): value is Record<string, string> =>
  Object.keys(value).length > 0 && Object.entries(value).every(([key, text]) => isSupportedLanguage(key) && typeof text === "string");

/**
 * Where the file's texts lack one of its languages, by language ("programme.2.title"): users of
 * that language read those texts in the first language, which whoever runs the bot should know.
 */
export function untranslated(event: Pick<EventFile, "languages">): Map<Language, string[]> {
  const missing = new Map<Language, string[]>();
  const visit = (value: unknown, path: string[]): void => {
    if (value === null || typeof value !== "object" || value instanceof Date) return;
    if (!Array.isArray(value) && isTextMap(value)) {
      for (const language of event.languages)
        if (!(language in value)) missing.set(language, [...(missing.get(language) ?? []), path.join(".")]);
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  visit(event, []);
  return missing;
}
