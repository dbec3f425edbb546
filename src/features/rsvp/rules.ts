import { randomBytes, randomInt } from "node:crypto";
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import mobileExamples from "libphonenumber-js/mobile/examples";
import { isPastDeadline, parseDuration } from "../../event/time.js";
import type { EventInfo } from "../../event/load.js";

export type NameCheck = { ok: true; value: string } | { ok: false; reason: "length" | "characters" };

/** A full name: 2–100 characters of letters (any script), spaces, hyphens and apostrophes. */
export function checkName(input: string): NameCheck {
  const value = input.trim().replace(/\s+/g, " ");
  const length = [...value].length;
  if (length < 2 || length > 100) return { ok: false, reason: "length" };
  if (!/^\p{L}[\p{L}\p{M} '’ʼ-]*$/u.test(value)) return { ok: false, reason: "characters" };
  if (!/\p{L}.*\p{L}/u.test(value)) return { ok: false, reason: "characters" };
  return { ok: true, value };
}

/** Where national numbers are dialled: the country of the event's time zone (Asia/Almaty: KZ), none for UTC or a zone of several. */
export function phoneCountryOf(timezone: string): CountryCode | undefined {
  if (!countryOfZone.has(timezone)) {
    const countries = getCountries().filter((country) => zonesOf(country).includes(timezone));
    countryOfZone.set(timezone, countries.length === 1 ? countries[0] : undefined);
  }
  return countryOfZone.get(timezone);
}

const countryOfZone = new Map<string, CountryCode | undefined>();

/** The IANA zones of a country, from the runtime's ICU data (`getTimeZones()` since Node 22, the `timeZones` getter before). */
function zonesOf(country: CountryCode): readonly string[] {
  const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };
  return locale.getTimeZones?.() ?? locale.timeZones ?? [];
}

/**
 * A phone number in E.164: international (+ or 00, 8–15 digits) or national as dialled in `country`
 * (8 701… in Kazakhstan, 0151… in Germany); undefined when its length fits no number there.
 */
export function normalisePhone(input: string, country?: CountryCode): string | undefined {
  const trimmed = input.trim();
  // "(212) 555-0123": a national number may open with its area code in brackets.
  if (!/^[+(\d][\d\s().-]*$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, "");
  const international = trimmed.startsWith("+") ? digits : digits.startsWith("00") ? digits.slice(2) : undefined;
  if (international !== undefined && (international.length < 8 || international.length > 15 || international.startsWith("0")))
    return undefined;
  const parsed = parsePhoneNumberFromString(international === undefined ? digits : `+${international}`, country);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** A stored E.164 phone as people read it: «+7 701 123 45 67» in Kazakhstan and Russia, others grouped as in their country. */
export function phoneForReading(e164: string): string {
  const parts = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (parts) return `+7 ${parts.slice(1).join(" ")}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Numbers a wrong phone's hint shows: a mobile of the event's country, national then international; a London one without a country. */
export function phoneExamples(country: CountryCode | undefined): string {
  const example = country && getExampleNumber(country, mobileExamples);
  if (!example) return "+44 20 7946 0958";
  const international = phoneForReading(example.number);
  // Kazakhstan's and Russia's national form is the international one with 8 for +7.
  const national = international.startsWith("+7 ") ? `8 ${international.slice(3)}` : example.formatNational();
  return `${national}, ${international}`;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:.]{2,}$/;

export function normaliseEmail(input: string): string | undefined {
  const value = input.trim();
  if (value.length > 254 || !EMAIL.test(value)) return undefined;
  const at = value.lastIndexOf("@");
  return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
}

/** A typed text answer: spaces tidied, at least `min` characters (1 unless the question says). */
export function checkText(input: string, min = 1): { ok: true; value: string } | { ok: false; min: number } {
  const value = input.trim().replace(/[ \t]+/g, " ");
  const least = Math.max(1, min);
  return [...value].length >= least ? { ok: true, value } : { ok: false, min: least };
}

export type NumberCheck = { ok: true; value: string } | { ok: false; reason: "not-a-number" | "not-whole" | "range" };

/** A typed number (a comma or a point for decimals, spaces between thousands), within min and max; `whole`: no fraction. */
export function checkNumber(input: string, min?: number, max?: number, whole = false): NumberCheck {
  const typed = input
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(typed) || typed.length > 20) return { ok: false, reason: "not-a-number" };
  const value = Number(typed);
  if (whole && !Number.isInteger(value)) return { ok: false, reason: "not-whole" };
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) return { ok: false, reason: "range" };
  return { ok: true, value: String(value) };
}

/** No 0/O, 1/I/L: a code read aloud at the door or typed from a screen is not misread. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

export function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function normaliseCode(input: string): string | undefined {
  const value = input.trim().toUpperCase();
  return value.length === CODE_LENGTH && [...value].every((c) => CODE_ALPHABET.includes(c)) ? value : undefined;
}

/** 128 random bits in base64url (22 characters): unguessable, and short enough for a deep link. */
export function newTicketToken(): string {
  return randomBytes(16).toString("base64url");
}

export const TICKET_PREFIX = "ci_";
export const isTicketToken = (value: string) => /^[A-Za-z0-9_-]{22}$/.test(value);

export function ticketLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=${TICKET_PREFIX}${token}`;
}

/** Why a registration waits: no seat left, fewer seats than its group, or free seats kept for those already waiting. */
export function waitlistReason(seatsLeft: number, party: number): "full" | "group" | "queue" {
  if (seatsLeft <= 0) return "full";
  return seatsLeft < party ? "group" : "queue";
}

/** Registration is open until the deadline (inclusive to the minute). */
export function registrationOpen(event: EventInfo, now: Date): boolean {
  return !isPastDeadline(now, event.rsvpDeadlineAt);
}

/** Details can be changed and registrations cancelled until the event starts. */
export function changesAllowed(event: EventInfo, now: Date): boolean {
  return now.getTime() < event.startsAt.getTime();
}

/** Capacity alert thresholds (percent) that `confirmed` has reached. */
export function reachedThresholds(capacity: number | undefined, confirmed: number): number[] {
  if (capacity === undefined) return [];
  return [80, 100].filter((percent) => confirmed * 100 >= capacity * percent);
}

/** When guests are asked "Still coming?" and when unanswered asks free their seats. */
export function reconfirmSchedule(event: EventInfo): { askAt: Date; releaseAt: Date; grace: number } | undefined {
  const reconfirm = event.rsvp.reconfirm;
  if (!reconfirm) return undefined;
  const askAt = new Date(event.startsAt.getTime() - parseDuration(reconfirm.before));
  const grace = parseDuration(reconfirm.grace);
  return { askAt, releaseAt: new Date(askAt.getTime() + grace), grace };
}
