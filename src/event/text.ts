import type { Language, LocalizedText } from "./schema.js";

/** Picks a text in the language, falling back to the event's first language, then to any. */
export function localize(text: LocalizedText, language: string, fallback: Language): string {
  if (typeof text === "string") return text;
  const map = text as Partial<Record<string, string>>;
  return map[language] ?? map[fallback] ?? Object.values(map).find((value) => value !== undefined) ?? "";
}
