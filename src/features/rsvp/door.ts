import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { fold } from "../../ui/fold.js";
import { momentText } from "../../ui/format.js";
import { withEventHeading } from "../../ui/event-heading.js";
import type { Rsvp } from "../../store/rsvps.js";
import { rsvpData } from "./callback-data.js";

/** A name search needs this many letters: the door team looks guests up, it never lists them all. */
export const MIN_SEARCH_LETTERS = 3;
const MAX_RESULTS = 10;
const MAX_QUERY = 64;

export const letters = (text: string) => [...text].filter((c) => /\p{L}/u.test(c)).length;

/** Whether a message in the check-in mode is a name to search (three letters or more). */
export const searchable = (text: string) => letters(text.slice(0, MAX_QUERY)) >= MIN_SEARCH_LETTERS;

/** "Checked in N of M" people: the only figure the door team sees. */
export async function checkinCountText(ctx: FlowContext): Promise<string> {
  const people = await ctx.deps.store.rsvps.peopleCounts();
  return ctx.t("team-checked-in-count", { checkedIn: people.checkedIn, confirmed: people.confirmed });
}

/** /stats for the door team. */
export async function showCheckinCount(ctx: FlowContext): Promise<void> {
  await ctx.reply(await withEventHeading(ctx, await checkinCountText(ctx)), { parse_mode: "HTML" });
}

/** A registration as a door search finds it: by the guest's name, or by a companion's (named), or not at all. */
export type DoorMatch = { companion?: string } | undefined;

/**
 * The door's name search (/find, the check-in mode, the Mini App): a registration matches the folded
 * query by its guest's name or, for a companion who comes alone, by theirs. Undefined: too few letters.
 */
export function doorMatcher(input: string): ((record: Rsvp) => DoorMatch) | undefined {
  const query = fold(input.slice(0, MAX_QUERY));
  if (letters(query) < MIN_SEARCH_LETTERS) return undefined;
  const has = (name: string) => fold(name).includes(query);
  return (record) => {
    if (!record.name) return undefined;
    if (has(record.name)) return {};
    const companion = record.companions?.find(has);
    return companion === undefined ? undefined : { companion };
  };
}

/** /find NAME: up to ten confirmed guests whose name (or a companion's) contains it, each with a Check in button until checked in. */
export async function findGuests(ctx: FlowContext, input: string, options: { notFoundHint?: string } = {}): Promise<void> {
  const query = fold(input.slice(0, MAX_QUERY));
  if (query === "") {
    await ctx.reply(ctx.t("team-find-usage"));
    return;
  }
  const match = doorMatcher(query);
  if (!match) {
    await ctx.reply(ctx.t("team-find-short", { min: MIN_SEARCH_LETTERS }));
    return;
  }
  const found = (await ctx.deps.store.rsvps.all()).flatMap((record) => {
    const matched = record.status === "confirmed" ? match(record) : undefined;
    return matched ? [{ record, companion: matched.companion }] : [];
  });
  if (found.length === 0) {
    const none = ctx.t("team-find-none", { query: escapeHtml(query) });
    // In a series the search names its event, found or not: a guest of another event is not here.
    await ctx.reply(await withEventHeading(ctx, options.notFoundHint ? `${none}\n${options.notFoundHint}` : none), { parse_mode: "HTML" });
    return;
  }
  const shown = found.slice(0, MAX_RESULTS);
  const keyboard = new InlineKeyboard();
  const lines: string[] = [];
  for (const { record, companion } of shown) {
    const name = companion
      ? ctx.t("team-find-companion", { name: escapeHtml(companion), guest: escapeHtml(record.name) })
      : escapeHtml(record.name);
    if (record.checkedInAt) {
      lines.push(ctx.t("team-find-line-in", { name, code: record.code, at: await momentText(ctx, record.checkedInAt) }));
    } else {
      lines.push(ctx.t("team-find-line", { name, code: record.code }));
      keyboard
        .text(
          ctx.t("team-find-checkin", { name: record.name.slice(0, 40) }),
          rsvpData.checkIn.pack({ guest: record.userId, arrived: undefined }),
        )
        .row();
    }
  }
  const more = found.length > MAX_RESULTS ? `\n\n${ctx.t("team-find-more", { count: found.length - MAX_RESULTS })}` : "";
  await ctx.reply(await withEventHeading(ctx, `${ctx.t("team-find-title", { count: shown.length })}\n${lines.join("\n")}${more}`), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}
