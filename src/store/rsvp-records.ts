/** A registration as stored in its hash (rsvp:guest:<id>) and as the features see it. */

/** pending: awaits the organisers (rsvp.approval); declined: they said no (the reason kept). */
export const RSVP_STATUSES = ["confirmed", "waitlisted", "cancelled", "pending", "declined"] as const;
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
  /** The people the guest brings (rsvp.plusOnes): their names; each takes a seat. */
  companions?: string[];
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
  /** People of the group: the guest and their companions (1 when alone). */
  party: number;
  /** How many of the group the door let in. */
  arrived?: number;
  /** An approval's decision: when, by whom (user id and name, shown on the other organisers' cards), a decline's reason. */
  decidedAt?: Date;
  decidedBy?: number;
  decidedByName?: string;
  /** A preset reason's id ("preset:<id>") or the organiser's own words. */
  declineReason?: string;
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
  const companions = details.companions ?? [];
  pairs.push("party", String(companions.length + 1));
  if (companions.length) pairs.push("companions", JSON.stringify(companions));
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
    companions: companionsOf(data.companions),
    party: Math.max(1, Number(data.party ?? 1) || 1),
    arrived: data.arrived ? Number(data.arrived) : data.checkedInAt ? Math.max(1, Number(data.party ?? 1) || 1) : undefined,
    decidedAt: date(data.decidedAt),
    decidedBy: data.decidedBy ? Number(data.decidedBy) : undefined,
    decidedByName: data.decidedByName || undefined,
    declineReason: data.declineReason || undefined,
  };
}

function companionsOf(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === "string") : [];
  } catch {
    return [];
  }
}

/** Fields a new registration or an edit stores again from scratch (besides the answers). */
export const GROUP_FIELDS_LUA = "'companions', 'party'";
