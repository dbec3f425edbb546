import { InlineKeyboard } from "grammy";
import { retentionEndsAt } from "../../event/retention.js";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { formatMomentIn } from "../../ui/format.js";
import { languageOf } from "../../event/language.js";
import { rsvpData } from "./callback-data.js";
import { consentVersion, sendConsent } from "../../ui/consent.js";
import { consentController } from "../../ui/organisers.js";
import { translator } from "./notify.js";

/** The consent message exactly as it is sent in a language, and its version: the first 12 hex digits of its SHA-256. */
export function consentMessage(deps: BotDeps, language: string): { text: string; version: string } {
  const t = translator(deps, language);
  const consent = deps.event.rsvp.consent;
  // The generic text names when the data goes (privacy.retainFor after the end); the organisers' own text says what it says.
  const body = consent
    ? deps.event.text(consent.text, language)
    : t("rsvp-consent-generic", {
        until: formatMomentIn(deps, languageOf(deps.event, language), retentionEndsAt(deps.event)),
        // A guest who may bring people gives their names too: the consent says so.
        companions: deps.event.rsvp.plusOnes > 0 ? "yes" : "no",
      });
  const text = t("rsvp-ask-consent", { text: escapeHtml(body), controller: escapeHtml(consentController(deps, language)) });
  return { text, version: consentVersion(text) };
}

/** The current version in each of the event's languages (a guest's version is current if it matches its language's). */
export function currentConsentVersions(deps: BotDeps): Map<string, string> {
  return new Map(deps.event.languages.map((language) => [language, consentMessage(deps, language).version]));
}

/**
 * The first step of registration: the consent text with Agree / Cancel. Nothing is asked and no
 * form is open until Agree; the button carries the version shown, so a text changed meanwhile is shown again.
 */
export async function askConsent(ctx: BotContext): Promise<void> {
  const { text, version } = consentMessage(ctx.deps, await ctx.i18n.getLocale());
  const keyboard = new InlineKeyboard()
    .text(ctx.t("consent-agree"), rsvpData.agree.pack({ version }))
    .row()
    .text(ctx.t("rsvp-cancel"), rsvpData.decline.pack());
  await sendConsent(ctx, text, keyboard);
}
