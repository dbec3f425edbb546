// The Mini App's texts: src/locales/<language>/miniapp.ftl, the same files as the bot's, rendered with Fluent.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import en from "../../src/locales/en/miniapp.ftl?raw";
import kk from "../../src/locales/kk/miniapp.ftl?raw";
import ru from "../../src/locales/ru/miniapp.ftl?raw";
import type { Language } from "./types";

const SOURCES: Record<Language, string> = { en, kk, ru };

export type Translate = (id: string, args?: Record<string, FluentVariable>) => string;

export function isLanguage(value: unknown): value is Language {
  return value === "ru" || value === "kk" || value === "en";
}

export function translator(language: Language): Translate {
  const bundle = new FluentBundle(language, { useIsolating: false });
  bundle.addResource(new FluentResource(SOURCES[language]));
  return (id, args) => {
    const message = bundle.getMessage(id);
    if (!message?.value) return id;
    return bundle.formatPattern(message.value, args);
  };
}

/** Wall-clock time in the event's zone. */
export function formatTime(iso: string, language: Language, timeZone: string, withDate = false): string {
  const options: Intl.DateTimeFormatOptions = withDate
    ? { timeZone, dateStyle: "full", timeStyle: "short" }
    : { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return new Intl.DateTimeFormat(language === "kk" ? "kk-KZ" : language, options).format(new Date(iso));
}
