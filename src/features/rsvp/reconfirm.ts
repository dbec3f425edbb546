import { InlineKeyboard, type Api, type RawApi } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { showScreen } from "../../ui/screens.js";
import { rsvpData } from "./callback-data.js";
import { languageOf } from "../../event/language.js";
import { formatMomentIn } from "../../ui/format.js";
import { organisersContact } from "../../ui/organisers.js";
import { tellPromoted, translator } from "./notify.js";
import { reconfirmSchedule } from "./rules.js";

/*
 * "Still coming?" — the no-show killer. The broadcast/reminder engine schedules
 * askReconfirmation at startsAt − reconfirm.before and releaseUnanswered at + grace, then again at
 * each guest's own asked time + grace (the questions may go out late); both are safe to run again
 * (a guest is asked once; a released seat is released once).
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
    const language = languageOf(deps.event, record?.language);
    const t = translator(deps, language);
    const text = t("rsvp-reconfirm-ask", {
      title: escapeHtml(deps.event.text(deps.event.title, language)),
      when: formatMomentIn(deps, language, deps.event.startsAt),
      by: formatMomentIn(deps, language, new Date(now.getTime() + schedule.grace)),
    });
    const keyboard = new InlineKeyboard()
      .text(t("rsvp-reconfirm-yes"), rsvpData.reconfirm.pack({ answer: "yes" }))
      .row()
      .text(t("rsvp-reconfirm-no"), rsvpData.reconfirm.pack({ answer: "no" }));
    await api
      .sendMessage(userId, text, { parse_mode: "HTML", reply_markup: keyboard })
      .catch((error) => deps.logger.warn({ err: error, userId }, "re-confirmation not delivered"));
  }
  return asked;
}

export interface ReleaseOutcome {
  released: number[];
  /** When the next asked guest's grace ends (before the event starts), if anyone is still waited for. */
  nextAt?: Date;
}

/**
 * Frees the seats of guests whose own grace period has passed without an answer; the same script
 * gives each seat to the waitlist, and the promoted guests are told.
 */
export async function releaseUnanswered(deps: BotDeps, api: Api<RawApi>): Promise<ReleaseOutcome> {
  const schedule = reconfirmSchedule(deps.event);
  const now = deps.clock();
  if (!schedule || now >= deps.event.startsAt) return { released: [] };
  const askedBy = new Date(now.getTime() - schedule.grace);
  const released: number[] = [];
  const promoted: number[] = [];
  let nextAt: Date | undefined;
  for (const userId of await deps.store.rsvps.idsByStatus("confirmed")) {
    const record = await deps.store.rsvps.find(userId);
    if (!record?.reconfirmAskedAt || record.reconfirmedAt) continue;
    const dueAt = new Date(record.reconfirmAskedAt.getTime() + schedule.grace);
    if (dueAt > now) {
      if (!nextAt || dueAt < nextAt) nextAt = dueAt;
      continue;
    }
    // The script decides again: a "Yes" stored since the read above keeps the seat.
    const change = await deps.store.rsvps.releaseUnanswered(userId, askedBy, now, deps.event.rsvp.capacity);
    if (!change) continue;
    released.push(userId);
    promoted.push(...change.promoted);
    const language = languageOf(deps.event, record.language);
    const t = translator(deps, language);
    await api
      .sendMessage(userId, t("rsvp-released-unanswered", organisersContact(deps, language)), { parse_mode: "HTML" })
      .catch((error) => deps.logger.warn({ err: error, userId }, "release notice not delivered"));
  }
  await tellPromoted(deps, api, promoted);
  return { released, nextAt: nextAt && nextAt < deps.event.startsAt ? nextAt : undefined };
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
  if (coming) {
    // Released meanwhile (the grace ran out first): the release notice says what happened.
    if (!(await deps.store.rsvps.markReconfirmed(userId, deps.clock()))) {
      await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
      return;
    }
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ctx.t("rsvp-reconfirm-thanks"));
    return;
  }
  const change = await deps.store.rsvps.cancel(userId, deps.clock(), "declined", deps.event.rsvp.capacity);
  if (!change) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
    return;
  }
  try {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ctx.t("rsvp-reconfirm-declined"));
  } finally {
    // The seat has already changed hands: its new holder is told even if this screen failed.
    await tellPromoted(deps, ctx.api, change.promoted, ctx.me.username);
  }
}
