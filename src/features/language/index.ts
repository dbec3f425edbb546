import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { setChatCommands } from "../../bot/commands.js";
import { showScreen } from "../../ui/screens.js";
import type { Language } from "../../event/schema.js";
import { mainMenuKeyboard } from "../../ui/keyboards.js";

function languageKeyboard(ctx: FlowContext): InlineKeyboard {
  const { event, i18n } = ctx.deps;
  const keyboard = new InlineKeyboard();
  // Each language is named in itself, so anyone can find their own.
  for (const language of event.languages) keyboard.text(i18n.t(language, "language-name"), `lang:${language}`);
  return keyboard.row().text(ctx.t("menu-back"), "menu:home");
}

async function showLanguages(ctx: FlowContext) {
  await showScreen(ctx, ctx.t("language-choose"), languageKeyboard(ctx));
}

export const languageFeature = new Composer<BotContext>();
const privateChat = languageFeature.chatType("private");

privateChat.command("language", showLanguages);
privateChat.callbackQuery("menu:language", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showLanguages(ctx);
});

privateChat.callbackQuery(/^lang:([a-z]{2})$/, async (ctx, next) => {
  const language = ctx.match[1] as Language;
  // A forged or outdated code falls through to the stale-button answer.
  if (!ctx.deps.event.languages.includes(language)) return next();
  ctx.session.language = language;
  await ctx.i18n.renegotiateLocale();
  await ctx.deps.store.users.setLanguage(ctx.from.id, language);
  await ctx.answerCallbackQuery({ text: ctx.t("language-set") });
  await showScreen(ctx, `${ctx.t("language-set")}\n\n${ctx.t("menu-title")}`, mainMenuKeyboard(ctx));
  const { i18n, adminIds, event, logger } = ctx.deps;
  await setChatCommands(ctx.api, i18n, ctx.chat.id, language, { organiser: adminIds.has(ctx.from.id), languages: event.languages }).catch(
    // The menu is a convenience: the choice itself is saved and shown already.
    (error: unknown) => logger.warn({ err: error, user_id: ctx.from.id }, "could not set the chat's command menu"),
  );
});
