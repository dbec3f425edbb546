import { InlineKeyboard, Keyboard } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import type { Idea, IdeaDraft } from "../../store/ideas.js";
import { CANCEL_DATA, FORM_PREFIX, waitStep, type IdeasConversation } from "./form.js";
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
} from "./rules.js";

export const SUBMIT_CONVERSATION = "idea-submit";

type Draft = Pick<IdeaDraft, "photo" | "latitude" | "longitude"> & { category: string; text: string };
type Field = "category" | "text" | "photo" | "place";

// Preview → Edit → preview rounds before the form gives up.
const MAX_EDIT_ROUNDS = 10;

const cancelButton = (ctx: FlowContext) => new InlineKeyboard().text(ctx.t("ideas-cancel"), CANCEL_DATA);

async function discard(ctx: FlowContext) {
  await ctx.reply(ctx.t("ideas-cancelled"), { reply_markup: { remove_keyboard: true } });
  await ctx.reply(ctx.t("ideas-menu-title"), { parse_mode: "HTML", reply_markup: ideasMenuKeyboard(ctx) });
}

async function askCategory(conversation: IdeasConversation, ctx: FlowContext, language: string): Promise<string> {
  const categories = ctx.deps.event.ideas?.categories ?? [];
  const keyboard = new InlineKeyboard();
  for (const category of categories) keyboard.text(ctx.deps.event.text(category.name, language), `${FORM_PREFIX}cat:${category.id}`).row();
  keyboard.text(ctx.t("ideas-cancel"), CANCEL_DATA);
  await ctx.reply(ctx.t("ideas-ask-category"), { parse_mode: "HTML", reply_markup: keyboard });
  return waitStep<string>(
    conversation,
    (answer) => {
      const id = answer.callbackQuery?.data?.match(/^ideas:f:cat:([a-z0-9_-]+)$/)?.[1];
      if (id && categories.some((category) => category.id === id)) return { value: id };
      return { hint: answer.t("ideas-category-hint") };
    },
    discard,
  );
}

async function askText(conversation: IdeasConversation, ctx: FlowContext): Promise<string> {
  await ctx.reply(ctx.t("ideas-ask-text", { min: IDEA_MIN_LENGTH, max: IDEA_MAX_LENGTH }), {
    parse_mode: "HTML",
    reply_markup: cancelButton(ctx),
  });
  return waitStep<string>(
    conversation,
    (answer) => {
      const text = answer.message?.text;
      if (text === undefined) return answer.callbackQuery ? undefined : { hint: answer.t("ideas-text-not-text") };
      const checked = checkIdeaText(text);
      if (checked.ok) return { value: checked.text };
      return checked.problem === "too-short"
        ? { hint: answer.t("ideas-text-too-short", { min: IDEA_MIN_LENGTH }) }
        : { hint: answer.t("ideas-text-too-long", { length: [...text.trim()].length, max: IDEA_MAX_LENGTH }) };
    },
    discard,
  );
}

async function askPhoto(conversation: IdeasConversation, ctx: FlowContext): Promise<string | undefined> {
  await ctx.reply(ctx.t("ideas-ask-photo"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("ideas-skip"), `${FORM_PREFIX}skip`).text(ctx.t("ideas-cancel"), CANCEL_DATA),
  });
  const photo = await waitStep<{ id?: string }>(
    conversation,
    (answer) => {
      if (answer.callbackQuery?.data === `${FORM_PREFIX}skip`) return { value: {} };
      const sizes = answer.message?.photo;
      // Telegram sends several sizes of one photo, the largest last.
      if (sizes?.length) return { value: { id: sizes[sizes.length - 1]!.file_id } };
      return answer.callbackQuery ? undefined : { hint: answer.t("ideas-photo-hint") };
    },
    discard,
  );
  return photo.id;
}

async function askPlace(conversation: IdeasConversation, ctx: FlowContext): Promise<{ latitude?: number; longitude?: number }> {
  const skip = ctx.t("ideas-skip");
  const keyboard = new Keyboard()
    .requestLocation(ctx.t("ideas-send-location"))
    .row()
    .text(skip)
    .text(ctx.t("ideas-cancel"))
    .resized()
    .oneTime();
  await ctx.reply(ctx.t("ideas-ask-place"), { parse_mode: "HTML", reply_markup: keyboard });
  const bounds = ctx.deps.event.ideas?.bounds;
  const place = await waitStep<{ latitude?: number; longitude?: number }>(
    conversation,
    (answer) => {
      if (answer.message?.text === skip) return { value: {} };
      const location = answer.message?.location;
      if (location) {
        return insideBounds(location, bounds)
          ? { value: { latitude: location.latitude, longitude: location.longitude } }
          : { hint: answer.t("ideas-place-outside") };
      }
      return answer.callbackQuery ? undefined : { hint: answer.t("ideas-place-hint") };
    },
    discard,
  );
  await ctx.reply(ctx.t(place.latitude === undefined ? "ideas-place-skipped" : "ideas-place-saved"), {
    reply_markup: { remove_keyboard: true },
  });
  return place;
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
    for (const idea of similar) lines.push(`• <b>#${idea.id}</b> (👍 ${idea.supports}) ${escapeHtml(excerpt(idea.text, 200))}`);
  }
  return lines.join("\n");
}

/** Shows the preview and waits for Submit, Edit (which field) or Cancel; supports taps on similar ideas. */
async function preview(conversation: IdeasConversation, ctx: FlowContext, draft: Draft, language: string): Promise<"submit" | Field> {
  const candidates = await conversation.external((outside) => outside.deps.store.ideas.publicInCategory(draft.category));
  const similar = findSimilar(draft, candidates);
  const keyboard = new InlineKeyboard();
  for (const idea of similar) keyboard.text(ctx.t("ideas-support-button", { id: String(idea.id), supports: idea.supports }), `${FORM_PREFIX}sup:${idea.id}`);
  if (similar.length) keyboard.row();
  keyboard
    .text(ctx.t("ideas-submit"), `${FORM_PREFIX}submit`)
    .text(ctx.t("ideas-edit"), `${FORM_PREFIX}edit`)
    .row()
    .text(ctx.t("ideas-cancel"), CANCEL_DATA);
  await ctx.reply(previewText(ctx, draft, language, similar), { parse_mode: "HTML", reply_markup: keyboard });

  const choice = await waitStep<"submit" | "edit">(
    conversation,
    async (answer) => {
      const data = answer.callbackQuery?.data;
      if (data === `${FORM_PREFIX}submit`) return { value: "submit" };
      if (data === `${FORM_PREFIX}edit`) return { value: "edit" };
      const supportId = Number(data?.match(/^ideas:f:sup:(\d+)$/)?.[1]);
      if (similar.some((idea) => idea.id === supportId)) {
        const userId = answer.from!.id;
        const result = await conversation.external((outside) => outside.deps.store.ideas.toggleSupport(supportId, userId));
        const refused = result.ok ? undefined : result.reason === "own" ? "ideas-own" : "ideas-not-public";
        const key = refused ?? (result.ok && result.supported ? "ideas-supported" : "ideas-unsupported");
        return { toast: answer.t(key) };
      }
      if (answer.callbackQuery) return undefined;
      return { hint: answer.t("ideas-preview-hint") };
    },
    discard,
  );
  if (choice === "submit") return "submit";

  const fields: Field[] = ["category", "text", "photo", "place"];
  const which = new InlineKeyboard();
  for (const field of fields) which.text(ctx.t(`ideas-edit-${field}`), `${FORM_PREFIX}edit:${field}`);
  which.row().text(ctx.t("ideas-cancel"), CANCEL_DATA);
  await ctx.reply(ctx.t("ideas-edit-which"), { reply_markup: which });
  return waitStep<Field>(
    conversation,
    (answer) => {
      const field = answer.callbackQuery?.data?.match(/^ideas:f:edit:(category|text|photo|place)$/)?.[1] as Field | undefined;
      if (field) return { value: field };
      return answer.callbackQuery ? undefined : { hint: ctx.t("ideas-edit-which") };
    },
    discard,
  );
}

/**
 * The idea form: category, text, optional photo, optional place, then a preview with similar
 * ideas, Submit / Edit / Cancel. Submitting stores the idea (within the daily limit) and sends it
 * to moderation, or publishes it at once when the event file turns moderation off.
 */
export async function ideaSubmitConversation(conversation: IdeasConversation, ctx: FlowContext): Promise<void> {
  const config = ctx.deps.event.ideas;
  if (!config || !ctx.from) return;
  const userId = ctx.from.id;
  const authorName = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ") + (ctx.from.username ? ` @${ctx.from.username}` : "");
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

  const draft: Draft = { category: await askCategory(conversation, ctx, language), text: "" };
  draft.text = await askText(conversation, ctx);
  draft.photo = await askPhoto(conversation, ctx);
  Object.assign(draft, await askPlace(conversation, ctx));

  for (let round = 0; round < MAX_EDIT_ROUNDS; round++) {
    const action = await preview(conversation, ctx, draft, language);
    if (action === "category") draft.category = await askCategory(conversation, ctx, language);
    if (action === "text") draft.text = await askText(conversation, ctx);
    if (action === "photo") draft.photo = await askPhoto(conversation, ctx);
    if (action === "place") {
      const place = await askPlace(conversation, ctx);
      draft.latitude = place.latitude;
      draft.longitude = place.longitude;
    }
    if (action !== "submit") continue;

    const submitDay = await today();
    const result = await conversation.external(async (outside) => {
      const { store, clock } = outside.deps;
      const created = await store.ideas.create(
        { ...draft, authorId: userId, authorName, language },
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
  await discard(ctx);
}
