import type { FlowContext } from "../../bot/context.js";
import type { FeedbackQuestion } from "../../event/schema.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { choiceQuestion, rows, textQuestion, type Question } from "../../ui/form/question.js";
import { escapeHtml } from "../../ui/html.js";
import { scaleOf } from "./rules.js";

export const FEEDBACK_CONVERSATION = "feedback";
/** The longest comment taken. */
export const COMMENT_MAX_LENGTH = 1000;
const SKIP = "skip";

/** One question of the event file as a form question: its value as stored, or undefined when skipped. */
function surveyQuestion(ctx: FlowContext, question: FeedbackQuestion, language: string): Question<string | undefined> {
  const prompt = `<b>${escapeHtml(ctx.deps.event.text(question.label, language))}</b>`;
  const skip: Array<[string, string]> = question.required ? [] : [[ctx.t("feedback-skip-question"), SKIP]];
  if (question.type === "text") {
    return textQuestion<string | undefined>(ctx, {
      prompt: question.required ? prompt : `${prompt}\n${ctx.t("feedback-text-optional")}`,
      buttons: skip.length ? [skip] : undefined,
      maxLength: COMMENT_MAX_LENGTH,
      check: (text) => (text.trim() ? { value: text.trim() } : { hint: ctx.t("form-text-expected") }),
      onButton: (value) => (value === SKIP && !question.required ? { value: undefined } : undefined),
    });
  }
  const scale = scaleOf(question.type).map((n) => [String(n), String(n)] as const);
  const base = choiceQuestion<string>(ctx, {
    prompt: `${prompt}\n${ctx.t(question.type === "rating" ? "feedback-rating-hint" : "feedback-nps-hint")}`,
    choices: [...scale, ...skip.map(([label, value]) => [label, value] as const)],
    hint: ctx.t("feedback-use-buttons"),
  });
  // 1–5 on one row; 0–10 as 0–5 and 6–10; Skip under them.
  const buttons = question.type === "rating" ? rows([...scale], 5) : [scale.slice(0, 6), scale.slice(6)];
  return {
    ...base,
    buttons: skip.length ? [...buttons, skip] : buttons,
    read: (answer, update) => {
      const reading = base.read(answer, update);
      if (reading && "value" in reading && reading.value === SKIP) return { value: undefined };
      return reading as ReturnType<Question<string | undefined>["read"]>;
    },
  };
}

/**
 * The survey: each question of the event file through the one form helper, then the response
 * stored once (a second response, from another tap of Start, is refused politely).
 */
export async function feedbackConversation(conversation: FormConversation, ctx: FlowContext): Promise<void> {
  const settings = ctx.deps.event.feedback;
  if (!settings) return;
  const language = await ctx.i18n.getLocale();
  const form = await Form.open(conversation, ctx, { title: ctx.t("feedback-form-title"), cancelled: ctx.t("feedback-cancelled") });
  const answers: Record<string, string> = {};
  const total = settings.questions.length;
  for (const [i, question] of settings.questions.entries()) {
    const value = await form.ask(surveyQuestion(ctx, question, language), { number: i + 1, total });
    if (value !== undefined) answers[question.id] = value;
  }
  const recorded = await conversation.external((outside) =>
    outside.deps.store.feedback.record(outside.from!.id, { status: "answered", at: outside.deps.clock(), language, answers }),
  );
  await ctx.reply(ctx.t(recorded ? "feedback-thanks" : "feedback-already"));
}
