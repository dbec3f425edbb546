import type { Api, RawApi } from "grammy";
import type { BotDeps } from "../../bot/context.js";

/**
 * "Forget me": everything the bot keeps about one person, deleted or anonymised. The session and an
 * open form belong to the update (the caller ends them). Each step is idempotent, so a failure
 * half-way is mended by asking again.
 */
export async function forgetPerson(deps: BotDeps, api: Api<RawApi>, userId: number, botUsername: string): Promise<void> {
  const { store } = deps;
  // Registration, contest entry and the like: each feature erases what it keeps.
  for (const eraser of deps.personalData) await eraser.forget(deps, api, userId, botUsername);
  // Ideas stay as anonymous proposals; supports withdrawn, daily counters gone.
  await store.ideas.forgetUser(userId);
  await store.quiz.forget(userId, deps.event.quiz?.questions.length ?? 0);
  await store.audit.forgetSubject(userId);
  await store.broadcasts.forgetRecipient(userId);
  await store.users.forget(userId);
}
