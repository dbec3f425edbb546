import type { Store } from "../store/index.js";
import type { Audience } from "./types.js";

/**
 * The user ids of an audience right now, minus users who blocked the bot. Every audience is
 * limited to users who started the bot (the only chats the bot may write to).
 */
export async function resolveAudience(store: Store, audience: Audience): Promise<number[]> {
  const [all, inactive] = await Promise.all([store.users.ids(), store.activity.inactiveIds()]);
  const known = new Set(all);
  const active = (ids: Iterable<number>) => [...new Set(ids)].filter((id) => known.has(id) && !inactive.has(id));
  switch (audience) {
    case "all":
      return active(all);
    case "confirmed":
      return active(await store.rsvps.idsByStatus("confirmed"));
    case "waitlisted":
      return active(await store.rsvps.idsByStatus("waitlisted"));
    case "not_registered": {
      const [confirmed, waitlisted] = await Promise.all([store.rsvps.idsByStatus("confirmed"), store.rsvps.idsByStatus("waitlisted")]);
      const registered = new Set([...confirmed, ...waitlisted]);
      return active(all.filter((id) => !registered.has(id)));
    }
    case "contest_entrants":
      return active(await store.contest.entrantIds());
    case "idea_authors":
      return active(await store.ideas.authorIds());
  }
}

/** Named recipients (a feature's own list), minus users who blocked the bot or never started it. */
export async function resolveRecipients(store: Store, ids: readonly number[]): Promise<number[]> {
  const [all, inactive] = await Promise.all([store.users.ids(), store.activity.inactiveIds()]);
  const known = new Set(all);
  return [...new Set(ids)].filter((id) => known.has(id) && !inactive.has(id));
}
