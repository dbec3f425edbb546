import { GrammyError, InlineKeyboard, type Api } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import type { SystemJobHandler, SystemJobs } from "../../delivery/engine.js";
import { languageOf } from "../../event/language.js";
import type { FeedbackNotice } from "../../store/feedback.js";
import { escapeHtml } from "../../ui/html.js";
import { menuData } from "../../ui/keyboards.js";
import { feedbackData } from "./callback-data.js";
import { feedbackAt, surveyOpen } from "./rules.js";

/** A job that fires early (an older `after` still queued, clocks apart) sends nothing: the job at the right moment will. */
const EARLY_TOLERANCE_MS = 60_000;

/** Telegram's 429s are waited out this often per message; a message still refused goes to the next run. */
const TRIES_PER_MESSAGE = 3;
const LONGEST_WAIT_MS = 60_000;
/** When messages were given back, the job runs again this much later. */
const RETRY_AFTER_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The job's name: one per event, so events sharing a queue do not meet. */
export const feedbackJobName = (eventId: string) => `feedback-${eventId}`;

/** The invitation to the survey: Start or Skip, in the guest's language. */
function surveyInvitation(deps: BotDeps, language: string) {
  const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(language, key, vars);
  const text = t("feedback-intro", { title: escapeHtml(deps.event.text(deps.event.title, language)) });
  const keyboard = new InlineKeyboard()
    .text(t("feedback-start-button"), feedbackData.start.pack())
    .text(t("feedback-skip-button"), feedbackData.skip.pack());
  return { text, keyboard };
}

/** "Sorry we missed you", with what the guest can still do: the event's links, and ideas if the event takes them. */
function noShowMessage(deps: BotDeps, language: string) {
  const { event } = deps;
  const t = (key: string) => deps.i18n.t(language, key);
  const lines = [escapeHtml(event.feedback?.noShow ? event.text(event.feedback.noShow, language) : t("feedback-no-show-default"))];
  const keyboard = new InlineKeyboard();
  for (const link of event.links) keyboard.url(event.text(link.label, language), link.url).row();
  if (event.ideas) keyboard.text(t("feedback-no-show-ideas"), menuData.idea.pack()).row();
  if (event.links.length || event.ideas) lines.push("", t("feedback-no-show-still"));
  return { text: lines.join("\n"), keyboard };
}

/**
 * Sends each checked-in guest the survey's invitation and each confirmed guest who did not come the
 * no-show text, once: every message is claimed in Redis before it leaves, so a re-run, a restart or
 * a second process sends nothing twice. A message that failed for a reason other than a block is
 * given back, for the next run.
 */
export async function sendAfterEventMessages(deps: BotDeps, api: Api): Promise<Record<FeedbackNotice | "returned", number>> {
  const sent = { survey: 0, "no-show": 0, returned: 0 };
  const at = feedbackAt(deps.event);
  const now = deps.clock();
  if (!at || now.getTime() < at.getTime() - EARLY_TOLERANCE_MS) return sent;
  // After retention nothing goes out: the survey is closed.
  if (!surveyOpen(deps.event, new Date(Math.max(now.getTime(), at.getTime())))) return sent;
  const { rsvps, feedback, users } = deps.store;
  const [checkedIn, confirmed] = await Promise.all([rsvps.checkedInIds(), rsvps.idsByStatus("confirmed")]);
  const arrived = new Set(checkedIn);
  const recipients: Array<[number, FeedbackNotice]> = [
    ...checkedIn.map((id) => [id, "survey"] as [number, FeedbackNotice]),
    ...confirmed.filter((id) => !arrived.has(id)).map((id) => [id, "no-show"] as [number, FeedbackNotice]),
  ];
  for (const [userId, notice] of recipients) {
    if (!(await feedback.claimNotice(userId, notice))) continue;
    const [user, guest] = await Promise.all([users.find(userId), rsvps.find(userId)]);
    const language = languageOf(deps.event, user?.language, guest?.language);
    const { text, keyboard } = notice === "survey" ? surveyInvitation(deps, language) : noShowMessage(deps, language);
    const options = { parse_mode: "HTML" as const, reply_markup: keyboard, link_preview_options: { is_disabled: true } };
    for (let tries = 1; ; tries++) {
      try {
        await api.sendMessage(userId, text, options);
        sent[notice]++;
        break;
      } catch (error) {
        const waitMs = error instanceof GrammyError && error.error_code === 429 ? (error.parameters.retry_after ?? 1) * 1000 : undefined;
        if (waitMs !== undefined && waitMs <= LONGEST_WAIT_MS && tries < TRIES_PER_MESSAGE) {
          await sleep(waitMs);
          continue;
        }
        const blocked = error instanceof GrammyError && error.error_code === 403;
        deps.logger.warn({ err: error, user_id: userId, notice }, "after-event message not delivered");
        if (!blocked) {
          await feedback.returnNotice(userId);
          sent.returned++;
        }
        break;
      }
    }
  }
  return sent;
}

/**
 * The survey's job on the delivery engine's durable queue, at `ends` + feedback.after. Every
 * process registers it (the job id makes it run once); the claims make a re-run harmless.
 */
export async function scheduleFeedbackJobs(engine: SystemJobs, deps: BotDeps): Promise<void> {
  const at = feedbackAt(deps.event);
  if (!at) return;
  const name = feedbackJobName(deps.event.id);
  const send: SystemJobHandler = async (api) => {
    const sent = await sendAfterEventMessages(deps, api);
    const log = { event: deps.event.id, surveys: sent.survey, no_shows: sent["no-show"], returned: sent.returned };
    deps.logger.info(log, "after-event messages sent");
    // Messages given back (a network error, a long 429) go out at the next run.
    if (sent.returned) await engine.scheduleSystemJob(name, new Date(deps.clock().getTime() + RETRY_AFTER_MS), send);
  };
  await engine.scheduleSystemJob(name, at, send);
}
