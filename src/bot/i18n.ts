import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Language } from "../event/schema.js";
import type { BotContext } from "./context.js";
import { kazakhDative } from "./kazakh.js";
import { languageOf } from "../event/language.js";

const LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

const ordinalRules = new Map<string, Intl.PluralRules>();

/** «one», «two», «few» or «other»: which ordinal ending a number takes in a language (1st, 2nd, 3rd, 4th). */
function ordinalCategory(n: number, locale: string): string {
  let rules = ordinalRules.get(locale);
  if (!rules) ordinalRules.set(locale, (rules = new Intl.PluralRules(locale, { type: "ordinal" })));
  return rules.select(n);
}

export function createI18n(languages: readonly Language[]): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: languages[0]!,
    directory: LOCALES_DIR,
    // Unicode isolation marks around variables confuse some Telegram clients: plain text is wanted.
    // DATIVE puts a Kazakh date in the case «дейін» needs (the ending depends on the last word);
    // ORDINAL gives the ordinal category of a number («2nd»): translations may not ask NUMBER() for it.
    fluentBundleOptions: {
      useIsolating: false,
      functions: {
        DATIVE: ([text]) => kazakhDative(String(text ?? "")),
        ORDINAL: ([n], { locale }) => ordinalCategory(Number(n?.valueOf()), String(locale ?? "en")),
      },
    },
    // The user's own choice wins; else Telegram's language_code (kk → Kazakh, en → English); else the event's first language.
    localeNegotiator: (ctx) => languageOf({ languages }, ctx.session?.language, ctx.from?.language_code),
  });
  cacheBundleMatching(i18n);
  return i18n;
}

/**
 * The plugin negotiates which bundles serve a locale on every single translation; the bundles
 * are all loaded at start-up, so each locale's answer is worked out once.
 */
function cacheBundleMatching(i18n: I18n<BotContext>) {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): unknown };
  const match = fluent.matchBundles.bind(fluent);
  const matched = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    let bundles = matched.get(key);
    if (bundles === undefined) matched.set(key, (bundles = match(locales)));
    return bundles;
  };
}
