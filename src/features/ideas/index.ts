import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { showScreen } from "../../ui/screens.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { ideasAdminFeature } from "./admin.js";
import { ideasBackRow, ideasMenuKeyboard } from "./keyboards.js";
import { ANSWER_CONVERSATION, ideaAnswerConversation, moderationFeature } from "./moderation.js";
import { categoryLabel } from "./notify.js";
import { isPublicStatus } from "./rules.js";
import { SUBMIT_CONVERSATION, ideaSubmitConversation } from "./submit.js";
import { fitMessage, ideaCard } from "./texts.js";

type Order = "n" | "t";

/** Why a support was refused, as the toast says it. */
const SUPPORT_REFUSED = { missing: "ideas-missing", "not-public": "ideas-not-public", own: "ideas-own" } as const;

async function ideasMenu(ctx: FlowContext) {
  if (!ctx.deps.event.ideas) return showScreen(ctx, ctx.t("ideas-off"), backToMenuKeyboard(ctx));
  await showScreen(ctx, ctx.t("ideas-menu-title"), ideasMenuKeyboard(ctx));
}

async function myIdeas(ctx: FlowContext) {
  const language = await ctx.i18n.getLocale();
  const ideas = await ctx.deps.store.ideas.byAuthor(ctx.from!.id);
  const blocks = ideas.length ? ideas.map((idea) => ideaCard(ctx, idea, language, 400)) : [ctx.t("ideas-mine-empty")];
  await showScreen(ctx, fitMessage([ctx.t("ideas-mine-title"), ...blocks]), ideasBackRow(ctx));
}

async function browseCategories(ctx: FlowContext) {
  const language = await ctx.i18n.getLocale();
  const categories = ctx.deps.event.ideas?.categories ?? [];
  const counts = await ctx.deps.store.ideas.countPublic(categories.map((c) => c.id));
  const keyboard = new InlineKeyboard();
  for (const category of categories) {
    const name = ctx.deps.event.text(category.name, language);
    keyboard.text(ctx.t("ideas-browse-category", { name, count: counts[category.id] ?? 0 }), `ideas:b:${category.id}:n:0`).row();
  }
  await showScreen(ctx, ctx.t("ideas-browse-title"), ideasBackRow(ctx, keyboard));
}

/** One published idea per screen, full text, with Support, photo, place and paging; `focus` keeps a just-supported idea on screen. */
async function browseCard(ctx: FlowContext, category: string, order: Order, index: number, focus?: number) {
  const { store } = ctx.deps;
  const language = await ctx.i18n.getLocale();
  const page = await store.ideas.listPublic(category, order === "t" ? "top" : "new", Math.max(0, index), 1);
  const idea = focus !== undefined ? await store.ideas.get(focus) : page.ideas[0];
  const back = new InlineKeyboard().text(ctx.t("ideas-browse"), "ideas:b").text(ctx.t("menu-back"), "menu:home");
  if (!idea || !isPublicStatus(idea.status)) return showScreen(ctx, ctx.t("ideas-browse-empty"), back);

  const heading = ctx.t("ideas-browse-page", {
    category: escapeHtml(categoryLabel(ctx.deps, category, language)),
    order: ctx.t(order === "t" ? "ideas-order-top" : "ideas-order-new"),
    page: Math.min(index + 1, page.total),
    pages: page.total,
  });
  const supported = await store.ideas.supports(idea.id, ctx.from!.id);
  const at = `${category}:${order}:${index}`;
  const keyboard = new InlineKeyboard().text(
    ctx.t(supported ? "ideas-supported-button" : "ideas-support-button", { id: String(idea.id), supports: idea.supports }),
    `ideas:s:${idea.id}:${at}`,
  );
  if (idea.photo) keyboard.text(ctx.t("ideas-photo-button", { id: String(idea.id) }), `ideas:ph:${idea.id}`);
  if (idea.latitude !== undefined) keyboard.text(ctx.t("ideas-place-button", { id: String(idea.id) }), `ideas:pin:${idea.id}`);
  keyboard.row();
  if (index > 0) keyboard.text("◀️", `ideas:b:${category}:${order}:${index - 1}`);
  if (index < page.total - 1) keyboard.text("▶️", `ideas:b:${category}:${order}:${index + 1}`);
  const other: Order = order === "t" ? "n" : "t";
  keyboard.row().text(ctx.t(other === "t" ? "ideas-order-top" : "ideas-order-new"), `ideas:b:${category}:${other}:0`).row();
  await showScreen(ctx, `${heading}\n\n${ideaCard(ctx, idea, language)}`, keyboard.append(back));
}

/** Photos and pins of public ideas for everyone; of any idea for organisers. */
async function visibleIdea(ctx: FlowContext, id: number) {
  const idea = await ctx.deps.store.ideas.get(id);
  if (!idea || (!isPublicStatus(idea.status) && !ctx.deps.adminIds.has(ctx.from!.id))) {
    await ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
    return undefined;
  }
  await ctx.answerCallbackQuery();
  return idea;
}

export const ideasFeature = new Composer<BotContext>();

ideasFeature.use(createConversation(ideaSubmitConversation, { id: SUBMIT_CONVERSATION }));
ideasFeature.use(createConversation(ideaAnswerConversation, { id: ANSWER_CONVERSATION }));
ideasFeature.use(moderationFeature);
ideasFeature.use(ideasAdminFeature);

const privateChat = ideasFeature.chatType("private");

privateChat.command("idea", ideasMenu);
privateChat.callbackQuery(["menu:idea", "ideas:menu"], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ideasMenu(ctx);
});

privateChat.callbackQuery("ideas:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.deps.event.ideas) return ideasMenu(ctx);
  // A tap here ends any half-filled form of another feature: one form at a time.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SUBMIT_CONVERSATION);
});

privateChat.callbackQuery("ideas:mine", async (ctx) => {
  await ctx.answerCallbackQuery();
  await myIdeas(ctx);
});

privateChat.callbackQuery("ideas:b", async (ctx) => {
  await ctx.answerCallbackQuery();
  await browseCategories(ctx);
});

privateChat.callbackQuery(/^ideas:b:([a-z0-9_-]{1,24}):([nt]):(\d{1,5})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await browseCard(ctx, ctx.match[1]!, ctx.match[2] as Order, Number(ctx.match[3]));
});

privateChat.callbackQuery(/^ideas:s:(\d{1,9}):([a-z0-9_-]{1,24}):([nt]):(\d{1,5})$/, async (ctx) => {
  const id = Number(ctx.match[1]);
  const result = await ctx.deps.store.ideas.toggleSupport(id, ctx.from.id);
  const key = result.ok ? (result.supported ? "ideas-supported" : "ideas-unsupported") : SUPPORT_REFUSED[result.reason];
  await ctx.answerCallbackQuery({ text: ctx.t(key) });
  await browseCard(ctx, ctx.match[2]!, ctx.match[3] as Order, Number(ctx.match[4]), result.ok ? id : undefined);
});

privateChat.callbackQuery(/^ideas:ph:(\d{1,9})$/, async (ctx) => {
  const idea = await visibleIdea(ctx, Number(ctx.match[1]));
  if (idea?.photo) await ctx.replyWithPhoto(idea.photo, { caption: ctx.t("ideas-photo-caption", { id: String(idea.id) }) });
});

privateChat.callbackQuery(/^ideas:pin:(\d{1,9})$/, async (ctx) => {
  const idea = await visibleIdea(ctx, Number(ctx.match[1]));
  if (idea?.latitude !== undefined && idea.longitude !== undefined) await ctx.replyWithLocation(idea.latitude, idea.longitude);
});
