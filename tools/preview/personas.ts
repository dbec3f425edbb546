/** The simulated Telegram users of the preview: attendees in each event language and an organiser. */
import type { User } from "grammy/types";

export interface Persona {
  id: number;
  firstName: string;
  lastName?: string;
  language: string;
  admin: boolean;
  phone: string;
  /** What the switcher shows, e.g. "Daniyar (kk)". */
  label: string;
}

/** Fixed ids, so a restarted preview keeps the same chats and admin id. */
const ORGANISER_ID = 700_000_001;
const ATTENDEES: ReadonlyArray<Omit<Persona, "label" | "admin" | "phone">> = [
  { id: 700_000_011, firstName: "Aigerim", lastName: "Nurlanovna", language: "ru" },
  { id: 700_000_012, firstName: "Daniyar", lastName: "Seitkali", language: "kk" },
  { id: 700_000_013, firstName: "Emma", lastName: "Clarke", language: "en" },
];

const phoneOf = (id: number): string => `+7701${String(id).slice(-7)}`;

/**
 * One attendee per event language (a generic one for languages without a named persona) and the
 * organiser, who speaks the event's main language and is added to the bot's admin ids.
 */
export function personasFor(languages: readonly string[]): Persona[] {
  const attendees = languages.map((language, index) => {
    const known = ATTENDEES.find((a) => a.language === language);
    const base = known ?? { id: 700_000_100 + index, firstName: "Guest", language };
    return { ...base, admin: false, phone: phoneOf(base.id), label: `${base.firstName} (${language})` };
  });
  const main = languages[0] ?? "en";
  const organiser: Persona = {
    id: ORGANISER_ID,
    firstName: "Organiser",
    language: main,
    admin: true,
    phone: phoneOf(ORGANISER_ID),
    label: `Organiser (admin, ${main})`,
  };
  return [...attendees, organiser];
}

export function telegramUser(persona: Persona): User {
  return {
    id: persona.id,
    is_bot: false,
    first_name: persona.firstName,
    ...(persona.lastName ? { last_name: persona.lastName } : {}),
    language_code: persona.language,
  };
}
