import type { BotContext } from "../../bot/context.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import type { GivenConsent } from "./consent.js";
import type { RsvpAnswers } from "../../store/rsvps.js";
import { organisersContact } from "../../ui/organisers.js";
import { alertCapacity, sendTicket, translator } from "./notify.js";
import { newCode, newTicketToken, registrationOpen } from "./rules.js";

/** The form's answers, as the conversation collected them. */
export interface FormAnswers {
  name: string;
  /** The event file's questions answered, by question id (skipped ones absent). */
  answers: RsvpAnswers;
}

const identity = { newCode, newToken: newTicketToken };

/**
 * Stores the form (runs once, outside the conversation's replay): a new registration takes a
 * seat or a waitlist place atomically, with the consent given before the form; an edit keeps the
 * status and the consent. Then the guest gets the result.
 */
export async function completeRegistration(
  ctx: BotContext,
  answers: FormAnswers,
  mode: "new" | "edit",
  consent?: GivenConsent,
): Promise<string> {
  const { deps } = ctx;
  const userId = ctx.from!.id;
  const language = await ctx.i18n.getLocale();
  const now = deps.clock();
  const back = backToMenuKeyboard(ctx);

  if (mode === "edit") {
    const existing = await deps.store.rsvps.find(userId);
    if (!existing || existing.status === "cancelled") {
      await ctx.reply(ctx.t("rsvp-not-registered"), { reply_markup: back });
      return "none";
    }
    const kept = { consentAt: existing.consentAt, consentLanguage: existing.consentLanguage, consentVersion: existing.consentVersion };
    await deps.store.rsvps.updateDetails(userId, { ...answers, language, ...kept }, now);
    await ctx.reply(ctx.t("rsvp-updated"), { reply_markup: back });
    return "updated";
  }

  if (!registrationOpen(deps.event, now)) {
    const contact = organisersContact(deps, translator(deps, language), language);
    await ctx.reply(ctx.t("rsvp-closed-meanwhile", { contact }), { parse_mode: "HTML", reply_markup: back });
    return "closed";
  }
  // The form opens only after Agree, so a new registration always has its consent.
  const given = { consentAt: new Date(consent!.at), consentLanguage: consent!.language, consentVersion: consent!.version };
  const { status, record } = await deps.store.rsvps.register(
    userId,
    { ...answers, language, ...given },
    {
      now,
      capacity: deps.event.rsvp.capacity,
      identity,
    },
  );
  if (status === "waitlisted") {
    const position = (await deps.store.rsvps.waitlistPosition(userId)) ?? 0;
    await ctx.reply(ctx.t("rsvp-done-waitlisted", { position, code: record.code }), { parse_mode: "HTML", reply_markup: back });
    return status;
  }
  await ctx.reply(ctx.t("rsvp-done-confirmed", { code: record.code }), { parse_mode: "HTML", reply_markup: back });
  await sendTicket(ctx.api, deps, record, language, ctx.me.username);
  await alertCapacity(deps, ctx.api);
  return status;
}
