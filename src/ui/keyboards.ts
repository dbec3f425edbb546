import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../bot/context.js";
import { callbackData } from "./callback-data.js";
import { withEventHeading } from "./event-heading.js";

/** The main menu's buttons: each opens the screen of the feature it names (home is the menu itself). */
export const menuData = {
  home: callbackData("menu:home"),
  info: callbackData("menu:info"),
  rsvp: callbackData("menu:rsvp"),
  contest: callbackData("menu:contest"),
  idea: callbackData("menu:idea"),
  language: callbackData("menu:language"),
  /** The series' events (src/features/events); shown when the series has more than one. */
  events: callbackData("menu:events"),
  /** The series' notifications setting (src/features/followers). */
  notifications: callbackData("menu:notifications"),
};

/** The main menu: every feature's screens lead back to it, so it lives here rather than in one feature. */
export function mainMenuKeyboard(ctx: FlowContext): InlineKeyboard {
  const { event, series } = ctx.deps;
  // Only what the event file has: an event without a contest or ideas, or a bot in one language, gets no button that leads nowhere.
  const buttons = [
    InlineKeyboard.text(ctx.t("menu-info"), menuData.info.pack()),
    InlineKeyboard.text(ctx.t("menu-rsvp"), menuData.rsvp.pack()),
    ...(event.contest ? [InlineKeyboard.text(ctx.t("menu-contest"), menuData.contest.pack())] : []),
    ...(event.ideas ? [InlineKeyboard.text(ctx.t("menu-idea"), menuData.idea.pack())] : []),
    ...(series.languages.length > 1 ? [InlineKeyboard.text(ctx.t("menu-language"), menuData.language.pack())] : []),
    ...(series.events.length > 1 ? [InlineKeyboard.text(ctx.t("menu-events"), menuData.events.pack())] : []),
  ];
  return InlineKeyboard.from([buttons]).toFlowed(2);
}

/** The button back to the main menu, for the bottom of every screen: added to `keyboard`, or alone. */
export function backToMenuKeyboard(ctx: FlowContext, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard.text(ctx.t("menu-back"), menuData.home.pack());
}

export async function sendMainMenu(ctx: FlowContext, intro?: string): Promise<void> {
  const text = await withEventHeading(ctx, intro ? `${intro}\n\n${ctx.t("menu-title")}` : ctx.t("menu-title"));
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: mainMenuKeyboard(ctx) });
}
