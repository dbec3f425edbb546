import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { languageOf } from "../../event/language.js";
/** An update from a group chat that a feature handles all the same (e.g. a moderation tap in the organisers' group). */
export type GroupChatPass = (ctx: FlowContext) => boolean;

/**
 * The bot serves private chats. In a group it answers /start with a button to its private
 * chat and ignores everything else, so it never talks over people, except the updates that
 * `passes` (registered by the features at wiring time) let through.
 */
export function groupFeature(passes: readonly GroupChatPass[]): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType(["group", "supergroup"]).command("start", groupStart);
  // Nothing outside private chats goes further (no session, no flows, no replies), except what a
  // pass lets through. (A bare drop() without middleware passes everything on, hence the explicit stop.)
  feature.use((ctx, next) => (ctx.chat?.type === "private" || passes.some((pass) => pass(ctx)) ? next() : undefined));
  return feature;
}

async function groupStart(ctx: FlowContext) {
  const { event, i18n } = ctx.deps;
  const language = languageOf(event, ctx.from?.language_code);
  const title = escapeHtml(event.text(event.title, language));
  await ctx.reply(i18n.t(language, "group-start", { title }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().url(i18n.t(language, "group-open"), `https://t.me/${ctx.me.username}?start=group`),
  });
}
