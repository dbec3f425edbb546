import { InlineKeyboard, InputFile } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import { dayjs } from "../../event/time.js";
import type { FeedbackResponse } from "../../store/feedback.js";
import { toCsv } from "../../ui/csv.js";
import { formatDecimal } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { feedbackData } from "./callback-data.js";
import { commentsOf, summariseNps, summariseScale, type ScaleSummary } from "./rules.js";

/** Room for the comments of all text questions in one message (Telegram's limit is 4096 characters). */
const COMMENTS_BUDGET = 2500;
const COMMENT_SHOWN = 300;

const distributionText = (summary: ScaleSummary) => summary.distribution.map(({ value, count }) => `${value}: ${count}`).join(" · ");

/** Comments as quoted lines, as many as fit; the rest is counted (the CSV has them all). */
function commentLines(ctx: FlowContext, comments: string[], budget: number): string {
  if (comments.length === 0) return ctx.t("feedback-stats-none");
  const lines: string[] = [];
  let used = 0;
  for (const comment of comments) {
    const shown = [...comment].length > COMMENT_SHOWN ? `${[...comment].slice(0, COMMENT_SHOWN).join("")}…` : comment;
    const line = `• ${escapeHtml(shown.replace(/\s+/g, " "))}`;
    if (used + line.length > budget) break;
    lines.push(line);
    used += line.length;
  }
  if (lines.length < comments.length) lines.push(ctx.t("feedback-stats-more", { count: comments.length - lines.length }));
  return lines.join("\n");
}

/** /feedback (organisers only: the caller checks): counts, averages, distributions, the NPS and the comments. */
export async function showFeedback(ctx: FlowContext): Promise<void> {
  const { event, store } = ctx.deps;
  const settings = event.feedback;
  if (!settings) {
    await ctx.reply(ctx.t("feedback-off"));
    return;
  }
  const language = await ctx.i18n.getLocale();
  const [responses, notices] = await Promise.all([store.feedback.all(), store.feedback.noticeCounts()]);
  const answered = responses.filter((r) => r.status === "answered");
  const budget = Math.floor(COMMENTS_BUDGET / Math.max(1, settings.questions.filter((q) => q.type === "text").length));
  const blocks = [
    ctx.t("feedback-stats", {
      surveys: notices.survey,
      noShows: notices["no-show"],
      answered: answered.length,
      skipped: responses.length - answered.length,
    }),
  ];
  for (const question of settings.questions) {
    const label = escapeHtml(event.text(question.label, language));
    if (question.type === "text") {
      const comments = commentsOf(question, answered);
      blocks.push(ctx.t("feedback-stats-text", { label, count: comments.length, comments: commentLines(ctx, comments, budget) }));
    } else if (question.type === "rating") {
      const summary = summariseScale({ id: question.id, type: "rating" }, answered);
      blocks.push(
        ctx.t("feedback-stats-rating", {
          label,
          count: summary.count,
          average: summary.average === undefined ? "—" : formatDecimal(summary.average, language, { min: 1, max: 1 }),
          distribution: distributionText(summary),
        }),
      );
    } else {
      const summary = summariseNps(question, answered);
      blocks.push(
        ctx.t("feedback-stats-nps", {
          label,
          count: summary.count,
          // No answers yet: a dash, not "—%".
          score: summary.score === undefined ? "—" : `${summary.score}%`,
          promoters: summary.promoters,
          passives: summary.passives,
          detractors: summary.detractors,
          distribution: distributionText(summary),
        }),
      );
    }
  }
  const keyboard = responses.length ? new InlineKeyboard().text(ctx.t("feedback-export-button"), feedbackData.export.pack()) : undefined;
  await ctx.reply(blocks.join("\n\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

/** Every response as CSV, a column per question in the file's order (organisers only: the caller checks). */
export async function exportFeedback(ctx: FlowContext): Promise<void> {
  const { event, store, clock } = ctx.deps;
  const settings = event.feedback;
  const responses = settings ? await store.feedback.all() : [];
  if (!settings || responses.length === 0) {
    await ctx.reply(ctx.t("feedback-export-empty"));
    return;
  }
  const time = (at: Date) => dayjs(at).tz(event.timezone).format("YYYY-MM-DD HH:mm:ssZ");
  const header = ["user_id", "status", "answered_at", "language", ...settings.questions.map((q) => q.id)];
  const row = (r: FeedbackResponse) => [
    r.userId === undefined ? "" : String(r.userId),
    r.status,
    time(r.at),
    r.language,
    ...settings.questions.map((q) => r.answers[q.id] ?? ""),
  ];
  const stamp = dayjs(clock()).tz(event.timezone).format("YYYY-MM-DD-HHmm");
  const filename = `${event.id}-feedback-${stamp}.csv`;
  await store.audit.record(ctx.from!.id, "export-feedback", `feedback, ${responses.length} rows, ${filename}`, clock());
  await ctx.replyWithDocument(new InputFile(toCsv([header, ...responses.map(row)]), filename), {
    caption: ctx.t("feedback-export-caption", { count: responses.length }),
  });
}
