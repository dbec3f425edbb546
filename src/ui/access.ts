import type { MiddlewareFn } from "grammy";
import type { BotDeps, FlowContext } from "../bot/context.js";
import type { TeamRole } from "../store/team.js";
import type { CommandMenu } from "../bot/commands.js";

/**
 * What an access filter reads: who acts, and the lists as they are at this moment. A grammY context
 * is one; so is the Mini App's signed-in user (src/features/miniapp), checked by the same filters.
 */
export type Actor = { readonly from?: { readonly id: number }; deps: BotDeps };

/**
 * admin: everything (the event file's admins and ADMIN_IDS); organiser: everything but the team (/team);
 * staff: the door only (check-in, guest search, the checked-in counter); juror: the contest's jury.
 */
export type Role = "admin" | TeamRole;

/** What each role given by /team may do (an admin may do all). */
const GRANTS: Record<TeamRole, readonly Role[]> = {
  organiser: ["organiser", "staff", "juror"],
  staff: ["staff"],
  juror: ["juror"],
};

/** The admins: the event file's admins and ADMIN_IDS (no Redis read). */
export const isAdmin = (ctx: Actor): boolean => ctx.from !== undefined && ctx.deps.adminIds.has(ctx.from.id);

/** The role given by /team, read now (one Redis read): a revoked member is refused at their next tap. */
async function teamRole(ctx: Actor): Promise<TeamRole | undefined> {
  return ctx.from === undefined ? undefined : ctx.deps.store.team.roleOf(ctx.from.id);
}

/** Whether the sender has a role at this moment; reads Redis only when the event file and ADMIN_IDS do not decide. */
export async function hasRole(ctx: Actor, role: Role): Promise<boolean> {
  if (ctx.from === undefined) return false;
  if (isAdmin(ctx)) return true;
  if (role === "admin") return false;
  if (role === "juror" && (ctx.deps.event.contest?.jurors ?? []).includes(ctx.from.id)) return true;
  const member = await teamRole(ctx);
  return member !== undefined && GRANTS[member].includes(role);
}

/** The organisers: admins and those /team made organisers. */
export const isOrganiser = (ctx: Actor): Promise<boolean> => hasRole(ctx, "organiser");

/** The jury: the event file's contest jurors, /team's jurors, and every organiser. */
export const isJuror = (ctx: Actor): Promise<boolean> => hasRole(ctx, "juror");

/** The door team (check-in): staff, and every organiser. */
export const isStaff = (ctx: Actor): Promise<boolean> => hasRole(ctx, "staff");

/** The highest role the sender has now (the command menu they get, and /stats' detail): one Redis read at most. */
export async function topRole(ctx: Actor): Promise<Role | undefined> {
  if (ctx.from === undefined) return undefined;
  if (isAdmin(ctx)) return "admin";
  const member = await teamRole(ctx);
  if (member === "organiser" || member === "staff") return member;
  return member ?? ((ctx.deps.event.contest?.jurors ?? []).includes(ctx.from.id) ? "juror" : undefined);
}

/** The command menu of a role (a juror's is the attendees': /entries is reached from the contest screen). */
export function commandMenu(role: Role | undefined): CommandMenu {
  return role === "admin" || role === "organiser" || role === "staff" ? role : "attendee";
}

const REFUSALS: Record<Role, string> = { admin: "team-admin-only", organiser: "admin-only", staff: "admin-only", juror: "jury-only" };

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
    if (await hasRole(ctx, role)) return next();
    await refuse(ctx, role);
  };
}

/** For handlers shared with other screens (the organisers' home): true when the sender may act, else refused. */
export async function allowed(ctx: FlowContext, role: Role): Promise<boolean> {
  if (await hasRole(ctx, role)) return true;
  await refuse(ctx, role);
  return false;
}

/** Who is told what organisers must know (requests, new ideas, alerts, results): the admins and the organisers /team made. */
export async function organiserIds(deps: BotDeps): Promise<number[]> {
  const members = await deps.store.team.members();
  return [...new Set([...deps.adminIds, ...members.filter((m) => m.role === "organiser").map((m) => m.userId)])].sort((a, b) => a - b);
}
