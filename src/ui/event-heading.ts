import type { FlowContext } from "../bot/context.js";
import { escapeHtml } from "./html.js";

/**
 * The line that says which event a screen is about (HTML, ending in a blank line), or "" when the
 * series has one event: the menu and every event screen put it on top through this one formatter.
 */
export async function eventHeading(ctx: FlowContext): Promise<string> {
  const { series, event } = ctx.deps;
  if (series.events.length < 2) return "";
  const title = event.text(event.title, await ctx.i18n.getLocale());
  return `${ctx.t("event-heading", { title: escapeHtml(title) })}\n\n`;
}

/** `text` under the event heading (unchanged in a series of one). */
export async function withEventHeading(ctx: FlowContext, text: string): Promise<string> {
  return `${await eventHeading(ctx)}${text}`;
}
