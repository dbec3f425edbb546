import type { Config } from "../config.js";
import type { EventInfo } from "../event/load.js";
import { loadSeries, seriesOfOne, type Series } from "../event/series.js";
import { loadEvent } from "../event/load.js";
import { migrateUnscoped } from "../store/migrate.js";
import { createBroadcastEngine } from "../delivery/engine.js";
import { contestPersonalData } from "../features/contest/winner.js";
import { ideasPersonalData, scheduleIdeaJobs } from "../features/ideas/updates.js";
import { startRetention } from "../features/privacy/retention.js";
import { rsvpPersonalData } from "../features/rsvp/notify.js";
import { scheduleVoteJobs, votePersonalData } from "../features/vote/jobs.js";
import { teamPersonalData } from "../features/team/index.js";
import { createStore } from "../store/index.js";
import { feedbackPersonalData } from "../features/feedback/index.js";
import { connectRedis, type Redis } from "../store/redis.js";
import { registerCommands, setChatCommands } from "../bot/commands.js";
import { languageOf } from "../event/language.js";
import { commandMenu } from "../ui/access.js";
import type { Api, Bot } from "grammy";
import type { BotContext, BotDeps } from "../bot/context.js";
import { botApiClient } from "../bot/http.js";
import { createI18n } from "../bot/i18n.js";
import { createBot } from "../bot/index.js";
import { LatestMessages } from "../bot/latest-messages.js";
import { withoutPersonalData, type Logger } from "./logger.js";
import { startPolling } from "./polling.js";
import { createWebhook } from "./webhook.js";
import { AnswerPermits } from "../bot/answer-permits.js";
import { startHttpServer, type HttpServer, type Route } from "./http-server.js";
import { miniAppRoutes } from "./miniapp.js";
import { setTeamMenuButtons } from "../ui/miniapp.js";
import { createSeriesRuntime, type SeriesReloadedHook } from "./series-runtime.js";
import { calendarFeedRoute } from "./calendar-feed.js";
import { announceNewEvents } from "../features/followers/index.js";

export interface RunningBot {
  bot: Bot<BotContext>;
  deps: BotDeps;
  /** Stops taking updates, finishes those in flight, closes Redis. */
  stop(): Promise<void>;
  /** Rejects if the bot cannot go on by itself (long polling: Telegram refused the token, TokenRejectedError). */
  failed: Promise<never>;
}

/**
 * Telegram lets a bot write only to users who started it: an organiser who never did gets no ideas to
 * review and no reports. Named by id (never by name) so whoever runs the bot can tell them.
 */
async function warnAboutSilentAdmins(deps: BotDeps): Promise<void> {
  const silent: number[] = [];
  for (const id of [...deps.adminIds].sort((a, b) => a - b)) if (!(await deps.store.users.find(id))) silent.push(id);
  if (silent.length > 0) {
    deps.logger.warn({ admin_ids: silent }, "admins who never started the bot get nothing from it until they send it /start");
  }
}

/**
 * The event the data stored before the series (unscoped keys) belongs to: a series of one, its
 * event; a folder, MIGRATE_UNSCOPED_TO (refused if it names no event of the series).
 */
function migrationTarget(config: Config, series: Series): string | undefined {
  if (series.single) return series.events[0]!.id;
  const target = config.MIGRATE_UNSCOPED_TO;
  if (target !== undefined && !series.byId(target)) {
    throw new Error(
      `MIGRATE_UNSCOPED_TO: "${target}" is not the id of an event of the series (${series.events.map((e) => e.id).join(", ")})`,
    );
  }
  return target;
}

/**
 * Wires config, the series (or one event: a series of one) and Redis into a running bot: long
 * polling, or a webhook when WEBHOOK_URL is set.
 */
export async function startBot(
  config: Config,
  eventOrSeries: EventInfo | Series,
  givenLogger: Logger,
  options: {
    redis?: Redis;
    clock?: () => Date;
    pollingTimeoutSeconds?: number;
    /** Long polling: called when an update is done with (the emulator's tests wait for this). */
    onUpdateHandled?: (updateId: number) => void;
    /** The Mini App's built front end (default dist/miniapp): the preview and the tests give their own. */
    miniappDir?: string;
    /** More steps after each successful /reload (the tests'); the bot's own are registered below. */
    onSeriesReloaded?: SeriesReloadedHook[];
    /** How often series:version is checked for another instance's /reload (default 5 s). */
    seriesWatchMs?: number;
  } = {},
): Promise<RunningBot> {
  const logger = withoutPersonalData(givenLogger);
  const redis = options.redis ?? connectRedis(config);
  redis.on("error", (error) => logger.warn({ err: error }, "redis error"));
  const loadedSeries = "events" in eventOrSeries ? eventOrSeries : seriesOfOne(eventOrSeries);
  const baseStore = createStore(redis, config.REDIS_PREFIX);
  // Data of an event stored before the series moves under its id before anything reads it.
  const migration = await migrateUnscoped(
    redis,
    baseStore.keys,
    migrationTarget(config, loadedSeries),
    loadedSeries.events.map((e) => e.id),
  );
  if (migration.moved > 0)
    logger.info({ event: migration.eventId, keys: migration.moved }, "data stored before the series moved under its event");
  const clock = options.clock ?? (() => new Date());
  // The default view (jobs without an event, the first update's context): the current event at start.
  const event = loadedSeries.current(clock());
  const store = baseStore.forEvent(event.id);
  // Broadcasts stored before the series carry no event id: they are the migrated event's.
  const legacyEvent = (migration.eventId !== undefined && loadedSeries.byId(migration.eventId)) || event;
  const i18n = createI18n(loadedSeries.languages);
  const broadcastEngine = createBroadcastEngine({
    redis: config,
    token: config.BOT_TOKEN,
    apiRoot: config.BOT_API_ROOT,
    rate: config.BROADCAST_RATE,
    store: baseStore.forEvent(legacyEvent.id),
    event: legacyEvent,
    eventOf: (eventId) => {
      // The series in force (a /reload swaps it), archived events included.
      const found = (eventId !== undefined && runtime.view().series.byId(eventId)) || legacyEvent;
      return { event: found, store: baseStore.forEvent(found.id) };
    },
    logger,
    clock,
    i18n,
  });
  const shared = {
    logger,
    clock,
    i18n,
    floodLimit: config.FLOOD_LIMIT,
    latestMessages: new LatestMessages(),
    answerPermits: new AnswerPermits(config.UPDATES_HANDLED_AT_ONCE),
    personalData: [contestPersonalData, rsvpPersonalData, votePersonalData, teamPersonalData, feedbackPersonalData, ideasPersonalData],
    miniappUrl: config.MINIAPP_URL,
    reloadSeries: () => runtime.reload(),
  };
  // One set of dependencies per event, built once per version of the series: choosing an event in an update is a Map lookup.
  const runtime = createSeriesRuntime({
    store: baseStore,
    engine: broadcastEngine,
    shared,
    configAdmins: config.ADMIN_IDS,
    legacyEventId: migration.eventId,
    load: () => loadSeries(config, loadEvent),
    logger,
    clock,
  });
  const { series } = await runtime.install(loadedSeries, event.id);
  // After each successful /reload (here or on another instance): new events are announced to followers as at start-up (once each).
  runtime.onSeriesReloaded.push(async (reload) => void (await announceNewEvents(broadcastEngine, reload.deps, clock())));
  runtime.onSeriesReloaded.push(...(options.onSeriesReloaded ?? []));
  // Reads the series in force at each access: the bot's middleware and the long-lived jobs follow a /reload.
  const deps: BotDeps = runtime.liveDeps();
  const bot = createBot(config.BOT_TOKEN, deps, { client: botApiClient(config.BOT_API_ROOT) });
  // Broadcasts, reminders and notices from jobs are messages too: screens above them are not edited.
  broadcastEngine.api.config.use(deps.latestMessages.transformer());
  await bot.init();
  await registerCommands(bot.api, deps.i18n, series, deps.adminIds);
  // A reload may add or drop the last event with a contest, ideas, a quiz or a survey: the menus follow, the team's own too.
  runtime.onSeriesReloaded.push(async (reload) => {
    await registerCommands(bot.api, reload.deps.i18n, reload.series, reload.deps.adminIds);
    await setTeamCommands(bot.api, reload.deps);
  });
  await warnAboutSilentAdmins(deps);
  // With MINIAPP_URL: the organisers' and the door team's menu button opens the Mini App.
  await setTeamMenuButtons(bot.api, deps);
  // Every process (re)schedules each event's reminders and system jobs idempotently, then runs workers.
  await runtime.scheduleAll();
  // The vote's job families are registered once (their names carry the event).
  await scheduleVoteJobs(broadcastEngine, deps);
  // Ideas are the series': their jobs once.
  await scheduleIdeaJobs(broadcastEngine, deps);
  // Followers: events new since the last start are announced (once, whichever instance gets there), nudges scheduled.
  await announceNewEvents(broadcastEngine, deps, clock());
  await broadcastEngine.start();
  // Another instance's /reload is repeated here (series:version).
  runtime.watch(options.seriesWatchMs);
  // Erases each event's personal data once its privacy.retainFor has passed: now if due, then hourly.
  const retention = startRetention(deps);
  let updates;
  let http: HttpServer | undefined;
  try {
    const webhook =
      config.WEBHOOK_URL && config.WEBHOOK_SECRET
        ? createWebhook(bot, { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, store, logger })
        : undefined;
    const routes: Route[] = webhook ? [webhook.route] : [];
    // GET /calendar.ics: the series' upcoming events, for subscription in a calendar app.
    routes.push(calendarFeedRoute({ series: () => runtime.view().series, clock }));
    if (config.MINIAPP_URL) {
      const serving = { deps, api: bot.api, botToken: config.BOT_TOKEN, botUsername: bot.botInfo.username, apiRoot: config.BOT_API_ROOT };
      routes.push(...miniAppRoutes({ ...serving, maxAgeSeconds: config.MINIAPP_AUTH_MAX_AGE, dir: options.miniappDir }));
    }
    // One server on PORT: the webhook's route, /healthz and the Mini App; long polling without the Mini App needs none.
    if (webhook || config.MINIAPP_URL) {
      http = await startHttpServer({ port: config.PORT, store, logger, routes });
      logger.info({ port: config.PORT, miniapp: Boolean(config.MINIAPP_URL) }, "http server listening");
    }
    if (webhook) {
      await webhook.start();
      updates = webhook;
    } else {
      updates = startPolling(bot, {
        inbox: store.inbox(bot.botInfo.id),
        logger,
        timeoutSeconds: options.pollingTimeoutSeconds,
        answerPermits: shared.answerPermits,
        onHandled: options.onUpdateHandled,
        leftWithState: store.chatState.isFinished,
      });
    }
  } catch (error) {
    // No timer or worker outlives a failed start (tests and the preview go on in the same process).
    await http?.stop();
    await runtime.stop();
    await retention.stop();
    await broadcastEngine.close();
    throw error;
  }
  logger.info({ bot: bot.botInfo.username, events: series.events.map((e) => e.id) }, "bot is running");
  const failed = new Promise<never>((_, reject) => {
    if ("finished" in updates) updates.finished.catch(reject);
  });
  // Observed by main.ts; the tests and the preview stop the bot themselves.
  failed.catch(() => undefined);

  return {
    bot,
    deps,
    failed,
    async stop() {
      // The server stops taking requests while the updates in hand finish.
      await Promise.all([updates.stop(), http?.stop()]);
      await runtime.stop();
      await retention.stop();
      await broadcastEngine.close();
      if (!options.redis) await redis.quit();
    },
  };
}

/** Each team member's own command menu (their role's, in their language), as at joining; the admins' are registerCommands'. */
async function setTeamCommands(api: Api, deps: BotDeps): Promise<void> {
  for (const member of await deps.store.team.members()) {
    if (deps.adminIds.has(member.userId)) continue;
    const language = languageOf(deps.event, (await deps.store.users.find(member.userId))?.language);
    const options = { menu: commandMenu(member.role), series: deps.series };
    await setChatCommands(api, deps.i18n, member.userId, language, options).catch((error: unknown) =>
      deps.logger.warn({ err: error, user_id: member.userId }, "could not set a team member's command menu"),
    );
  }
}
