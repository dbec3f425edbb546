import { randomBytes, randomInt } from "node:crypto";
import { isPastDeadline, parseDuration } from "../../event/time.js";
import type { EventInfo } from "../../event/load.js";

/** Sectors a guest picks from; ids are stored and exported, labels come from the locale files. */
export const SECTORS = ["government", "civil", "business", "media", "academia", "other"] as const;
export type Sector = (typeof SECTORS)[number];
export const isSector = (value: string): value is Sector => (SECTORS as readonly string[]).includes(value);

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

/**
 * A phone number in E.164: Kazakh/Russian trunk prefix 8 or a bare 10-digit number become +7,
 * 00 becomes +; anything else must already be international (+ and 8–15 digits).
 */
export function normalisePhone(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^[+\d][\d\s().-]*$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, "");
  let international: string;
  if (trimmed.startsWith("+")) international = digits;
  else if (digits.startsWith("00")) international = digits.slice(2);
  else if (digits.length === 11 && (digits.startsWith("8") || digits.startsWith("7"))) international = `7${digits.slice(1)}`;
  else if (digits.length === 10 && /^[67]/.test(digits)) international = `7${digits}`;
  else return undefined;
  if (international.startsWith("7") && international.length !== 11) return undefined;
  if (international.length < 8 || international.length > 15 || international.startsWith("0")) return undefined;
  return `+${international}`;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:.]{2,}$/;

export function normaliseEmail(input: string): string | undefined {
  const value = input.trim();
  if (value.length > 254 || !EMAIL.test(value)) return undefined;
  const at = value.lastIndexOf("@");
  return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
}

export type ContactInput = { phone: string } | { email: string };

/** A typed contact: a phone number or an e-mail address. */
export function parseContact(input: string): ContactInput | undefined {
  if (input.includes("@")) {
    const email = normaliseEmail(input);
    return email ? { email } : undefined;
  }
  const phone = normalisePhone(input);
  return phone ? { phone } : undefined;
}

export function checkOrganisation(input: string): string | undefined {
  const value = input.trim().replace(/\s+/g, " ");
  const length = [...value].length;
  return length >= 2 && length <= 150 ? value : undefined;
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
