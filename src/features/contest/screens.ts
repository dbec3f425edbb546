import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import { eventText, momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { durationToNow, isPastDeadline, relativeToNow } from "../../event/time.js";
import type { ContestEntry } from "../../store/contest.js";
import type { ContestSettings } from "../../event/schema.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { contestData } from "./callback-data.js";

/** The contest section of the event file and its resolved deadline, when there is a contest. */
export function contestOf(ctx: FlowContext): { contest: ContestSettings; deadline: Date } | undefined {
  const { contest, contestDeadlineAt } = ctx.deps.event;
  return contest && contestDeadlineAt ? { contest, deadline: contestDeadlineAt } : undefined;
}

export function entriesOpen(ctx: FlowContext, deadline: Date, now = ctx.deps.clock()): boolean {
  return !isPastDeadline(now, deadline);
}

export type EntryStatus = "submitted" | "shortlisted" | "winner" | "runner-up";

export async function entryStatus(ctx: FlowContext, userId: number): Promise<EntryStatus> {
  const { contest } = ctx.deps.store;
  const sent = await contest.announcement();
  const announcement = sent?.announcedAt ? sent : undefined;
  if (announcement?.winnerId === userId) return "winner";
  if (announcement?.runnersUp.includes(userId)) return "runner-up";
  return (await contest.isShortlisted(userId)) ? "shortlisted" : "submitted";
}

/** Rules, prize, deadline with countdown and the hashtags ready to copy. */
export async function rulesText(ctx: FlowContext, contest: ContestSettings, deadline: Date): Promise<string> {
  const now = ctx.deps.clock();
  const language = await ctx.i18n.getLocale();
  const when = await momentText(ctx, deadline);
  const parts = [
    ctx.t("contest-rules", {
      title: escapeHtml(await eventText(ctx, contest.title)),
      rules: escapeHtml(await eventText(ctx, contest.rules)),
      prize: escapeHtml(await eventText(ctx, contest.prize)),
    }),
    entriesOpen(ctx, deadline, now)
      ? ctx.t("contest-deadline-open", {
          deadline: when,
          relative: relativeToNow(deadline, now, language),
          duration: durationToNow(deadline, now, language),
        })
      : ctx.t("contest-deadline-closed", { deadline: when }),
    ctx.t("contest-hashtags", { hashtags: escapeHtml(contest.hashtags.join(" ")), count: contest.hashtags.length }),
  ];
  if (contest.interactive) parts.push(`🎲 ${escapeHtml(await eventText(ctx, contest.interactive))}`);
  parts.push(ctx.t("contest-no-bot-scraping"));
  return parts.join("\n\n");
}

export function contestKeyboard(ctx: FlowContext, open: boolean, hasEntry: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (open) keyboard.text(ctx.t(hasEntry ? "contest-edit" : "contest-submit"), contestData.enter.pack()).row();
  if (hasEntry) keyboard.text(ctx.t("contest-my-entry"), contestData.mine.pack()).row();
  return backToMenuKeyboard(ctx, keyboard);
}

/** Under the entry card itself: no "My entry", which would only post the same card again. */
export function entryCardKeyboard(ctx: FlowContext, open: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (open) keyboard.text(ctx.t("contest-edit"), contestData.enter.pack()).row();
  return backToMenuKeyboard(ctx, keyboard);
}

export async function entryText(ctx: FlowContext, entry: Pick<ContestEntry, "userId" | "link" | "idea">): Promise<string> {
  const status = await entryStatus(ctx, entry.userId);
  return ctx.t("contest-entry", {
    link: escapeHtml(entry.link),
    idea: escapeHtml(entry.idea),
    status: ctx.t(`contest-status-${status}`),
  });
}
