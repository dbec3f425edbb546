import { Bot, type BotConfig, session } from "grammy";
import { conversations } from "@grammyjs/conversations";
import { autoRetry } from "@grammyjs/auto-retry";
import type { Middleware } from "grammy";
import type { BotContext, BotDeps, FlowContext, SessionData } from "./context.js";
import { commandOf } from "./commands.js";
import { bestEffortCallbackAnswers } from "./callback-answers.js";
import { handleBotError, noteCallbackAnswers, RecentLanguages } from "./errors.js";
import { floodLimit } from "./flood.js";
import { callsWaitFor, type AnswerPermit, type AnswerPermits } from "./answer-permits.js";
import { Composer } from "./composer.js";
import { directJsonCalls, dropEmptyRows } from "./http.js";
import { echoFreeResults, formReplayStorage, formsWhenOpen } from "./forms.js";
import { sessionStorage, type ChatState } from "../store/sessions.js";
import { adminFeature } from "../features/admin/index.js";
import { privacyFeature } from "../features/privacy/index.js";
import { privacyScreenFeature } from "../features/privacy/screen.js";
import { broadcastFeature, broadcastForms, listBroadcasts, startBroadcast, trackBlocking } from "../features/broadcast/index.js";
import { contestFeature, contestForms } from "../features/contest/index.js";
import { showEntries } from "../features/contest/jury.js";
import { startWinner } from "../features/contest/winner.js";
import { groupFeature } from "../features/group/index.js";
import { helpFeature } from "../features/help/index.js";
import { ideasFeature, ideasForms } from "../features/ideas/index.js";
import { overview as ideasOverview } from "../features/ideas/admin.js";
import { isModerationGroupTap } from "../features/ideas/notify.js";
import { infoFeature } from "../features/info/index.js";
import { languageFeature } from "../features/language/index.js";
import { menuFeature } from "../features/menu/index.js";
import { quizFeature, showQuizHelp } from "../features/quiz/index.js";
import { rsvpDeclineForm, rsvpFeature, rsvpForms } from "../features/rsvp/index.js";
import { showRequests } from "../features/rsvp/approval.js";
import { exportGuests, showStats, startCheckinMode } from "../features/rsvp/organisers.js";
import { unhandledFeature } from "../features/unhandled/index.js";
import { voteFeature, voteForms } from "../features/vote/index.js";
import { teamFeature } from "../features/team/index.js";
import { feedbackFeature, feedbackForms } from "../features/feedback/index.js";
import { showFeedback } from "../features/feedback/results.js";
import { eventsFeature } from "../features/events/index.js";
import { reloadFeature } from "../features/reload/index.js";
import { followersFeature } from "../features/followers/index.js";
import { openRsvp } from "../features/rsvp/mine.js";

const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
const CONVERSATION_TTL_SECONDS = 24 * 60 * 60;

/**
 * Puts the shared dependencies and a per-update child logger on the context. The logger is made
 * on first use: most updates log nothing, and conversations rebuild the context on every replay.
 */
function injectDeps(deps: BotDeps): Middleware<FlowContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    let logger: FlowContext["logger"] | undefined;
    Object.defineProperty(ctx, "logger", {
      get: () => (logger ??= deps.logger.child({ update_id: ctx.update.update_id, user_id: ctx.from?.id })),
      set: (value: FlowContext["logger"]) => (logger = value),
      configurable: true,
    });
    return next();
  };
}

/** Makes the update's Bot API calls wait for its answer permit, when polling hands one out. */
function answerWithPermit(permits: AnswerPermits | undefined): Middleware<BotContext> {
  return (ctx, next) => {
    const permit = permits?.of(ctx.update);
    if (permit) callsWaitFor(ctx, permit);
    return next();
  };
}

/**
 * Switches the context to the dependencies of the user's chosen event (session.eventId, if still
 * an event of the series), else of the series' current one: a Map lookup per update.
 */
function chooseEvent(deps: BotDeps): Middleware<FlowContext> {
  return (ctx, next) => {
    const chosen = ctx.chatId === undefined ? undefined : ctx.session?.eventId;
    // One synchronous read of the series in force (a /reload swaps it whole); an archived event is never chosen.
    const series = deps.series;
    const usable = chosen !== undefined && !series.isArchived(chosen) ? chosen : undefined;
    ctx.deps = (usable !== undefined ? deps.depsOf(usable) : undefined) ?? deps.depsOf(series.current(deps.clock()).id) ?? deps;
    return next();
  };
}

/**
 * Holds back the session and conversation writes of an update and commits them at its end, with
 * the update's removal from the inbox, in one Redis script (src/store/sessions.ts says why).
 */
function commitChatState(chatState: ChatState): Middleware<BotContext> {
  return async (ctx, next) => {
    const { chatId } = ctx;
    if (chatId === undefined) return next();
    chatState.begin(chatId);
    try {
      await next();
    } finally {
      await chatState.commit(chatId, ctx.me.id, ctx.update);
    }
  };
}

/**
 * Builds the bot without starting it: the seam that main.ts, the tests and the preview share.
 * Order matters: error boundary, dependencies, groups (which stop here), activity, state commit, session,
 * i18n, flood limit, conversations, the features, and the catch-all last.
 */
export function createBot(token: string, deps: BotDeps, botConfig?: BotConfig<BotContext>): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, botConfig);
  const apiTransformers = [
    dropEmptyRows,
    deps.latestMessages.transformer(),
    // Inside auto-retry: a refused button answer never stops or delays the action.
    bestEffortCallbackAnswers(deps.logger),
    // 429s are retried after retry_after, within bounds, so a flood wait never stalls a chat for long.
    autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }),
  ];
  // Innermost, on the bot's API only: a conversation's API must keep its own replay transformer below every call.
  for (const transformer of [directJsonCalls(token, botConfig?.client), ...apiTransformers]) bot.api.config.use(transformer);

  const { keys } = deps.store;
  const chosenLanguages = new RecentLanguages();
  const protectedBot = new Composer<BotContext>();
  // First, so every call made for the update, the error boundary's apology included, waits for its permit.
  bot.use(answerWithPermit(deps.answerPermits));
  bot.errorBoundary((error) => handleBotError(error, chosenLanguages), protectedBot);
  protectedBot.use(noteCallbackAnswers);
  protectedBot.use(injectDeps(deps));
  protectedBot.use((ctx, next) => {
    if (ctx.chat?.type !== "private") return next();
    if (ctx.message) deps.latestMessages.note(ctx.chat.id, ctx.message.message_id);
    // A tap or a command moves on from a consent left unanswered: what is typed next is not pointed to it
    // (/cancel closes it itself, features/help).
    const command = commandOf(ctx.message?.text);
    if (ctx.callbackQuery || (command !== undefined && command !== "cancel")) deps.latestMessages.forget(ctx.chat.id, "consent");
    return next();
  });
  // Organisers tap idea moderation buttons in their group chat.
  protectedBot.use(groupFeature([isModerationGroupTap]));
  protectedBot.use(trackBlocking);
  const { chatState } = deps.store;
  protectedBot.use(commitChatState(chatState));
  // Every update reads the chat's conversation state too (the plugin looks for an active form):
  // it comes with the session, in one round trip.
  const flood = floodLimit(deps.store.flood, deps.floodLimit);
  protectedBot.use(flood.count);
  const sessionAdapter = chatState.adapter<SessionData>(keys.sessionPrefix, SESSION_TTL_SECONDS, [keys.conversationPrefix]);
  protectedBot.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      prefix: keys.sessionPrefix,
      storage: sessionStorage(sessionAdapter, SESSION_TTL_SECONDS),
    }),
  );
  // The session and answer permit of each chat whose update is being handled, for the conversations'
  // replays (one chat's updates run one at a time, so the entry is this update's).
  const chatsInHand = new Map<number, { session: SessionData; permit?: AnswerPermit }>();
  protectedBot.use(async (ctx, next) => {
    if (ctx.chatId === undefined) return next();
    chatsInHand.set(ctx.chatId, { session: ctx.session, permit: deps.answerPermits?.of(ctx.update) });
    try {
      await next();
    } finally {
      chatsInHand.delete(ctx.chatId);
      chosenLanguages.remember(ctx.chatId, ctx.session?.language);
    }
  });
  protectedBot.use(chooseEvent(deps));
  protectedBot.use(deps.i18n);
  protectedBot.use(flood.limit);
  // The one place users are remembered: at /start (their name may have changed) and at the first message of a chat,
  // which may be /rsvp, not /start (after /forget_me, say): its user joins the audiences all the same.
  protectedBot.use(async (ctx, next) => {
    const first = !ctx.session.known && (ctx.message !== undefined || ctx.callbackQuery !== undefined);
    if (ctx.chat?.type === "private" && ctx.from && (first || ctx.hasCommand("start"))) {
      await ctx.deps.store.users.remember(ctx.from, await ctx.i18n.getLocale(), ctx.deps.clock());
      ctx.session.known = true;
    }
    return next();
  });
  const forms = formsWhenOpen(
    conversations<BotContext, FlowContext>({
      storage: {
        type: "key",
        prefix: keys.conversationPrefix,
        adapter: formReplayStorage(chatState.adapter(keys.conversationPrefix, CONVERSATION_TTL_SECONDS)),
      },
      // Conversations rebuild the context for every replayed step: give it the same dependencies,
      // a read-only copy of the session (for the language choice) and i18n.
      plugins: [
        noteCallbackAnswers,
        injectDeps(deps),
        // A conversation's context has its own API object, without the bot's transformers; its results come without echoes.
        (ctx, next) => {
          for (const transformer of [...apiTransformers, echoFreeResults]) ctx.api.config.use(transformer);
          return next();
        },
        (ctx, next) => {
          const inHand = ctx.chatId === undefined ? undefined : chatsInHand.get(ctx.chatId);
          Object.defineProperty(ctx, "session", { value: inHand?.session ?? {}, writable: true });
          // Replayed calls wait too: the update in hand holds its permit from its first call, replayed or not.
          if (inHand?.permit) callsWaitFor(ctx, inHand.permit);
          return next();
        },
        // A form runs in the event the user has chosen (it is chosen outside forms).
        chooseEvent(deps),
        deps.i18n as unknown as Middleware<FlowContext>,
      ],
    }),
    [rsvpForms, ...ideasForms, contestForms, broadcastForms, feedbackForms, voteForms, rsvpDeclineForm],
    (ctx) => ctx.chatId !== undefined && chatState.isEmptyAhead(keys.conversationPrefix, ctx.chatId) === true,
  );
  protectedBot.use(forms.plugin);

  // /forget_me and /privacy must work while a form is open, so they come before the forms would take them.
  protectedBot.use(privacyFeature);
  protectedBot.use(privacyScreenFeature);
  // Every form sees an update before any feature does, so one set of rules (src/ui/form/ask.ts)
  // decides what a command or a button does while a form is open.
  protectedBot.use(forms.forms);
  // Before the menu: RSVP owns the ticket deep links (/start ci_<token>).
  protectedBot.use(rsvpFeature);
  // Before the menu too: invite links (/start team_<token>).
  protectedBot.use(teamFeature);
  protectedBot.use(ideasFeature);
  protectedBot.use(contestFeature);
  protectedBot.use(broadcastFeature);
  // Before the menu: the series' events own their deep links (/start e_<id>).
  protectedBot.use(eventsFeature);
  // /reload (admins): the events folder read again without a restart.
  protectedBot.use(reloadFeature);
  // /notifications and the announcements' Register button (which opens the event's RSVP).
  protectedBot.use(followersFeature({ register: openRsvp }));
  protectedBot.use(menuFeature);
  protectedBot.use(infoFeature);
  protectedBot.use(languageFeature);
  protectedBot.use(helpFeature);
  protectedBot.use(
    adminFeature({
      stats: showStats,
      export: exportGuests,
      checkin: startCheckinMode,
      ideas: (ctx) => ideasOverview(ctx, true),
      entries: showEntries,
      broadcast: startBroadcast,
      broadcasts: listBroadcasts,
      winner: startWinner,
      quiz: showQuizHelp,
      requests: (ctx) => showRequests(ctx),
      feedback: showFeedback,
    }),
  );
  protectedBot.use(quizFeature);
  protectedBot.use(voteFeature);
  protectedBot.use(feedbackFeature);
  protectedBot.use(unhandledFeature);

  bot.catch((error) => handleBotError(error, chosenLanguages));
  return bot;
}
