/**
 * The Mini App server for the front end's browser tests: the real bot (MINIAPP_URL, the built front end)
 * on the Bot API emulator and the real Redis, seeded through its own stores as the bot's flows leave them:
 * guests registered (one party of three, one waitlisted, one cancelled, one already checked in by the
 * door's staff member), an organiser in ADMIN_IDS, a staff member given the role by a team invite, and
 * ideas with pins in several statuses, one with a photo.
 */
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import QRCode from "qrcode";
import { newTicketToken, ticketLink } from "../../src/features/rsvp/rules.js";
import type { IdeaStatus } from "../../src/store/ideas.js";
import type { Store } from "../../src/store/index.js";
import { buildMiniApp } from "../../tools/preview/miniapp-build.js";
import type { ShimTicket } from "../../tools/preview/miniapp-shim.js";
import { startTestBot, type TestBot } from "./harness.js";
import { startMiniAppBot } from "./miniapp.js";

export const STAFF_NAME = "Marat";
/** The bot's clock: the morning of the event (check-ins now show 08:55). */
export const NOW = "2017-11-30T08:55:00+06:00";

export interface MiniAppTestUser {
  id: number;
  firstName: string;
}

export const USERS = {
  organiser: { id: 700_000_001, firstName: "Organiser" },
  staff: { id: 700_000_002, firstName: STAFF_NAME },
  attendee: { id: 700_000_011, firstName: "Aigerim" },
} satisfies Record<string, MiniAppTestUser>;

export interface TestGuest {
  userId: number;
  name: string;
  status: "confirmed" | "waitlisted" | "cancelled";
  /** The personal code (six letters of the real alphabet); the ticket token comes from the real generator. */
  code: string;
  /** The people the guest brings. */
  companions: string[];
  /** When they registered (the dashboard's per-day chart). */
  registeredAt: string;
  /** Checked in by the staff member before the tests. */
  checkedInAt?: string;
  sector: string;
}

const guest = (
  userId: number,
  name: string,
  status: TestGuest["status"],
  code: string,
  day: string,
  extra: Partial<TestGuest> = {},
): TestGuest => ({ userId, name, status, code, companions: [], registeredAt: `${day}T10:00:00+06:00`, sector: "civil", ...extra });

export const GUESTS: TestGuest[] = [
  guest(USERS.attendee.id, "Aigerim Nurlanovna", "confirmed", "AGR7KM", "2017-11-20"),
  guest(700_000_012, "Daniyar Seitkali", "confirmed", "DNY2MX", "2017-11-20", { companions: ["Arman Seitkali", "Dias Seitkali"] }),
  guest(700_000_013, "Emma Clarke", "confirmed", "EMM5QR", "2017-11-21"),
  guest(700_000_014, "Askar Bekov", "confirmed", "ASK9PW", "2017-11-22", { sector: "business" }),
  guest(700_000_015, "Saule Omarova", "waitlisted", "SAU3RZ", "2017-11-24"),
  guest(700_000_016, "Timur Akhmetov", "cancelled", "TMR8WX", "2017-11-24"),
  guest(700_000_017, "Dana Zhakupova", "confirmed", "DNA4XH", "2017-11-24", { checkedInAt: "2017-11-30T08:52:00+06:00" }),
  guest(700_000_018, "Aliya Karimova", "confirmed", "AHY6TB", "2017-11-25"),
];

export interface TestIdea {
  text: string;
  /** One of the bundled event's idea categories. */
  category: string;
  status: IdeaStatus;
  supports: number;
  latitude: number;
  longitude: number;
  authorId: number;
  photo?: boolean;
}

/** Published ideas (everyone sees them), one under review, and pending ones only organisers see. */
export const IDEAS: TestIdea[] = [
  {
    text: "A pedestrian street on Panfilov from Gogol to Zhibek Zholy",
    category: "pedestrian",
    status: "published",
    supports: 4,
    latitude: 43.2608,
    longitude: 76.9453,
    authorId: 700_000_013,
    photo: true,
  },
  {
    text: "Bike lanes along Abay avenue",
    category: "bike",
    status: "published",
    supports: 2,
    latitude: 43.2403,
    longitude: 76.9286,
    authorId: 700_000_012,
  },
  {
    text: "Shade trees at the bus stops of Tole bi",
    category: "parks",
    status: "under_review",
    supports: 7,
    latitude: 43.2551,
    longitude: 76.9126,
    authorId: 700_000_014,
  },
  {
    text: "A park in place of the parking lot behind the market",
    category: "parks",
    status: "new",
    supports: 0,
    latitude: 43.2652,
    longitude: 76.9541,
    authorId: 700_000_015,
  },
  {
    text: "Crossings with islands on Al-Farabi",
    category: "pedestrian",
    status: "new",
    supports: 0,
    latitude: 43.2187,
    longitude: 76.9273,
    authorId: 700_000_016,
  },
];

/** The scanner's ticket of another bot (another event). */
export const OTHER_EVENT_TICKET = "Another event's ticket";

/** The photo's width in pixels. */
export const PHOTO_WIDTH = 320;

export interface MiniAppServer {
  /** The page's address, ending in /miniapp/. */
  url: string;
  /** The bot token initData is signed with. */
  token: string;
  users: typeof USERS;
  /** What the shim's scanner offers: each guest's ticket link (the bot's real deep link), by name. */
  tickets: ShimTicket[];
  /** The bot's clock, to scan as on another day. */
  clock: TestBot["clock"];
  close(): Promise<void>;
}

let built: Promise<string> | undefined;
const builtOnce = () =>
  (built ??= mkdtemp(join(tmpdir(), "miniapp-build-")).then(async (dir) => {
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return buildMiniApp(dir);
  }));

async function seedGuests(store: Store, staffId: number): Promise<void> {
  const register = async (g: TestGuest, capacity?: number) => {
    const at = new Date(g.registeredAt);
    const details = {
      name: g.name,
      answers: { sector: g.sector },
      language: "en",
      consentAt: at,
      consentLanguage: "en",
      companions: g.companions,
    };
    const identity = { newCode: () => g.code, newToken: newTicketToken };
    const { status } = await store.rsvps.register(g.userId, details, { now: at, capacity, identity });
    return status;
  };
  // Seats first (unlimited), then the cancellation, then the waitlist (a capacity below the seats taken).
  for (const g of GUESTS.filter((g) => g.status !== "waitlisted")) {
    if ((await register(g)) !== "confirmed") throw new Error(`${g.name} got no seat`);
    if (g.status === "cancelled") await store.rsvps.cancel(g.userId, new Date(g.registeredAt), "guest", undefined);
    if (g.checkedInAt) await store.rsvps.checkIn(g.userId, staffId, new Date(g.checkedInAt));
  }
  for (const g of GUESTS.filter((g) => g.status === "waitlisted")) {
    if ((await register(g, 1)) !== "waitlisted") throw new Error(`${g.name} was not waitlisted`);
  }
}

async function seedIdeas(bot: TestBot, store: Store): Promise<void> {
  const now = bot.clock.now();
  const photo = bot.api.registerFile(await QRCode.toBuffer("an idea's photo", { width: PHOTO_WIDTH })).file_id;
  let supporter = 700_100_000;
  for (const idea of IDEAS) {
    const draft = {
      authorId: idea.authorId,
      authorName: `Author ${idea.authorId}`,
      language: "en",
      category: idea.category,
      text: idea.text,
      latitude: idea.latitude,
      longitude: idea.longitude,
      ...(idea.photo && { photo }),
    };
    const created = await store.ideas.create(draft, { now, day: "seed", dailyLimit: 100, publish: idea.status !== "new" });
    if (!created.ok) throw new Error(`idea "${idea.text}" not stored`);
    const { id } = created.idea;
    if (idea.status !== "new" && idea.status !== "published") {
      const changed = await store.ideas.setStatus(id, idea.status, { now });
      if (!changed.ok) throw new Error(`idea ${id} not moved to ${idea.status}`);
    }
    for (let i = 0; i < idea.supports; i++) {
      if (!(await store.ideas.toggleSupport(id, supporter++)).ok) throw new Error(`idea ${id} not supported`);
    }
  }
}

/**
 * Starts the real bot serving the Mini App (the front end built once per test file), seeded as above; the
 * staff member is a user the bot knows in `language` (the bot's stored language wins over Telegram's).
 */
export async function startMiniAppServer(language: string): Promise<MiniAppServer> {
  const miniappDir = await builtOnce();
  const { bot, base } = await startMiniAppBot(startTestBot, { adminIds: [USERS.organiser.id], miniappDir, now: NOW });
  try {
    const { store } = bot.running.deps;
    const { staff } = USERS;
    const now = bot.clock.now();
    await store.users.remember({ id: staff.id, first_name: staff.firstName }, language, now);
    const invite = "door-invite-for-marat0";
    await store.team.createInvite(invite, { role: "staff", uses: 1, createdBy: USERS.organiser.id }, now);
    if ((await store.team.redeem(invite, staff.id, staff.firstName, now)).result !== "granted") throw new Error("no door role");
    await seedGuests(store, staff.id);
    await seedIdeas(bot, store);
    const username = bot.running.bot.botInfo.username;
    const tickets = await Promise.all(
      GUESTS.map(async (g) => ({ label: g.name, data: ticketLink(username, (await store.rsvps.find(g.userId))!.token) })),
    );
    tickets.push({ label: OTHER_EVENT_TICKET, data: ticketLink("another_event_bot", newTicketToken()) });
    return { url: `${base}/miniapp/`, token: bot.api.token, users: USERS, tickets, clock: bot.clock, close: () => bot.stop() };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}
