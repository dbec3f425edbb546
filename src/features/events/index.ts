import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import type { EventInfo } from "../../event/load.js";
import { isAdmin } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { formatMomentIn, seriesNameVars } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { mainMenuKeyboard, menuData, sendMainMenu } from "../../ui/keyboards.js";
import { showScreen } from "../../ui/screens.js";
import { withEventHeading } from "../../ui/event-heading.js";
import { enterEventData, openEventData, seriesCalendarData } from "./callback-data.js";
import { archiveScreen } from "./archive.js";
import { sendSeriesCalendar } from "./calendar.js";

/** The deep link that opens one event: /start e_<event id>. */
export const EVENT_LINK_PREFIX = "e_";

/** Whether the user holds a place in the event (confirmed or on its waiting list). */
async function registeredFor(ctx: FlowContext, event: EventInfo): Promise<boolean> {
  const userId = ctx.from?.id;
  if (userId === undefined) return false;
  const rsvp = await ctx.deps.store.forEvent(event.id).rsvps.find(userId);
  return rsvp?.status === "confirmed" || rsvp?.status === "waitlisted";
}

/** The list: upcoming events (soonest first), then past ones; organisers also get each event's deep link. */
async function eventsScreen(ctx: FlowContext, intro?: string): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { series, clock } = ctx.deps;
  const language = await ctx.i18n.getLocale();
  const now = clock();
  const keyboard = new InlineKeyboard();
  let anyRegistered = false;
  // Times are wall-clock in each event's zone: named when the events do not share one.
  const severalZones = new Set(series.events.map((event) => event.timezone)).size > 1;
  const line = async (event: EventInfo) => {
    const title = event.text(event.title, language);
    const registered = await registeredFor(ctx, event);
    anyRegistered ||= registered;
    const moment = formatMomentIn({ event, i18n: ctx.deps.i18n }, language, event.startsAt);
    const when = severalZones ? `${moment} (${event.timezone})` : moment;
    keyboard.text(`${registered ? "✅ " : ""}${title}`, openEventData.pack({ id: event.id })).row();
    return ctx.t("events-line", { registered: registered ? "yes" : "no", when, title: escapeHtml(title) });
  };
  const upcoming = series.upcoming(now);
  const past = series.past(now);
  const lines: string[] = [];
  if (intro) lines.push(intro, "");
  lines.push(ctx.t("events-title", await seriesNameVars(ctx)), "", ctx.t("events-upcoming"));
  if (upcoming.length === 0) lines.push(ctx.t("events-none-upcoming"));
  for (const event of upcoming) lines.push(await line(event));
  if (past.length > 0) {
    lines.push("", ctx.t("events-past"));
    for (const event of past) lines.push(await line(event));
  }
  if (anyRegistered) lines.push("", ctx.t("events-registered-note"));
  if (isAdmin(ctx) && ctx.me.username) {
    lines.push("", ctx.t("events-links-title"));
    for (const event of series.events) {
      if (series.isArchived(event.id)) continue;
      const link = `https://t.me/${ctx.me.username}?start=${EVENT_LINK_PREFIX}${event.id}`;
      lines.push(ctx.t("events-link", { title: escapeHtml(event.text(event.title, language)), link }));
    }
  }
  lines.push("", ctx.t("events-choose"));
  if (upcoming.length > 0) keyboard.text(ctx.t("events-calendar-button"), seriesCalendarData.pack()).row();
  keyboard.text(ctx.t("menu-notifications"), menuData.notifications.pack()).row();
  keyboard.text(ctx.t("menu-back"), menuData.home.pack());
  return { text: lines.join("\n"), keyboard };
}

/** Remembers the event for this user and opens its menu (the context switches to its dependencies now). */
async function openEvent(ctx: FlowContext, event: EventInfo): Promise<void> {
  ctx.session.eventId = event.id;
  ctx.deps = ctx.deps.depsOf(event.id) ?? ctx.deps;
  const language = await ctx.i18n.getLocale();
  const when = formatMomentIn(ctx.deps, language, event.startsAt);
  const text = await withEventHeading(
    ctx,
    `${ctx.t("events-opened", { title: escapeHtml(event.text(event.title, language)), when })}\n\n${ctx.t("menu-title")}`,
  );
  await showScreen(ctx, text, mainMenuKeyboard(ctx));
}

/** An unknown or removed event: the series' list as it is now, or in a one-event bot its menu (not a list of one). */
async function showUnknownEvent(ctx: FlowContext): Promise<void> {
  if (ctx.deps.series.events.length === 1) return sendMainMenu(ctx, ctx.t("events-unknown-single"));
  const { text, keyboard } = await eventsScreen(ctx, ctx.t("events-unknown"));
  await showScreen(ctx, text, keyboard);
}

export const eventsFeature = new Composer<BotContext>();
const privateChat = eventsFeature.chatType("private");

// Before the menu's /start: the event deep link (/start e_<id>).
privateChat.command("start", async (ctx, next) => {
  const payload = ctx.match.trim();
  if (!payload.startsWith(EVENT_LINK_PREFIX)) return next();
  const { series } = ctx.deps;
  const event = series.byId(payload.slice(EVENT_LINK_PREFIX.length));
  // An archived event (its file removed) has no menu: its summary.
  if (event && series.isArchived(event.id)) {
    const archive = await archiveScreen(ctx, event);
    return void (await ctx.reply(archive.text, { parse_mode: "HTML", reply_markup: archive.keyboard }));
  }
  if (event) return openEvent(ctx, event);
  await showUnknownEvent(ctx);
});

privateChat.command("events", async (ctx) => {
  const { text, keyboard } = await eventsScreen(ctx);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard, link_preview_options: { is_disabled: true } });
});

privateChat.use(
  onTap(menuData.events, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, keyboard } = await eventsScreen(ctx);
    await showScreen(ctx, text, keyboard);
  }),
);

privateChat.use(
  onTap(openEventData, async (ctx) => {
    const event = ctx.deps.series.byId(ctx.callbackData.id);
    if (!event) {
      // A button of an event that has since been removed: the list as it is now.
      await ctx.answerCallbackQuery();
      return showUnknownEvent(ctx);
    }
    await ctx.answerCallbackQuery();
    // A past event opens on its summary (the archive); "Open" goes on to its menu.
    if (event.endsAt <= ctx.deps.clock() || ctx.deps.series.isArchived(event.id)) {
      const archive = await archiveScreen(ctx, event);
      return showScreen(ctx, archive.text, archive.keyboard);
    }
    await openEvent(ctx, event);
  }),
);

privateChat.use(
  onTap(enterEventData, async (ctx) => {
    const event = ctx.deps.series.byId(ctx.callbackData.id);
    await ctx.answerCallbackQuery();
    if (!event || ctx.deps.series.isArchived(event.id)) return showUnknownEvent(ctx);
    await openEvent(ctx, event);
  }),
);

privateChat.use(onTap(seriesCalendarData, sendSeriesCalendar));
