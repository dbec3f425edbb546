// The JSON the bot's Mini App API returns (MINIAPP-CONTRACT, issue 19). Types only: the test stub uses them too.

export type Role = "admin" | "organiser" | "staff" | "juror" | null;
export type Language = "ru" | "kk" | "en";

export interface EventSummary {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: { name: string; address: string; latitude: number; longitude: number };
}

export interface Me {
  user: { id: number; firstName: string };
  role: Role;
  language: Language;
  event: EventSummary;
}

export interface Counter {
  checkedIn: number;
  total: number;
}

export type CheckInOutcome = "welcome" | "already" | "not_found" | "waitlisted" | "other_event" | "cancelled";

export interface CheckInResult {
  outcome: CheckInOutcome;
  /** group: the party's size, the guest included (1: alone). */
  guest?: { name: string; group: number };
  checkedInAt?: string;
  checkedInBy?: string;
  /** A welcome before the event's day (in its zone): counted, and said to be early. */
  early?: boolean;
  counter: Counter;
}

export interface DoorGuest {
  userId: number;
  name: string;
  /** The companion whose name was searched, when it was not the guest's own. */
  companion?: string;
  status: string;
  checkedIn: boolean;
  code: string;
}

export interface Dashboard {
  counts: { confirmed: number; waitlisted: number; cancelled: number; checkedIn: number; pending?: number; capacity?: number };
  registrationsPerDay: Array<{ day: string; count: number }>;
  ideas: { pending: number; published: number };
  broadcasts: Array<{ id: string; label: string; status: string; sent: number; total: number }>;
  feedback?: { responses: number; averages: Record<string, number>; nps?: number };
}

export interface Guest {
  userId: number;
  name: string;
  status: string;
  checkedIn: boolean;
  registeredAt: string;
  answers: Record<string, string>;
}

export interface IdeaProperties {
  id: string;
  number: number;
  text: string;
  category: string;
  categoryName: string;
  status: string;
  supports: number;
  supported: boolean;
  photoUrl?: string;
}

export interface IdeaFeature {
  type: "Feature";
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: IdeaProperties;
}

export interface IdeasCollection {
  type: "FeatureCollection";
  features: IdeaFeature[];
}

export interface Ticket {
  status: string;
  code?: string;
  qrSvg?: string;
  group?: number;
  event: EventSummary;
  icsUrl: string;
}
