import type { FlowContext } from "../../bot/context.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { choiceQuestion, textQuestion, type Choice, type Question } from "../../ui/form/question.js";
import { escapeHtml } from "../../ui/html.js";
import type { Idea, IdeaDraft } from "../../store/ideas.js";
import { ideasMenuKeyboard } from "./keyboards.js";
import { categoryLabel, sendForModeration } from "./notify.js";
import {
  IDEA_MAX_LENGTH,
  IDEA_MIN_LENGTH,
  checkIdeaText,
  dailyLimitReached,
  excerpt,
  findSimilar,
  ideaDay,
  insideBounds,
  onlyCategory,
} from "./rules.js";

export const SUBMIT_CONVERSATION = "idea-submit";

type Draft = Pick<IdeaDraft, "photo" | "latitude" | "longitude"> & { category: string; text: string };
type Place = { latitude?: number; longitude?: number };

// Preview → Edit → preview rounds before the form gives up.
const MAX_EDIT_ROUNDS = 10;

const categoryQuestion = (ctx: FlowContext, language: string) =>
  choiceQuestion(ctx, {
    prompt: ctx.t("ideas-ask-category"),
    choices: (ctx.deps.event.ideas?.categories ?? []).map(({ id, name }) => [ctx.deps.event.text(name, language), id] as const),
    field: ctx.t("ideas-category-field"),
    hint: ctx.t("ideas-category-hint"),
  });

const textOfIdea = (ctx: FlowContext) =>
  textQuestion<string>(ctx, {
    prompt: ctx.t("ideas-ask-text", { min: IDEA_MIN_LENGTH, max: IDEA_MAX_LENGTH }),
    maxLength: IDEA_MAX_LENGTH,
    tooLong: (length, max) => ctx.t("ideas-text-too-long", { length, max }),
    wrongType: ctx.t("ideas-text-not-text"),
    check: (text) => {
      const checked = checkIdeaText(text);
      if (checked.ok) return { value: checked.text };
      return checked.problem === "too-short"
        ? { hint: ctx.t("ideas-text-too-short", { min: IDEA_MIN_LENGTH }) }
        : { hint: ctx.t("ideas-text-too-long", { length: [...text.trim()].length, max: IDEA_MAX_LENGTH }) };
    },
  });

/** An optional photo: its file id, or undefined when skipped. */
const photoQuestion = (ctx: FlowContext): Question<string | undefined> => ({
  prompt: ctx.t("ideas-ask-photo"),
  buttons: [[[ctx.t("ideas-skip"), "skip"]]],
  wrongType: ctx.t("ideas-photo-hint"),
  read: (answer) => {
    if (answer.kind === "photo") return { value: answer.fileId };
    // The question keeps "No photo ✓", what was chosen, rather than the Skip button's label.
    if (answer.kind === "button") return answer.value === "skip" ? { value: undefined, chosen: ctx.t("ideas-photo-skipped") } : undefined;
    return { hint: ctx.t("ideas-photo-hint") };
  },
});

/** An optional map pin inside the event's bounds. */
const placeQuestion = (ctx: FlowContext): Question<Place> => ({
  prompt: ctx.t("ideas-ask-place"),
  reply: { location: ctx.t("ideas-send-location"), buttons: [[ctx.t("ideas-skip"), "skip"]] },
  wrongType: ctx.t("ideas-place-hint"),
  read: (answer) => {
    if (answer.kind === "button") return { value: {}, note: ctx.t("ideas-place-skipped") };
    if (answer.kind !== "location") return { hint: ctx.t("ideas-place-hint") };
    if (!insideBounds(answer, ctx.deps.event.ideas?.bounds)) return { hint: ctx.t("ideas-place-outside") };
    return { value: { latitude: answer.latitude, longitude: answer.longitude }, note: ctx.t("ideas-place-saved") };
  },
});

/** The idea form, in order; adding a question is one line here. */
const questions = (ctx: FlowContext, language: string) => ({
  category: categoryQuestion(ctx, language),
  text: textOfIdea(ctx),
  photo: photoQuestion(ctx),
  place: placeQuestion(ctx),
});
type Field = keyof ReturnType<typeof questions>;
const FIELDS: readonly Field[] = ["category", "text", "photo", "place"];

function setField(draft: Draft, field: Field, value: unknown) {
  if (field === "place") {
    const place = value as Place;
    draft.latitude = place.latitude;
    draft.longitude = place.longitude;
  } else if (field === "photo") draft.photo = value as string | undefined;
  else draft[field] = value as string;
}

function previewText(ctx: FlowContext, draft: Draft, language: string, similar: Idea[]): string {
  const lines = [
    ctx.t("ideas-preview-title"),
    ctx.t("ideas-field-category", { category: escapeHtml(categoryLabel(ctx.deps, draft.category, language)) }),
  ];
  if (draft.photo) lines.push(ctx.t("ideas-field-photo"));
  if (draft.latitude !== undefined && draft.longitude !== undefined) {
    lines.push(ctx.t("ideas-field-place", { latitude: draft.latitude.toFixed(5), longitude: draft.longitude.toFixed(5) }));
  }
  lines.push("", escapeHtml(draft.text));
  if (similar.length > 0) {
    lines.push("", ctx.t("ideas-similar-title"));
    for (const idea of similar) {
      lines.push(ctx.t("ideas-similar-line", { id: String(idea.id), supports: idea.supports, text: escapeHtml(excerpt(idea.text, 200)) }));
    }
  }
  return lines.join("\n");
}

/** Which of the ideas the user supports. */
async function supportedOf(ctx: FlowContext, ideas: Idea[]): Promise<number[]> {
  const flags = await Promise.all(ideas.map((idea) => ctx.deps.store.ideas.supports(idea.id, ctx.from!.id)));
  return ideas.filter((_, i) => flags[i]).map((idea) => idea.id);
}

/** The preview's text and buttons: similar ideas with their support counts (💚 where the user supports one), Submit, Edit. */
function previewScreen(ctx: FlowContext, draft: Draft, language: string, similar: Idea[], supported: ReadonlySet<number>) {
  const supportRow: Choice[] = similar.map((idea) => {
    const key = supported.has(idea.id) ? "ideas-supported-button" : "ideas-support-button";
    return [ctx.t(key, { id: String(idea.id), supports: idea.supports }), `sup.${idea.id}`];
  });
  const buttons: Choice[][] = [
    ...(supportRow.length ? [supportRow] : []),
    [
      [ctx.t("ideas-submit"), "submit"],
      [ctx.t("ideas-edit"), "edit"],
    ],
  ];
  return { prompt: previewText(ctx, draft, language, similar), buttons };
}

/** The preview with Submit / Edit (which field) / Cancel; taps on similar ideas support them without leaving. */
async function preview(
  form: Form,
  conversation: FormConversation,
  ctx: FlowContext,
  draft: Draft,
  language: string,
  editable: readonly Field[],
): Promise<"submit" | Field> {
  // Only the few similar ideas enter the form's replay log, not the whole category; filtering
  // again is a no-op on them and trims a log written before, which kept every candidate.
  const found = await conversation.external(async (outside) =>
    findSimilar(draft, await outside.deps.store.ideas.publicInCategory(draft.category)),
  );
  const similar = findSimilar(draft, found);
  const supportedAtStart = await conversation.external((outside) => supportedOf(outside, similar));
  const choice = await form.ask<"submit" | "edit">({
    ...previewScreen(ctx, draft, language, similar, new Set(supportedAtStart)),
    wrongType: ctx.t("ideas-preview-hint"),
    read: async (answer) => {
      if (answer.kind !== "button") return { hint: ctx.t("ideas-preview-hint") };
      if (answer.value === "submit" || answer.value === "edit") return { value: answer.value };
      const supportId = Number(answer.value.match(/^sup\.(\d+)$/)?.[1]);
      if (!similar.some((idea) => idea.id === supportId)) return undefined;
      const { result, now, supported } = await conversation.external(async (outside) => {
        const { ideas } = outside.deps.store;
        const toggled = await ideas.toggleSupport(supportId, outside.from!.id);
        if (toggled.ok && toggled.supported) await outside.deps.store.ideaUpdates.followBySupport(supportId, outside.from!.id);
        if (toggled.ok && !toggled.supported) await outside.deps.store.ideaUpdates.unfollowBySupport(supportId, outside.from!.id);
        // The counts as they are after the tap, for the buttons on screen.
        const current = await ideas.getMany(similar.map((idea) => idea.id));
        return { result: toggled, now: current, supported: await supportedOf(outside, current) };
      });
      const refused = result.ok ? undefined : result.reason === "own" ? "ideas-own" : "ideas-not-public";
      return {
        toast: ctx.t(refused ?? (result.ok && result.supported ? "ideas-supported" : "ideas-unsupported")),
        redraw: previewScreen(ctx, draft, language, now, new Set(supported)),
      };
    },
  });
  if (choice === "submit") return "submit";
  return form.ask(
    choiceQuestion<Field>(ctx, {
      prompt: ctx.t("ideas-edit-which"),
      choices: editable.map((field) => [ctx.t(`ideas-edit-${field}`), field] as const),
      columns: 4,
    }),
  );
}

/**
 * The idea form: category (unless the file has only one), text, optional photo, optional place,
 * then a preview with similar ideas, Submit / Edit / Cancel. Submitting stores the idea (within the
 * daily limit) and sends it to moderation, or publishes it at once when the event file turns
 * moderation off.
 */
export async function ideaSubmitConversation(conversation: FormConversation, ctx: FlowContext): Promise<void> {
  const config = ctx.deps.event.ideas;
  if (!config || !ctx.from) return;
  const userId = ctx.from.id;
  const authorName =
    [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ") + (ctx.from.username ? ` @${ctx.from.username}` : "");
  const language = await ctx.i18n.getLocale();
  const today = async () => {
    const now = await conversation.external((outside) => outside.deps.clock().getTime());
    return ideaDay(new Date(now), ctx.deps.event.timezone);
  };

  const day = await today();
  const sent = await conversation.external((outside) => outside.deps.store.ideas.sentOn(userId, day));
  if (dailyLimitReached(sent, config.dailyLimit)) {
    await ctx.reply(ctx.t("ideas-limit-reached", { limit: config.dailyLimit }), { reply_markup: ideasMenuKeyboard(ctx) });
    return;
  }

  const form = await Form.open(conversation, ctx, { title: ctx.t("ideas-form-title"), cancelled: ctx.t("ideas-cancelled") });
  const ask = questions(ctx, language);
  // A single category needs no choosing: the idea goes in it, and the form starts at its text.
  const single = onlyCategory(config);
  const { category, ...afterCategory } = ask;
  const filled = single ? { ...(await form.fill(afterCategory)), category: single } : await form.fill({ category, ...afterCategory });
  const editable = single ? FIELDS.filter((field) => field !== "category") : FIELDS;
  const draft: Draft = { category: filled.category, text: filled.text };
  setField(draft, "photo", filled.photo);
  setField(draft, "place", filled.place);

  for (let round = 0; round < MAX_EDIT_ROUNDS; round++) {
    const action = await preview(form, conversation, ctx, draft, language, editable);
    if (action !== "submit") {
      setField(draft, action, await form.ask<unknown>(ask[action]));
      continue;
    }

    const submitDay = await today();
    const result = await conversation.external(async (outside) => {
      const { store, clock } = outside.deps;
      const created = await store.ideas.create(
        // Tagged with the event running now, if any (src/event/series.ts).
        { ...draft, authorId: userId, authorName, language, eventId: outside.deps.series.runningAt(clock())?.id },
        { now: clock(), day: submitDay, dailyLimit: config.dailyLimit, publish: !config.moderation },
      );
      if (created.ok && config.moderation) await sendForModeration(outside.api, outside.deps, created.idea);
      return created;
    });
    if (!result.ok) {
      await ctx.reply(ctx.t("ideas-limit-reached", { limit: config.dailyLimit }), { reply_markup: ideasMenuKeyboard(ctx) });
      return;
    }
    const done = config.moderation ? "ideas-submitted-review" : "ideas-submitted-published";
    await ctx.reply(ctx.t(done, { id: String(result.idea.id) }), { reply_markup: ideasMenuKeyboard(ctx) });
    return;
  }
  await form.end(ctx.t("form-too-many", { form: ctx.t("ideas-form-title") }));
}
