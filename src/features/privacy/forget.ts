import type { Api, RawApi } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import { eraseFromAnnouncement } from "../contest/winner.js";
import { forgetGuest } from "../rsvp/notify.js";

/**
 * "Forget me": everything the bot keeps about one person, deleted or anonymised. The session and an
 * open form belong to the update (the caller ends them). Each step is idempotent, so a failure
 * half-way is mended by asking again.
 */
export async function forgetPerson(deps: BotDeps, api: Api<RawApi>, userId: number, botUsername: string): Promise<void> {
  const { store } = deps;
  // Registration (a freed seat goes to the waitlist at once), code and ticket.
  await forgetGuest(deps, api, userId, botUsername);
  // Ideas stay as anonymous proposals; supports withdrawn, daily counters gone.
  await store.ideas.forgetUser(userId);
  // The announcement and the winner broadcast are rewritten before the entry they quote goes.
  await eraseFromAnnouncement(deps, userId);
  await store.contest.remove(userId);
  await store.contest.forgetInDrafts(userId);
  await store.quiz.forget(userId, deps.event.quiz?.questions.length ?? 0);
  await store.audit.forgetSubject(userId);
  await store.broadcasts.forgetRecipient(userId);
  await store.users.forget(userId);
}
