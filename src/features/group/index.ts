import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { languageOf } from "../../ui/language.js";
import { isModerationGroupTap } from "../ideas/notify.js";

/**
 * The bot serves private chats. In a group it answers /start with a button to its private
 * chat and ignores everything else, so it never talks over people.
 */
export const groupFeature = new Composer<BotContext>();

const groups = groupFeature.chatType(["group", "supergroup"]);
groups.command("start", async (ctx) => {
  const { event, i18n } = ctx.deps;
  const language = languageOf(event, ctx.from?.language_code);
  const title = escapeHtml(event.text(event.title, language));
  await ctx.reply(i18n.t(language, "group-start", { title }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().url(i18n.t(language, "group-open"), `https://t.me/${ctx.me.username}?start=group`),
  });
});

// Nothing outside private chats goes further (no session, no flows, no replies), except
// organisers' taps on idea moderation buttons in their group chat. (A bare drop() without
// middleware passes everything on, hence the explicit stop.)
groupFeature.use((ctx, next) => (ctx.chat?.type === "private" || isModerationGroupTap(ctx) ? next() : undefined));
