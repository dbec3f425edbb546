import type { FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { ideaStatusKey } from "../../ui/labels.js";
import type { Idea } from "../../store/ideas.js";
import type { Milestone } from "../../store/idea-updates.js";
import { excerpt } from "./rules.js";
import { categoryLabel } from "./notify.js";

/** The milestone timeline, oldest first (HTML lines; none without milestones). */
export function milestoneLines(ctx: FlowContext, milestones: readonly Milestone[]): string[] {
  if (milestones.length === 0) return [];
  return [
    ctx.t("ideas-milestones-title"),
    ...milestones.map((milestone) => ctx.t("ideas-milestone-line", { date: milestone.date, text: escapeHtml(milestone.text) })),
  ];
}

/** The heading line of an idea followed by its text, the organisers' answer, the milestones and a merge: HTML. */
export function ideaCard(ctx: FlowContext, idea: Idea, language: string, maxText = 2000, milestones: readonly Milestone[] = []): string {
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
  lines.push(...milestoneLines(ctx, milestones));
  if (idea.mergedInto) lines.push(ctx.t("ideas-merged-line", { id: String(idea.mergedInto) }));
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
