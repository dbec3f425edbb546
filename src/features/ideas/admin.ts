import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { ideaStatusKey } from "../../ui/labels.js";
import { showScreen } from "../../ui/screens.js";
import { IDEA_STATUSES, type Idea, type IdeaStatus } from "../../store/ideas.js";
import { STATUS_CODES, refuseNonAdmin, statusFromCode } from "./access.js";
import { ideasCsv, ideasGeoJson } from "./export.js";
import { ANSWER_CONVERSATION, type AnswerMode } from "./moderation.js";
import { categoryLabel, notifyAuthor } from "./notify.js";

const ALL = "*";

/** The organisers' filter: a status code or *, a category id or *. */
interface Filter {
  status: string;
  category: string;
}

const matches = (idea: Idea, filter: Filter) =>
  (filter.status === ALL || STATUS_CODES[idea.status] === filter.status) && (filter.category === ALL || idea.category === filter.category);

/** /ideas (and, as a new message below it, the organisers' home screen): ideas by status. */
export async function overview(ctx: FlowContext, below = false) {
  const ideas = await ctx.deps.store.ideas.all();
  // The statuses first, "All" after them: one looks for a status before the total.
  const keyboard = new InlineKeyboard();
  IDEA_STATUSES.forEach((status, i) => {
    const count = ideas.filter((idea) => idea.status === status).length;
    keyboard.text(ctx.t("ideas-admin-status", { status: ctx.t(ideaStatusKey(status)), count }), `ideas:a:${STATUS_CODES[status]}`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.text(ctx.t("ideas-admin-all", { count: ideas.length }), `ideas:a:${ALL}`).row();
  keyboard.text(ctx.t("menu-back"), "menu:home");
  const title = ctx.t("ideas-admin-title", { total: ideas.length });
  if (below) await ctx.reply(title, { parse_mode: "HTML", reply_markup: keyboard });
  else await showScreen(ctx, title, keyboard);
}

async function categories(ctx: FlowContext, statusCode: string) {
  const language = await ctx.i18n.getLocale();
  const ideas = (await ctx.deps.store.ideas.all()).filter((idea) => matches(idea, { status: statusCode, category: ALL }));
  const keyboard = new InlineKeyboard();
  for (const category of ctx.deps.event.ideas?.categories ?? []) {
    const count = ideas.filter((idea) => idea.category === category.id).length;
    keyboard.text(`${ctx.deps.event.text(category.name, language)} (${count})`, `ideas:a:${statusCode}:${category.id}:0`).row();
  }
  keyboard.text(ctx.t("ideas-admin-all-categories", { count: ideas.length }), `ideas:a:${statusCode}:${ALL}:0`).row();
  keyboard.text(ctx.t("ideas-back"), "ideas:a").text(ctx.t("menu-back"), "menu:home");
  const status = statusFromCode(statusCode);
  await showScreen(ctx, ctx.t("ideas-admin-categories", { status: status ? ctx.t(ideaStatusKey(status)) : "*" }), keyboard);
}

/** One idea of the filtered list with everything an organiser can do to it; `focus` keeps a just-changed idea on screen. */
async function card(ctx: FlowContext, filter: Filter, index: number, focus?: number) {
  const language = await ctx.i18n.getLocale();
  // A just-changed idea stays in its place in the list it was found in, though its new status may no longer match.
  const list = (await ctx.deps.store.ideas.all()).filter((idea) => matches(idea, filter) || idea.id === focus).reverse();
  const focused = list.findIndex((idea) => idea.id === focus);
  const position = focused >= 0 ? focused : Math.max(0, Math.min(index, list.length - 1));
  const idea = list[position];
  const back = new InlineKeyboard().text(ctx.t("ideas-back"), `ideas:a:${filter.status}`).text(ctx.t("menu-back"), "menu:home");
  if (!idea) return showScreen(ctx, ctx.t("ideas-admin-empty"), back);

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
  ].join("\n");

  const tail = `${filter.status}:${filter.category}:${position}`;
  const keyboard = new InlineKeyboard();
  IDEA_STATUSES.filter((status) => status !== idea.status).forEach((status, i) => {
    keyboard.text(ctx.t(`ideas-admin-set-${status.replace(/_/g, "-")}`), `ideas:as:${idea.id}:${STATUS_CODES[status]}:${tail}`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("ideas-admin-answer"), `ideas:aa:${idea.id}`);
  if (idea.photo) keyboard.text(ctx.t("ideas-photo-button", { id: String(idea.id) }), `ideas:ph:${idea.id}`);
  if (idea.latitude !== undefined) keyboard.text(ctx.t("ideas-place-button", { id: String(idea.id) }), `ideas:pin:${idea.id}`);
  keyboard.row();
  if (position > 0) keyboard.text("◀️", `ideas:a:${filter.status}:${filter.category}:${position - 1}`);
  // An idea shown only because it just changed is gone from the list the arrows page through: the next one takes its index.
  const next = matches(idea, filter) ? position + 1 : position;
  if (position < list.length - 1) keyboard.text("▶️", `ideas:a:${filter.status}:${filter.category}:${next}`);
  keyboard.row().text(ctx.t("ideas-back"), `ideas:a:${filter.status}`).text(ctx.t("menu-back"), "menu:home");
  await showScreen(ctx, text, keyboard);
}

/** Sends the ideas as a spreadsheet and, for those with a place, as a GeoJSON map layer. */
async function exportIdeas(ctx: FlowContext) {
  const ideas = await ctx.deps.store.ideas.all();
  const geo = ideasGeoJson(ideas);
  const id = ctx.deps.event.id;
  await ctx.deps.store.audit.record(ctx.from!.id, "export", `ideas, ${ideas.length} rows`, ctx.deps.clock(), { what: "ideas", count: ideas.length });
  await ctx.replyWithDocument(new InputFile(ideasCsv(ideas), `ideas-${id}.csv`), {
    caption: ctx.t("ideas-export-csv", { count: ideas.length }),
  });
  await ctx.replyWithDocument(new InputFile(Buffer.from(JSON.stringify(geo, null, 1), "utf8"), `ideas-${id}.geojson`), {
    caption: ctx.t("ideas-export-geojson", { count: geo.features.length }),
  });
}

const FILTER = "([nprax*]):([a-z0-9_-]{1,24}|\\*)";

/** /ideas and /export ideas for the organisers; every handler checks the sender. */
export const ideasAdminFeature = new Composer<BotContext>();
const privateChat = ideasAdminFeature.chatType("private");

privateChat.command("ideas", async (ctx) => {
  if (await refuseNonAdmin(ctx)) return;
  await overview(ctx);
});

// Plain /export (the guest list) and other payloads belong to other features.
privateChat.command("export", async (ctx, next) => {
  if (ctx.match.trim().toLowerCase() !== "ideas") return next();
  if (await refuseNonAdmin(ctx)) return;
  await exportIdeas(ctx);
});

privateChat.callbackQuery("ideas:a", async (ctx) => {
  if (await refuseNonAdmin(ctx)) return;
  await ctx.answerCallbackQuery();
  await overview(ctx);
});

privateChat.callbackQuery(/^ideas:a:([nprax*])$/, async (ctx) => {
  if (await refuseNonAdmin(ctx)) return;
  await ctx.answerCallbackQuery();
  await categories(ctx, ctx.match[1]!);
});

privateChat.callbackQuery(new RegExp(`^ideas:a:${FILTER}:(\\d{1,5})$`), async (ctx) => {
  if (await refuseNonAdmin(ctx)) return;
  await ctx.answerCallbackQuery();
  await card(ctx, { status: ctx.match[1]!, category: ctx.match[2]! }, Number(ctx.match[3]));
});

privateChat.callbackQuery(new RegExp(`^ideas:as:(\\d{1,9}):([nprax]):${FILTER}:(\\d{1,5})$`), async (ctx) => {
  if (await refuseNonAdmin(ctx)) return;
  const id = Number(ctx.match[1]);
  const status = statusFromCode(ctx.match[2]!) as IdeaStatus;
  const result = await ctx.deps.store.ideas.setStatus(id, status, { now: ctx.deps.clock() });
  if (result.ok) await ctx.deps.store.audit.record(ctx.from.id, "idea-status", `idea ${id} → ${status}`, ctx.deps.clock(), { idea: id, status });
  if (!result.ok && result.reason === "missing") return ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
  await ctx.answerCallbackQuery({ text: ctx.t("ideas-admin-changed", { id: String(id), status: ctx.t(ideaStatusKey(status)) }) });
  if (result.ok) await notifyAuthor(ctx.api, ctx.deps, result.after, "status");
  await card(ctx, { status: ctx.match[3]!, category: ctx.match[4]! }, Number(ctx.match[5]), id);
});

privateChat.callbackQuery(/^ideas:aa:(\d{1,9})$/, async (ctx) => {
  if (await refuseNonAdmin(ctx)) return;
  const id = Number(ctx.match[1]);
  if (!(await ctx.deps.store.ideas.get(id))) return ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(ANSWER_CONVERSATION, id, "answer" satisfies AnswerMode);
});
