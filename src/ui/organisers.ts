import type { BotDeps } from "../bot/context.js";
import type { EventInfo } from "../event/load.js";
import { escapeHtml } from "./html.js";

/**
 * How to reach the organisers, from the event file's contacts (or its first organiser), as HTML
 * message variables: `known` is "no" when the file names nobody, and the message leaves the contact out.
 */
export function organisersContact(deps: Pick<BotDeps, "event">, language: string): { contact: string; known: "yes" | "no" } {
  const { event } = deps;
  const people = event.contacts.map((contact) =>
    [event.text(contact.name, language), ...contact.phones, contact.email].filter(Boolean).join(", "),
  );
  const organiser = event.organisers[0];
  const contact = people.length ? people.join("; ") : organiser ? event.text(organiser.name, language) : "";
  return { contact: escapeHtml(contact), known: contact ? "yes" : "no" };
}

/** The data controller named in the event file (else its first organiser, else the event itself). */
export function consentController(deps: BotDeps, language: string): string {
  const { event } = deps;
  const consent = event.rsvp.consent;
  if (consent) return event.text(consent.controller, language);
  return event.text(event.organisers[0]?.name ?? event.title, language);
}

/** The other event of the series whose guests hold what `find` looks for (a code, a ticket): the door names it rather than "unknown". */
export async function otherEventHolding(
  deps: Pick<BotDeps, "series" | "event" | "store">,
  find: (rsvps: BotDeps["store"]["rsvps"]) => Promise<unknown>,
): Promise<EventInfo | undefined> {
  for (const other of deps.series.events) if (other.id !== deps.event.id && (await find(deps.store.forEvent(other.id).rsvps))) return other;
  return undefined;
}
