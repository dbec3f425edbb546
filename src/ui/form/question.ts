import type { InlineKeyboardButton, MessageEntity } from "grammy/types";
import type { FlowContext } from "../../bot/context.js";
import { fold } from "../fold.js";

/** An update as an answer: a button of the question (inline or reply), a text, a photo, a pin or a contact. */
export type Answer =
  | { kind: "button"; value: string }
  | { kind: "text"; text: string; entities?: MessageEntity[] }
  | { kind: "photo"; fileId: string; caption: string; entities?: MessageEntity[] }
  | { kind: "location"; latitude: number; longitude: number }
  | { kind: "contact"; phone: string; userId?: number };

/**
 * What a question makes of an answer: its value (with an optional message after it, e.g. “Contact
 * saved”, and `chosen`, what the question keeps as its answer instead of the tapped button's label),
 * a hint to ask again (a wrong answer), a toast for a button that did its job without answering
 * (supporting a similar idea; `redraw` shows the question as it is now), `stay` for a tap that
 * counts but leaves the question open, redrawn in place (a toggle of a multiple choice: the tap is
 * kept, so a replay toggles the same way), or undefined when this kind of answer does not fit.
 */
export type Reading<T> =
  | { value: T; note?: string; chosen?: string }
  | { hint: string }
  | { toast: string; redraw?: Pick<Question<T>, "prompt" | "buttons"> }
  | { stay: Pick<Question<T>, "prompt" | "buttons"> }
  | undefined;

/** A button: its label and the value it answers with (letters, digits, `_ . : -`). */
export type Choice = readonly [label: string, value: string];

export interface Question<T> {
  /** The question, in Telegram HTML. */
  prompt: string;
  /** Inline buttons, row by row; the form adds Cancel. */
  buttons?: Choice[][];
  /** Buttons of other screens shown under the question (preset answers that work without the form); their taps reach the bot as usual. */
  otherButtons?: InlineKeyboardButton[][];
  /** A reply keyboard instead: share contact, send location, text buttons; the form adds Cancel and removes it after the answer. */
  reply?: { contact?: string; location?: string; buttons?: Choice[] };
  /** The field's name, repeated with the choice in the question once a button answers it (“Category: Parks ✓”). */
  field?: string;
  /** Longest text or caption taken (code points); longer ones are refused before they are stored. */
  maxLength?: number;
  /** The hint for a text over maxLength; default form-too-long. */
  tooLong?: (length: number, max: number) => string;
  /** The hint for an answer of the wrong kind (a sticker where a text is wanted). */
  wrongType: string;
  read(answer: Answer, ctx: FlowContext): Reading<T> | Promise<Reading<T>>;
}

/** A row of buttons per choice, or `columns` choices a row. */
export function rows(choices: Choice[], columns = 1): Choice[][] {
  const result: Choice[][] = [];
  for (let i = 0; i < choices.length; i += columns) result.push(choices.slice(i, i + columns));
  return result;
}

/** A question answered by one of its buttons. */
export function choiceQuestion<V extends string>(
  ctx: FlowContext,
  options: { prompt: string; choices: readonly (readonly [label: string, value: V])[]; columns?: number; field?: string; hint?: string },
): Question<V> {
  const values = new Set<string>(options.choices.map(([, value]) => value));
  const hint = options.hint ?? ctx.t("form-use-buttons");
  return {
    prompt: options.prompt,
    buttons: rows([...options.choices], options.columns),
    field: options.field,
    wrongType: hint,
    read: (answer) => {
      if (answer.kind === "button") return values.has(answer.value) ? { value: answer.value as V } : undefined;
      const typed = answer.kind === "text" ? typedChoice(options.choices, answer.text) : undefined;
      return typed === undefined ? { hint } : { value: typed };
    },
  };
}

/** A button's label as compared with a typed text: folded, without the emoji and marks around it, a dash as "-" ("18-25" = "18–25"). */
const labelKey = (label: string) => fold(label.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).replace(/ ?\p{Pd} ?/gu, "-");

/** A label's words, spaced once at both ends, so a run of whole words is found with includes(). */
const spacedWords = (key: string) =>
  ` ${key
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean)
    .join(" ")} `;

/**
 * The choice whose label was typed instead of tapped ("yes" for "Yes", "publish" for "✅ Publish"),
 * or else whose label alone holds the typed words ("rent" for "I'll rent one"; four letters at
 * least, so "in" or "и" names nothing); only when it names one choice.
 */
export function typedChoice<V extends string>(choices: readonly (readonly [label: string, value: V])[], text: string): V | undefined {
  const key = labelKey(text);
  if (!key) return undefined;
  let named = choices.filter(([label]) => labelKey(label) === key);
  if (named.length === 0 && key.length >= 4) {
    const words = spacedWords(key);
    named = choices.filter(([label]) => spacedWords(labelKey(label)).includes(words));
  }
  return named.length === 1 ? named[0]![1] : undefined;
}

/** A typed text, checked by `check` (which gives the value or a hint). */
export function textQuestion<T>(
  ctx: FlowContext,
  options: Pick<Question<T>, "prompt" | "buttons" | "otherButtons" | "maxLength" | "tooLong"> & {
    check: (text: string, answer: Extract<Answer, { kind: "text" }>) => Reading<T>;
    /** Values of the question's own buttons (Skip, Keep) and what they answer. */
    onButton?: (value: string) => Reading<T>;
    wrongType?: string;
  },
): Question<T> {
  return {
    prompt: options.prompt,
    buttons: options.buttons,
    otherButtons: options.otherButtons,
    maxLength: options.maxLength,
    tooLong: options.tooLong,
    wrongType: options.wrongType ?? ctx.t("form-text-expected"),
    read: (answer) => {
      if (answer.kind === "text") return options.check(answer.text, answer);
      if (answer.kind === "button") return options.onButton?.(answer.value);
      return undefined;
    },
  };
}
