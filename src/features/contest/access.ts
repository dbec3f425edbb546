import type { BotDeps } from "../../bot/context.js";

/** Admins and the jurors listed in the event file may see and score entries. */
export function isJuror(deps: BotDeps, userId: number | undefined): boolean {
  if (userId === undefined) return false;
  return deps.adminIds.has(userId) || (deps.event.contest?.jurors ?? []).includes(userId);
}

/** Only admins pick the winner and send the announcement. */
export function isAdmin(deps: BotDeps, userId: number | undefined): boolean {
  return userId !== undefined && deps.adminIds.has(userId);
}

/** A language the event offers (stored languages may be any Telegram code). */
export function eventLanguage(deps: BotDeps, language: string | undefined): string {
  return deps.event.languages.find((offered) => offered === language) ?? deps.event.defaultLanguage;
}
