import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import type { EventInfo } from "../../event/load.js";
import { eventSpanIn } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { menuData } from "../../ui/keyboards.js";
import { enterEventData } from "./callback-data.js";

/** What the archive shows of a past event: counts only, and the winner the contest announced. */
export interface ArchiveSummary {
  /** People (a group counts each): registered and let in at the door. */
  confirmed: number;
  checkedIn: number;
  /** Ideas tagged with the event (proposed while it ran). */
  ideas: number;
  /** The announced winner's name (from their entry; empty once erased), or undefined when none was announced. */
  winner: string | undefined;
}

/** Reads a past (or archived) event's summary from its store. */
export async function archiveSummary(ctx: FlowContext, event: EventInfo): Promise<ArchiveSummary> {
  const store = ctx.deps.store.forEvent(event.id);
  const [people, ideas, announcement] = await Promise.all([store.rsvps.peopleCounts(), store.ideas.all(), store.contest.announcement()]);
  const winner = announcement ? ((await store.contest.find(announcement.winnerId))?.firstName ?? "") : undefined;
  return {
    confirmed: people.confirmed,
    checkedIn: people.checkedIn,
    ideas: ideas.filter((idea) => idea.eventId === event.id).length,
    winner,
  };
}

/** The past event's screen: title, dates, venue, the winner if announced, guests and ideas. */
export async function archiveScreen(ctx: FlowContext, event: EventInfo): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const language = await ctx.i18n.getLocale();
  const text = (value: Parameters<EventInfo["text"]>[0]) => escapeHtml(event.text(value, language));
  const summary = await archiveSummary(ctx, event);
  const archived = ctx.deps.series.isArchived(event.id);
  const lines = [
    ctx.t("archive-title", { title: text(event.title) }),
    ctx.t("archive-dates", { when: eventSpanIn(ctx.deps, event, language) }),
    ctx.t("archive-venue", { venue: text(event.venue.name), address: text(event.venue.address) }),
  ];
  if (summary.winner !== undefined) {
    lines.push(summary.winner ? ctx.t("archive-winner", { name: escapeHtml(summary.winner) }) : ctx.t("archive-winner-erased"));
  }
  lines.push(ctx.t("archive-guests", { confirmed: summary.confirmed, checkedIn: summary.checkedIn }));
  lines.push(ctx.t("archive-ideas", { count: summary.ideas }));
  if (archived) lines.push("", ctx.t("archive-archived"));
  const keyboard = new InlineKeyboard();
  if (!archived) keyboard.text(ctx.t("archive-open"), enterEventData.pack({ id: event.id })).row();
  keyboard.text(ctx.t("archive-back"), menuData.events.pack());
  return { text: lines.join("\n"), keyboard };
}
