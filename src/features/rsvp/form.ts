import type { FlowContext } from "../../bot/context.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { choiceQuestion, textQuestion } from "../../ui/form/question.js";
import { completeRegistration, type FormAnswers } from "./complete.js";
import type { GivenConsent } from "../../store/users.js";
import { detailVars } from "./notify.js";
import type { Translate } from "./questions.js";
import { formQuestion } from "./questions.js";
import { checkName } from "./rules.js";
import { escapeHtml } from "../../ui/html.js";

export const RSVP_CONVERSATION = "rsvp";
// Summary → Edit → summary rounds before the form gives up.
const MAX_EDITS = 20;

/** Names compare as people read them, case aside (checkName has already collapsed the spaces). */
const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** A full name; `taken` are the names already in the registration (a companion typed twice is a slip). */
const nameQuestion = (ctx: FlowContext, prompt = ctx.t("rsvp-ask-name"), taken: readonly string[] = []) =>
  textQuestion<string>(ctx, {
    prompt,
    maxLength: 100,
    tooLong: () => ctx.t("rsvp-error-name-length"),
    check: (text) => {
      const checked = checkName(text);
      if (!checked.ok) return { hint: ctx.t(`rsvp-error-name-${checked.reason}`) };
      const repeated = taken.find((name) => sameName(name, checked.value));
      return repeated ? { hint: ctx.t("rsvp-error-companion-repeated", { name: escapeHtml(repeated) }) } : { value: checked.value };
    },
  });

/** What the summary's Edit offers: the name, a question of the event file by its id, or back to the summary. */
const NAME = "name";
const BACK = "back";
const QUESTION = "q.";
const GROUP = "group";

function summaryText(ctx: FlowContext, answers: FormAnswers, language: string) {
  const t: Translate = (key, vars) => ctx.t(key, vars);
  return ctx.t("rsvp-summary", detailVars(ctx.deps.event, answers, t, language));
}

/** How many people the guest brings (0…rsvp.plusOnes), as buttons. */
const groupQuestion = (ctx: FlowContext, max: number) =>
  choiceQuestion<string>(ctx, {
    prompt: ctx.t("rsvp-ask-plus-ones", { max }),
    choices: Array.from({ length: max + 1 }, (_, n) => [String(n), String(n)] as const),
    columns: Math.min(max + 1, 6),
  });

/** The companions: how many, then each one's name (checked like the guest's, and unlike the names given before). */
async function askCompanions(
  form: Form,
  ctx: FlowContext,
  max: number,
  guestName: string,
  step?: { number: number; total: number },
): Promise<string[]> {
  const count = Number(await form.ask(groupQuestion(ctx, max), step));
  const names: string[] = [];
  for (let i = 1; i <= count; i++)
    names.push(await form.ask(nameQuestion(ctx, ctx.t("rsvp-ask-companion", { number: i, count }), [guestName, ...names])));
  return names;
}

/**
 * The registration form, opened once the consent is given (`consent`). `mode` "edit" starts from
 * the stored registration at the summary; nothing is stored before Confirm (the form's own state
 * expires with the conversation).
 */
export async function rsvpForm(conversation: FormConversation, ctx: FlowContext, mode: "new" | "edit" = "new", consent?: GivenConsent) {
  const form = await Form.open(conversation, ctx, {
    title: ctx.t("rsvp-form-title"),
    cancelled: ctx.t(mode === "edit" ? "rsvp-edit-left" : "rsvp-left"),
  });
  const { event } = ctx.deps;
  const language = await ctx.i18n.getLocale();
  const questions = event.rsvp.questions;
  const plusOnes = event.rsvp.plusOnes;
  const total = questions.length + 1 + (plusOnes > 0 ? 1 : 0);

  let answers: Partial<FormAnswers> = { answers: {} };
  if (mode === "edit") {
    const stored = await conversation.external((outside) => outside.deps.store.rsvps.find(outside.from!.id).then((r) => r ?? null));
    if (!stored || stored.status === "cancelled" || stored.status === "declined") return;
    answers = { name: stored.name, answers: { ...stored.answers }, companions: [...(stored.companions ?? [])].slice(0, plusOnes) };
  } else {
    // A form started before consent came first (an older deploy) has none: it ends, nothing kept.
    if (!consent) return form.end(ctx.t("rsvp-left"));
    answers.name = await form.ask(nameQuestion(ctx), { number: 1, total });
    for (const [i, q] of questions.entries())
      setAnswer(answers, q.id, await form.ask(formQuestion(ctx, language, q), { number: i + 2, total }));
    answers.companions = plusOnes > 0 ? await askCompanions(form, ctx, plusOnes, answers.name, { number: total, total }) : [];
  }

  const summary = (complete: FormAnswers) =>
    choiceQuestion(ctx, {
      prompt: summaryText(ctx, complete, language),
      choices: [
        [ctx.t("rsvp-confirm"), "confirm"],
        [ctx.t("rsvp-edit"), "edit"],
      ],
    });
  const which = choiceQuestion<string>(ctx, {
    prompt: ctx.t("rsvp-edit-which"),
    choices: [
      [ctx.t("rsvp-field-name"), NAME],
      ...questions.map((q) => [event.text(q.label, language), `${QUESTION}${q.id}`] as const),
      ...(plusOnes > 0 ? [[ctx.t("rsvp-field-companions"), GROUP] as const] : []),
      [ctx.t("rsvp-back"), BACK],
    ],
  });

  for (let round = 0; round < MAX_EDITS; round++) {
    const complete = answers as FormAnswers;
    if ((await form.ask(summary(complete))) === "confirm") {
      // The seat is taken in Redis once, with the outside context (its replies are real, not replayed).
      await conversation.external((outside) => completeRegistration(outside, complete, mode, consent));
      return;
    }
    const field = await form.ask(which);
    if (field === NAME) answers.name = await form.ask(nameQuestion(ctx));
    if (field === GROUP) answers.companions = await askCompanions(form, ctx, plusOnes, complete.name);
    const q = questions.find((question) => `${QUESTION}${question.id}` === field);
    if (q) setAnswer(answers, q.id, await form.ask(formQuestion(ctx, language, q, complete.answers[q.id])));
  }
  await form.end(ctx.t("form-too-many", { form: ctx.t("rsvp-form-title") }));
}

/** A question's answer kept, or dropped when skipped. */
function setAnswer(answers: Partial<FormAnswers>, id: string, value: string | null) {
  const next = { ...answers.answers };
  if (value === null) delete next[id];
  else next[id] = value;
  answers.answers = next;
}
