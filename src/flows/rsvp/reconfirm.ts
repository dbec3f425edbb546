import { InlineKeyboard, type Api, type RawApi } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { escapeHtml } from "../../bot/html.js";
import { showScreen } from "../../bot/screens.js";
import { fillFreedSeats, languageOf, moment, organisersContact, translator } from "./notify.js";
import { reconfirmSchedule } from "./rules.js";

/*
 * "Still coming?" — the no-show killer. The broadcast/reminder engine schedules
 * askReconfirmation at startsAt − reconfirm.before and releaseUnanswered at + grace; both are
 * safe to run again (a guest is asked once; a released seat is released once).
 */

/** Asks every confirmed guest not asked yet; returns how many were asked now. */
export async function askReconfirmation(deps: BotDeps, api: Api<RawApi>): Promise<number> {
  const schedule = reconfirmSchedule(deps.event);
  const now = deps.clock();
  if (!schedule || now < schedule.askAt || now >= deps.event.startsAt) return 0;
  let asked = 0;
  for (const userId of await deps.store.rsvps.idsByStatus("confirmed")) {
    if (!(await deps.store.rsvps.markReconfirmAsked(userId, now))) continue;
    asked++;
    const record = await deps.store.rsvps.find(userId);
    const language = languageOf(deps, record?.language);
    const t = translator(deps, language);
    const text = t("rsvp-reconfirm-ask", {
      title: escapeHtml(deps.event.text(deps.event.title, language)),
      when: moment(deps, t, language, deps.event.startsAt),
      by: moment(deps, t, language, new Date(now.getTime() + schedule.grace)),
    });
    const keyboard = new InlineKeyboard()
      .text(t("rsvp-reconfirm-yes"), "rsvp:rc:yes")
      .row()
      .text(t("rsvp-reconfirm-no"), "rsvp:rc:no");
    await api
      .sendMessage(userId, text, { parse_mode: "HTML", reply_markup: keyboard })
      .catch((error) => deps.logger.warn({ err: error, userId }, "re-confirmation not delivered"));
  }
  return asked;
}

/** Frees the seats of guests who did not answer within the grace period and fills them from the waitlist. */
export async function releaseUnanswered(deps: BotDeps, api: Api<RawApi>): Promise<number[]> {
  const schedule = reconfirmSchedule(deps.event);
  const now = deps.clock();
  if (!schedule || now >= deps.event.startsAt) return [];
  const released: number[] = [];
  for (const userId of await deps.store.rsvps.idsByStatus("confirmed")) {
    const record = await deps.store.rsvps.find(userId);
    if (!record?.reconfirmAskedAt || record.reconfirmedAt) continue;
    if (now.getTime() < record.reconfirmAskedAt.getTime() + schedule.grace) continue;
    if ((await deps.store.rsvps.cancel(userId, now, "no-reconfirmation")) !== "confirmed") continue;
    released.push(userId);
    const language = languageOf(deps, record.language);
    const t = translator(deps, language);
    await api
      .sendMessage(userId, t("rsvp-released-unanswered", { contact: organisersContact(deps, t, language) }), { parse_mode: "HTML" })
      .catch((error) => deps.logger.warn({ err: error, userId }, "release notice not delivered"));
  }
  if (released.length) await fillFreedSeats(deps, api, (await api.getMe()).username);
  return released;
}

/** The guest's answer to "Still coming?". */
export async function answerReconfirmation(ctx: BotContext, coming: boolean): Promise<void> {
  const { deps } = ctx;
  const userId = ctx.from!.id;
  const record = await deps.store.rsvps.find(userId);
  if (!record?.reconfirmAskedAt || record.status !== "confirmed" || ctx.deps.clock() >= deps.event.startsAt) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
    return;
  }
  await ctx.answerCallbackQuery();
  if (coming) {
    await deps.store.rsvps.markReconfirmed(userId, deps.clock());
    await showScreen(ctx, ctx.t("rsvp-reconfirm-thanks"));
    return;
  }
  const previous = await deps.store.rsvps.cancel(userId, deps.clock(), "declined");
  await showScreen(ctx, ctx.t("rsvp-reconfirm-declined"));
  if (previous === "confirmed") await fillFreedSeats(deps, ctx.api, ctx.me.username);
}
