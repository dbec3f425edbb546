import type { Context, MiddlewareFn } from "grammy";
import type { BotDeps, FlowContext } from "../bot/context.js";

/** What an access filter reads: who acts, and the lists as they are at this moment. */
type Actor = Context & { deps: BotDeps };

/** The organisers: the event file's admins and ADMIN_IDS. */
export const isAdmin = (ctx: Actor): boolean => ctx.from !== undefined && ctx.deps.adminIds.has(ctx.from.id);

/** The jury: the event file's contest jurors, and every organiser. */
export const isJuror = (ctx: Actor): boolean =>
  isAdmin(ctx) || (ctx.from !== undefined && (ctx.deps.event.contest?.jurors ?? []).includes(ctx.from.id));

/** The door team (check-in): the organisers, as the event file has no separate door list. */
export const isStaff = (ctx: Actor): boolean => isAdmin(ctx);

export type Role = "admin" | "juror" | "staff";

const FILTERS: Record<Role, (ctx: Actor) => boolean> = { admin: isAdmin, juror: isJuror, staff: isStaff };
const REFUSALS: Record<Role, string> = { admin: "admin-only", juror: "jury-only", staff: "admin-only" };

export const hasRole = (ctx: Actor, role: Role): boolean => FILTERS[role](ctx);

/** The one refusal: a toast (an alert) on a button, a short reply to a message; nothing else happens. */
export async function refuse(ctx: FlowContext, role: Role): Promise<void> {
  const text = ctx.t(REFUSALS[role]);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}

/**
 * Lets only a role through, checked at each update (a button or a form step outlives the rights of
 * whoever was shown it); anyone else gets the refusal.
 */
export function requireRole(role: Role): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    if (FILTERS[role](ctx)) return next();
    await refuse(ctx, role);
  };
}

/** For handlers shared with other screens (the organisers' home): true when the sender may act, else refused. */
export async function allowed(ctx: FlowContext, role: Role): Promise<boolean> {
  if (FILTERS[role](ctx)) return true;
  await refuse(ctx, role);
  return false;
}
