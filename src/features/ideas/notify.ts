import { organiserIds } from "../../ui/access.js";
import { InlineKeyboard, type Api, type Context } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { languageOf } from "../../event/language.js";
import { ideaStatusKey } from "../../ui/labels.js";
import type { Idea } from "../../store/ideas.js";
import { ideasData } from "./callback-data.js";
import { excerpt } from "./rules.js";

/** A category's name in a language; an id no longer in the event file shows as is. */
export function categoryLabel(deps: BotDeps, id: string, language: string): string {
  const category = deps.event.ideas?.categories.find((c) => c.id === id);
  return category ? deps.event.text(category.name, language) : id;
}

/** Whether an update is an organiser's tap on a moderation button in the organisers' group chat. */
export function isModerationGroupTap(ctx: Context & { deps: BotDeps }): boolean {
  const chat = ctx.deps.event.ideas?.moderationChat;
  return chat !== undefined && ctx.chat?.id === chat && ideasData.moderate.owns(ctx.callbackQuery?.data);
}

/** Publish / Reject, and in an organiser's private chat (where the idea's number can be typed) Merge for a duplicate. */
export function moderationKeyboard(deps: BotDeps, language: string, id: number, options: { merge: boolean }) {
  const keyboard = new InlineKeyboard()
    .text(deps.i18n.t(language, "ideas-mod-publish"), ideasData.moderate.pack({ action: "pub", idea: id }))
    .text(deps.i18n.t(language, "ideas-mod-reject"), ideasData.moderate.pack({ action: "rej", idea: id }));
  if (options.merge) keyboard.row().text(deps.i18n.t(language, "ideas-admin-merge"), ideasData.merge.pack({ idea: id }));
  return keyboard;
}

/** The idea as organisers see it: who sent it, where, and the full text (HTML). */
export function moderationText(deps: BotDeps, language: string, idea: Idea): string {
  const lines = [
    deps.i18n.t(language, "ideas-mod-new", {
      id: String(idea.id),
      author: escapeHtml(idea.authorName || deps.i18n.t(language, "ideas-author-erased")),
      category: escapeHtml(categoryLabel(deps, idea.category, language)),
    }),
  ];
  if (idea.latitude !== undefined && idea.longitude !== undefined) {
    lines.push(deps.i18n.t(language, "ideas-field-place", { latitude: idea.latitude.toFixed(5), longitude: idea.longitude.toFixed(5) }));
  }
  if (idea.photo) lines.push(deps.i18n.t(language, "ideas-field-photo"));
  const during = idea.eventId === undefined ? undefined : deps.series.byId(idea.eventId);
  if (during) lines.push(deps.i18n.t(language, "ideas-card-event", { title: escapeHtml(during.text(during.title, language)) }));
  lines.push("", escapeHtml(idea.text));
  return lines.join("\n");
}

/**
 * Sends a new idea to the organisers' group chat, or else to each organiser in their language:
 * photo and pin first, then the card with the buttons, so the buttons end up at the bottom.
 */
export async function sendForModeration(api: Api, deps: BotDeps, idea: Idea): Promise<void> {
  const group = deps.event.ideas?.moderationChat;
  const targets = group !== undefined ? [group] : await organiserIds(deps);
  for (const chatId of targets) {
    const known = chatId > 0 ? await deps.store.users.find(chatId) : undefined;
    const language = languageOf(deps.event, known?.language);
    try {
      if (idea.photo)
        await api.sendPhoto(chatId, idea.photo, { caption: deps.i18n.t(language, "ideas-photo-caption", { id: String(idea.id) }) });
      if (idea.latitude !== undefined && idea.longitude !== undefined) await api.sendLocation(chatId, idea.latitude, idea.longitude);
      await api.sendMessage(chatId, moderationText(deps, language, idea), {
        parse_mode: "HTML",
        reply_markup: moderationKeyboard(deps, language, idea.id, { merge: chatId > 0 }),
      });
    } catch (error) {
      // An organiser who blocked the bot must not stop the others from getting the idea.
      deps.logger.warn({ err: error, chat_id: chatId, idea: idea.id }, "could not send an idea for moderation");
    }
  }
}

/** Tells the author, in their language, the idea's new status and the organisers' answer. */
export async function notifyAuthor(api: Api, deps: BotDeps, idea: Idea, what: "status" | "answer"): Promise<void> {
  if (!idea.authorId) return;
  const language = languageOf(deps.event, idea.language);
  const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(language, key, vars);
  const lines =
    what === "status"
      ? [
          t("ideas-notify-status", {
            id: String(idea.id),
            excerpt: escapeHtml(excerpt(idea.text, 60)),
            status: t(ideaStatusKey(idea.status)),
          }),
        ]
      : [];
  if (idea.answer) {
    lines.push(
      what === "status"
        ? t("ideas-answer-line", { answer: escapeHtml(idea.answer) })
        : t("ideas-notify-answer", { id: String(idea.id), answer: escapeHtml(idea.answer) }),
    );
  }
  try {
    await api.sendMessage(idea.authorId, lines.join("\n"), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(t("ideas-mine"), ideasData.mine.pack()),
    });
  } catch (error) {
    deps.logger.warn({ err: error, user_id: idea.authorId, idea: idea.id }, "could not notify an idea's author");
  }
}

/** Tells the author of a duplicate that it joined another idea (its supporters and followers went with it). */
export async function notifyMerged(api: Api, deps: BotDeps, idea: Idea, into: number): Promise<void> {
  if (!idea.authorId) return;
  const language = languageOf(deps.event, idea.language);
  const text = deps.i18n.t(language, "ideas-notify-merged", {
    id: String(idea.id),
    excerpt: escapeHtml(excerpt(idea.text, 60)),
    into: String(into),
  });
  try {
    await api.sendMessage(idea.authorId, text, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(deps.i18n.t(language, "ideas-mine"), ideasData.mine.pack()),
    });
  } catch (error) {
    deps.logger.warn({ err: error, user_id: idea.authorId, idea: idea.id }, "could not tell an idea's author of a merge");
  }
}
