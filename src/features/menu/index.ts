import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import { eventText, eventWhen, seriesNameVars } from "../../ui/format.js";
import { eventPhase } from "../../event/time.js";
import { escapeHtml } from "../../ui/html.js";
import { onTap } from "../../ui/callback-data.js";
import { showScreen } from "../../ui/screens.js";
import { withEventHeading } from "../../ui/event-heading.js";
import { mainMenuKeyboard, menuData, sendMainMenu } from "../../ui/keyboards.js";

/** What the greeting says the bot offers besides info and registration: only what the event file has. */
function offered({ contest, ideas, startsAt, endsAt }: BotContext["deps"]["event"], now: Date) {
  // After the event there is nothing to register for: reading about it, and the ideas, are left.
  if (eventPhase(now, startsAt, endsAt) === "past") return ideas ? "past-ideas" : "past";
  if (contest) return ideas ? "all" : "contest";
  return ideas ? "ideas" : "none";
}

export const menuFeature = new Composer<BotContext>();
const privateChat = menuFeature.chatType("private");

// Deep-link payloads (/start <payload>) are taken by the features that own them, before this.
privateChat.command("start", async (ctx) => {
  const { series } = ctx.deps;
  if (series.events.length > 1) {
    // A series: its title and about, then the event in focus (the chosen or current one) and its menu.
    const language = await ctx.i18n.getLocale();
    const lines = [ctx.t("start-series", { name: escapeHtml(ctx.from.first_name), ...(await seriesNameVars(ctx)) })];
    if (series.about) lines.push(ctx.t("start-series-about", { about: escapeHtml(series.text(series.about, language)) }));
    lines.push(
      ctx.t("start-series-current", { title: escapeHtml(await eventText(ctx, ctx.deps.event.title)), when: await eventWhen(ctx) }),
    );
    lines.push(ctx.t("menu-title"));
    await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: mainMenuKeyboard(ctx) });
    return;
  }
  const greeting = ctx.t("start-greeting", {
    name: escapeHtml(ctx.from.first_name),
    title: escapeHtml(await eventText(ctx, ctx.deps.event.title)),
    when: await eventWhen(ctx),
    offers: offered(ctx.deps.event, ctx.deps.clock()),
  });
  await sendMainMenu(ctx, greeting);
});

privateChat.use(
  onTap(menuData.home, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await withEventHeading(ctx, ctx.t("menu-title")), mainMenuKeyboard(ctx));
  }),
);
