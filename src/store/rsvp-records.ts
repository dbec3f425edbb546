/** A registration as stored in its hash (rsvp:guest:<id>) and as the features see it. */

export const RSVP_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** Answers to the event file's questions by question id: a multi's option ids joined by ",", yes_no "yes"/"no" (keys.ts). */
export type RsvpAnswers = Record<string, string>;

/** What a guest tells us in the form. */
export interface RsvpDetails {
  name: string;
  answers: RsvpAnswers;
  /** The language the guest registered in: later messages (promotion, re-confirmation) use it. */
  language: string;
  /** When the guest agreed to the consent text, in which language, and its version (a hash of the text shown). */
  consentAt: Date;
  /** Absent only on registrations stored before consent versions were kept. */
  consentLanguage?: string;
  consentVersion?: string;
}

export interface Rsvp extends RsvpDetails {
  userId: number;
  status: RsvpStatus;
  /** Short personal code for the door. */
  code: string;
  /** Unguessable ticket token (the QR deep link). */
  token: string;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt?: Date;
  waitlistedAt?: Date;
  promotedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: string;
  reconfirmAskedAt?: Date;
  reconfirmedAt?: Date;
  checkedInAt?: Date;
  checkedInBy?: number;
}

export interface RegisterResult {
  status: RsvpStatus;
  /** False when the user already held a seat or a waitlist place (a replay, a double tap). */
  created: boolean;
  record: Rsvp;
}

/** Fields of registrations stored before the questions came from the event file, and the answer each now is (keys.ts). */
const LEGACY_ANSWERS: Record<string, string> = { sector: "sector", organisation: "organisation", phone: "contact", email: "contact" };
export const LEGACY_LUA = Object.keys(LEGACY_ANSWERS).map((field) => `'${field}'`).join(", "); // prettier-ignore
/** The hash field of an answer: its question id under a prefix, so no question id meets a field of the registration. */
export const ANSWER_PREFIX = "q:";
export const answerField = (questionId: string) => `${ANSWER_PREFIX}${questionId}`;

const DETAIL_FIELDS = ["name", "language", "consentLanguage", "consentVersion"] as const;

export function detailPairs(details: RsvpDetails): string[] {
  const pairs: string[] = [];
  for (const field of DETAIL_FIELDS) {
    const value = details[field];
    if (value !== undefined && value !== "") pairs.push(field, value);
  }
  for (const [id, value] of Object.entries(details.answers)) if (value !== "") pairs.push(answerField(id), value);
  pairs.push("consentAt", details.consentAt.toISOString());
  return pairs;
}

const date = (value: string | undefined) => (value ? new Date(value) : undefined);

/** The answers of a stored registration; one stored before the questions came from the event file is read as its answers (keys.ts). */
function answersOf(data: Record<string, string>): RsvpAnswers {
  const answers: RsvpAnswers = {};
  for (const [field, value] of Object.entries(data))
    if (field.startsWith(ANSWER_PREFIX) && value) answers[field.slice(ANSWER_PREFIX.length)] = value;
  for (const [field, id] of Object.entries(LEGACY_ANSWERS)) if (data[field] && answers[id] === undefined) answers[id] = data[field];
  return answers;
}

export function toRsvp(data: Record<string, string>): Rsvp | undefined {
  if (!data.userId || !data.status) return undefined;
  return {
    userId: Number(data.userId),
    status: data.status as RsvpStatus,
    code: data.code ?? "",
    token: data.token ?? "",
    name: data.name ?? "",
    answers: answersOf(data),
    language: data.language ?? "",
    consentAt: new Date(data.consentAt ?? 0),
    consentLanguage: data.consentLanguage || undefined,
    consentVersion: data.consentVersion || undefined,
    createdAt: new Date(data.createdAt ?? 0),
    updatedAt: new Date(data.updatedAt ?? 0),
    confirmedAt: date(data.confirmedAt),
    waitlistedAt: date(data.waitlistedAt),
    promotedAt: date(data.promotedAt),
    cancelledAt: date(data.cancelledAt),
    cancelReason: data.cancelReason || undefined,
    reconfirmAskedAt: date(data.reconfirmAskedAt),
    reconfirmedAt: date(data.reconfirmedAt),
    checkedInAt: date(data.checkedInAt),
    checkedInBy: data.checkedInBy ? Number(data.checkedInBy) : undefined,
  };
}
