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
    case "followers": {
      // Everyone who started the bot, minus those who turned the series' notifications off.
      const muted = await store.followers.mutedIds();
      return active(all.filter((id) => !muted.has(id)));
    }
    case "idea_authors":
      return active(await store.ideas.authorIds());
    case "checked_in":
      return active(await store.rsvps.checkedInIds());
    case "no_show": {
      // Confirmed guests the door never checked in.
      const [confirmed, checkedIn] = await Promise.all([store.rsvps.idsByStatus("confirmed"), store.rsvps.checkedInIds()]);
      const arrived = new Set(checkedIn);
      return active(confirmed.filter((id) => !arrived.has(id)));
    }
  }
}

/** Recipients a feature lists itself (a vote's voters, an idea's followers), minus users who never started the bot or blocked it. */
export async function activeOf(store: Store, ids: Iterable<number>): Promise<number[]> {
  const [all, inactive] = await Promise.all([store.users.ids(), store.activity.inactiveIds()]);
  const known = new Set(all);
  return [...new Set(ids)].filter((id) => known.has(id) && !inactive.has(id));
}
