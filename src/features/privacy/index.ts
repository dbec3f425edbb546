import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import { onTap } from "../../ui/callback-data.js";
import { formatList } from "../../ui/format.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { privacyData } from "./callback-data.js";
import { forgetPerson } from "./forget.js";
import { seriesActivities } from "./screen.js";

/**
 * /forget_me: a user deletes their personal data after a confirmation (src/features/privacy/forget.ts
 * lists what goes). Registered before the features' forms, so it works while one is open; the
 * confirmation ends the form.
 */
export const privacyFeature = new Composer<BotContext>();
const privateChat = privacyFeature.chatType("private");

privateChat.command("forget_me", async (ctx) => {
  const deleted = ["registration", "form", ...seriesActivities(ctx.deps), "profile"].map((item) => ctx.t(`privacy-deletes-${item}`));
  await ctx.reply(ctx.t("privacy-ask", { items: formatList(ctx, deleted, "and") }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("privacy-confirm"), privacyData.forget.pack())
      .row()
      .text(ctx.t("privacy-keep"), privacyData.keep.pack()),
  });
});

privateChat.use(
  onTap(privacyData.keep, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx
      .editMessageText(ctx.t("privacy-kept"), { reply_markup: backToMenuKeyboard(ctx) })
      .catch(() => ctx.reply(ctx.t("privacy-kept")));
  }),
);

privateChat.use(
  onTap(privacyData.forget, async (ctx) => {
    const { deps } = ctx;
    const userId = ctx.from.id;
    await ctx.answerCallbackQuery();
    // An open form holds what was typed so far (name, phone): it ends with everything else.
    const formOpen = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await forgetPerson(deps, ctx.api, userId, ctx.me.username);
    // grammY deletes a session set to null when the update is done.
    ctx.session = null as never;
    ctx.logger.info({ user_id: userId }, "personal data deleted on request");
    if (formOpen) {
      // The form's reply keyboard (Share my phone) goes with it.
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t("privacy-done"), { reply_markup: { remove_keyboard: true } });
      return;
    }
    await ctx.editMessageText(ctx.t("privacy-done")).catch(() => ctx.reply(ctx.t("privacy-done")));
  }),
);
