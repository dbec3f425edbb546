import QRCode from "qrcode";
import { buildCalendarFile } from "../../ui/calendar.js";
import { eventView } from "./event-view.js";
import type { ApiCall, Endpoint, Reply } from "./types.js";

const ICS_URL = "/miniapp/api/ticket.ics";

/** My ticket: the status, and for a seat the code and the QR of the same deep link as the ticket the bot sent. */
async function ticket(call: ApiCall): Promise<Reply> {
  const record = await call.deps.store.rsvps.find(call.user.id);
  const base = { event: eventView(call.event, call.language), icsUrl: ICS_URL };
  if (!record) return { json: { status: "none", ...base } };
  if (record.status === "waitlisted") {
    return { json: { status: record.status, position: await call.deps.store.rsvps.waitlistPosition(record.userId), ...base } };
  }
  if (record.status !== "confirmed") return { json: { status: record.status, ...base } };
  const qrSvg = await QRCode.toString(call.parts.ticketLink(call.botUsername, record.token), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
  });
  return {
    json: {
      status: record.status,
      code: record.code,
      qrSvg,
      group: record.party,
      ...(record.checkedInAt && { checkedInAt: record.checkedInAt.toISOString() }),
      ...base,
    },
  };
}

/** The event's calendar file in the user's language (the one the bot sends with the ticket). */
async function ics(call: ApiCall): Promise<Reply> {
  return {
    body: buildCalendarFile(call.event, call.language),
    type: "text/calendar; charset=utf-8",
    headers: { "content-disposition": `attachment; filename="${call.event.id}.ics"` },
  };
}

export const ticketEndpoints: readonly Endpoint[] = [
  { method: "GET", path: /^ticket$/, handle: ticket },
  { method: "GET", path: /^ticket\.ics$/, handle: ics },
];
