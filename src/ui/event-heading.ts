import type { BotDeps, FlowContext } from "../bot/context.js";
import { escapeHtml } from "./html.js";

/**
 * The line that says which event a message is about (HTML, ending in a blank line), or "" when the
 * series has one event: the menu, every event screen, quiz questions and tickets put it on top through this one formatter.
 */
export function eventHeadingIn(deps: Pick<BotDeps, "series" | "event" | "i18n">, language: string): string {
  const { series, event } = deps;
  if (series.events.length < 2) return "";
  return `${deps.i18n.t(language, "event-heading", { title: escapeHtml(event.text(event.title, language)) })}\n\n`;
}

export async function eventHeading(ctx: FlowContext): Promise<string> {
  return eventHeadingIn(ctx.deps, await ctx.i18n.getLocale());
}

/** `text` under the event heading (unchanged in a series of one). */
export async function withEventHeading(ctx: FlowContext, text: string): Promise<string> {
  return `${await eventHeading(ctx)}${text}`;
}
