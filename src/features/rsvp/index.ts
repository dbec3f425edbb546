import { createConversation } from "@grammyjs/conversations";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { rsvpForm, RSVP_CONVERSATION } from "./form.js";
import { refuse, requireRole, isStaff, topRole } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { menuData } from "../../ui/keyboards.js";
import { rsvpData } from "./callback-data.js";
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
import { findGuests, showCheckinCount } from "./door.js";
import { TICKET_PREFIX } from "./rules.js";
import { approveShown, decideRequest, DECLINE_CONVERSATION, declineForm, showRequestCard, showRequests, startDecline } from "./approval.js";

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
  if (!inCheckinMode(ctx)) return next();
  if (!(await isStaff(ctx))) {
    // Revoked since: the mode ends, so later messages cost no role read.
    delete ctx.session.checkinUntil;
    return next();
  }
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
privateChat.use(
  onTap(menuData.rsvp, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openRsvp(ctx);
  }),
);

privateChat.use(onTap(rsvpData.decline, declineConsent));
privateChat.use(onTap(rsvpData.agree, (ctx) => agreeToConsent(ctx, ctx.callbackData.version)));
privateChat.use(
  onTap(rsvpData.mine, async (ctx) => {
    const record = await activeRegistration(ctx);
    await ctx.answerCallbackQuery(record ? undefined : { text: ctx.t("rsvp-not-registered") });
    if (record) await showMine(ctx, record);
  }),
);
privateChat.use(onTap(rsvpData.change, changeDetails));
privateChat.use(onTap(rsvpData.withdraw, askWithdraw));
privateChat.use(onTap(rsvpData.withdrawConfirmed, withdraw));
privateChat.use(onTap(rsvpData.ticket, resendTicket));
privateChat.use(onTap(rsvpData.reconfirm, (ctx) => answerReconfirmation(ctx, ctx.callbackData.answer === "yes")));

// The door team sees only the "checked in N of M" counter; organisers the whole statistics.
privateChat.command("stats", async (ctx) => {
  const role = await topRole(ctx);
  if (role === "admin" || role === "organiser") await showStats(ctx);
  else if (role === "staff") await showCheckinCount(ctx);
  else await refuse(ctx, "organiser");
});
// `/export ideas` and other lists belong to their features: only the guest list is taken here.
privateChat
  .command("export")
  .filter((ctx) => ["", "guests"].includes(ctx.match.trim().toLowerCase()), requireRole("organiser"), exportGuests);
privateChat.command("checkin", requireRole("staff"), (ctx) => checkinByCode(ctx, ctx.match));
privateChat.use(onTap(rsvpData.checkIn, requireRole("staff"), (ctx) => checkIn(ctx, ctx.callbackData.guest, ctx.callbackData.arrived)));

// Approval (rsvp.approval): the cards' buttons and /requests, for organisers at the moment of the tap.
export const rsvpDeclineForm = createConversation<BotContext, FlowContext>(declineForm, { id: DECLINE_CONVERSATION });
privateChat.use(
  onTap(rsvpData.approveRequest, requireRole("organiser"), (ctx) =>
    decideRequest(ctx, ctx.callbackData.guest, { approve: true }).then(() => undefined),
  ),
);
privateChat.use(onTap(rsvpData.declineRequest, requireRole("organiser"), (ctx) => startDecline(ctx, ctx.callbackData.guest)));
privateChat.command("requests", requireRole("organiser"), (ctx) => showRequests(ctx));
privateChat.use(
  onTap(rsvpData.requestsPage, requireRole("organiser"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showRequests(ctx, ctx.callbackData.page, true);
  }),
);
privateChat.use(onTap(rsvpData.requestCard, requireRole("organiser"), (ctx) => showRequestCard(ctx, ctx.callbackData.guest)));
privateChat.use(
  onTap(rsvpData.approveShown, requireRole("organiser"), (ctx) => approveShown(ctx, ctx.callbackData.from, ctx.callbackData.to)),
);
privateChat.command("find", requireRole("staff"), (ctx) => findGuests(ctx, ctx.match));
