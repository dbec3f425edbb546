import type { BotDeps } from "../bot/context.js";
import { escapeHtml } from "./html.js";

/** How to reach the organisers, from the event file's contacts (or its first organiser), as HTML. */
export function organisersContact(deps: BotDeps, t: (key: string) => string, language: string): string {
  const { event } = deps;
  const people = event.contacts.map((contact) =>
    [event.text(contact.name, language), ...contact.phones, contact.email].filter(Boolean).join(", "),
  );
  if (people.length) return escapeHtml(people.join("; "));
  const organiser = event.organisers[0];
  return escapeHtml(organiser ? event.text(organiser.name, language) : t("rsvp-organisers"));
}

/** The data controller named in the event file (else its first organiser, else the event itself). */
export function consentController(deps: BotDeps, language: string): string {
  const { event } = deps;
  const consent = event.rsvp.consent;
  if (consent) return event.text(consent.controller, language);
  return event.text(event.organisers[0]?.name ?? event.title, language);
}
