import { InlineKeyboard, InputFile } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { isOrganiser, requireRole } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { ideaStatusKey } from "../../ui/labels.js";
import { showScreen } from "../../ui/screens.js";
import { IDEA_STATUSES, type Idea, type IdeaStatus } from "../../store/ideas.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { ALL, ideasData } from "./callback-data.js";
import { ideasCsv, ideasGeoJson } from "./export.js";
import { mediaButtons } from "./keyboards.js";
import { ANSWER_CONVERSATION, type AnswerMode } from "./moderation.js";
import { categoryLabel } from "./notify.js";
import { milestoneLines } from "./texts.js";
import { onlyCategory } from "./rules.js";
import { announceIdeaUpdate } from "./updates.js";

/** Statuses an organiser sets by a button ("merged" comes only from a merge). */
const SETTABLE_STATUSES = IDEA_STATUSES.filter((status) => status !== "merged");

/** The organisers' filter: a status or *, a category id or *. */
interface Filter {
  status: IdeaStatus | typeof ALL;
  category: string;
}

const matches = (idea: Idea, filter: Filter) =>
  (filter.status === ALL || idea.status === filter.status) && (filter.category === ALL || idea.category === filter.category);

/** /ideas (and, as a new message below it, the organisers' home screen): ideas by status. */
export async function overview(ctx: FlowContext, below = false) {
  const ideas = await ctx.deps.store.ideas.all();
  // The statuses first, "All" after them: one looks for a status before the total.
  const keyboard = new InlineKeyboard();
  IDEA_STATUSES.forEach((status, i) => {
    const count = ideas.filter((idea) => idea.status === status).length;
    keyboard.text(ctx.t("ideas-admin-status", { status: ctx.t(ideaStatusKey(status)), count }), ideasData.status.pack({ status }));
    if (i % 2 === 1) keyboard.row();
  });
  backToMenuKeyboard(ctx, keyboard.text(ctx.t("ideas-admin-all", { count: ideas.length }), ideasData.status.pack({ status: ALL })).row());
  const title = ctx.t("ideas-admin-title", { total: ideas.length });
  if (below) await ctx.reply(title, { parse_mode: "HTML", reply_markup: keyboard });
  else await showScreen(ctx, title, keyboard);
}

async function categories(ctx: FlowContext, status: Filter["status"]) {
  // One category is no choice: the status's ideas open at once.
  if (onlyCategory(ctx.deps.event.ideas)) return card(ctx, { status, category: ALL }, 0);
  const language = await ctx.i18n.getLocale();
  const ideas = (await ctx.deps.store.ideas.all()).filter((idea) => matches(idea, { status, category: ALL }));
  const keyboard = new InlineKeyboard();
  for (const category of ctx.deps.event.ideas?.categories ?? []) {
    const count = ideas.filter((idea) => idea.category === category.id).length;
    keyboard
      .text(`${ctx.deps.event.text(category.name, language)} (${count})`, ideasData.card.pack({ status, category: category.id, index: 0 }))
      .row();
  }
  keyboard
    .text(ctx.t("ideas-admin-all-categories", { count: ideas.length }), ideasData.card.pack({ status, category: ALL, index: 0 }))
    .row();
  backToMenuKeyboard(ctx, keyboard.text(ctx.t("ideas-back"), ideasData.overview.pack()));
  await showScreen(
    ctx,
    ctx.t("ideas-admin-categories", { status: ctx.t(status === ALL ? "ideas-status-all" : ideaStatusKey(status)) }),
    keyboard,
  );
}

/** One idea of the filtered list with everything an organiser can do to it; `focus` keeps a just-changed idea on screen. */
async function card(ctx: FlowContext, filter: Filter, index: number, focus?: number) {
  const language = await ctx.i18n.getLocale();
  // A just-changed idea stays in its place in the list it was found in, though its new status may no longer match.
  const list = (await ctx.deps.store.ideas.all()).filter((idea) => matches(idea, filter) || idea.id === focus).reverse();
  const focused = list.findIndex((idea) => idea.id === focus);
  const position = focused >= 0 ? focused : Math.max(0, Math.min(index, list.length - 1));
  const idea = list[position];
  // Back to the choice of category, or with a single category to the choice of status.
  const backTo = onlyCategory(ctx.deps.event.ideas) ? ideasData.overview.pack() : ideasData.status.pack({ status: filter.status });
  const back = () => backToMenuKeyboard(ctx, new InlineKeyboard().text(ctx.t("ideas-back"), backTo));
  if (!idea) return showScreen(ctx, ctx.t("ideas-admin-empty"), back());

  const text = [
    ctx.t("ideas-admin-card", {
      id: String(idea.id),
      position: position + 1,
      total: list.length,
      status: ctx.t(ideaStatusKey(idea.status)),
      supports: idea.supports,
      category: escapeHtml(categoryLabel(ctx.deps, idea.category, language)),
      when: await momentText(ctx, new Date(idea.createdAt)),
      author: escapeHtml(idea.authorName || ctx.t("ideas-author-erased")),
    }),
    "",
    escapeHtml(idea.text),
    ...(idea.answer ? [ctx.t("ideas-answer-line", { answer: escapeHtml(idea.answer) })] : []),
    ...milestoneLines(ctx, await ctx.deps.store.ideaUpdates.milestones(idea.id)),
    ...(idea.mergedInto ? [ctx.t("ideas-merged-line", { id: String(idea.mergedInto) })] : []),
  ].join("\n");

  const keyboard = new InlineKeyboard();
  // A merged idea keeps its place in the lists but takes no more decisions: they belong to the idea it joined.
  const settable = idea.status === "merged" ? [] : SETTABLE_STATUSES.filter((status) => status !== idea.status);
  settable.forEach((to, i) => {
    keyboard.text(
      ctx.t(`ideas-admin-set-${to.replace(/_/g, "-")}`),
      ideasData.setStatus.pack({ idea: idea.id, to, ...filter, index: position }),
    );
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("ideas-admin-answer"), ideasData.answer.pack({ idea: idea.id }));
  if (idea.status !== "merged") {
    keyboard
      .text(ctx.t("ideas-admin-milestone"), ideasData.milestone.pack({ idea: idea.id }))
      .row()
      .text(ctx.t("ideas-admin-merge"), ideasData.merge.pack({ idea: idea.id }));
  }
  mediaButtons(ctx, keyboard, idea).row();
  if (position > 0) keyboard.text("◀️", ideasData.card.pack({ ...filter, index: position - 1 }));
  // An idea shown only because it just changed is gone from the list the arrows page through: the next one takes its index.
  const next = matches(idea, filter) ? position + 1 : position;
  if (position < list.length - 1) keyboard.text("▶️", ideasData.card.pack({ ...filter, index: next }));
  await showScreen(ctx, text, keyboard.row().append(back()));
}

/** Sends the ideas as a spreadsheet and, for those with a place, as a GeoJSON map layer. */
async function exportIdeas(ctx: FlowContext) {
  const ideas = await ctx.deps.store.ideas.all();
  const details = await ctx.deps.store.ideaUpdates.details(ideas.map((idea) => idea.id));
  const geo = ideasGeoJson(ideas, details);
  const id = ctx.deps.event.id;
  await ctx.deps.store.audit.record(ctx.from!.id, "export", `ideas, ${ideas.length} rows`, ctx.deps.clock(), {
    what: "ideas",
    count: ideas.length,
  });
  await ctx.replyWithDocument(new InputFile(ideasCsv(ideas, details), `ideas-${id}.csv`), {
    caption: ctx.t("ideas-export-csv", { count: ideas.length }),
  });
  await ctx.replyWithDocument(new InputFile(Buffer.from(JSON.stringify(geo, null, 1), "utf8"), `ideas-${id}.geojson`), {
    caption: ctx.t("ideas-export-geojson", { count: geo.features.length }),
  });
}

/** /ideas and /export ideas for the organisers; every handler checks the sender. */
export const ideasAdminFeature = new Composer<BotContext>();
const privateChat = ideasAdminFeature.chatType("private");
const admin = requireRole("organiser");

// A guest's /ideas is a slip for /idea: it goes on to the ideas screen (src/features/ideas/index.ts).
privateChat.command("ideas").filter(isOrganiser, (ctx) => overview(ctx));

// Plain /export (the guest list) and other payloads belong to other features.
privateChat.command("export").filter((ctx) => ctx.match.trim().toLowerCase() === "ideas", admin, exportIdeas);

privateChat.use(
  onTap(ideasData.overview, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await overview(ctx);
  }),
);

privateChat.use(
  onTap(ideasData.status, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await categories(ctx, ctx.callbackData.status);
  }),
);

privateChat.use(
  onTap(ideasData.card, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { index, ...filter } = ctx.callbackData;
    await card(ctx, filter, index);
  }),
);

privateChat.use(
  onTap(ideasData.setStatus, admin, async (ctx) => {
    const { idea: id, to: status, index, ...filter } = ctx.callbackData;
    const current = await ctx.deps.store.ideas.get(id);
    if (status === "merged" || current?.status === "merged") return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
    const result = await ctx.deps.store.ideas.setStatus(id, status, { now: ctx.deps.clock() });
    if (result.ok)
      await ctx.deps.store.audit.record(ctx.from.id, "idea-status", `idea ${id} → ${status}`, ctx.deps.clock(), { idea: id, status });
    if (!result.ok && result.reason === "missing") return ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
    await ctx.answerCallbackQuery({ text: ctx.t("ideas-admin-changed", { id: String(id), status: ctx.t(ideaStatusKey(status)) }) });
    if (result.ok) await announceIdeaUpdate(ctx.deps, result.after, "s");
    await card(ctx, filter, index, id);
  }),
);

// The answer, a milestone and a merge are forms (src/features/ideas/moderation.ts); each step checks the role again.
const openForm = (mode: AnswerMode) => async (ctx: BotContext & { callbackData: { idea: number } }) => {
  const id = ctx.callbackData.idea;
  const idea = await ctx.deps.store.ideas.get(id);
  if (!idea) return ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
  if (mode !== "answer" && idea.status === "merged") return ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(ANSWER_CONVERSATION, id, mode);
};
privateChat.use(onTap(ideasData.answer, admin, openForm("answer")));
privateChat.use(onTap(ideasData.milestone, admin, openForm("milestone")));
privateChat.use(onTap(ideasData.merge, admin, openForm("merge")));
