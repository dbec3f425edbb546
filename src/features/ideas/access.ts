import type { FlowContext } from "../../bot/context.js";

/** Organisers only, checked on every command and every tap (callback data can be forged). */
export async function refuseNonAdmin(ctx: FlowContext): Promise<boolean> {
  if (ctx.from && ctx.deps.adminIds.has(ctx.from.id)) return false;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("admin-only"), show_alert: true });
  else await ctx.reply(ctx.t("admin-only"));
  return true;
}

/** Short status codes keep callback data under Telegram's 64 bytes. */
export const STATUS_CODES = { new: "n", published: "p", under_review: "r", accepted: "a", rejected: "x" } as const;
export type StatusCode = (typeof STATUS_CODES)[keyof typeof STATUS_CODES];
export const statusFromCode = (code: string) =>
  (Object.entries(STATUS_CODES) as [keyof typeof STATUS_CODES, string][]).find(([, value]) => value === code)?.[0];
