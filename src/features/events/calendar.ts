import { InputFile } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import { buildSeriesCalendarFile } from "../../ui/calendar.js";

/** "Add all to calendar": the series' upcoming events as one .ics file, in the user's language. */
export async function sendSeriesCalendar(ctx: FlowContext): Promise<void> {
  const { series, clock } = ctx.deps;
  const upcoming = series.upcoming(clock());
  if (upcoming.length === 0) {
    await ctx.answerCallbackQuery({ text: ctx.t("events-calendar-none"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const language = await ctx.i18n.getLocale();
  const name = series.title && series.text(series.title, language);
  const file = buildSeriesCalendarFile(upcoming, language, name);
  await ctx.replyWithDocument(new InputFile(Buffer.from(file, "utf8"), "events.ics"), {
    caption: ctx.t("events-calendar-caption", { count: upcoming.length }),
  });
}
