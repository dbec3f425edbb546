import type { Language } from "./schema.js";

/**
 * The language a person reads: the first of their preferences the event offers (their own choice,
 * then what they used before, then Telegram's language_code, "kk-KZ" read as "kk"), else the
 * event's first language. Everything that picks a language for someone goes through here.
 */
export function languageOf(event: { languages: readonly Language[] }, ...preferences: Array<string | undefined>): Language {
  for (const preference of preferences) {
    const code = preference?.toLowerCase().split("-")[0];
    const offered = event.languages.find((language) => language === code);
    if (offered) return offered;
  }
  return event.languages[0]!;
}
