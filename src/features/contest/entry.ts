import { InlineKeyboard } from "grammy";
import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { momentText } from "../../ui/format.js";
import { isPastDeadline } from "../../event/time.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { checkEntryLink, checkIdea, IDEA_MAX_LENGTH, IDEA_MIN_LENGTH } from "./rules.js";
import { contestKeyboard, contestOf, entryText } from "./screens.js";

export const ENTRY_CONVERSATION = "contest-entry";
const MAX_ATTEMPTS = 6;
const KEEP = Symbol("keep");

type EntryConversation = Conversation<BotContext, FlowContext>;
type Reading<T> = { value: T } | { hint: string };

/**
 * Asks one question and reads answers until one is valid. /cancel or Cancel leaves; another
 * command or another feature's button leaves and lets that feature answer.
 */
async function ask<T>(
  conversation: EntryConversation,
  ctx: FlowContext,
  prompt: string,
  canKeep: boolean,
  read: (answer: FlowContext) => Reading<T>,
): Promise<T | typeof KEEP> {
  const keyboard = new InlineKeyboard();
  if (canKeep) keyboard.text(ctx.t("contest-keep"), "contest:keep");
  keyboard.text(ctx.t("contest-cancel"), "contest:cancel");
  await ctx.reply(prompt, { parse_mode: "HTML", reply_markup: keyboard });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    const text = answer.message?.text?.trim() ?? "";
    if (data === "contest:cancel" || /^\/cancel(@\w+)?$/.test(text)) {
      if (data) await answer.answerCallbackQuery();
      await answer.reply(answer.t("contest-cancelled"), { reply_markup: backToMenuKeyboard(answer) });
      return conversation.halt();
    }
    if (data === "contest:keep" && canKeep) {
      await answer.answerCallbackQuery();
      return KEEP;
    }
    // Somewhere else in the bot: leave the form and let that feature answer.
    if (data !== undefined || text.startsWith("/")) return conversation.halt({ next: true });
    const reading = read(answer);
    if ("value" in reading) return reading.value;
    await answer.reply(reading.hint, { parse_mode: "HTML" });
  }
  await ctx.reply(ctx.t("contest-too-many-tries"), { reply_markup: backToMenuKeyboard(ctx) });
  return conversation.halt();
}

/** Submit or edit the one entry of this user: link, idea, photo; saved only before the deadline. */
export async function entryConversation(conversation: EntryConversation, ctx: FlowContext): Promise<void> {
  const setup = contestOf(ctx);
  const userId = ctx.from?.id;
  if (!setup || userId === undefined) return;
  const { contest, deadline } = setup;
  const closed = async () => isPastDeadline(new Date(await conversation.external(() => ctx.deps.clock().getTime())), deadline);
  if (await closed()) {
    await ctx.reply(ctx.t("contest-closed", { deadline: await momentText(ctx, deadline) }));
    return;
  }
  const existing = await conversation.external(async () => {
    const entry = await ctx.deps.store.contest.find(userId);
    return entry ? { link: entry.link, idea: entry.idea, photoFileId: entry.photoFileId } : undefined;
  });

  const textOnly = (answer: FlowContext): string | undefined => answer.message?.text;
  const link = await ask<string>(conversation, ctx, ctx.t("contest-ask-link"), existing !== undefined, (answer) => {
    const text = textOnly(answer);
    if (text === undefined) return { hint: answer.t("contest-text-expected") };
    const check = checkEntryLink(text, contest.allowedHosts);
    if (check.ok) return { value: check.url };
    return { hint: answer.t(`contest-link-${check.problem}`, { hosts: contest.allowedHosts.join(", ") }) };
  });
  const limits = { min: IDEA_MIN_LENGTH, max: IDEA_MAX_LENGTH };
  const idea = await ask<string>(conversation, ctx, ctx.t("contest-ask-idea", limits), existing !== undefined, (answer) => {
    const text = textOnly(answer);
    if (text === undefined) return { hint: answer.t("contest-text-expected") };
    const check = checkIdea(text);
    if (check.ok) return { value: check.idea };
    return { hint: answer.t(`contest-idea-${check.problem}`, { ...limits, length: [...text.trim()].length }) };
  });
  const photoFileId = await ask<string>(conversation, ctx, ctx.t("contest-ask-photo"), existing !== undefined, (answer) => {
    const photo = answer.message?.photo?.at(-1);
    return photo ? { value: photo.file_id } : { hint: answer.t("contest-photo-expected") };
  });

  if (await closed()) {
    await ctx.reply(ctx.t("contest-closed", { deadline: await momentText(ctx, deadline) }));
    return;
  }
  const language = await ctx.i18n.getLocale();
  const from = ctx.from!;
  const saved = await conversation.external(async () => {
    const entry = await ctx.deps.store.contest.save(
      {
        userId,
        firstName: from.first_name,
        username: from.username,
        language,
        link: link === KEEP ? existing!.link : link,
        idea: idea === KEEP ? existing!.idea : idea,
        photoFileId: photoFileId === KEEP ? existing!.photoFileId : photoFileId,
      },
      ctx.deps.clock(),
    );
    return { link: entry.link, idea: entry.idea };
  });
  await ctx.reply(ctx.t("contest-saved", { deadline: await momentText(ctx, deadline) }));
  await ctx.reply(await conversation.external(() => entryText(ctx, { userId, link: saved.link, idea: saved.idea })), {
    parse_mode: "HTML",
    reply_markup: contestKeyboard(ctx, true, true),
    link_preview_options: { is_disabled: true },
  });
}
