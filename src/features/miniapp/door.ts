import { beforeLocalDay } from "../../event/time.js";
import type { Rsvp } from "../../store/rsvps.js";
import { otherEventHolding } from "../../ui/organisers.js";
import { failure, type ApiCall, type Endpoint } from "./types.js";

const MAX_CODE = 512;
const MAX_QUERY = 64;
const MAX_RESULTS = 10;

type Outcome = "welcome" | "already" | "not_found" | "waitlisted" | "other_event" | "cancelled";

async function counter({ deps }: ApiCall) {
  const counts = await deps.store.rsvps.counts();
  return { checkedIn: counts.checkedIn, total: counts.confirmed };
}

/** The first name the bot knows for whoever checked the guest in (staff only see it: the door's own team). */
async function staffName(call: ApiCall, staffId: number | undefined): Promise<string | undefined> {
  if (staffId === undefined) return undefined;
  if (staffId === call.user.id) return call.user.firstName;
  return (await call.deps.store.users.find(staffId))?.firstName || undefined;
}

async function findTicket(call: ApiCall, text: string): Promise<Rsvp | "other_event" | undefined> {
  const reading = call.parts.readTicket(text, call.botUsername);
  if (!reading) return undefined;
  if ("otherBot" in reading) return "other_event";
  const find = (rsvps: ApiCall["deps"]["store"]["rsvps"]) =>
    "code" in reading ? rsvps.findByCode(reading.code) : rsvps.findByToken(reading.token);
  const found = await find(call.deps.store.rsvps);
  if (found) return found;
  // A genuine ticket for another event of the series is not "not found": the door is told so.
  return (await otherEventHolding(call.deps, find)) ? "other_event" : undefined;
}

/**
 * One scan, one decision: the same atomic store operation as the bot's Check in button, so two
 * devices scanning one ticket at once get one "welcome" and one "already".
 */
async function checkIn(call: ApiCall) {
  const body = await call.body();
  const code = (body as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string" || code.length > MAX_CODE) return failure(400, "bad-request");
  const { deps } = call;
  const found = await findTicket(call, code);
  const reply = async (outcome: Outcome, record?: Rsvp, at?: Date, by?: number) => ({
    json: {
      outcome,
      ...(record && { guest: { name: record.name, group: record.party } }),
      ...(at && { checkedInAt: at.toISOString(), checkedInBy: await staffName(call, by) }),
      counter: await counter(call),
    },
  });
  if (found === "other_event") return reply("other_event");
  if (!found) return reply("not_found");
  if (found.status !== "confirmed") return reply(found.status === "waitlisted" ? "waitlisted" : "cancelled", found);
  const now = deps.clock();
  const outcome = await deps.store.rsvps.checkIn(found.userId, call.user.id, now);
  if (outcome.result === "not-confirmed") {
    // Cancelled or erased between the read and the scan.
    const latest = await deps.store.rsvps.find(found.userId);
    return latest ? reply(latest.status === "waitlisted" ? "waitlisted" : "cancelled", latest) : reply("not_found");
  }
  if (outcome.result === "first") {
    await deps.store.audit.record(call.user.id, "check-in", `guest ${found.userId}`, now, { user: found.userId });
    // The guest's proof that the scan worked; the door does not wait for Telegram.
    void call.parts
      .tellCheckedIn(call.api, deps, found.userId)
      .catch((error) => deps.logger.warn({ err: error, guest: found.userId }, "could not tell a guest they were checked in"));
    const welcome = await reply("welcome", found, outcome.at, call.user.id);
    // Before the event's day the scan still counts (a rehearsal), and the screen says it is early, as the bot's door card does.
    return beforeLocalDay(now, deps.event.startsAt, deps.event.timezone) ? { json: { ...welcome.json, early: true } } : welcome;
  }
  const record = (await deps.store.rsvps.find(found.userId)) ?? found;
  return reply("already", record, outcome.at, record.checkedInBy);
}

/** A name search for the door (a guest's or a companion's): three letters at least, confirmed guests only, ten at most; never the list. */
async function search(call: ApiCall) {
  const query = (call.query.get("q") ?? "").slice(0, MAX_QUERY);
  const match = call.parts.doorMatcher(query);
  if (!match) return failure(400, "query-too-short");
  const found = (await call.deps.store.rsvps.all()).flatMap((r) => {
    const matched = r.status === "confirmed" ? match(r) : undefined;
    return matched ? [{ r, companion: matched.companion }] : [];
  });
  return {
    json: {
      guests: found.slice(0, MAX_RESULTS).map(({ r, companion }) => ({
        userId: r.userId,
        name: r.name,
        ...(companion !== undefined && { companion }),
        status: r.status,
        checkedIn: r.checkedInAt !== undefined,
        code: r.code,
      })),
    },
  };
}

/** The door (staff and organisers): check-in by scan or code, the counter, the name search. */
export const doorEndpoints: readonly Endpoint[] = [
  { method: "POST", path: /^door\/checkin$/, role: "staff", handle: checkIn },
  { method: "GET", path: /^door\/counter$/, role: "staff", handle: async (call) => ({ json: await counter(call) }) },
  { method: "GET", path: /^door\/search$/, role: "staff", handle: search },
];
