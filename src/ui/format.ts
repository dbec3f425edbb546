import { dayjs, durationToNow, eventPhase, formatMoment, formatSpan, relativeToNow } from "../event/time.js";
import type { BotDeps, FlowContext } from "../bot/context.js";
import { escapeHtml } from "./html.js";

const decimalFormats = new Map<string, Intl.NumberFormat>();

/** A number with up to `digits` decimals as the language writes it: «4,5» in Russian and Kazakh, «4.5» in English. */
export function formatDecimal(value: number, language: string, digits: { min?: number; max: number }): string {
  const key = `${language}|${digits.min ?? 0}|${digits.max}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: digits.min ?? 0, maximumFractionDigits: digits.max });
    decimalFormats.set(key, format);
  }
  return format.format(value);
}

/** Items as the user's language lists them: "a, b and c", or "a, b or c"; the joiners are the locale files' (ICU's Kazakh has none). */
export function formatList(ctx: FlowContext, items: readonly string[], joiner: "and" | "or"): string {
  if (items.length < 2) return items.join("");
  return ctx.t(`list-${joiner}`, { rest: items.slice(0, -1).join(", "), last: items.at(-1)! });
}

/** The series' title for texts that name it ($series, HTML) and whether it has one ($titled: "no" says "this series"). */
export async function seriesNameVars(ctx: FlowContext): Promise<{ series: string; titled: "yes" | "no" }> {
  const { series } = ctx.deps;
  if (!series.title) return { series: "", titled: "no" };
  return { series: escapeHtml(series.text(series.title, await language(ctx))), titled: "yes" };
}

/** Date and time patterns of the user's language, from its locale file. */
function patterns(ctx: FlowContext) {
  return { date: ctx.t("date-pattern"), time: ctx.t("time-pattern") };
}

async function language(ctx: FlowContext) {
  return ctx.i18n.getLocale();
}

// Time-zone conversion is the costliest step of a reply; the same few moments are formatted
// again and again, so each text is computed once per zone, moment and language.
const formatted = new Map<string, string>();
function remember(key: string, compute: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 10_000) formatted.clear();
    text = compute();
    formatted.set(key, text);
  }
  return text;
}

/** «30 ноября 2017, 9:00–13:00» in the event's zone and the user's language. */
export async function eventWhen(ctx: FlowContext): Promise<string> {
  const { event } = ctx.deps;
  const lang = await language(ctx);
  const style = patterns(ctx);
  return remember(`span|${event.timezone}|${event.startsAt.getTime()}|${event.endsAt.getTime()}|${lang}|${style.date}|${style.time}`, () =>
    formatSpan(event.startsAt, event.endsAt, event.timezone, lang, style),
  );
}

/**
 * A moment such as a deadline, in the event's zone and a language, with that language's patterns:
 * the one way a date and time is written for people (in an update or outside one).
 */
export function formatMomentIn(deps: Pick<BotDeps, "event" | "i18n">, language: string, at: Date): string {
  const style = { date: deps.i18n.t(language, "date-pattern"), time: deps.i18n.t(language, "time-pattern") };
  const zone = deps.event.timezone;
  return remember(`moment|${zone}|${at.getTime()}|${language}|${style.date}|${style.time}`, () => formatMoment(at, zone, language, style));
}

/** «10 мая 2027»: a calendar day (YYYY-MM-DD, already in the event's zone) in the user's language. */
export async function dayText(ctx: FlowContext, day: string): Promise<string> {
  return dayjs(day)
    .locale(await language(ctx))
    .format(ctx.t("date-pattern"));
}

/** A moment such as a deadline, in the event's zone and the user's language. */
export async function momentText(ctx: FlowContext, at: Date): Promise<string> {
  return formatMomentIn(ctx.deps, await language(ctx), at);
}

/** «Starts in 5 days», «Happening now» or «already took place». */
export async function countdownText(ctx: FlowContext): Promise<string> {
  const { event, clock } = ctx.deps;
  const now = clock();
  switch (eventPhase(now, event.startsAt, event.endsAt)) {
    case "upcoming": {
      const lang = await language(ctx);
      return ctx.t("info-countdown-upcoming", {
        relative: relativeToNow(event.startsAt, now, lang),
        duration: durationToNow(event.startsAt, now, lang),
      });
    }
    case "ongoing":
      return ctx.t("info-countdown-ongoing");
    case "past":
      return ctx.t("info-countdown-past");
  }
}

/** An event-file text in the user's language. */
export async function eventText(ctx: FlowContext, value: Parameters<FlowContext["deps"]["event"]["text"]>[0]) {
  return ctx.deps.event.text(value, await language(ctx));
}

/** «30 ноября 2017, 9:00–13:00» for any event of the series, in its zone and a language (the archive). */
export function eventSpanIn(deps: Pick<BotDeps, "i18n">, event: BotDeps["event"], language: string): string {
  const style = { date: deps.i18n.t(language, "date-pattern"), time: deps.i18n.t(language, "time-pattern") };
  return remember(
    `span|${event.timezone}|${event.startsAt.getTime()}|${event.endsAt.getTime()}|${language}|${style.date}|${style.time}`,
    () => formatSpan(event.startsAt, event.endsAt, event.timezone, language, style),
  );
}
