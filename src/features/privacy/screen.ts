import { Composer } from "../../bot/composer.js";
import type { BotContext, BotDeps, FlowContext } from "../../bot/context.js";
import { formatList, momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { dayjs, parseDuration } from "../../event/time.js";
import { consentController, organisersContact } from "../../ui/organisers.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { retentionEndsAt } from "../../event/retention.js";

const UNITS = [
  ["d", 86_400_000],
  ["h", 3_600_000],
] as const;

/** "90d" as words of the user's language: the largest whole unit. */
function durationText(ctx: FlowContext, value: string): string {
  const ms = parseDuration(value);
  const [unit, size] = UNITS.find(([, size]) => ms % size === 0) ?? ["m", 60_000];
  return ctx.t("privacy-duration", { unit, count: ms / size });
}

/** What some event of the series runs: /privacy's purposes and /forget_me's list name these, and no others. */
export function seriesActivities(deps: BotDeps): Array<"contest" | "quiz" | "ideas" | "feedback"> {
  return (["contest", "quiz", "ideas", "feedback"] as const).filter((activity) => deps.series.events.some((event) => event[activity]));
}

/** Which kinds of data the bot holds about this user now: field names and counts, never the values. */
async function storedLines(ctx: FlowContext): Promise<string[]> {
  const { store, event } = ctx.deps;
  const userId = ctx.from!.id;
  const state = (present: boolean) => ctx.t(present ? "privacy-yes" : "privacy-no");
  const lines = [ctx.t("privacy-stored-profile", { state: state((await store.users.find(userId)) !== undefined) })];

  const guest = await store.rsvps.find(userId);
  if (guest) {
    const count = Object.keys(guest.answers).length;
    const companions = guest.companions?.length ?? 0;
    const fields = [
      ...(guest.name ? [ctx.t("privacy-field-name")] : []),
      ...(count ? [ctx.t("privacy-field-answers", { count })] : []),
      // Other people's names the guest gave: theirs to know about, as /forget_me deletes them too.
      ...(companions ? [ctx.t("privacy-field-companions", { count: companions })] : []),
    ];
    lines.push(
      ctx.t("privacy-stored-registration", {
        fields: [...fields, ctx.t("privacy-field-ticket")].join(", "),
        at: await momentText(ctx, guest.consentAt),
        version: guest.consentVersion ?? ctx.t("privacy-no"),
        language: guest.consentLanguage ?? guest.language,
      }),
    );
  } else {
    lines.push(ctx.t("privacy-stored-registration-none"));
  }
  if (event.ideas) lines.push(ctx.t("privacy-stored-ideas", { count: (await store.ideas.byAuthor(userId)).length }));
  if (event.contest) {
    const entry = event.contest.entryQuestion ? "own" : "idea";
    lines.push(ctx.t("privacy-stored-contest", { state: state((await store.contest.find(userId)) !== undefined), entry }));
  }
  if (event.quiz) {
    const questions = event.quiz.questions.map((_, q) => store.quiz.answerOf(q, userId));
    const count = (await Promise.all(questions)).filter(Boolean).length;
    lines.push(ctx.t("privacy-stored-quiz", { count }));
  }
  if (event.feedback) {
    lines.push(ctx.t("privacy-stored-feedback", { state: state(await store.feedback.hasResponded(userId)) }));
  }
  lines.push(ctx.t("privacy-stored-language", { state: state(ctx.session?.language !== undefined) }));
  return lines;
}

/**
 * /privacy: what the bot stores about the user, why, for how long (`privacy.retainFor` after the
 * event ends) and who the data controller is, in the user's language.
 */
async function showPrivacy(ctx: FlowContext): Promise<void> {
  const { event } = ctx.deps;
  const language = await ctx.i18n.getLocale();
  const until = retentionEndsAt(event);
  const text = ctx.t("privacy-screen", {
    stored: (await storedLines(ctx)).join("\n"),
    purposes: formatList(
      ctx,
      ["register", "news", ...seriesActivities(ctx.deps), "answer"].map((purpose) => ctx.t(`privacy-why-${purpose}`)),
      "and",
    ),
    until: dayjs(until).tz(event.timezone).locale(language).format(ctx.t("date-pattern")),
    retain: durationText(ctx, event.privacy.retainFor),
    controller: escapeHtml(consentController(ctx.deps, language)),
    ...organisersContact(ctx.deps, language),
  });
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: backToMenuKeyboard(ctx) });
}

export const privacyScreenFeature = new Composer<BotContext>();
privacyScreenFeature.chatType("private").command("privacy", showPrivacy);
