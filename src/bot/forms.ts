import type { ConversationControls } from "@grammyjs/conversations";
import type { Middleware, MiddlewareFn } from "grammy";
import { Composer } from "./composer.js";
import type { BotContext } from "./context.js";

/**
 * The conversations plugin and the forms, run for a chat with a form open. In any other chat (most
 * updates) `ctx.conversation` says none is active, and the plugin and the forms run only when a
 * feature enters one: otherwise they cost some 80 objects per update (bench/README.md).
 * `noFormOpen` tells from the state read with the session. `plugin` goes where the plugin went,
 * `forms` where the forms went (after the features that may exit a form first). Entering is a
 * feature's last step with the forms, as it is everywhere: the plugin saves the state right after it.
 */
export function formsWhenOpen(
  conversations: MiddlewareFn<BotContext>,
  forms: Middleware<BotContext>[],
  noFormOpen: (ctx: BotContext) => boolean,
): { plugin: MiddlewareFn<BotContext>; forms: Composer<BotContext> } {
  const formSteps = new Composer<BotContext>();
  formSteps.chatType("private").use(...forms);
  const runForms = formSteps.middleware();
  const closed = new WeakSet<BotContext>();
  const plugin: MiddlewareFn<BotContext> = (ctx, next) => {
    if (!noFormOpen(ctx)) return conversations(ctx, next);
    closed.add(ctx);
    const enter = async (name: string, ...args: unknown[]) => {
      await conversations(ctx, async () => {
        await runForms(ctx, () => ctx.conversation.enter(name, ...args));
      });
    };
    ctx.conversation = noneActive(enter);
    return next();
  };
  const whenOpen = new Composer<BotContext>();
  whenOpen.filter((ctx) => !closed.has(ctx), formSteps);
  return { plugin, forms: whenOpen };
}

/** ctx.conversation with no form open: exiting changes nothing, and `enter` starts the forms first. */
function noneActive(enter: (name: string, ...args: unknown[]) => Promise<void>): ConversationControls {
  const nothing = async () => {};
  return {
    enter,
    exit: nothing,
    exitAll: nothing,
    exitOne: nothing,
    active: ((name?: string) => (name === undefined ? {} : 0)) as ConversationControls["active"],
  };
}
