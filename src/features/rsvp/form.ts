import type { FlowContext } from "../../bot/context.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { choiceQuestion, textQuestion, type Question } from "../../ui/form/question.js";
import { escapeHtml } from "../../ui/html.js";
import { completeRegistration, type FormAnswers } from "./complete.js";
import type { GivenConsent } from "./consent.js";
import { checkName, checkOrganisation, parseContact, SECTORS, type ContactInput, type Sector } from "./rules.js";

export const RSVP_CONVERSATION = "rsvp";
// Summary → Edit → summary rounds before the form gives up.
const MAX_EDITS = 20;

const nameQuestion = (ctx: FlowContext) =>
  textQuestion<string>(ctx, {
    prompt: ctx.t("rsvp-ask-name"),
    maxLength: 100,
    tooLong: () => ctx.t("rsvp-error-name-length"),
    check: (text) => {
      const checked = checkName(text);
      return checked.ok ? { value: checked.value } : { hint: ctx.t(`rsvp-error-name-${checked.reason}`) };
    },
  });

const sectorQuestion = (ctx: FlowContext) =>
  choiceQuestion<Sector>(ctx, {
    prompt: ctx.t("rsvp-ask-sector"),
    choices: SECTORS.map((sector) => [ctx.t(`rsvp-sector-${sector}`), sector] as const),
    columns: 2,
    field: ctx.t("rsvp-field-sector"),
  });

/** The organisation, or null when skipped. */
const organisationQuestion = (ctx: FlowContext) =>
  textQuestion<string | null>(ctx, {
    prompt: ctx.t("rsvp-ask-organisation"),
    buttons: [[[ctx.t("rsvp-skip"), "skip"]]],
    maxLength: 150,
    tooLong: () => ctx.t("rsvp-error-organisation"),
    check: (text) => {
      const value = checkOrganisation(text);
      return value ? { value } : { hint: ctx.t("rsvp-error-organisation") };
    },
    onButton: (value) => (value === "skip" ? { value: null } : undefined),
  });

/** The user's own shared contact, or a typed phone number or e-mail. */
function contactQuestion(ctx: FlowContext): Question<ContactInput> {
  const saved = (contact: ContactInput) => ({
    value: contact,
    note: ctx.t("rsvp-contact-saved", { contact: escapeHtml("phone" in contact ? contact.phone : contact.email) }),
  });
  return {
    prompt: ctx.t("rsvp-ask-contact"),
    reply: { contact: ctx.t("rsvp-share-phone") },
    maxLength: 254,
    wrongType: ctx.t("form-text-expected"),
    read: (answer, update) => {
      if (answer.kind === "contact") {
        // Only the user's own card: someone else's contact is not a way to register them.
        if (answer.userId !== update.from?.id) return { hint: ctx.t("rsvp-error-contact-not-yours") };
        const value = parseContact(answer.phone.startsWith("+") ? answer.phone : `+${answer.phone}`);
        return value ? saved(value) : { hint: ctx.t("rsvp-error-contact") };
      }
      if (answer.kind !== "text") return undefined;
      const value = parseContact(answer.text);
      return value ? saved(value) : { hint: ctx.t("rsvp-error-contact") };
    },
  };
}

/** The registration form, in order; adding a question is one line here (and its field in complete.ts). */
const questions = (ctx: FlowContext) => ({
  name: nameQuestion(ctx),
  sector: sectorQuestion(ctx),
  organisation: organisationQuestion(ctx),
  contact: contactQuestion(ctx),
});
type Field = keyof ReturnType<typeof questions>;
const FIELDS: readonly Field[] = ["name", "sector", "organisation", "contact"];

function setField(answers: Partial<FormAnswers>, field: Field, value: unknown) {
  if (field === "contact") {
    const contact = value as ContactInput;
    answers.phone = "phone" in contact ? contact.phone : undefined;
    answers.email = "email" in contact ? contact.email : undefined;
  } else if (field === "organisation") answers.organisation = (value as string | null) ?? undefined;
  else if (field === "sector") answers.sector = value as Sector;
  else answers.name = value as string;
}

function summaryText(ctx: FlowContext, answers: FormAnswers) {
  return ctx.t("rsvp-summary", {
    name: escapeHtml(answers.name),
    sector: escapeHtml(ctx.t(`rsvp-sector-${answers.sector}`)),
    organisation: escapeHtml(answers.organisation ?? ctx.t("rsvp-none")),
    contact: escapeHtml(answers.phone ?? answers.email ?? ctx.t("rsvp-none")),
  });
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
  const ask = questions(ctx);

  let answers: Partial<FormAnswers> = {};
  if (mode === "edit") {
    const stored = await conversation.external((outside) => outside.deps.store.rsvps.find(outside.from!.id).then((r) => r ?? null));
    if (!stored || stored.status === "cancelled") return;
    answers = { name: stored.name, sector: stored.sector, organisation: stored.organisation, phone: stored.phone, email: stored.email };
  } else {
    // A form started before consent came first (an older deploy) has none: it ends, nothing kept.
    if (!consent) return form.end(ctx.t("rsvp-left"));
    const filled = await form.fill(ask);
    for (const field of FIELDS) setField(answers, field, filled[field]);
  }

  const summary = (complete: FormAnswers) =>
    choiceQuestion(ctx, {
      prompt: summaryText(ctx, complete),
      choices: [
        [ctx.t("rsvp-confirm"), "confirm"],
        [ctx.t("rsvp-edit"), "edit"],
      ],
    });
  const which = choiceQuestion<Field | "back">(ctx, {
    prompt: ctx.t("rsvp-edit-which"),
    choices: [...FIELDS.map((field) => [ctx.t(`rsvp-field-${field}`), field] as const), [ctx.t("rsvp-back"), "back"] as const],
  });

  for (let round = 0; round < MAX_EDITS; round++) {
    const complete = answers as FormAnswers;
    if ((await form.ask(summary(complete))) === "confirm") {
      // The seat is taken in Redis once, with the outside context (its replies are real, not replayed).
      await conversation.external((outside) => completeRegistration(outside, complete, mode, consent));
      return;
    }
    const field = await form.ask(which);
    if (field !== "back") setField(answers, field, await form.ask<unknown>(ask[field]));
  }
  await form.end(ctx.t("form-too-many", { form: ctx.t("rsvp-form-title") }));
}
