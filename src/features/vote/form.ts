import type { FlowContext } from "../../bot/context.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { choiceQuestion } from "../../ui/form/question.js";
import { formatMomentIn } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { InlineKeyboard } from "grammy";
import { isPublicStatus } from "../../store/ideas.js";
import type { Vote, VoteElectorate } from "../../store/votes.js";
import { electorateSizes, startVote } from "./jobs.js";
import { exampleCloseTime, excerpt, MAX_IDEAS, MIN_IDEAS, parseCloseTime, parseIdeaNumbers } from "./rules.js";
import { ballotButtons, ballotText } from "./screens.js";

export const VOTE_CONVERSATION = "vote-setup";

/** Published ideas listed under the first question, newest first, to pick numbers from. */
const LISTED_IDEAS = 30;
const LISTED_WORDS = 60;

/**
 * /vote: the shortlist (2–12 published ideas by number), votes per person, who may vote, the
 * close, live or final results; then the ballot as voters will get it, and Start. Organisers only,
 * at every step.
 */
export async function voteConversation(conversation: FormConversation, ctx: FlowContext): Promise<void> {
  const { event } = ctx.deps;
  const form = await Form.open(conversation, ctx, {
    title: ctx.t("vote-form-title"),
    cancelled: ctx.t("vote-cancelled"),
    role: "organiser",
  });
  const total = 6;

  const listing = await conversation.external(async () => {
    const ideas = (await ctx.deps.store.ideas.all()).filter((idea) => isPublicStatus(idea.status)).reverse();
    return ideas.slice(0, LISTED_IDEAS).map((idea) => ({ id: idea.id, text: excerpt(idea.text, LISTED_WORDS) }));
  });
  const list = listing.map((idea) => ctx.t("vote-idea-line", { id: idea.id, text: escapeHtml(idea.text) })).join("\n");
  const ideas = await form.ask<number[]>(
    {
      prompt: ctx.t("vote-ask-ideas", { list }),
      maxLength: 200,
      wrongType: ctx.t("vote-ideas-format"),
      read: async (answer) => {
        if (answer.kind !== "text") return undefined;
        const parsed = parseIdeaNumbers(answer.text);
        if (!parsed.ok) {
          if (parsed.problem === "format") return { hint: ctx.t("vote-ideas-format") };
          return { hint: ctx.t("vote-ideas-count", { count: parsed.count ?? 0, min: MIN_IDEAS, max: MAX_IDEAS }) };
        }
        const missing = await conversation.external(async () => {
          const found = await ctx.deps.store.ideas.getMany(parsed.ids);
          const published = new Set(found.filter((idea) => isPublicStatus(idea.status)).map((idea) => idea.id));
          return parsed.ids.filter((id) => !published.has(id));
        });
        if (missing.length > 0) return { hint: ctx.t("vote-ideas-missing", { ids: missing.map((id) => `#${id}`).join(", ") }) };
        return { value: parsed.ids };
      },
    },
    { number: 1, total },
  );

  const max = Number(
    await form.ask(
      choiceQuestion(ctx, {
        prompt: ctx.t("vote-ask-max", { total: ideas.length }),
        choices: ideas.map((_, i) => [String(i + 1), String(i + 1)] as const),
        columns: 6,
        field: ctx.t("vote-max-field"),
      }),
      { number: 2, total },
    ),
  );

  const sizes = await conversation.external(() => electorateSizes(ctx.deps));
  const electorate = await form.ask(
    choiceQuestion<VoteElectorate>(ctx, {
      prompt: ctx.t("vote-ask-electorate"),
      choices: [
        [ctx.t("vote-electorate-all", { count: sizes.all }), "all"],
        [ctx.t("vote-electorate-checked-in", { count: sizes.checkedIn }), "checked_in"],
      ],
      field: ctx.t("vote-electorate-field"),
    }),
    { number: 3, total },
  );

  const clockNow = () => conversation.external(() => ctx.deps.clock().getTime());
  const example = exampleCloseTime(new Date(await clockNow()), event.timezone);
  const closesAtMs = await form.ask<number>(
    {
      prompt: ctx.t("vote-ask-closes", { zone: event.timezone, example }),
      maxLength: 40,
      wrongType: ctx.t("vote-closes-format", { example }),
      read: async (answer) => {
        if (answer.kind !== "text") return undefined;
        const parsed = parseCloseTime(answer.text, event.timezone, new Date(await clockNow()));
        if (parsed.ok) return { value: parsed.at.getTime() };
        return { hint: ctx.t(parsed.problem === "format" ? "vote-closes-format" : `vote-closes-${parsed.problem}`, { example }) };
      },
    },
    { number: 4, total },
  );

  const live =
    (await form.ask(
      choiceQuestion(ctx, {
        prompt: ctx.t("vote-ask-results"),
        choices: [
          [ctx.t("vote-results-live"), "live"],
          [ctx.t("vote-results-at-close"), "close"],
        ],
        field: ctx.t("vote-results-field"),
      }),
      { number: 5, total },
    )) === "live";

  // The ballot exactly as voters will get it (its buttons work once the vote is open), then the summary with Start.
  const language = await ctx.i18n.getLocale();
  const draft: Vote = {
    eventId: event.id,
    number: 0,
    ideas,
    max,
    electorate,
    live,
    closesAt: new Date(closesAtMs),
    status: "open",
    createdBy: ctx.from!.id,
    createdAt: new Date(closesAtMs),
  };
  // Externals are kept as JSON for the replays: an array, made a map here.
  const shown = new Map((await conversation.external(() => ctx.deps.store.ideas.getMany(ideas))).map((idea) => [idea.id, idea] as const));
  await ctx.reply(ballotText(ctx.deps, language, draft, shown), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard(
      ballotButtons(draft, shown).map((row) => row.map(([label]) => InlineKeyboard.text(label, "vote:preview"))),
    ),
  });
  const who = ctx.t(electorate === "all" ? "vote-who-all" : "vote-who-checked-in");
  const closes = formatMomentIn(ctx.deps, language, draft.closesAt);
  await form.ask(
    choiceQuestion(ctx, {
      prompt: ctx.t("vote-preview", { total: ideas.length, max, who, closes, mode: ctx.t(live ? "vote-mode-live" : "vote-mode-close") }),
      choices: [[ctx.t("vote-start-button"), "start"]],
    }),
    { number: 6, total },
  );

  const outcome = await conversation.external(() =>
    startVote(ctx.deps, { ideas, max, electorate, live, closesAt: new Date(closesAtMs) }, ctx.from!.id),
  );
  if (!outcome.ok) return void (await ctx.reply(ctx.t(outcome.problem === "open" ? "vote-opened-meanwhile" : "vote-nobody")));
  await ctx.reply(ctx.t("vote-started", { count: outcome.recipients, closes, number: outcome.number }));
}
