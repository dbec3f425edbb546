import type { ConversationControls } from "@grammyjs/conversations";
import type { Middleware, MiddlewareFn, StorageAdapter, Transformer } from "grammy";
import type { Message, Update } from "grammy/types";
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

/** What a sent message echoes of the bot's own request (its text, buttons, the bot itself): a form already has it. */
const ECHOED_FIELDS = ["from", "text", "entities", "caption", "caption_entities", "reply_markup", "link_preview_options"];

/** A Bot API result without the echoes of what was sent, and its chat as id and type only (no user's name). */
function withoutEchoes(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(withoutEchoes);
  if (typeof result !== "object" || result === null || !("message_id" in result)) return result;
  const trimmed: Record<string, unknown> = { ...result };
  for (const field of ECHOED_FIELDS) delete trimmed[field];
  const { chat } = result as { chat?: { id: number; type: string } };
  if (chat) trimmed.chat = { id: chat.id, type: chat.type };
  return trimmed;
}

/**
 * A form's Bot API results as its code sees them, live and replayed alike: without the echoes
 * (formReplayStorage keeps them so, and a form's state stays a few KB however long it runs).
 */
export const echoFreeResults: Transformer = async (prev, method, payload, signal) => {
  const response = await prev(method, payload, signal);
  return response.ok ? { ...response, result: withoutEchoes(response.result) as typeof response.result } : response;
};

/** A form's state as the conversations plugin stores it: per conversation, its runs, each with a replay log. */
interface StoredForms {
  state?: Record<string, Array<{ replay?: { receive?: Array<{ returnValue?: unknown }> } }>>;
}

/** A Bot API call's outcome in a replay log: `{ ok, res }`, res being the response. */
const isCallOutcome = (value: unknown): value is { ok: true; res: { ok: boolean; result?: unknown } } =>
  typeof value === "object" && value !== null && "res" in value && (value as { ok?: unknown }).ok === true;

/**
 * A replay log's value as stored: a Bot API result without the echoes, and a tapped message
 * (in a button's update) without its buttons, entities and sender (the bot), which no form reads.
 */
function loggedValue(value: unknown): unknown {
  if (isCallOutcome(value)) return value.res.ok ? { ...value, res: { ...value.res, result: withoutEchoes(value.res.result) } } : value;
  const query = (value as Update | undefined)?.callback_query;
  if (!query?.message) return value;
  const { reply_markup: _buttons, entities: _entities, from: _bot, ...tapped } = query.message as Message;
  return { ...(value as Update), callback_query: { ...query, message: tapped } };
}

/** The conversations' storage, writing each logged Bot API result without the echoes (echoFreeResults gives the code no more). */
export function formReplayStorage<T>(adapter: StorageAdapter<T>): StorageAdapter<T> {
  return {
    ...adapter,
    write(key, value) {
      const { state } = value as StoredForms;
      if (!state) return adapter.write(key, value);
      const trimmedState = Object.fromEntries(
        Object.entries(state).map(([name, runs]) => [
          name,
          runs.map((run) => {
            const receive = run.replay?.receive;
            if (!receive) return run;
            const logged = receive.map((entry) => ({ ...entry, returnValue: loggedValue(entry.returnValue) }));
            return { ...run, replay: { ...run.replay, receive: logged } };
          }),
        ]),
      );
      return adapter.write(key, { ...value, state: trimmedState } as T);
    },
  };
}
