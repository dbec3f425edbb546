import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { requireRole } from "../../ui/access.js";
import { answerUnknownButton, onTap } from "../../ui/callback-data.js";
import { eventText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import type { ContestEntry } from "../../store/contest.js";
import { contestData } from "./callback-data.js";
import { entrantName, loadRanking, type ContestRanking } from "./ranking.js";
import { formatAverage, isValidScore, MAX_SCORE, MIN_SCORE } from "./rules.js";

const PAGE_SIZE = 10;
/** Telegram's caption limit (1024) is shared by the idea, the link and the scores on a card. */
const CAPTION_LIMIT = 1024;
const CARD_IDEA_LIMITS = [600, 400, 200, 80];
const MARKERS = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"];
const marker = (index: number) => MARKERS[index] ?? `${index + 1}.`;

function truncate(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join("")}…`;
}

/** The card caption with as much of the idea as fits Telegram's caption limit. */
async function cardCaption(ctx: FlowContext, entry: ContestEntry, ranking: ContestRanking, jurorId: number): Promise<string> {
  let caption = "";
  for (const limit of CARD_IDEA_LIMITS) {
    caption = await buildCaption(ctx, entry, ranking, jurorId, limit);
    if (caption.length <= CAPTION_LIMIT) break;
  }
  return caption;
}

async function buildCaption(ctx: FlowContext, entry: ContestEntry, ranking: ContestRanking, jurorId: number, ideaLimit: number) {
  const place = ranking.ranked.findIndex((r) => r.entrantId === entry.userId) + 1;
  const summary = ranking.ranked[place - 1]!;
  const mine = await ctx.deps.store.contest.scoresOf(entry.userId);
  const criteria = ctx.deps.event.contest?.criteria ?? [];
  const lines = [
    ctx.t("contest-card", {
      place,
      mark: ranking.shortlist.has(entry.userId) ? "⭐ " : "",
      name: escapeHtml(entrantName(entry)),
      link: escapeHtml(entry.link),
      idea: escapeHtml(truncate(entry.idea, ideaLimit)),
      average: formatAverage(summary.average, await ctx.i18n.getLocale()),
      scores: summary.scores,
      jurors: summary.jurors,
    }),
  ];
  if (entry.userId === jurorId) return [...lines, ctx.t("contest-card-own")].join("\n");
  for (const [index, criterion] of criteria.entries()) {
    const score = mine.find((s) => s.jurorId === jurorId && s.criterionId === criterion.id)?.score;
    lines.push(
      ctx.t("contest-card-criterion", {
        marker: marker(index),
        criterion: escapeHtml(await eventText(ctx, criterion.name)),
        score: score ?? "—",
      }),
    );
  }
  return lines.join("\n");
}

async function cardKeyboard(ctx: FlowContext, entry: ContestEntry, shortlisted: boolean, jurorId: number) {
  // A juror who also entered neither scores nor shortlists their own entry.
  if (entry.userId === jurorId) return undefined;
  const criteria = ctx.deps.event.contest?.criteria ?? [];
  const mine = (await ctx.deps.store.contest.scoresOf(entry.userId)).filter((s) => s.jurorId === jurorId);
  const keyboard = new InlineKeyboard();
  for (const [index, criterion] of criteria.entries()) {
    const current = mine.find((s) => s.criterionId === criterion.id)?.score;
    keyboard.text(marker(index), contestData.criterion.pack({ criterion: index }));
    for (let score = MIN_SCORE; score <= MAX_SCORE; score++) {
      keyboard.text(
        score === current ? `✅${score}` : String(score),
        contestData.score.pack({ entrant: entry.userId, criterion: index, score }),
      );
    }
    keyboard.row();
  }
  return keyboard.text(
    ctx.t(shortlisted ? "contest-shortlist-remove" : "contest-shortlist-add"),
    contestData.shortlist.pack({ entrant: entry.userId, on: shortlisted ? "0" : "1" }),
  );
}

async function sendCard(ctx: FlowContext, entry: ContestEntry, ranking: ContestRanking, jurorId: number) {
  const caption = await cardCaption(ctx, entry, ranking, jurorId);
  const reply_markup = await cardKeyboard(ctx, entry, ranking.shortlist.has(entry.userId), jurorId);
  await ctx.replyWithPhoto(entry.photoFileId, { caption, parse_mode: "HTML", reply_markup });
}

async function refreshCard(ctx: FlowContext, entrantId: number, jurorId: number) {
  const ranking = await loadRanking(ctx.deps);
  const entry = ranking.entries.get(entrantId);
  if (!entry) return;
  await ctx
    .editMessageCaption({
      caption: await cardCaption(ctx, entry, ranking, jurorId),
      parse_mode: "HTML",
      reply_markup: await cardKeyboard(ctx, entry, ranking.shortlist.has(entrantId), jurorId),
    })
    .catch(() => undefined); // "message is not modified" on a repeated tap is fine
}

function rankingText(ctx: FlowContext, ranking: ContestRanking, language: string): string {
  const lines = ranking.ranked.map((r, index) =>
    ctx.t("contest-ranking-line", {
      place: index + 1,
      mark: ranking.shortlist.has(r.entrantId) ? "⭐ " : "",
      name: escapeHtml(entrantName(ranking.entries.get(r.entrantId)!)),
      average: formatAverage(r.average, language),
      scores: r.scores,
    }),
  );
  return [ctx.t("contest-ranking-title", { count: ranking.ranked.length }), ...lines].join("\n");
}

/** The ranking (first page only) and a page of entry cards starting at `offset`. */
async function sendEntries(ctx: FlowContext, offset: number) {
  const jurorId = ctx.from!.id;
  const ranking = await loadRanking(ctx.deps);
  if (ranking.ranked.length === 0) {
    await ctx.reply(ctx.t("contest-entries-empty"));
    return;
  }
  if (offset === 0) await ctx.reply(truncate(rankingText(ctx, ranking, await ctx.i18n.getLocale()), 4000), { parse_mode: "HTML" });
  const page = ranking.ranked.slice(offset, offset + PAGE_SIZE);
  for (const r of page) await sendCard(ctx, ranking.entries.get(r.entrantId)!, ranking, jurorId);
  const shown = offset + page.length;
  if (shown < ranking.ranked.length) {
    await ctx.reply("⬇️", {
      reply_markup: new InlineKeyboard().text(
        ctx.t("contest-entries-more", { shown, total: ranking.ranked.length }),
        contestData.more.pack({ offset: shown }),
      ),
    });
  }
}

/** /entries and the jury's buttons: every handler checks the sender, forged callbacks included. */
export const juryFeature = new Composer<BotContext>();
const privateChat = juryFeature.chatType("private");

/** /entries (and the organisers' home screen): the ranked entries, to jurors and admins (the caller checks). */
export async function showEntries(ctx: FlowContext): Promise<void> {
  if (!ctx.deps.event.contest) return void (await ctx.reply(ctx.t("contest-none")));
  await sendEntries(ctx, 0);
}

privateChat.command("entries", requireRole("juror"), showEntries);

// Every jury button checks the sender first.
const juror = requireRole("juror");

privateChat.use(
  onTap(contestData.more, juror, async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendEntries(ctx, ctx.callbackData.offset);
  }),
);

privateChat.use(
  onTap(contestData.criterion, juror, async (ctx) => {
    const criterion = ctx.deps.event.contest?.criteria[ctx.callbackData.criterion];
    await ctx.answerCallbackQuery({ text: criterion ? await eventText(ctx, criterion.name) : undefined });
  }),
);

privateChat.use(
  onTap(contestData.score, juror, async (ctx) => {
    const { entrant: entrantId, criterion: index, score } = ctx.callbackData;
    const criterion = ctx.deps.event.contest?.criteria[index];
    const { contest } = ctx.deps.store;
    if (!criterion || !isValidScore(score)) return answerUnknownButton(ctx);
    if (entrantId === ctx.from.id) return void (await ctx.answerCallbackQuery({ text: ctx.t("contest-own-entry") }));
    if (!(await contest.find(entrantId))) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("contest-entry-gone") }));
    }
    // The juror's own id names the field: a juror can only ever write their own score.
    await contest.setScore(entrantId, ctx.from.id, criterion.id, score);
    await ctx.answerCallbackQuery({ text: ctx.t("contest-scored", { criterion: await eventText(ctx, criterion.name), score }) });
    await refreshCard(ctx, entrantId, ctx.from.id);
  }),
);

privateChat.use(
  onTap(contestData.shortlist, juror, async (ctx) => {
    const entrantId = ctx.callbackData.entrant;
    const on = ctx.callbackData.on === "1";
    const { contest } = ctx.deps.store;
    if (entrantId === ctx.from.id) return void (await ctx.answerCallbackQuery({ text: ctx.t("contest-own-entry") }));
    if (!(await contest.find(entrantId))) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("contest-entry-gone") }));
    }
    await contest.setShortlisted(entrantId, on);
    await ctx.answerCallbackQuery({ text: ctx.t(on ? "contest-shortlist-on" : "contest-shortlist-off") });
    await refreshCard(ctx, entrantId, ctx.from.id);
  }),
);
