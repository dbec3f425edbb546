import type { FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { textQuestion, type Choice, type Question } from "../../ui/form/question.js";
import { formatList, momentText } from "../../ui/format.js";
import { isPastDeadline } from "../../event/time.js";
import { checkEntryLink, checkIdea, entrySites, IDEA_MAX_LENGTH, IDEA_MIN_LENGTH } from "./rules.js";
import { contestOf, entryCardKeyboard, entryText } from "./screens.js";

export const ENTRY_CONVERSATION = "contest-entry";
const KEEP = "keep";

type Kept<T> = T | typeof KEEP;
/** Keep the current one: a button of each question when editing an entry. */
const keepButton = (ctx: FlowContext, canKeep: boolean): Choice[][] => (canKeep ? [[[ctx.t("contest-keep"), KEEP]]] : []);
const keep = (value: string) => (value === KEEP ? { value: KEEP } : undefined);

function linkQuestion(ctx: FlowContext, allowedHosts: string[], canKeep: boolean) {
  const sites = entrySites(allowedHosts);
  return textQuestion<Kept<string>>(ctx, {
    prompt: ctx.t("contest-ask-link", { sites: formatList(ctx, sites, "or") }),
    buttons: keepButton(ctx, canKeep),
    maxLength: 500,
    wrongType: ctx.t("contest-text-expected"),
    onButton: keep,
    check: (text) => {
      const check = checkEntryLink(text, allowedHosts);
      if (check.ok) return { value: check.url };
      return { hint: ctx.t(`contest-link-${check.problem}`, { hosts: sites.join(", ") }) };
    },
  });
}

function ideaQuestion(ctx: FlowContext, canKeep: boolean, language: string) {
  const limits = { min: IDEA_MIN_LENGTH, max: IDEA_MAX_LENGTH };
  const own = ctx.deps.event.contest?.entryQuestion;
  return textQuestion<Kept<string>>(ctx, {
    prompt: own
      ? `${escapeHtml(ctx.deps.event.text(own, language))} ${ctx.t("contest-text-limits", limits)}`
      : ctx.t("contest-ask-idea", limits),
    buttons: keepButton(ctx, canKeep),
    maxLength: IDEA_MAX_LENGTH,
    tooLong: (length) => ctx.t("contest-idea-too-long", { ...limits, length }),
    wrongType: ctx.t("contest-text-expected"),
    onButton: keep,
    check: (text) => {
      const check = checkIdea(text);
      if (check.ok) return { value: check.idea };
      return { hint: ctx.t(`contest-idea-${check.problem}`, { ...limits, length: [...text.trim()].length }) };
    },
  });
}

const photoQuestion = (ctx: FlowContext, canKeep: boolean): Question<Kept<string>> => ({
  prompt: ctx.t("contest-ask-photo"),
  buttons: keepButton(ctx, canKeep),
  wrongType: ctx.t("contest-photo-expected"),
  read: (answer) => {
    if (answer.kind === "photo") return { value: answer.fileId };
    if (answer.kind === "button") return keep(answer.value);
    return { hint: ctx.t("contest-photo-expected") };
  },
});

/** Submit or edit the one entry of this user: link, idea, photo; saved only before the deadline. */
export async function entryConversation(conversation: FormConversation, ctx: FlowContext): Promise<void> {
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

  const canKeep = existing !== undefined;
  const cancelled = ctx.t(canKeep ? "contest-cancelled" : "contest-cancelled-new");
  const form = await Form.open(conversation, ctx, { title: ctx.t("contest-form-title"), cancelled });
  const language = await ctx.i18n.getLocale();
  // The entry, in order; adding a question is one line here.
  const { link, idea, photoFileId } = await form.fill({
    link: linkQuestion(ctx, contest.allowedHosts, canKeep),
    idea: ideaQuestion(ctx, canKeep, language),
    photoFileId: photoQuestion(ctx, canKeep),
  });

  if (await closed()) {
    await ctx.reply(ctx.t("contest-closed", { deadline: await momentText(ctx, deadline) }));
    return;
  }
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
    reply_markup: entryCardKeyboard(ctx, true),
    link_preview_options: { is_disabled: true },
  });
}
