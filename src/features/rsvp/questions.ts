import type { FlowContext } from "../../bot/context.js";
import type { EventInfo } from "../../event/load.js";
import type { RsvpQuestion } from "../../event/schema.js";
import { DEFAULT_MAX_LENGTH } from "../../ui/form/ask.js";
import { rows, textQuestion, typedChoice, type Choice, type Question, type Reading } from "../../ui/form/question.js";
import { escapeHtml } from "../../ui/html.js";
import { formatDecimal } from "../../ui/format.js";
import type { RsvpAnswers } from "../../store/rsvps.js";
import { checkNumber, checkText, normaliseEmail, normalisePhone, phoneCountryOf, phoneExamples, phoneForReading } from "./rules.js";

/** A translation in one language (ctx.t, or i18n.t for a guest's own language). */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The registration questions of the event file (`rsvp.questions`) as form questions, and their
 * answers as people read them. An answer is stored as a string (rsvps.ts): a choice's option id, a
 * multi's option ids joined by ",", "yes"/"no", a number, a text, an e-mail or an E.164 phone.
 */

/** Answers that name or reach a person: erased by retention (with the name), never logged. */
const PERSONAL_TYPES: ReadonlySet<RsvpQuestion["type"]> = new Set(["text", "email", "phone"]);
export const personalQuestionIds = (event: EventInfo): string[] =>
  event.rsvp.questions.filter((q) => PERSONAL_TYPES.has(q.type)).map((q) => q.id);

/** The options of a choice, multi or yes_no question: id and label in the language. */
function optionsOf(q: RsvpQuestion): { id: string; label: (event: EventInfo, t: Translate, language: string) => string }[] {
  if (q.type === "yes_no") return ["yes", "no"].map((id) => ({ id, label: (_e, t) => t(`rsvp-answer-${id}`) }));
  return (q.options ?? []).map((option) => ({ id: option.id, label: (event, _t, language) => event.text(option.label, language) }));
}

/**
 * What /stats says of a question over the registrations' answers, in HTML: a count per option of a
 * choice, multi or yes/no question (in the options' order, then those who skipped it), the total and average of a number
 * question; nothing for the rest, whose answers are people's own words or contacts.
 */
export function statsLines(event: EventInfo, q: RsvpQuestion, answers: RsvpAnswers[], t: Translate, language: string): string | undefined {
  if (q.type === "number") {
    const values = answers
      .map((a) => a[q.id])
      .filter((value) => value !== undefined && value !== "")
      .map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    const decimal = (value: number) => formatDecimal(value, language, { max: 1 });
    return t("rsvp-stats-number", {
      total: decimal(total),
      average: values.length ? decimal(total / values.length) : "—",
      answered: values.length,
    });
  }
  const options = optionsOf(q);
  if (options.length === 0) return undefined;
  const lines = options.map((option) => {
    const count = answers.filter((a) => (a[q.id] ?? "").split(",").includes(option.id)).length;
    return `${escapeHtml(option.label(event, t, language))}: ${count}`;
  });
  // Guests who skipped it are counted too, so none is missing from the question's lines.
  const skipped = answers.filter((a) => (a[q.id] ?? "") === "").length;
  if (skipped > 0) lines.push(t("rsvp-stats-not-given", { count: skipped }));
  return lines.join("\n");
}

/** An answer as read in the language: option labels (a multi's joined by "; "), yes/no words, decimals; undefined when not answered. */
export function answerText(
  event: EventInfo,
  q: RsvpQuestion,
  value: string | undefined,
  t: Translate,
  language: string,
): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (q.type === "number" && Number.isFinite(Number(value))) return formatDecimal(Number(value), language, { max: 20 });
  if (q.type === "phone") return phoneForReading(value);
  const options = optionsOf(q);
  if (options.length === 0) return value;
  // An option taken out of the file since is shown by its id rather than lost.
  const label = (id: string) => options.find((option) => option.id === id)?.label(event, t, language) ?? id;
  return value.split(",").map(label).join("; ");
}

/** Room for the answer lines in one message, beside the name, up to 10 companions and a card's status (4,096 characters in all). */
const ANSWERS_ROOM = 2_500;

/** Texts within `room` characters together: the short ones whole, the longer ones cut (…) to an equal share of what is left. */
function fairShares(texts: readonly string[], room: number): string[] {
  if (texts.reduce((sum, text) => sum + text.length, 0) <= room) return [...texts];
  const shown = [...texts];
  let left = room;
  const shortestFirst = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
  for (const [done, i] of shortestFirst.entries()) {
    const share = Math.floor(left / (texts.length - done));
    if (texts[i]!.length > share) shown[i] = `${texts[i]!.slice(0, Math.max(0, share - 1)).trimEnd()}…`;
    left -= shown[i]!.length;
  }
  return shown;
}

/**
 * The answers as lines (“Which sector…? — Media”) for the summary, “My registration” and the door
 * card, in HTML; long text answers shortened to fit one message (/export has them whole).
 */
export function answerLines(event: EventInfo, answers: RsvpAnswers, t: Translate, language: string): string {
  const questions = event.rsvp.questions;
  const labels = questions.map((q) => event.text(q.label, language));
  const texts = questions.map((q) => answerText(event, q, answers[q.id], t, language) ?? t("rsvp-not-answered"));
  const room = ANSWERS_ROOM - labels.reduce((sum, label) => sum + label.length + 4, 0);
  const shown = fairShares(texts, room);
  return questions.map((_, i) => t("rsvp-answer-line", { label: escapeHtml(labels[i]!), answer: escapeHtml(shown[i]!) })).join("\n");
}

const OPTION = "o.";
const SKIP = "skip";
const DONE = "done";

/** A question left unanswered keeps "not given" as its answer, as the summary shows it, not the Skip button's label. */
const notAnswered = (ctx: FlowContext) => ({ value: null, chosen: ctx.t("rsvp-not-answered") });

/**
 * A question of the event file as a form question, in the user's language. Its value is the stored
 * string, or null when skipped (optional questions only). `current` is the answer being edited (a
 * multi starts from it). Make one per asking: a multi keeps the toggles of its run in it.
 */
export function formQuestion(ctx: FlowContext, language: string, q: RsvpQuestion, current?: string): Question<string | null> {
  const { event } = ctx.deps;
  const t: Translate = (key, vars) => ctx.t(key, vars);
  const hintLine = q.hint ? `\n${escapeHtml(event.text(q.hint, language))}` : "";
  const boundsLine = q.type === "number" ? numberBounds(ctx, q) : "";
  const prompt = `${escapeHtml(event.text(q.label, language))}${hintLine}${boundsLine && `\n${boundsLine}`}`;
  const skipRow: Choice[][] = q.required ? [] : [[[ctx.t("rsvp-skip"), SKIP]]];
  const skipped = (value: string) => (value === SKIP && !q.required ? notAnswered(ctx) : undefined);

  switch (q.type) {
    case "choice":
    case "yes_no": {
      const options = optionsOf(q).map((o) => [o.label(event, t, language), `${OPTION}${o.id}`] as Choice);
      const ids = new Set(options.map(([, value]) => value));
      return {
        prompt,
        buttons: [...rows(options, q.type === "yes_no" || options.length >= 4 ? 2 : 1), ...skipRow],
        wrongType: ctx.t("form-use-buttons"),
        read: (answer) => {
          if (answer.kind !== "button") {
            const typed = answer.kind === "text" ? typedChoice(options, answer.text) : undefined;
            return typed === undefined ? { hint: ctx.t("form-use-buttons") } : { value: typed.slice(OPTION.length) };
          }
          if (ids.has(answer.value)) return { value: answer.value.slice(OPTION.length) };
          if (answer.value === SKIP) return skipped(answer.value);
          // A form opened before the questions came from the file has the bare id in its kept taps (the sector).
          return ids.has(`${OPTION}${answer.value}`) ? { value: answer.value } : undefined;
        },
      };
    }
    case "multi":
      return multiQuestion(ctx, language, q, prompt, skipRow, current);
    case "phone":
      return phoneQuestion(ctx, q, prompt);
    default:
      return textQuestion<string | null>(ctx, {
        prompt,
        buttons: skipRow,
        maxLength: q.type === "text" ? (q.max ?? DEFAULT_MAX_LENGTH) : q.type === "email" ? 254 : 40,
        check: (typed) => checkTyped(ctx, q, typed),
        onButton: skipped,
      });
  }
}

/** What a number question takes, said before the first answer; "" when any number will do. */
function numberBounds(ctx: FlowContext, q: RsvpQuestion): string {
  const whole = q.whole ? "yes" : "no";
  if (q.max !== undefined) return ctx.t("rsvp-number-between", { min: q.min ?? 0, max: q.max, whole });
  if (q.min !== undefined) return ctx.t("rsvp-number-at-least", { min: q.min, whole });
  return q.whole ? ctx.t("rsvp-number-whole") : "";
}

/** A whole number within the question's bounds, 2 when they allow it. */
function wholeExample(min = -Infinity, max = Infinity): number {
  return Math.min(Math.max(2, Math.ceil(min)), Math.floor(max));
}

function checkTyped(ctx: FlowContext, q: RsvpQuestion, typed: string): { value: string } | { hint: string } {
  if (q.type === "email") {
    const email = normaliseEmail(typed);
    return email ? { value: email } : { hint: ctx.t("rsvp-error-email") };
  }
  if (q.type === "number") {
    // The file's bounds are never negative (schema): a count or a size below 0 is a slip, not an answer.
    const min = q.min ?? 0;
    const checked = checkNumber(typed, min, q.max, q.whole);
    if (checked.ok) return { value: checked.value };
    // The example and the bounds said are ones the question takes: "e.g. 2" is no help when the least is 14.
    if (checked.reason === "not-whole") return { hint: ctx.t("rsvp-error-number-whole", { example: wholeExample(min, q.max) }) };
    if (q.max !== undefined) return { hint: ctx.t("rsvp-error-number-range", { min, max: q.max }) };
    if (q.min !== undefined || checked.reason === "range") return { hint: ctx.t("rsvp-error-number-min", { min }) };
    return { hint: ctx.t("rsvp-error-number") };
  }
  const checked = checkText(typed, q.min);
  return checked.ok ? { value: checked.value } : { hint: ctx.t("rsvp-error-text-short", { min: checked.min }) };
}

/** A phone: the user's own shared contact (the reply keyboard's button) or a typed number, normalised to E.164. */
function phoneQuestion(ctx: FlowContext, q: RsvpQuestion, prompt: string): Question<string | null> {
  const saved = (phone: string) => ({ value: phone, note: ctx.t("rsvp-contact-saved", { contact: escapeHtml(phoneForReading(phone)) }) });
  const skip = ctx.t("rsvp-skip");
  const notGiven = ctx.t("form-chosen", { choice: ctx.t("rsvp-not-answered") });
  const country = phoneCountryOf(ctx.deps.event.timezone);
  // Built when needed: a form's question is made again for every update of its conversation.
  const wrongPhone = () => ({ hint: ctx.t("rsvp-error-phone", { examples: phoneExamples(country) }) });
  return {
    prompt,
    reply: { contact: ctx.t("rsvp-share-phone"), buttons: q.required ? [] : [[skip, SKIP]] },
    maxLength: 40,
    wrongType: ctx.t("form-text-expected"),
    read: (answer, update) => {
      // Under the removed keyboard, what the summary will say (not "Saved" for no phone).
      if (answer.kind === "button") return answer.value === SKIP && !q.required ? { value: null, note: notGiven } : undefined;
      if (answer.kind === "contact") {
        // Only the user's own card: someone else's contact is not a way to register them.
        if (answer.userId !== update.from?.id) return { hint: ctx.t("rsvp-error-contact-not-yours") };
        const phone = normalisePhone(answer.phone.startsWith("+") ? answer.phone : `+${answer.phone}`);
        return phone ? saved(phone) : wrongPhone();
      }
      if (answer.kind !== "text") return undefined;
      const phone = normalisePhone(answer.text, country);
      return phone ? saved(phone) : wrongPhone();
    },
  };
}

/** How many options a multi takes, said before the first tap; "" when any number will do. */
function multiBounds(ctx: FlowContext, min: number, max: number, options: number): string {
  if (min <= 1 && max >= options) return "";
  if (min === max) return ctx.t("rsvp-multi-exactly", { min });
  if (min <= 1) return ctx.t("rsvp-multi-at-most", { max });
  return max >= options ? ctx.t("rsvp-multi-at-least", { min }) : ctx.t("rsvp-multi-between", { min, max });
}

/**
 * Several options: each tap toggles one (✅) and redraws the question in place; Done answers with
 * the chosen ids, between min (1 when required) and max. The toggles live in this closure, rebuilt
 * the same on every replay from the kept taps.
 */
function multiQuestion(
  ctx: FlowContext,
  language: string,
  q: RsvpQuestion,
  prompt: string,
  skipRow: Choice[][],
  current?: string,
): Question<string | null> {
  const t: Translate = (key, vars) => ctx.t(key, vars);
  const options = optionsOf(q).map((o) => ({ id: o.id, label: o.label(ctx.deps.event, t, language) }));
  const chosen = new Set((current ?? "").split(",").filter((id) => options.some((o) => o.id === id)));
  const min = q.min ?? (q.required ? 1 : 0);
  const max = q.max ?? options.length;
  const shownPrompt = [prompt, ctx.t("rsvp-multi-hint"), multiBounds(ctx, min, max, options.length)].filter(Boolean).join("\n");
  const buttons = (): Choice[][] => [
    ...rows(
      options.map((o) => [`${chosen.has(o.id) ? "✅ " : ""}${o.label}`, `${OPTION}${o.id}`] as Choice),
      options.length >= 4 ? 2 : 1,
    ),
    [[ctx.t("rsvp-multi-done"), DONE]],
    ...skipRow,
  ];
  const picked = (ids: typeof options): Reading<string | null> => {
    if (ids.length === 0 && !q.required) return notAnswered(ctx);
    if (ids.length < min) return { hint: ctx.t("rsvp-error-multi-min", { min }) };
    if (ids.length > max) return { hint: multiBounds(ctx, min, max, options.length) };
    return { value: ids.map((o) => o.id).join(","), chosen: ids.map((o) => o.label).join("; ") };
  };
  /** Labels typed instead of tapped ("walk, talks"): the whole answer, as its taps and Done would give; "Done" typed is the tap. */
  const typed = (text: string): Reading<string | null> => {
    if (typedChoice([[ctx.t("rsvp-multi-done"), DONE]], text) === DONE) return picked(options.filter((o) => chosen.has(o.id)));
    const labels = options.map((o) => [o.label, o.id] as const);
    const whole = typedChoice(labels, text);
    const ids = whole === undefined ? text.split(/[,;\n]+/).map((part) => typedChoice(labels, part)) : [whole];
    if (ids.some((id) => id === undefined)) return undefined;
    return picked(options.filter((o) => ids.includes(o.id)));
  };
  return {
    prompt: shownPrompt,
    buttons: buttons(),
    wrongType: ctx.t("rsvp-multi-use-buttons"),
    read: (answer) => {
      // Several options are marked, then Done: "choose one of the buttons" would mislead.
      if (answer.kind === "text") return typed(answer.text) ?? { hint: ctx.t("rsvp-multi-use-buttons") };
      if (answer.kind !== "button") return { hint: ctx.t("rsvp-multi-use-buttons") };
      if (answer.value === SKIP && !q.required) return notAnswered(ctx);
      if (answer.value === DONE) return picked(options.filter((o) => chosen.has(o.id)));
      const id = answer.value.startsWith(OPTION) ? answer.value.slice(OPTION.length) : undefined;
      if (id === undefined || !options.some((o) => o.id === id)) return undefined;
      if (!chosen.has(id) && chosen.size >= max) return { hint: ctx.t("rsvp-error-multi-max", { max }) };
      if (chosen.has(id)) chosen.delete(id);
      else chosen.add(id);
      return { stay: { prompt: shownPrompt, buttons: buttons() } };
    },
  };
}
