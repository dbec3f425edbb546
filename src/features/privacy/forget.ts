import type { Api, RawApi } from "grammy";
import type { BotDeps } from "../../bot/context.js";

/**
 * "Forget me": everything the bot keeps about one person, deleted or anonymised. The session and an
 * open form belong to the update (the caller ends them). Each step is idempotent, so a failure
 * half-way is mended by asking again.
 */
export async function forgetPerson(deps: BotDeps, api: Api<RawApi>, userId: number, botUsername: string): Promise<void> {
  const { store } = deps;
  // Registration, contest entry and the like, in every event of the series: each feature erases what it keeps.
  for (const event of deps.series.events) {
    const eventDeps = deps.depsOf(event.id) ?? deps;
    for (const eraser of deps.personalData) if (!eraser.seriesWide) await eraser.forget(eventDeps, api, userId, botUsername);
    await eventDeps.store.quiz.forget(userId, event.quiz?.questions.length ?? 0);
  }
  for (const eraser of deps.personalData) if (eraser.seriesWide) await eraser.forget(deps, api, userId, botUsername);
  // Ideas stay as anonymous proposals; supports withdrawn, daily counters gone.
  await store.ideas.forgetUser(userId);
  await store.audit.forgetSubject(userId);
  await store.broadcasts.forgetRecipient(userId);
  await store.users.forget(userId);
}
