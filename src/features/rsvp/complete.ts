import type { BotContext } from "../../bot/context.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import type { GivenConsent } from "../../store/users.js";
import type { RsvpAnswers } from "../../store/rsvps.js";
import { organisersContact } from "../../ui/organisers.js";
import { alertCapacity, sendTicket, tellPromoted, waitlistVars } from "./notify.js";
import { refreshRequestCards, sendRequestCards } from "./approval.js";
import { newCode, newTicketToken, registrationOpen } from "./rules.js";

/** The form's answers, as the conversation collected them. */
export interface FormAnswers {
  name: string;
  /** The event file's questions answered, by question id (skipped ones absent). */
  answers: RsvpAnswers;
  /** The names of the people the guest brings (rsvp.plusOnes). */
  companions?: string[];
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
    if (!existing || existing.status === "cancelled" || existing.status === "declined") {
      await ctx.reply(ctx.t("rsvp-not-registered"), { reply_markup: back });
      return "none";
    }
    const kept = { consentAt: existing.consentAt, consentLanguage: existing.consentLanguage, consentVersion: existing.consentVersion };
    const updated = await deps.store.rsvps.updateDetails(userId, { ...answers, language, ...kept }, now, deps.event.rsvp.capacity);
    if (updated === "full") {
      await ctx.reply(ctx.t("rsvp-group-full"), { reply_markup: back });
      return "full";
    }
    await ctx.reply(ctx.t("rsvp-updated"), { reply_markup: back });
    if (updated?.status === "pending") await refreshRequestCards(deps, ctx.api, userId);
    // A smaller group freed seats: the waiting list gets them now.
    if (updated?.shrunk)
      await tellPromoted(deps, ctx.api, await deps.store.rsvps.fillSeats(now, deps.event.rsvp.capacity), ctx.me.username);
    return "updated";
  }

  if (!registrationOpen(deps.event, now)) {
    await ctx.reply(ctx.t("rsvp-closed-meanwhile", organisersContact(deps, language)), { parse_mode: "HTML", reply_markup: back });
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
      approval: deps.event.rsvp.approval,
    },
  );
  if (status === "pending") {
    await ctx.reply(ctx.t("rsvp-done-pending", { code: record.code }), { parse_mode: "HTML", reply_markup: back });
    await sendRequestCards(deps, ctx.api, record);
    return status;
  }
  if (status === "waitlisted") {
    await ctx.reply(ctx.t("rsvp-done-waitlisted", await waitlistVars(deps, (key, vars) => ctx.t(key, vars), record)), {
      parse_mode: "HTML",
      reply_markup: back,
    });
    return status;
  }
  await ctx.reply(ctx.t("rsvp-done-confirmed", { code: record.code }), { parse_mode: "HTML", reply_markup: back });
  await sendTicket(ctx.api, deps, record, language, ctx.me.username);
  await alertCapacity(deps, ctx.api);
  return status;
}
