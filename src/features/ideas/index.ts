import { createConversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { escapeHtml } from "../../ui/html.js";
import { isOrganiser } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { consentFirst, recordConsent, type ConsentButtons } from "../../ui/consent.js";
import { showScreen } from "../../ui/screens.js";
import { backToMenuKeyboard, menuData } from "../../ui/keyboards.js";
import { ideasAdminFeature } from "./admin.js";
import { ideasData } from "./callback-data.js";
import { ideasBackRow, ideasMenuKeyboard, mediaButtons } from "./keyboards.js";
import { ANSWER_CONVERSATION, ideaAnswerConversation, moderationFeature } from "./moderation.js";
import { categoryLabel } from "./notify.js";
import { isPublicStatus, onlyCategory, type IdeaStatus } from "./rules.js";
import { ideaStatusKey } from "../../ui/labels.js";
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
  const details = await ctx.deps.store.ideaUpdates.details(ideas.map((idea) => idea.id));
  const blocks = ideas.length
    ? ideas.map((idea) => ideaCard(ctx, idea, language, 400, details.get(idea.id)?.milestones))
    : [ctx.t("ideas-mine-empty")];
  await showScreen(ctx, fitMessage([ctx.t("ideas-mine-title"), ...blocks]), ideasBackRow(ctx));
}

async function browseCategories(ctx: FlowContext) {
  const language = await ctx.i18n.getLocale();
  const categories = ctx.deps.event.ideas?.categories ?? [];
  // One category is no choice: its ideas open at once.
  const only = onlyCategory(ctx.deps.event.ideas);
  if (only) return browseCard(ctx, only, "n", 0);
  const counts = await ctx.deps.store.ideas.countPublic(categories.map((c) => c.id));
  const keyboard = new InlineKeyboard();
  for (const category of categories) {
    const name = ctx.deps.event.text(category.name, language);
    keyboard
      .text(
        ctx.t("ideas-browse-category", { name, count: counts[category.id] ?? 0 }),
        ideasData.browse.pack({ category: category.id, order: "n", index: 0, status: undefined }),
      )
      .row();
  }
  await showScreen(ctx, ctx.t("ideas-browse-title"), ideasBackRow(ctx, keyboard));
}

/** The status filter's steps: every public status, then each one that says how far an idea got. */
const STATUS_FILTERS: readonly (IdeaStatus | undefined)[] = [undefined, "under_review", "accepted", "in_progress", "done", "published"];

/** One page of a category's public ideas, of one status or all. */
async function browsePage(ctx: FlowContext, category: string, order: Order, index: number, status?: IdeaStatus) {
  const { store } = ctx.deps;
  if (status === undefined) return store.ideas.listPublic(category, order === "t" ? "top" : "new", Math.max(0, index), 1);
  // Newest first, or most supported first (newest among equals), as the unfiltered lists.
  const ideas = (await store.ideas.publicInCategory(category)).filter((idea) => idea.status === status);
  if (order === "t") ideas.sort((a, b) => b.supports - a.supports || b.createdAt - a.createdAt);
  return { ideas: ideas.slice(Math.max(0, index), Math.max(0, index) + 1), total: ideas.length };
}

/** One published idea per screen, full text, with Support, photo, place and paging; `focus` keeps a just-supported idea on screen. */
async function browseCard(ctx: FlowContext, category: string, order: Order, index: number, focus?: number, status?: IdeaStatus) {
  const { store } = ctx.deps;
  const language = await ctx.i18n.getLocale();
  const page = await browsePage(ctx, category, order, index, status);
  const idea = focus !== undefined ? await store.ideas.get(focus) : page.ideas[0];
  const back = onlyCategory(ctx.deps.event.ideas)
    ? ideasBackRow(ctx)
    : backToMenuKeyboard(ctx, new InlineKeyboard().text(ctx.t("ideas-browse"), ideasData.categories.pack()));
  const nextStatus = STATUS_FILTERS[(STATUS_FILTERS.indexOf(status) + 1) % STATUS_FILTERS.length];
  const filterButton = new InlineKeyboard().text(
    ctx.t("ideas-browse-status", { status: status ? ctx.t(ideaStatusKey(status)) : ctx.t("ideas-status-all") }),
    ideasData.browse.pack({ category, order, index: 0, status: nextStatus }),
  );
  if (!idea || !isPublicStatus(idea.status)) {
    return showScreen(ctx, ctx.t("ideas-browse-empty"), status ? filterButton.row().append(back) : back);
  }

  const heading = ctx.t("ideas-browse-page", {
    category: escapeHtml(categoryLabel(ctx.deps, category, language)),
    order: ctx.t(order === "t" ? "ideas-order-top" : "ideas-order-new"),
    page: Math.min(index + 1, page.total),
    pages: page.total,
  });
  const [supported, following, milestones] = await Promise.all([
    store.ideas.supports(idea.id, ctx.from!.id),
    store.ideaUpdates.follows(idea.id, ctx.from!.id),
    store.ideaUpdates.milestones(idea.id),
  ]);
  const keyboard = new InlineKeyboard()
    .text(
      ctx.t(supported ? "ideas-supported-button" : "ideas-support-button", { id: String(idea.id), supports: idea.supports }),
      ideasData.support.pack({ idea: idea.id, category, order, index, status }),
    )
    .text(
      ctx.t(following ? "ideas-unfollow-button" : "ideas-follow-button"),
      ideasData.follow.pack({ idea: idea.id, category, order, index, status }),
    )
    .row();
  mediaButtons(ctx, keyboard, idea).row();
  if (index > 0) keyboard.text("◀️", ideasData.browse.pack({ category, order, index: index - 1, status }));
  if (index < page.total - 1) keyboard.text("▶️", ideasData.browse.pack({ category, order, index: index + 1, status }));
  const other: Order = order === "t" ? "n" : "t";
  keyboard
    .row()
    .text(ctx.t(other === "t" ? "ideas-order-top" : "ideas-order-new"), ideasData.browse.pack({ category, order: other, index: 0, status }))
    .row()
    .append(filterButton)
    .row();
  await showScreen(ctx, `${heading}\n\n${ideaCard(ctx, idea, language, 2000, milestones)}`, keyboard.append(back));
}

/** Photos and pins of public ideas for everyone; of any idea for organisers. */
async function visibleIdea(ctx: FlowContext, id: number) {
  const idea = await ctx.deps.store.ideas.get(id);
  if (!idea || (!isPublicStatus(idea.status) && !(await isOrganiser(ctx)))) {
    await ctx.answerCallbackQuery({ text: ctx.t("ideas-missing") });
    return undefined;
  }
  await ctx.answerCallbackQuery();
  return idea;
}

export const ideasFeature = new Composer<BotContext>();
/** The idea form and the organisers' answer; installed before every feature (src/bot/index.ts), like every form. */
export const ideasForms = [
  createConversation<BotContext, FlowContext>(ideaSubmitConversation, { id: SUBMIT_CONVERSATION }),
  createConversation<BotContext, FlowContext>(ideaAnswerConversation, { id: ANSWER_CONVERSATION }),
];

ideasFeature.use(moderationFeature);
ideasFeature.use(ideasAdminFeature);

const privateChat = ideasFeature.chatType("private");

privateChat.command(["idea", "ideas"], ideasMenu);
const openMenu = async (ctx: FlowContext) => {
  await ctx.answerCallbackQuery();
  await ideasMenu(ctx);
};
privateChat.use(onTap(menuData.idea, openMenu), onTap(ideasData.menu, openMenu));

/** The consent's buttons: I agree opens the form, Cancel goes back to the ideas menu with nothing kept. */
const consentButtons: ConsentButtons = { agree: (version) => ideasData.agree.pack({ version }), cancel: ideasData.menu.pack() };

async function openIdeaForm(ctx: BotContext) {
  // A tap here ends any half-filled form of another feature: one form at a time.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SUBMIT_CONVERSATION);
}

privateChat.use(
  onTap(ideasData.new, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!ctx.deps.event.ideas) return ideasMenu(ctx);
    if (await consentFirst(ctx, "ideas", consentButtons)) await openIdeaForm(ctx);
  }),
  onTap(ideasData.agree, async (ctx) => {
    if (!ctx.deps.event.ideas) return void (await ctx.answerCallbackQuery({ text: ctx.t("stale-button") }));
    if (await recordConsent(ctx, "ideas", ctx.callbackData.version, consentButtons)) await openIdeaForm(ctx);
  }),
);

privateChat.use(
  onTap(ideasData.mine, async (ctx) => {
    await ctx.answerCallbackQuery();
    await myIdeas(ctx);
  }),
);

privateChat.use(
  onTap(ideasData.categories, async (ctx) => {
    await ctx.answerCallbackQuery();
    await browseCategories(ctx);
  }),
);

privateChat.use(
  onTap(ideasData.browse, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { category, order, index, status } = ctx.callbackData;
    await browseCard(ctx, category, order, index, undefined, status);
  }),
);

privateChat.use(
  onTap(ideasData.support, async (ctx) => {
    const { idea: id, category, order, index, status } = ctx.callbackData;
    const result = await ctx.deps.store.ideas.toggleSupport(id, ctx.from.id);
    // A support follows the idea; withdrawing it unfollows, unless the user tapped Follow themselves.
    if (result.ok && result.supported) await ctx.deps.store.ideaUpdates.followBySupport(id, ctx.from.id);
    if (result.ok && !result.supported) await ctx.deps.store.ideaUpdates.unfollowBySupport(id, ctx.from.id);
    const key = result.ok ? (result.supported ? "ideas-supported" : "ideas-unsupported") : SUPPORT_REFUSED[result.reason];
    await ctx.answerCallbackQuery({ text: ctx.t(key) });
    await browseCard(ctx, category, order, index, result.ok ? id : undefined, status);
  }),
);

privateChat.use(
  onTap(ideasData.follow, async (ctx) => {
    const { idea: id, category, order, index, status } = ctx.callbackData;
    const result = await ctx.deps.store.ideaUpdates.toggleFollow(id, ctx.from.id);
    const key = result.ok ? (result.following ? "ideas-followed" : "ideas-unfollowed") : SUPPORT_REFUSED[result.reason];
    await ctx.answerCallbackQuery({ text: ctx.t(key) });
    await browseCard(ctx, category, order, index, result.ok ? id : undefined, status);
  }),
);

privateChat.use(
  onTap(ideasData.photo, async (ctx) => {
    const idea = await visibleIdea(ctx, ctx.callbackData.idea);
    if (idea?.photo) await ctx.replyWithPhoto(idea.photo, { caption: ctx.t("ideas-photo-caption", { id: String(idea.id) }) });
  }),
);

privateChat.use(
  onTap(ideasData.place, async (ctx) => {
    const idea = await visibleIdea(ctx, ctx.callbackData.idea);
    if (idea?.latitude !== undefined && idea.longitude !== undefined) await ctx.replyWithLocation(idea.latitude, idea.longitude);
  }),
);
