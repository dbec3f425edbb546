import { randomBytes, randomInt } from "node:crypto";
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

/** A stored E.164 phone as people read it: «+7 701 123 45 67» in Kazakhstan and Russia, other countries' as stored. */
export function phoneForReading(e164: string): string {
  const parts = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return parts ? `+7 ${parts.slice(1).join(" ")}` : e164;
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
