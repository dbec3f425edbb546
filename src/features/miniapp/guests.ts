import { dayjs } from "../../event/time.js";
import { RSVP_STATUSES, type Rsvp, type RsvpStatus } from "../../store/rsvps.js";
import { failure, type ApiCall, type Endpoint, type Reply } from "./types.js";

const MAX_QUERY = 64;

/**
 * The filters of the guest list: a name fragment or a code, a status, checked in or not, a custom answer;
 * undefined when one is malformed.
 */
function guestFilter(call: ApiCall): ((record: Rsvp) => boolean) | undefined {
  const q = (call.query.get("q") ?? "").trim().toLocaleLowerCase("ru").slice(0, MAX_QUERY);
  const status = call.query.get("status") ?? "";
  const checkedIn = call.query.get("checkedIn") ?? "";
  if (status !== "" && !(RSVP_STATUSES as readonly string[]).includes(status)) return undefined;
  if (!["", "true", "false"].includes(checkedIn)) return undefined;
  // A custom answer: question=<id>&answer=<part of the answer>.
  const question = call.query.get("question") ?? "";
  const answer = (call.query.get("answer") ?? "").trim().toLocaleLowerCase("ru").slice(0, MAX_QUERY);
  const answered = (record: Rsvp) =>
    question === "" || (call.parts.guestAnswers(call.deps, record, call.language)[question] ?? "").toLocaleLowerCase("ru").includes(answer);
  return (record) =>
    (q === "" || record.name.toLocaleLowerCase("ru").includes(q) || record.code.toLowerCase() === q) &&
    (status === "" || record.status === (status as RsvpStatus)) &&
    (checkedIn === "" || (record.checkedInAt !== undefined) === (checkedIn === "true")) &&
    answered(record);
}

async function filtered(call: ApiCall): Promise<Rsvp[] | undefined> {
  const filter = guestFilter(call);
  return filter && (await call.deps.store.rsvps.all()).filter(filter);
}

/** The guest list with the answers (organisers only). */
async function guests(call: ApiCall): Promise<Reply> {
  const records = await filtered(call);
  if (!records) return failure(400, "bad-request");
  return {
    json: {
      guests: records.map((record) => ({
        userId: record.userId,
        name: record.name,
        status: record.status,
        code: record.code,
        checkedIn: record.checkedInAt !== undefined,
        registeredAt: record.createdAt.toISOString(),
        answers: call.parts.guestAnswers(call.deps, record, call.language),
      })),
    },
  };
}

/** The same CSV as /export (BOM, formula-safe), of the filtered guests; recorded in the audit log like /export. */
async function guestsCsv(call: ApiCall): Promise<Reply> {
  const records = await filtered(call);
  if (!records) return failure(400, "bad-request");
  const { deps, event } = call;
  const stamp = dayjs(deps.clock()).tz(event.timezone).format("YYYY-MM-DD-HHmm");
  const filename = `${event.id}-guests-${stamp}.csv`;
  await deps.store.audit.record(call.user.id, "export", `guest list (mini app), ${records.length} rows, ${filename}`, deps.clock(), {
    what: "guests",
    count: records.length,
  });
  return {
    body: await call.parts.guestsCsv(deps, records, call.language),
    type: "text/csv; charset=utf-8",
    headers: { "content-disposition": `attachment; filename="${filename}"` },
  };
}

export const guestsEndpoints: readonly Endpoint[] = [
  { method: "GET", path: /^guests$/, role: "organiser", handle: guests },
  { method: "GET", path: /^guests\.csv$/, role: "organiser", handle: guestsCsv },
];
