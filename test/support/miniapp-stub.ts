/**
 * A stand-in for the bot's Mini App server (MINIAPP-CONTRACT.md), for the front end's browser tests
 * until the bot serves it: the built page under /miniapp/ and the JSON API on the fixture's data,
 * with Telegram's initData checked as the bot checks it (signature, age) and the roles' answers.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import QRCode from "qrcode";
import { loadEvent, BUNDLED_EVENT_FILE } from "../../src/event/load.js";
import { verifyInitData } from "../../tools/preview/init-data.js";
import type { CheckInResult, EventSummary, IdeaFeature, Language, Me, Role } from "../../miniapp/src/types.js";
import {
  BOT_USERNAME,
  BROADCASTS,
  CATEGORY_NAMES,
  FEEDBACK,
  GUESTS,
  IDEAS,
  PUBLIC_IDEA_STATUSES,
  ticketLink,
  TICKET_PREFIX,
  USERS,
  type FixtureGuest,
} from "./miniapp-fixture.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** A stand-in for an idea's photo. */
const PHOTO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160"><rect width="320" height="160" fill="#8fc27a"/>' +
  '<circle cx="260" cy="40" r="24" fill="#ffd75e"/><rect y="120" width="320" height="40" fill="#6b8f5a"/></svg>';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export interface MiniAppStub {
  /** The page's address, ending in /miniapp/. */
  url: string;
  /** Every API call the page made (method and path with query), in order. */
  calls: string[];
  close(): Promise<void>;
}

export async function startMiniAppStub(options: { token: string; staticDir: string; now?: () => Date }): Promise<MiniAppStub> {
  const now = options.now ?? (() => new Date("2017-11-30T08:55:00+06:00"));
  const event = loadEvent(BUNDLED_EVENT_FILE);
  const guests = GUESTS.map((g) => ({ ...g }));
  const ideas = IDEAS.map((i) => ({ ...i }));
  const supporters = new Map<string, Set<number>>(ideas.map((i) => [i.id, new Set<number>()]));
  const roles = new Map<number, Role>([
    [USERS.organiser.id, "organiser"],
    [USERS.staff.id, "staff"],
  ]);
  const calls: string[] = [];

  const eventIn = (language: Language): EventSummary => ({
    id: event.id,
    title: event.text(event.title, language),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    venue: {
      name: event.text(event.venue.name, language),
      address: event.text(event.venue.address, language),
      latitude: event.venue.latitude,
      longitude: event.venue.longitude,
    },
  });
  const counter = () => ({
    checkedIn: guests.filter((g) => g.checkedInAt).length,
    total: guests.filter((g) => g.status === "confirmed").length,
  });

  function findGuest(text: string): FixtureGuest | "other_event" | undefined {
    const link = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=(.+)$/.exec(text);
    const start = link ? link[2]! : text;
    if (link && link[1] !== BOT_USERNAME) return "other_event";
    if (start.startsWith(TICKET_PREFIX)) return guests.find((g) => g.token === start.slice(TICKET_PREFIX.length));
    if (link) return undefined;
    return guests.find((g) => g.code.toLowerCase() === text.toLowerCase());
  }

  function checkIn(code: string, staffName: string): CheckInResult {
    const found = findGuest(code.trim());
    if (found === undefined) return { outcome: "not_found", counter: counter() };
    if (found === "other_event") return { outcome: "other_event", counter: counter() };
    const guest = { name: found.name, group: found.group };
    if (found.status !== "confirmed") return { outcome: found.status, guest, counter: counter() };
    if (found.checkedInAt) {
      return { outcome: "already", guest, checkedInAt: found.checkedInAt, checkedInBy: found.checkedInBy!, counter: counter() };
    }
    found.checkedInAt = now().toISOString();
    found.checkedInBy = staffName;
    return { outcome: "welcome", guest, counter: counter() };
  }

  function filteredGuests(url: URL) {
    const q = (url.searchParams.get("q") ?? "").toLowerCase();
    const status = url.searchParams.get("status") ?? "";
    const checkedIn = url.searchParams.get("checkedIn") ?? "";
    const question = url.searchParams.get("question") ?? "";
    const answer = (url.searchParams.get("answer") ?? "").toLowerCase();
    return guests.filter(
      (g) =>
        (!q || g.name.toLowerCase().includes(q)) &&
        (!question || (g.answers[question] ?? "").toLowerCase().includes(answer)) &&
        (!status || g.status === status) &&
        (!checkedIn || String(Boolean(g.checkedInAt)) === checkedIn),
    );
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const header = req.headers.authorization ?? "";
    const user = header.startsWith("tma ") ? verifyInitData(options.token, header.slice(4), 86_400, now()) : undefined;
    if (!user) throw new HttpError(401, "unauthorized");
    const role = roles.get(user.id) ?? null;
    const language: Language = user.language_code === "kk" || user.language_code === "en" ? user.language_code : "ru";
    const staff = role === "admin" || role === "organiser" || role === "staff";
    const organiser = role === "admin" || role === "organiser";
    const need = (allowed: boolean) => {
      if (!allowed) throw new HttpError(403, "forbidden");
    };

    if (req.method === "POST") {
      const body = JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>;
      if (path === "door/checkin") {
        need(staff);
        return json(res, 200, checkIn(String(body["code"] ?? ""), user.first_name));
      }
      const support = /^ideas\/([^/]+)\/support$/.exec(path);
      if (support) {
        const idea = ideas.find((i) => i.id === decodeURIComponent(support[1]!));
        if (!idea || !(PUBLIC_IDEA_STATUSES.includes(idea.status) || organiser)) throw new HttpError(404, "not-found");
        const set = supporters.get(idea.id)!;
        const supported = !set.has(user.id);
        if (supported) set.add(user.id);
        else set.delete(user.id);
        idea.supports += supported ? 1 : -1;
        return json(res, 200, { supported, supports: idea.supports });
      }
      throw new HttpError(404, "not-found");
    }

    const photo = /^ideas\/([^/]+)\/photo$/.exec(path);
    if (photo) {
      const idea = ideas.find((i) => i.id === photo[1] && i.photoUrl);
      if (!idea) throw new HttpError(404, "not-found");
      res.writeHead(200, { "content-type": "image/svg+xml" });
      return void res.end(PHOTO_SVG);
    }

    switch (path) {
      case "me": {
        const me: Me = { user: { id: user.id, firstName: user.first_name }, role, language, event: eventIn(language) };
        return json(res, 200, me);
      }
      case "door/counter":
        need(staff);
        return json(res, 200, counter());
      case "door/search": {
        need(staff);
        const q = (url.searchParams.get("q") ?? "").trim().toLowerCase();
        if (q.length < 3) throw new HttpError(400, "query-too-short");
        const found = guests.filter((g) => g.status === "confirmed" && g.name.toLowerCase().includes(q)).slice(0, 10);
        return json(res, 200, {
          guests: found.map((g) => ({ userId: g.userId, name: g.name, status: g.status, checkedIn: Boolean(g.checkedInAt), code: g.code })),
        });
      }
      case "dashboard": {
        need(organiser);
        const perDay = new Map<string, number>();
        for (const g of guests) perDay.set(g.registeredAt.slice(0, 10), (perDay.get(g.registeredAt.slice(0, 10)) ?? 0) + 1);
        return json(res, 200, {
          counts: {
            confirmed: guests.filter((g) => g.status === "confirmed").length,
            waitlisted: guests.filter((g) => g.status === "waitlisted").length,
            cancelled: guests.filter((g) => g.status === "cancelled").length,
            checkedIn: counter().checkedIn,
            capacity: 6,
          },
          registrationsPerDay: [...perDay].sort().map(([day, count]) => ({ day, count })),
          ideas: { pending: ideas.filter((i) => i.status === "new").length, published: ideas.filter((i) => i.status !== "new").length },
          broadcasts: BROADCASTS,
          feedback: FEEDBACK,
        });
      }
      case "guests":
        need(organiser);
        return json(res, 200, {
          guests: filteredGuests(url).map((g) => ({
            userId: g.userId,
            name: g.name,
            status: g.status,
            checkedIn: Boolean(g.checkedInAt),
            registeredAt: g.registeredAt,
            answers: g.answers,
          })),
        });
      case "guests.csv": {
        need(organiser);
        const cell = (value: string) => `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;
        const rows = filteredGuests(url).map((g) => [g.name, g.status, g.checkedInAt ? "yes" : "no"].map(cell).join(","));
        res.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="guests.csv"' });
        return void res.end(`\uFEFF${["name,status,checked_in", ...rows].join("\r\n")}\r\n`);
      }
      case "ideas.geojson": {
        const category = url.searchParams.get("category") ?? "";
        const status = url.searchParams.get("status") ?? "";
        const visible = ideas.filter(
          (i) =>
            (PUBLIC_IDEA_STATUSES.includes(i.status) || (organiser && i.status === "new")) &&
            (!category || i.category === category) &&
            (!status || i.status === status),
        );
        const features: IdeaFeature[] = visible.map(({ latitude, longitude, authorId: _author, ...properties }) => ({
          type: "Feature",
          geometry: { type: "Point", coordinates: [longitude, latitude] },
          properties: {
            ...properties,
            categoryName: CATEGORY_NAMES[properties.category]?.[language] ?? properties.category,
            supported: supporters.get(properties.id)!.has(user.id),
          },
        }));
        return json(res, 200, { type: "FeatureCollection", features });
      }
      case "ticket": {
        const mine = guests.find((g) => g.userId === user.id);
        const base = { event: eventIn(language), icsUrl: "/miniapp/api/ticket.ics" };
        if (!mine) return json(res, 200, { status: "none", ...base });
        const confirmed = mine.status === "confirmed";
        return json(res, 200, {
          status: mine.status,
          ...base,
          ...(confirmed
            ? { code: mine.code, group: mine.group, qrSvg: await QRCode.toString(ticketLink(mine.token), { type: "svg", margin: 2 }) }
            : {}),
        });
      }
      case "ticket.ics": {
        const stamp = (date: Date) =>
          date
            .toISOString()
            .replace(/[-:]/g, "")
            .replace(/\.\d{3}/, "");
        const body = [
          "BEGIN:VCALENDAR",
          "VERSION:2.0",
          "PRODID:-//stub//miniapp//EN",
          "BEGIN:VEVENT",
          `UID:${event.id}@stub`,
          `DTSTAMP:${stamp(now())}`,
          `DTSTART:${stamp(event.startsAt)}`,
          `DTEND:${stamp(event.endsAt)}`,
          `SUMMARY:${event.text(event.title, language)}`,
          "END:VEVENT",
          "END:VCALENDAR",
          "",
        ].join("\r\n");
        res.writeHead(200, { "content-type": "text/calendar; charset=utf-8" });
        return void res.end(body);
      }
      default:
        throw new HttpError(404, "not-found");
    }
  }

  async function serveStatic(res: ServerResponse, path: string): Promise<void> {
    const relative = normalize(path.replace(/^\/miniapp\/?/, "")).replace(/^(\.\.[/\\])+/, "");
    const file =
      relative && relative !== "." && extname(relative) ? join(options.staticDir, relative) : join(options.staticDir, "index.html");
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      json(res, 404, { error: "not-found" });
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stub.local");
    const apiPath = /^\/miniapp\/api\/(.+)$/.exec(url.pathname);
    const work = apiPath
      ? (calls.push(`${req.method} ${apiPath[1]}${url.search}`), api(req, res, url, apiPath[1]!))
      : url.pathname.startsWith("/miniapp")
        ? serveStatic(res, url.pathname)
        : Promise.reject(new HttpError(404, "not-found"));
    work.catch((error: unknown) => {
      if (error instanceof HttpError) return json(res, error.status, { error: error.code });
      json(res, 500, { error: "internal" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/miniapp/`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
