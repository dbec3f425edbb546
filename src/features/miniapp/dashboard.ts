import { broadcastName } from "../../delivery/label.js";
import { dayjs } from "../../event/time.js";
import { isPublicStatus } from "../../store/ideas.js";
import type { ApiCall, Endpoint } from "./types.js";

const BROADCASTS_SHOWN = 10;

/** The state of the event at a glance (organisers): counts, registrations per day, ideas, broadcasts, feedback. */
async function dashboard(call: ApiCall) {
  const { deps, event, language } = call;
  const { store } = deps;
  const [counts, registrations, ideas, broadcasts, feedback] = await Promise.all([
    store.rsvps.counts(),
    store.rsvps.all(),
    store.ideas.all(),
    store.broadcasts.recent(BROADCASTS_SHOWN),
    call.parts.feedbackSummary(deps),
  ]);
  // With approval on, the queue of requests waiting for a decision.
  const requests = event.rsvp.approval ? await store.rsvps.requestCounts() : undefined;
  const perDay = new Map<string, number>();
  for (const record of registrations) {
    const day = dayjs(record.createdAt).tz(event.timezone).format("YYYY-MM-DD");
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return {
    json: {
      counts: {
        ...counts,
        ...(requests && { pending: requests.pending }),
        ...(event.rsvp.capacity !== undefined && { capacity: event.rsvp.capacity }),
      },
      registrationsPerDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count })),
      ideas: {
        pending: ideas.filter((idea) => idea.status === "new").length,
        published: ideas.filter((idea) => isPublicStatus(idea.status)).length,
      },
      broadcasts: broadcasts.map((record) => {
        const name = broadcastName(record.spec, language);
        return { id: record.id, label: name.excerpt, kind: name.kind, status: record.status, sent: record.sent, total: record.total ?? 0 };
      }),
      ...(feedback && { feedback }),
    },
  };
}

export const dashboardEndpoints: readonly Endpoint[] = [{ method: "GET", path: /^dashboard$/, role: "organiser", handle: dashboard }];
