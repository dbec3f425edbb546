import type { FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { ideaStatusKey } from "../../ui/labels.js";
import type { Idea } from "../../store/ideas.js";
import { excerpt } from "./rules.js";
import { categoryLabel } from "./notify.js";

/** The heading line of an idea followed by its text and the organisers' answer: HTML. */
export function ideaCard(ctx: FlowContext, idea: Idea, language: string, maxText = 2000): string {
  const lines = [
    ctx.t("ideas-card", {
      id: String(idea.id),
      category: escapeHtml(categoryLabel(ctx.deps, idea.category, language)),
      status: ctx.t(ideaStatusKey(idea.status)),
      supports: idea.supports,
    }),
    escapeHtml([...idea.text].length <= maxText ? idea.text : excerpt(idea.text, maxText)),
  ];
  if (idea.answer) lines.push(ctx.t("ideas-answer-line", { answer: escapeHtml(idea.answer) }));
  const during = idea.eventId === undefined ? undefined : ctx.deps.series.byId(idea.eventId);
  if (during) lines.push(ctx.t("ideas-card-event", { title: escapeHtml(during.text(during.title, language)) }));
  return lines.join("\n");
}

/** Keeps a message under Telegram's 4096 characters by dropping whole blocks at the end. */
export function fitMessage(blocks: string[], max = 3900): string {
  let text = "";
  for (const block of blocks) {
    const next = text ? `${text}\n\n${block}` : block;
    if (next.length > max) break;
    text = next;
  }
  return text;
}
