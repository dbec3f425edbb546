import { withEventHeading } from "../../ui/event-heading.js";
import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { requireRole } from "../../ui/access.js";
import { answerUnknownButton, onTap } from "../../ui/callback-data.js";
import { eventText, momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { resolveAudience } from "../../delivery/audiences.js";
import type { QuizSettings } from "../../event/schema.js";
import { quizData } from "./callback-data.js";
import { deliverInBackground, questionText } from "./delivery.js";
import { resultsText, tellWinners } from "./results.js";

function controls(ctx: FlowContext, current: number, total: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (current + 1 < total) keyboard.text(ctx.t("quiz-next-button"), quizData.next.pack({ from: current })).row();
  return keyboard.text(ctx.t("quiz-end-button"), quizData.end.pack());
}

async function statusText(ctx: FlowContext, quiz: QuizSettings): Promise<string> {
  const state = await ctx.deps.store.quiz.state();
  if (!state) return ctx.t("quiz-status-idle");
  if (state.status === "ended") return ctx.t("quiz-status-ended");
  return ctx.t("quiz-status-open", { number: state.question + 1, total: quiz.questions.length });
}

/** Before the event a start is more likely a test or a slip than the hall quiz: the organiser confirms it. */
async function startOrAsk(ctx: FlowContext, quiz: QuizSettings) {
  const { event, clock } = ctx.deps;
  if (clock() >= event.startsAt || (await ctx.deps.store.quiz.state())) return start(ctx, quiz);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("quiz-start-anyway"), quizData.startAnyway.pack())
    .text(ctx.t("quiz-start-cancel"), quizData.startCancelled.pack());
  await ctx.reply(ctx.t("quiz-start-early", { start: await momentText(ctx, event.startsAt) }), { reply_markup: keyboard });
}

async function start(ctx: FlowContext, quiz: QuizSettings) {
  const { store } = ctx.deps;
  const players = await resolveAudience(store, quiz.audience);
  if (players.length === 0) return void (await ctx.reply(ctx.t("quiz-no-players")));
  if (!(await store.quiz.start(players))) {
    return void (await ctx.reply(ctx.t("quiz-already-started", { status: await statusText(ctx, quiz) })));
  }
  deliverInBackground(ctx.deps, ctx.api, quiz, 0, players);
  await ctx.reply(ctx.t("quiz-started", { total: quiz.questions.length, players: players.length }), {
    reply_markup: controls(ctx, 0, quiz.questions.length),
  });
}

/** Opens the question after `from`; `from` makes a repeated tap or command a no-op. */
async function next(ctx: FlowContext, quiz: QuizSettings, from?: number) {
  const { store } = ctx.deps;
  const state = await store.quiz.state();
  if (!state || state.status !== "open") return void (await ctx.reply(ctx.t("quiz-not-running")));
  const current = from ?? state.question;
  if (current !== state.question) return; // already moved on by an earlier tap
  if (current + 1 >= quiz.questions.length) {
    return void (await ctx.reply(ctx.t("quiz-last-question"), { reply_markup: controls(ctx, current, quiz.questions.length) }));
  }
  if (!(await store.quiz.advance(current))) return;
  deliverInBackground(ctx.deps, ctx.api, quiz, current + 1, await store.quiz.playerIds());
  const answers = (await store.quiz.answers(current + 1))[current]?.size ?? 0;
  await ctx.reply(ctx.t("quiz-moved", { number: current + 2, total: quiz.questions.length, previous: current + 1, answers }), {
    reply_markup: controls(ctx, current + 1, quiz.questions.length),
  });
}

async function end(ctx: FlowContext, quiz: QuizSettings) {
  const { store } = ctx.deps;
  const state = await store.quiz.state();
  if (!state) return void (await ctx.reply(ctx.t("quiz-not-running")));
  // Closing answers happens once; telling the winners is repeated by every /quiz end until each was told.
  const ended = await store.quiz.end(ctx.deps.clock());
  if (ended) await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(await resultsText(ctx.deps, quiz, await ctx.i18n.getLocale()), { parse_mode: "HTML" });
  await tellWinners(ctx.deps, ctx.api, quiz);
}

export const quizFeature = new Composer<BotContext>();
const privateChat = quizFeature.chatType("private");

privateChat.command("quiz", requireRole("organiser"), async (ctx) => {
  const quiz = ctx.deps.event.quiz;
  if (!quiz) return void (await ctx.reply(ctx.t("quiz-none")));
  const action = ctx.match.trim().toLowerCase();
  if (action === "start") return startOrAsk(ctx, quiz);
  if (action === "next") return next(ctx, quiz);
  if (action === "end") return end(ctx, quiz);
  await showQuizHelp(ctx);
});

/** What /quiz can do and where the quiz stands (also the organisers' home screen's Quiz button), with the button for its next step. */
export async function showQuizHelp(ctx: FlowContext): Promise<void> {
  const quiz = ctx.deps.event.quiz;
  if (!quiz) return void (await ctx.reply(ctx.t("quiz-none")));
  const state = await ctx.deps.store.quiz.state();
  const keyboard = !state
    ? new InlineKeyboard().text(ctx.t("quiz-start-button"), quizData.start.pack())
    : state.status === "open"
      ? controls(ctx, state.question, quiz.questions.length)
      : new InlineKeyboard().text(ctx.t("quiz-results-button"), quizData.end.pack());
  await ctx.reply(await withEventHeading(ctx, ctx.t("quiz-usage", { status: await statusText(ctx, quiz) })), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}

/** The organiser's controls: admins only, checked at each tap; without a quiz in the event file they are stale. */
const control = [
  requireRole("organiser"),
  async (ctx: FlowContext, next: () => Promise<void>) => {
    if (!ctx.deps.event.quiz) return answerUnknownButton(ctx);
    await ctx.answerCallbackQuery();
    await next();
  },
];
privateChat.use(
  onTap(quizData.next, requireRole("organiser"), async (ctx) => {
    const quiz = ctx.deps.event.quiz;
    const state = await ctx.deps.store.quiz.state();
    // The controls live on the newest message only: an older one loses its buttons and says so.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (!quiz || state?.status !== "open" || state.question !== ctx.callbackData.from) return answerUnknownButton(ctx);
    await ctx.answerCallbackQuery();
    await next(ctx, quiz, ctx.callbackData.from);
  }),
);
privateChat.use(
  onTap(quizData.start, ...control, async (ctx) => {
    // Like every control, the button goes once used: the next step comes with the answer.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await startOrAsk(ctx, ctx.deps.event.quiz!);
  }),
);
privateChat.use(onTap(quizData.end, ...control, (ctx) => end(ctx, ctx.deps.event.quiz!)));
// The early-start question's answers: its buttons go once one is chosen.
privateChat.use(
  onTap(quizData.startAnyway, ...control, async (ctx) => {
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await start(ctx, ctx.deps.event.quiz!);
  }),
);
privateChat.use(
  onTap(quizData.startCancelled, ...control, async (ctx) => {
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("quiz-start-cancelled"));
  }),
);

// An option typed rather than tapped: only the buttons record an answer and its time, so say so.
const typedOptions = new WeakMap<QuizSettings, ReadonlySet<string>>();
const comparable = (text: string) => text.trim().toLocaleLowerCase();
function isTypedOption(ctx: FlowContext): boolean {
  const quiz = ctx.deps.event.quiz;
  if (!quiz || !ctx.message?.text) return false;
  let options = typedOptions.get(quiz);
  if (!options) {
    const labels = quiz.questions.flatMap((q) =>
      q.options.flatMap((option) => (typeof option === "string" ? [option] : Object.values(option))),
    );
    typedOptions.set(quiz, (options = new Set(labels.map(comparable))));
  }
  return options.has(comparable(ctx.message.text));
}
privateChat.on("message:text").filter(isTypedOption, async (ctx) => {
  await ctx.reply(ctx.t("quiz-answer-by-button"));
});

privateChat.use(
  onTap(quizData.answer, async (ctx) => {
    const quiz = ctx.deps.event.quiz;
    const { question: index, option } = ctx.callbackData;
    const question = quiz?.questions[index];
    if (!quiz || !question || option >= question.options.length) return answerUnknownButton(ctx);
    const outcome = await ctx.deps.store.quiz.recordAnswer(index, ctx.from.id, option);
    switch (outcome) {
      case "recorded": {
        await ctx.answerCallbackQuery({ text: ctx.t("quiz-answer-recorded") });
        const language = await ctx.i18n.getLocale();
        const chosen = ctx.t("quiz-your-answer", { option: escapeHtml(await eventText(ctx, question.options[option]!)) });
        await ctx
          .editMessageText(`${questionText(ctx.deps, quiz, index, language)}\n\n${chosen}`, { parse_mode: "HTML" })
          .catch(() => undefined);
        return;
      }
      case "duplicate":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("quiz-answer-duplicate") }));
      case "not-player":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("quiz-not-player") }));
      case "closed":
        await ctx.answerCallbackQuery({ text: ctx.t("quiz-answer-closed") });
        await ctx.editMessageReplyMarkup().catch(() => undefined);
    }
  }),
);
