import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { onTap } from "../../ui/callback-data.js";
import { backToMenuKeyboard, menuData } from "../../ui/keyboards.js";
import { showScreen } from "../../ui/screens.js";
import { seriesNameVars } from "../../ui/format.js";
import { followersData } from "./callback-data.js";

export { announceNewEvents, scheduleNudges } from "./jobs.js";

/** The setting as it is, with the button that flips it. */
async function notificationsScreen(ctx: FlowContext, intro?: string): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const muted = await ctx.deps.store.followers.isMuted(ctx.from!.id);
  const lines = [ctx.t(muted ? "followers-off" : "followers-on", await seriesNameVars(ctx))];
  if (intro) lines.unshift(intro, "");
  const keyboard = new InlineKeyboard().text(
    ctx.t(muted ? "followers-turn-on" : "followers-turn-off"),
    followersData.set.pack({ to: muted ? "on" : "off" }),
  );
  return { text: lines.join("\n"), keyboard: backToMenuKeyboard(ctx, keyboard.row()) };
}

export interface FollowersFeatureOptions {
  /** Opens the chosen event's registration (RSVP owns it): the announcements' Register button. */
  register: (ctx: BotContext) => Promise<void>;
}

/** /notifications (follow the series or not), and the Register button of announcements and nudges. */
export function followersFeature(options: FollowersFeatureOptions): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChat = feature.chatType("private");

  privateChat.command("notifications", async (ctx) => {
    const { text, keyboard } = await notificationsScreen(ctx);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });
  privateChat.use(
    onTap(menuData.notifications, async (ctx) => {
      await ctx.answerCallbackQuery();
      const { text, keyboard } = await notificationsScreen(ctx);
      await showScreen(ctx, text, keyboard);
    }),
  );
  privateChat.use(
    onTap(followersData.set, async (ctx) => {
      const muted = ctx.callbackData.to === "off";
      await ctx.deps.store.followers.setMuted(ctx.from.id, muted);
      const done = ctx.t(muted ? "followers-turned-off" : "followers-turned-on");
      await ctx.answerCallbackQuery({ text: done });
      const { text, keyboard } = await notificationsScreen(ctx);
      await showScreen(ctx, text, keyboard);
    }),
  );
  privateChat.use(
    onTap(followersData.register, async (ctx) => {
      const event = ctx.deps.series.byId(ctx.callbackData.id);
      if (!event) return ctx.answerCallbackQuery({ text: ctx.t("followers-event-gone") });
      await ctx.answerCallbackQuery();
      // The event becomes the user's chosen one, as its e_<id> link would make it.
      ctx.session.eventId = event.id;
      ctx.deps = ctx.deps.depsOf(event.id) ?? ctx.deps;
      await options.register(ctx);
    }),
  );
  return feature;
}
