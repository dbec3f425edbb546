import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { forgetGuest } from "../rsvp/notify.js";
import { backToMenuKeyboard } from "../menu.js";

/**
 * /forget_me: a user deletes their personal data after a confirmation: registration (a freed
 * seat goes to the waitlist), authorship of ideas, contest entry, quiz answers, profile, session.
 */
export const privacyFeature = new Composer<BotContext>();
const privateChat = privacyFeature.chatType("private");

privateChat.command("forget_me", async (ctx) => {
  await ctx.reply(ctx.t("privacy-ask"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("privacy-confirm"), "privacy:forget")
      .row()
      .text(ctx.t("privacy-keep"), "privacy:keep"),
  });
});

privateChat.callbackQuery("privacy:keep", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("privacy-kept"), { reply_markup: backToMenuKeyboard(ctx) }).catch(() => ctx.reply(ctx.t("privacy-kept")));
});

privateChat.callbackQuery("privacy:forget", async (ctx) => {
  const { deps } = ctx;
  const userId = ctx.from.id;
  await ctx.answerCallbackQuery();
  await forgetGuest(deps, ctx.api, userId, ctx.me.username);
  await deps.store.ideas.forgetUser(userId);
  await deps.store.contest.remove(userId);
  await deps.store.quiz.forget(userId, deps.event.quiz?.questions.length ?? 0);
  await deps.store.users.forget(userId);
  await ctx.conversation.exitAll();
  // grammY deletes a session set to null when the update is done.
  ctx.session = null as never;
  ctx.logger.info({ user_id: userId }, "personal data deleted on request");
  await ctx.editMessageText(ctx.t("privacy-done")).catch(() => ctx.reply(ctx.t("privacy-done")));
});
