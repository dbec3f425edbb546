import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { setChatCommands } from "../../bot/commands.js";
import { commandMenu, topRole } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { showScreen } from "../../ui/screens.js";
import { backToMenuKeyboard, mainMenuKeyboard, menuData } from "../../ui/keyboards.js";
import { languageData } from "./callback-data.js";

function languageKeyboard(ctx: FlowContext): InlineKeyboard {
  const { series, i18n } = ctx.deps;
  const keyboard = new InlineKeyboard();
  // Each language is named in itself, so anyone can find their own; the series' interface languages,
  // whichever event is chosen (an event in one language must not strand a reader of another).
  for (const language of series.languages) keyboard.text(i18n.t(language, "language-name"), languageData.pack({ language }));
  return backToMenuKeyboard(ctx, keyboard.row());
}

async function showLanguages(ctx: FlowContext) {
  // A bot in one language has nothing to choose: a picker of one button would look broken.
  if (ctx.deps.series.languages.length < 2) return showScreen(ctx, ctx.t("language-only"), backToMenuKeyboard(ctx));
  await showScreen(ctx, ctx.t("language-choose"), languageKeyboard(ctx));
}

export const languageFeature = new Composer<BotContext>();
const privateChat = languageFeature.chatType("private");

privateChat.command("language", showLanguages);
privateChat.use(
  onTap(menuData.language, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showLanguages(ctx);
  }),
);

privateChat.use(
  onTap(languageData, async (ctx, next) => {
    const { language } = ctx.callbackData;
    // A forged or outdated code falls through to the stale-button answer.
    if (!ctx.deps.series.languages.includes(language)) return next();
    ctx.session.language = language;
    await ctx.i18n.renegotiateLocale();
    await ctx.deps.store.users.setLanguage(ctx.from.id, language);
    await ctx.answerCallbackQuery({ text: ctx.t("language-set") });
    await showScreen(ctx, `${ctx.t("language-set")}\n\n${ctx.t("menu-title")}`, mainMenuKeyboard(ctx));
    const { i18n, logger } = ctx.deps;
    await setChatCommands(ctx.api, i18n, ctx.chat.id, language, {
      menu: commandMenu(await topRole(ctx)),
      series: ctx.deps.series,
    }).catch(
      // The menu is a convenience: the choice itself is saved and shown already.
      (error: unknown) => logger.warn({ err: error, user_id: ctx.from.id }, "could not set the chat's command menu"),
    );
  }),
);
