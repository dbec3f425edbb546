import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, BotDeps, FlowContext, PersonalDataEraser } from "../../bot/context.js";
import { requireRole } from "../../ui/access.js";
import { answerUnknownButton, onTap, type CallbackData } from "../../ui/callback-data.js";
import { momentText } from "../../ui/format.js";
import { languageOf } from "../../event/language.js";
import { escapeHtml } from "../../ui/html.js";
import { showScreen } from "../../ui/screens.js";
import type { SentAnnouncement, WinnerDraft } from "../../store/contest.js";
import { contestData } from "./callback-data.js";
import { entrantName, loadRanking } from "./ranking.js";
import { formatAverage } from "./rules.js";

const CHOICES_SHOWN = 30;
export const WINNER_BROADCAST_ID = "contest-winner";

/**
 * The announcement in every language of the event, from the locale files and the event file. A winner
 * whose entry is gone (forgotten on request, erased at retention) shows as the erased mark; such
 * runners-up are left out.
 */
export async function announcementTexts(deps: BotDeps, draft: Required<WinnerDraft>): Promise<Record<string, string>> {
  const { event, store, i18n } = deps;
  const contest = event.contest!;
  const winner = await store.contest.find(draft.winnerId);
  const runners = (await Promise.all(draft.runnersUp.map((id) => store.contest.find(id)))).filter((e) => e?.firstName);
  const texts: Record<string, string> = {};
  for (const language of event.languages) {
    const erased = i18n.t(language, "contest-erased");
    const parts = [
      i18n.t(language, "contest-announcement", {
        title: escapeHtml(event.text(contest.title, language)),
        winner: escapeHtml(winner?.firstName || erased),
        idea: escapeHtml(winner?.firstName ? winner.idea : erased),
        link: escapeHtml(winner?.link || erased),
        prize: escapeHtml(event.text(contest.prize, language)),
      }),
    ];
    if (runners.length) {
      parts.push(i18n.t(language, "contest-announcement-runners", { names: escapeHtml(runners.map((r) => r!.firstName).join(", ")) }));
    }
    texts[language] = parts.join("\n\n");
  }
  return texts;
}

/**
 * Takes people out of the sent announcement and the winner broadcast's spec (name, idea, link): one
 * person on request, or everyone at retention (no user id). Idempotent.
 */
export async function eraseFromAnnouncement(deps: BotDeps, userId?: number): Promise<void> {
  if (!deps.event.contest) return;
  const sent = await deps.store.contest.announcement();
  if (!sent) return;
  const erased = (id: number) => userId === undefined || id === userId;
  const people = [sent.winnerId, ...sent.runnersUp].filter((id) => id !== 0);
  if (!people.some(erased)) return;
  const draft = { winnerId: erased(sent.winnerId) ? 0 : sent.winnerId, runnersUp: sent.runnersUp.filter((id) => !erased(id)) };
  const texts = await announcementTexts(deps, draft);
  await deps.store.contest.replaceAnnouncement({ ...sent, ...draft, texts });
  await deps.broadcasts.replaceTexts(WINNER_BROADCAST_ID, texts);
}

/** The contest's part of "forget me" and of retention: the announcement is rewritten before the entry it quotes goes. */
export const contestPersonalData: PersonalDataEraser = {
  async forget(deps, _api, userId) {
    await eraseFromAnnouncement(deps, userId);
    await deps.store.contest.remove(userId);
    await deps.store.contest.forgetInDrafts(userId);
  },
  async eraseAll(deps) {
    await eraseFromAnnouncement(deps);
    await deps.store.contest.anonymiseAll();
  },
};

async function showAlreadySent(ctx: FlowContext, sent: SentAnnouncement) {
  const language = await ctx.i18n.getLocale();
  const text = sent.texts[language] ?? sent.texts[ctx.deps.event.defaultLanguage] ?? Object.values(sent.texts)[0] ?? "";
  await ctx.reply(ctx.t("contest-winner-already", { at: await momentText(ctx, new Date(sent.announcedAt ?? sent.sentAt)), text }), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
}

/** The ranked entries to pick from; a tap's list, draft and runner-up toggles replace each other in place (showScreen). */
async function showChoices(ctx: FlowContext) {
  const ranking = await loadRanking(ctx.deps);
  if (ranking.ranked.length === 0) return void (await ctx.reply(ctx.t("contest-entries-empty")));
  const keyboard = new InlineKeyboard();
  const language = await ctx.i18n.getLocale();
  for (const [index, r] of ranking.ranked.slice(0, CHOICES_SHOWN).entries()) {
    const entry = ranking.entries.get(r.entrantId)!;
    const mark = ranking.shortlist.has(r.entrantId) ? "⭐ " : "";
    keyboard
      .text(
        `${index + 1}. ${mark}${entrantName(entry)} — ${formatAverage(r.average, language)}`,
        contestData.winner.pack({ entrant: r.entrantId }),
      )
      .row();
  }
  keyboard.text(ctx.t("contest-winner-cancel"), contestData.cancel.pack());
  await showScreen(ctx, ctx.t("contest-winner-choose"), keyboard);
}

async function showDraft(ctx: FlowContext, draft: WinnerDraft) {
  const ranking = await loadRanking(ctx.deps);
  const winner = draft.winnerId === undefined ? undefined : ranking.entries.get(draft.winnerId);
  if (!winner) return void (await ctx.reply(ctx.t("contest-winner-stale")));
  const runners = draft.runnersUp.flatMap((id) => ranking.entries.get(id) ?? []);
  const keyboard = new InlineKeyboard();
  for (const r of ranking.ranked.slice(0, CHOICES_SHOWN)) {
    if (r.entrantId === winner.userId) continue;
    const chosen = draft.runnersUp.includes(r.entrantId);
    keyboard
      .text(`${chosen ? "🥈 " : ""}${entrantName(ranking.entries.get(r.entrantId)!)}`, contestData.runnerUp.pack({ entrant: r.entrantId }))
      .row();
  }
  keyboard
    .text(ctx.t("contest-winner-preview-button"), contestData.preview.pack())
    .row()
    .text(ctx.t("contest-winner-change"), contestData.change.pack());
  keyboard.row().text(ctx.t("contest-winner-cancel"), contestData.cancel.pack());
  const text = ctx.t("contest-winner-draft", {
    winner: escapeHtml(entrantName(winner)),
    runners: runners.length ? escapeHtml(runners.map(entrantName).join(", ")) : ctx.t("contest-winner-none"),
  });
  await showScreen(ctx, text, keyboard);
}

/** A draft with a winner whose entry still exists, else undefined. */
async function usableDraft(ctx: FlowContext): Promise<Required<WinnerDraft> | undefined> {
  const draft = await ctx.deps.store.contest.draft(ctx.from!.id);
  if (draft.winnerId === undefined || !(await ctx.deps.store.contest.find(draft.winnerId))) return undefined;
  return { winnerId: draft.winnerId, runnersUp: draft.runnersUp };
}

async function congratulate(ctx: FlowContext, winnerId: number) {
  const { deps } = ctx;
  const entry = await deps.store.contest.find(winnerId);
  const user = await deps.store.users.find(winnerId);
  const language = languageOf(deps.event, user?.language ?? entry?.language);
  const contest = deps.event.contest!;
  const text = deps.i18n.t(language, "contest-congratulation", {
    name: escapeHtml(entry?.firstName ?? user?.firstName ?? ""),
    title: escapeHtml(deps.event.text(contest.title, language)),
    prize: escapeHtml(deps.event.text(contest.prize, language)),
  });
  await ctx.api
    .sendMessage(winnerId, text, { parse_mode: "HTML" })
    .catch((error) => ctx.logger.warn({ err: error, winner: winnerId }, "could not congratulate the winner"));
}

/**
 * Sends the confirmed announcement, then records that it went out: a send that failed or was cut
 * short is finished by the next /winner or tap, and "already sent" is said only once it was.
 */
async function announce(ctx: FlowContext, chosen: SentAnnouncement) {
  const { deps } = ctx;
  // The broadcast id makes a repeat a no-op; the engine paces the sending (see src/delivery/types.ts).
  await deps.broadcasts.send({ id: WINNER_BROADCAST_ID, audience: "all", texts: chosen.texts, parseMode: "HTML", createdBy: ctx.from!.id });
  if (!(await deps.store.contest.markAnnounced(deps.clock()))) {
    return showAlreadySent(ctx, (await deps.store.contest.announcement()) ?? chosen);
  }
  const runners = chosen.runnersUp.join(", ") || "none";
  await deps.store.audit.record(ctx.from!.id, "winner", `winner ${chosen.winnerId}, runners-up ${runners}`, deps.clock(), {
    user: chosen.winnerId,
    users: chosen.runnersUp,
  });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await congratulate(ctx, chosen.winnerId);
  await ctx.reply(ctx.t("contest-winner-sent", { count: await deps.broadcasts.countAudience("all") }));
}

/** The announcement already confirmed: shown if it went out, else sent now. */
async function announcedOrFinish(ctx: FlowContext, sent: SentAnnouncement) {
  return sent.announcedAt ? showAlreadySent(ctx, sent) : announce(ctx, sent);
}

/** /winner: pick the winner and runners-up, preview in every language, send once. Admins only. */
export const winnerFeature = new Composer<BotContext>();
const privateChat = winnerFeature.chatType("private");

/** /winner (and the organisers' home screen); while entries are still open, the organiser confirms first. */
export async function startWinner(ctx: FlowContext): Promise<void> {
  if (!ctx.deps.event.contest) return void (await ctx.reply(ctx.t("contest-none")));
  const sent = await ctx.deps.store.contest.announcement();
  if (sent) return announcedOrFinish(ctx, sent);
  const deadline = ctx.deps.event.contestDeadlineAt;
  if (deadline && ctx.deps.clock() < deadline) {
    const keyboard = new InlineKeyboard()
      .text(ctx.t("contest-winner-anyway"), contestData.anyway.pack())
      .text(ctx.t("contest-winner-cancel"), contestData.cancel.pack());
    return void (await ctx.reply(ctx.t("contest-winner-early", { deadline: await momentText(ctx, deadline) }), { reply_markup: keyboard }));
  }
  await showChoices(ctx);
}

privateChat.command("winner", requireRole("organiser"), startWinner);

const WINNER_BUTTONS: Array<CallbackData<unknown>> = [
  contestData.winner,
  contestData.runnerUp,
  contestData.preview,
  contestData.change,
  contestData.send,
  contestData.anyway,
  contestData.cancel,
];

/** Every winner button: admins only, and once the announcement is out, only that is shown (or finished). */
const winnerButtons = privateChat.filter((ctx) => WINNER_BUTTONS.some((codec) => codec.unpack(ctx.callbackQuery?.data) !== undefined));
winnerButtons.use(requireRole("organiser"), async (ctx, next) => {
  if (!ctx.deps.event.contest) return answerUnknownButton(ctx);
  const sent = await ctx.deps.store.contest.announcement();
  if (!sent) return next();
  await ctx.answerCallbackQuery();
  await announcedOrFinish(ctx, sent);
});

winnerButtons.use(
  onTap(contestData.winner, async (ctx) => {
    const winnerId = ctx.callbackData.entrant;
    await ctx.answerCallbackQuery();
    if (!(await ctx.deps.store.contest.find(winnerId))) return void (await ctx.reply(ctx.t("contest-entry-gone")));
    const draft = { winnerId, runnersUp: [] };
    await ctx.deps.store.contest.saveDraft(ctx.from.id, draft);
    await showDraft(ctx, draft);
  }),
);

winnerButtons.use(
  onTap(contestData.runnerUp, async (ctx) => {
    const runnerId = ctx.callbackData.entrant;
    await ctx.answerCallbackQuery();
    const draft = await usableDraft(ctx);
    if (!draft || runnerId === draft.winnerId) return void (await ctx.reply(ctx.t("contest-winner-stale")));
    if (!(await ctx.deps.store.contest.find(runnerId))) return void (await ctx.reply(ctx.t("contest-entry-gone")));
    draft.runnersUp = draft.runnersUp.includes(runnerId) ? draft.runnersUp.filter((id) => id !== runnerId) : [...draft.runnersUp, runnerId];
    await ctx.deps.store.contest.saveDraft(ctx.from.id, draft);
    await showDraft(ctx, draft);
  }),
);

// Choose anyway, before the deadline: the list takes the question's place.
winnerButtons.use(
  onTap(contestData.anyway, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showChoices(ctx);
  }),
);

// Cancel at any step: the draft is dropped, so an older Send button finds nothing to send.
winnerButtons.use(
  onTap(contestData.cancel, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.deps.store.contest.saveDraft(ctx.from.id, { runnersUp: [] });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("contest-winner-cancelled"));
  }),
);

winnerButtons.use(
  onTap(contestData.change, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showChoices(ctx);
  }),
);

winnerButtons.use(
  onTap(contestData.preview, async (ctx) => {
    await ctx.answerCallbackQuery();
    const draft = await usableDraft(ctx);
    if (!draft) return void (await ctx.reply(ctx.t("contest-winner-stale")));
    const texts = await announcementTexts(ctx.deps, draft);
    for (const [language, text] of Object.entries(texts)) {
      await ctx.reply(`${ctx.t("contest-winner-preview-header", { language })}\n\n${text}`, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
    }
    await ctx.reply(ctx.t("contest-winner-confirm-question"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("contest-winner-send"), contestData.send.pack())
        .row()
        .text(ctx.t("contest-winner-change"), contestData.change.pack())
        .row()
        .text(ctx.t("contest-winner-cancel"), contestData.cancel.pack()),
    });
  }),
);

winnerButtons.use(
  onTap(contestData.send, async (ctx) => {
    await ctx.answerCallbackQuery();
    const draft = await usableDraft(ctx);
    if (!draft) return void (await ctx.reply(ctx.t("contest-winner-stale")));
    const texts = await announcementTexts(ctx.deps, draft);
    const record: SentAnnouncement = { ...draft, texts, sentBy: ctx.from.id, sentAt: ctx.deps.clock().toISOString() };
    // SET NX: of two taps (or two admins), one choice is announced; the other finishes or shows that one.
    const already = await ctx.deps.store.contest.claimAnnouncement(record);
    if (already) return announcedOrFinish(ctx, already);
    await announce(ctx, record);
  }),
);
