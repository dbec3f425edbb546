/**
 * What the Mini App's browser tests expect the server to hold: the event's guests, ideas with pins, a
 * broadcast and feedback. The stub serves it as is; the real bot would be seeded with it through its store.
 */
import type { IdeaProperties } from "../../miniapp/src/types.js";
import { ticketLink as botTicketLink, TICKET_PREFIX } from "../../src/features/rsvp/rules.js";

export { TICKET_PREFIX };

export const STAFF_NAME = "Marat";
export const BOT_USERNAME = "event_preview_bot";

export interface FixtureUser {
  id: number;
  firstName: string;
}

export interface FixtureGuest {
  userId: number;
  name: string;
  status: "confirmed" | "waitlisted" | "cancelled";
  code: string;
  token: string;
  /** The party's size, the guest included. */
  group: number;
  registeredAt: string;
  checkedInAt?: string;
  checkedInBy?: string;
  answers: Record<string, string>;
}

export interface FixtureIdea extends Omit<IdeaProperties, "supported" | "categoryName"> {
  latitude: number;
  longitude: number;
  authorId: number;
}

export const USERS = {
  organiser: { id: 700_000_001, firstName: "Organiser" },
  staff: { id: 700_000_002, firstName: STAFF_NAME },
  attendee: { id: 700_000_011, firstName: "Aigerim" },
} satisfies Record<string, FixtureUser>;

const guest = (
  userId: number,
  name: string,
  status: FixtureGuest["status"],
  code: string,
  day: string,
  extra: Partial<FixtureGuest> = {},
): FixtureGuest => ({
  userId,
  name,
  status,
  code,
  token: `tok${code.toLowerCase()}xyz`,
  group: 1,
  registeredAt: `${day}T10:00:00+06:00`,
  answers: { sector: "ngo" },
  ...extra,
});

export const GUESTS: FixtureGuest[] = [
  guest(USERS.attendee.id, "Aigerim Nurlanovna", "confirmed", "AIG7K", "2017-11-20"),
  guest(700_000_012, "Daniyar Seitkali", "confirmed", "DAN2M", "2017-11-20", { group: 3 }),
  guest(700_000_013, "Emma Clarke", "confirmed", "EMM5Q", "2017-11-21"),
  guest(700_000_014, "Askar Bekov", "confirmed", "ASK9P", "2017-11-22", { answers: { sector: "business" } }),
  guest(700_000_015, "Saule Omarova", "waitlisted", "SAU3R", "2017-11-24"),
  guest(700_000_016, "Timur Akhmetov", "cancelled", "TIM8W", "2017-11-24"),
  guest(700_000_017, "Dana Zhakupova", "confirmed", "DAN4X", "2017-11-24", {
    checkedInAt: "2017-11-30T08:52:00+06:00",
    checkedInBy: STAFF_NAME,
  }),
  guest(700_000_018, "Aliya Karimova", "confirmed", "ALI6T", "2017-11-25"),
];

/** The ticket QR's text: the bot's check-in deep link. */
export const ticketLink = (token: string, bot = BOT_USERNAME): string => botTicketLink(bot, token);

/** Published ideas (everyone sees them), one under review, and pending ones only organisers see. */
export const IDEAS: FixtureIdea[] = [
  {
    id: "i1",
    number: 1,
    text: "A pedestrian street on Panfilov from Gogol to Zhibek Zholy",
    category: "pedestrian",
    status: "published",
    supports: 4,
    latitude: 43.2608,
    longitude: 76.9453,
    authorId: 700_000_013,
    photoUrl: "/miniapp/api/ideas/i1/photo",
  },
  {
    id: "i2",
    number: 2,
    text: "Bike lanes along Abay avenue",
    category: "bikes",
    status: "published",
    supports: 2,
    latitude: 43.2403,
    longitude: 76.9286,
    authorId: 700_000_012,
  },
  {
    id: "i3",
    number: 3,
    text: "Shade trees at the bus stops of Tole bi",
    category: "green",
    status: "under_review",
    supports: 7,
    latitude: 43.2551,
    longitude: 76.9126,
    authorId: 700_000_014,
  },
  {
    id: "i4",
    number: 4,
    text: "A park in place of the parking lot behind the market",
    category: "green",
    status: "new",
    supports: 0,
    latitude: 43.2652,
    longitude: 76.9541,
    authorId: 700_000_015,
  },
  {
    id: "i5",
    number: 5,
    text: "Crossings with islands on Al-Farabi",
    category: "pedestrian",
    status: "new",
    supports: 0,
    latitude: 43.2187,
    longitude: 76.9273,
    authorId: 700_000_016,
  },
];

export const PUBLIC_IDEA_STATUSES = ["published", "under_review", "accepted"];

export const CATEGORY_NAMES: Record<string, Record<string, string>> = {
  pedestrian: { ru: "Пешеходные зоны", kk: "Жаяу жүргіншілер аймақтары", en: "Pedestrian areas" },
  bikes: { ru: "Велодорожки", kk: "Велосипед жолдары", en: "Bike lanes" },
  green: { ru: "Озеленение", kk: "Көгалдандыру", en: "Greenery" },
};

export const BROADCASTS = [{ id: "b1", label: "Reminder: tomorrow at 9:00", status: "sending", sent: 37, total: 52 }];
export const FEEDBACK = { responses: 12, averages: { overall: 4.4, venue: 4.1 }, nps: 42 };
