import type { Series } from "../event/series.js";
import { isSupportedLanguage } from "../event/schema.js";
import { buildSeriesCalendarFile } from "../ui/calendar.js";
import type { Route } from "./http-server.js";

/** The feed's path on the bot's HTTP server. */
export const CALENDAR_FEED_PATH = "/calendar.ics";

/**
 * GET /calendar.ics: the series' upcoming events as one calendar, for subscription in a calendar app
 * (`?lang=kk` picks the language; default the series' first). Public: it holds only the event files' texts.
 */
export function calendarFeedRoute(options: { series: () => Series; clock: () => Date }): Route {
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== CALENDAR_FEED_PATH) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    const series = options.series();
    const asked = url.searchParams.get("lang") ?? undefined;
    const language = isSupportedLanguage(asked) ? asked : series.languages[0]!;
    const body = buildSeriesCalendarFile(series.upcoming(options.clock()), language, series.title && series.text(series.title, language));
    res.writeHead(200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="calendar.ics"',
      "cache-control": "public, max-age=300",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
