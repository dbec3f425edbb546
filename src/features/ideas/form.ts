import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../../bot/context.js";

export type IdeasConversation = Conversation<BotContext, FlowContext>;

/**
 * What a step makes of an update: the value, a hint to ask again, a toast for a tap that did
 * its job without ending the step, or nothing (ignored). Steps never answer a callback query
 * themselves: waitStep answers each exactly once (Telegram refuses a second answer).
 */
export type StepOutcome<T> = { value: T } | { hint: string } | { toast: string } | undefined;

// Enough tries for a confused user, bounded so a stuck chat cannot replay forever.
const MAX_ATTEMPTS = 15;

/** Callback data the form's own buttons use; anything else ends the form and goes on. */
export const FORM_PREFIX = "ideas:f:";
export const CANCEL_DATA = `${FORM_PREFIX}cancel`;

const isCommand = (text: string | undefined) => text?.startsWith("/") ?? false;
const isCancel = (ctx: FlowContext) =>
  ctx.callbackQuery?.data === CANCEL_DATA ||
  /^\/cancel(@\w+)?$/.test(ctx.message?.text ?? "") ||
  ctx.message?.text === ctx.t("ideas-cancel");

/**
 * Waits for the answer to one step of a form. /cancel or Cancel leaves (after `onCancel`);
 * another command or a button of another screen ends the form and is handled as usual;
 * a wrong answer gets the step's hint and another try.
 */
export async function waitStep<T>(
  conversation: IdeasConversation,
  accept: (ctx: FlowContext) => StepOutcome<T> | Promise<StepOutcome<T>>,
  onCancel: (ctx: FlowContext) => Promise<unknown>,
): Promise<T> {
  let ctx: FlowContext | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    ctx = await conversation.wait();
    // Edits of earlier messages and chat-member changes are not answers.
    if (!ctx.message && !ctx.callbackQuery) continue;
    if (isCancel(ctx)) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      await onCancel(ctx);
      return conversation.halt();
    }
    const data = ctx.callbackQuery?.data;
    if ((data !== undefined && !data.startsWith(FORM_PREFIX)) || isCommand(ctx.message?.text)) {
      return conversation.halt({ next: true });
    }
    const outcome = await accept(ctx);
    if (ctx.callbackQuery) {
      const toast = outcome && "toast" in outcome ? outcome.toast : outcome && "hint" in outcome ? outcome.hint : undefined;
      await ctx.answerCallbackQuery(toast === undefined ? undefined : { text: toast.replace(/<[^>]+>/g, "") });
    } else if (outcome && "hint" in outcome) {
      await ctx.reply(outcome.hint, { parse_mode: "HTML" });
    }
    if (outcome && "value" in outcome) return outcome.value;
  }
  // Too many wrong answers in a row: leave rather than ask forever.
  if (ctx) await onCancel(ctx);
  return conversation.halt();
}
