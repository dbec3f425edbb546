import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { rsvpForm, RSVP_CONVERSATION } from "./form.js";
import { CONSENT_AGREE_PREFIX, CONSENT_CANCEL } from "./consent.js";
import {
  activeRegistration,
  agreeToConsent,
  askWithdraw,
  changeDetails,
  declineConsent,
  openRsvp,
  resendTicket,
  showMine,
  withdraw,
} from "./mine.js";
import { checkIn, checkinByCode, checkinModeMessage, exportGuests, inCheckinMode, openTicket, showStats } from "./organisers.js";
import { answerReconfirmation } from "./reconfirm.js";
import { TICKET_PREFIX } from "./rules.js";

/**
 * Registration: the form (a conversation), "My registration", re-confirmation answers, tickets
 * at the door and the organisers' /stats, /export and /checkin. Registered before the menu, so
 * ticket deep links (/start ci_<token>) are taken here.
 */
export const rsvpFeature = new Composer<BotContext>();
/** The registration form; installed before every feature (src/bot/index.ts), like every form. */
export const rsvpForms = createConversation<BotContext, FlowContext>(rsvpForm, { id: RSVP_CONVERSATION });
const privateChat = rsvpFeature.chatType("private");


// The check-in mode takes an organiser's messages as codes, unless a form is open (its answers come first).
privateChat.on("message:text", async (ctx, next) => {
  // An organiser taken off the list since is no longer at the door: their messages go on as usual.
  if (!inCheckinMode(ctx) || !ctx.deps.adminIds.has(ctx.from.id)) return next();
  if (Object.keys(await ctx.conversation.active()).length > 0) return next();
  const text = ctx.message.text;
  if (text.startsWith("/") && !/^\/cancel(@\w+)?$/.test(text)) return next();
  await checkinModeMessage(ctx, text);
});

privateChat.command("start", async (ctx, next) => {
  const payload = ctx.match.trim();
  if (!payload.startsWith(TICKET_PREFIX)) return next();
  await openTicket(ctx, payload.slice(TICKET_PREFIX.length));
});

privateChat.command("rsvp", openRsvp);
privateChat.callbackQuery("menu:rsvp", async (ctx) => {
  await ctx.answerCallbackQuery();
  await openRsvp(ctx);
});

privateChat.callbackQuery(CONSENT_CANCEL, declineConsent);
privateChat.callbackQuery(new RegExp(`^${CONSENT_AGREE_PREFIX}([0-9a-f]{12})$`), (ctx) => agreeToConsent(ctx, ctx.match[1]!));
privateChat.callbackQuery("rsvp:mine", async (ctx) => {
  const record = await activeRegistration(ctx);
  await ctx.answerCallbackQuery(record ? undefined : { text: ctx.t("rsvp-not-registered") });
  if (record) await showMine(ctx, record);
});
privateChat.callbackQuery("rsvp:change", changeDetails);
privateChat.callbackQuery("rsvp:withdraw", askWithdraw);
privateChat.callbackQuery("rsvp:withdraw:yes", withdraw);
privateChat.callbackQuery("rsvp:ticket", resendTicket);
privateChat.callbackQuery("rsvp:rc:yes", (ctx) => answerReconfirmation(ctx, true));
privateChat.callbackQuery("rsvp:rc:no", (ctx) => answerReconfirmation(ctx, false));

privateChat.command("stats", showStats);
// `/export ideas` and other lists belong to their features: only the guest list is taken here.
privateChat.command("export", async (ctx, next) => {
  const argument = ctx.match.trim().toLowerCase();
  if (argument !== "" && argument !== "guests") return next();
  await exportGuests(ctx);
});
privateChat.command("checkin", (ctx) => checkinByCode(ctx, ctx.match));
privateChat.callbackQuery(/^rsvp:ci:(\d{1,15})$/, (ctx) => checkIn(ctx, Number(ctx.match[1])));
