import { createConversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { allowed, requireRole } from "../../ui/access.js";
import { answerUnknownButton, onTap } from "../../ui/callback-data.js";
import { momentText } from "../../ui/format.js";
import { isPublicStatus } from "../../store/ideas.js";
import type { Vote } from "../../store/votes.js";
import { voteData } from "./callback-data.js";
import { VOTE_CONVERSATION, voteConversation } from "./form.js";
import { closeVote, currentVote } from "./jobs.js";
import { MIN_IDEAS, rankIdeas, excerpt } from "./rules.js";
import { ballotButtons, ballotText, shortlistIdeas } from "./screens.js";
import { escapeHtml } from "../../ui/html.js";

/** /vote (organisers: set up a vote, or see the open one and close it), and the voters' ballot buttons. */
export const voteFeature = new Composer<BotContext>();
/** The vote's form; installed before every feature (src/bot/index.ts), like every form. */
export const voteForms = createConversation<BotContext, FlowContext>(voteConversation, { id: VOTE_CONVERSATION });
const privateChat = voteFeature.chatType("private");

/** The open vote for organisers: the live counts, who voted, and Close now. */
async function showOpen(ctx: FlowContext, vote: Vote) {
  const { store } = ctx.deps;
  const [ideas, tally, voters, eligible] = await Promise.all([
    shortlistIdeas(ctx.deps, vote),
    store.votes.tally(vote.eventId, vote.number),
    store.votes.voterIds(vote.eventId, vote.number),
    store.votes.eligibleCount(vote.eventId, vote.number),
  ]);
  const lines = [
    ctx.t("vote-open-title", { number: vote.number, closes: await momentText(ctx, vote.closesAt) }),
    ctx.t("vote-open-summary", { count: voters.length, total: eligible, max: vote.max }),
    ctx.t(vote.live ? "vote-mode-live-line" : "vote-mode-close-line"),
    "",
  ];
  for (const ranked of rankIdeas(vote.ideas, tally)) {
    const text = escapeHtml(excerpt(ideas.get(ranked.ideaId)?.text ?? "", 60));
    lines.push(ctx.t("vote-results-line", { place: ranked.place, id: ranked.ideaId, text, count: ranked.count }));
  }
  const keyboard = new InlineKeyboard().text(ctx.t("vote-close-button"), voteData.close.pack({ vote: vote.number }));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

/** /vote: the open vote if there is one (one per event at a time), else the form for a new one. */
export async function startVoteSetup(ctx: BotContext) {
  if (!(await allowed(ctx, "organiser"))) return;
  const open = await currentVote(ctx.deps, ctx.api);
  if (open) return showOpen(ctx, open);
  const published = (await ctx.deps.store.ideas.all()).filter((idea) => isPublicStatus(idea.status)).length;
  if (published < MIN_IDEAS) return void (await ctx.reply(ctx.t("vote-no-ideas", { count: published })));
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(VOTE_CONVERSATION);
}

privateChat.command("vote", startVoteSetup);

// Close now: organisers only, checked at the tap.
privateChat.use(
  onTap(voteData.close, requireRole("organiser"), async (ctx) => {
    const { event, store } = ctx.deps;
    const vote = await store.votes.get(event.id, ctx.callbackData.vote);
    if (!vote) return answerUnknownButton(ctx);
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (vote.status !== "open") return void (await ctx.answerCallbackQuery({ text: ctx.t("vote-already-closed") }));
    await ctx.answerCallbackQuery();
    const voters = await closeVote(ctx.deps, ctx.api, vote);
    await ctx.reply(ctx.t("vote-closed-now", { count: voters ?? 0 }));
  }),
);

// A voter's tap: one atomic toggle; the ballot is redrawn with their choices (and the counts when live).
privateChat.use(
  onTap(voteData.toggle, async (ctx) => {
    const { event, store, clock } = ctx.deps;
    const { vote: number, idea } = ctx.callbackData;
    const result = await store.votes.toggle(event.id, number, ctx.from.id, idea, clock());
    if (result.outcome === "unknown") return answerUnknownButton(ctx);
    const vote = (await store.votes.get(event.id, number))!;
    switch (result.outcome) {
      case "closed":
        await ctx.answerCallbackQuery({ text: ctx.t("vote-toast-closed") });
        return void (await ctx.editMessageReplyMarkup().catch(() => undefined));
      case "not-eligible":
        return void (await ctx.answerCallbackQuery({
          text: ctx.t(vote.electorate === "checked_in" ? "vote-toast-checked-in-only" : "vote-toast-not-eligible"),
          show_alert: true,
        }));
      case "full":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("vote-toast-full", { max: vote.max }), show_alert: true }));
      case "added":
      case "removed": {
        const toast = result.outcome === "added" ? "vote-toast-added" : "vote-toast-removed";
        await ctx.answerCallbackQuery({ text: ctx.t(toast, { count: result.chosen.length, max: vote.max }) });
        const ideas = await shortlistIdeas(ctx.deps, vote);
        const language = await ctx.i18n.getLocale();
        const state = { chosen: result.chosen, tally: vote.live ? result.tally : undefined };
        const buttons = ballotButtons(vote, ideas, result.chosen);
        await ctx
          .editMessageText(ballotText(ctx.deps, language, vote, ideas, state), {
            parse_mode: "HTML",
            reply_markup: new InlineKeyboard(buttons.map((row) => row.map(([label, data]) => InlineKeyboard.text(label, data)))),
          })
          .catch(() => undefined);
      }
    }
  }),
);
