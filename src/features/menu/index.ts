import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { eventText, eventWhen } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { onTap } from "../../ui/callback-data.js";
import { showScreen } from "../../ui/screens.js";
import { mainMenuKeyboard, menuData, sendMainMenu } from "../../ui/keyboards.js";

export const menuFeature = new Composer<BotContext>();
const privateChat = menuFeature.chatType("private");

// Deep-link payloads (/start <payload>) are taken by the features that own them, before this.
privateChat.command("start", async (ctx) => {
  const { store, clock } = ctx.deps;
  await store.users.remember(ctx.from, await ctx.i18n.getLocale(), clock());
  const greeting = ctx.t("start-greeting", {
    name: escapeHtml(ctx.from.first_name),
    title: escapeHtml(await eventText(ctx, ctx.deps.event.title)),
    when: await eventWhen(ctx),
  });
  await sendMainMenu(ctx, greeting);
});

privateChat.use(
  onTap(menuData.home, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ctx.t("menu-title"), mainMenuKeyboard(ctx));
  }),
);
