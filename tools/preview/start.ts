/**
 * The local preview: the emulator (the same fake Bot API server the tests use), the real bot
 * pointed at it, and the web chat page, all in this process. No Telegram token, no internet;
 * only Redis, under the preview's own key prefix.
 */
import { createServer, type AddressInfo } from "node:net";
import { pino, type Level } from "pino";
import { parseConfig } from "../../src/config.js";
import { BUNDLED_EVENT_FILE, loadEvent, type EventInfo } from "../../src/event/load.js";
import { loadSeriesDir } from "../../src/event/series.js";
import { startBot, type RunningBot } from "../../src/app/start.js";
import { connectRedis, deleteKeysWithPrefix, type Redis } from "../../src/store/redis.js";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { personasFor, type Persona } from "./personas.js";
import { createPreviewServer } from "./server.js";
import { ensureMiniAppBuilt } from "./miniapp-build.js";
import type { ShimTicket } from "./miniapp-shim.js";
import { ticketLink } from "../../src/features/rsvp/rules.js";

/** A well-formed token nobody can use against the real Telegram. */
export const PREVIEW_TOKEN = "1000000001:PREVIEW-local-emulator-token";
export const DEFAULT_PREVIEW_PREFIX = "wealmaty-preview:";
const WEEK_MS = 7 * 86_400_000;

export interface PreviewOptions {
  /** Web page port; 0 picks a free one (default 8080). */
  port?: number;
  host?: string;
  redisUrl?: string;
  /** Redis key prefix, wiped at start and stop: never a production prefix. */
  redisPrefix?: string;
  eventFile?: string;
  /** A folder of event files (a series, e.g. the bundled events/wealmaty): wins over eventFile. */
  eventsDir?: string;
  /** Extra organiser ids (ADMIN_IDS); the preview's own organiser is always added. */
  adminIds?: number[];
  /** The moment the bot believes it is at start-up; it then runs on. Default: see previewClock. */
  now?: Date;
  logLevel?: Level | "silent";
}

export interface Preview {
  url: string;
  event: EventInfo;
  personas: Persona[];
  api: FakeBotApi;
  running: RunningBot;
  /** Stops the page, the bot and the emulator, and deletes the preview's Redis keys. */
  stop(): Promise<void>;
}

/**
 * Real time, unless the event is already over or about to start (the bundled forum is from
 * 2017): then the preview starts a week before the event, so registration is still open.
 */
export function previewClock(event: EventInfo, start?: Date, realNow = () => new Date()): () => Date {
  const startedAt = realNow().getTime();
  const base = start?.getTime() ?? (startedAt < event.startsAt.getTime() - WEEK_MS ? startedAt : event.startsAt.getTime() - WEEK_MS);
  return () => new Date(base + (realNow().getTime() - startedAt));
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const prefix = options.redisPrefix ?? DEFAULT_PREVIEW_PREFIX;
  if (!/preview/i.test(prefix)) throw new Error(`the preview's Redis prefix must contain "preview" (got "${prefix}"): it is wiped`);
  const eventFile = options.eventFile ?? BUNDLED_EVENT_FILE;
  const series = options.eventsDir ? loadSeriesDir(options.eventsDir) : undefined;
  // A series is shown at its current event (the next upcoming one): its clock and title lead.
  const event = series ? series.current(options.now ?? new Date()) : loadEvent(eventFile);
  const personas = personasFor(series ? series.languages : event.languages);
  const redisUrl = options.redisUrl ?? "redis://127.0.0.1:6379";
  const redis = await connect(redisUrl);

  const cleanups: Array<() => Promise<unknown> | unknown> = [() => redis.quit()];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
  };
  try {
    // A fresh start: the emulator's update ids restart at 1, which the update inbox would take for repeats.
    await deleteKeysWithPrefix(redis, prefix);
    cleanups.push(() => deleteKeysWithPrefix(redis, prefix));

    const title = event.text(series?.title ?? event.title, event.defaultLanguage);
    const api = await FakeBotApi.start({
      handledWhen: "reported",
      token: PREVIEW_TOKEN,
      botInfo: { first_name: title.slice(0, 64), username: "event_preview_bot" },
    });
    cleanups.push(() => api.close());

    const organisers = personas.filter((p) => p.admin).map((p) => p.id);
    // The bot's own Mini App server (issue 19) on a free local port; a bot that does not know MINIAPP_URL ignores both.
    const miniappPort = await freePort();
    const config = parseConfig({
      MINIAPP_URL: `http://127.0.0.1:${miniappPort}/miniapp/`,
      PORT: String(miniappPort),
      BOT_TOKEN: PREVIEW_TOKEN,
      BOT_API_ROOT: api.apiRoot,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      ...(options.eventsDir ? { EVENTS_DIR: options.eventsDir } : { EVENT_FILE: eventFile }),
      ADMIN_IDS: [...(options.adminIds ?? []), ...organisers].join(","),
    });
    const logger = pino({ level: options.logLevel ?? "warn" });
    const clock = previewClock(event, options.now);
    const miniappDir = await ensureMiniAppBuilt();
    const running = await startBot(config, series ?? event, logger, {
      redis,
      clock,
      onUpdateHandled: (id) => api.reportHandled(id),
      miniappDir,
    });
    cleanups.push(() => running.stop());

    const web = createPreviewServer(api, {
      bot: { name: api.botInfo.first_name, username: api.botInfo.username },
      title,
      timezone: event.timezone,
      now: clock,
      personas,
      miniapp: {
        dir: miniappDir,
        token: PREVIEW_TOKEN,
        apiOrigin: () => miniappApiOrigin(running),
        tickets: () => previewTickets(running, api.botInfo.username),
      },
    });
    await new Promise<void>((resolve, reject) => {
      web.server.once("error", reject);
      web.server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => resolve());
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          web.close();
          web.server.closeAllConnections();
          web.server.close(() => resolve());
        }),
    );
    const { address, port } = web.server.address() as AddressInfo;
    const host = address.includes(":") ? `[${address}]` : address;

    let stopped: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      event,
      personas,
      api,
      running,
      stop: () => (stopped ??= cleanup()),
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Where the bot's own Mini App server (its HTTP server with /miniapp/api/) listens: the origin of the
 * MINIAPP_URL it runs with. A bot without the Mini App has none, and the panel's API calls answer 503.
 */
export function miniappApiOrigin(running: RunningBot): string | undefined {
  const url = running.deps.miniappUrl;
  return url ? new URL(url).origin : undefined;
}

/** A port nothing listens on right now, for the bot's HTTP server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Every registration's ticket, for the shim's scanner: the QR's deep link, labelled with the name and status. */
async function previewTickets(running: RunningBot, botUsername: string): Promise<ShimTicket[]> {
  const rsvps = await running.deps.store.rsvps.all();
  return rsvps
    .filter((r) => r.token)
    .map((r) => ({ label: r.status === "confirmed" ? r.name : `${r.name} (${r.status})`, data: ticketLink(botUsername, r.token) }));
}

/** Fails fast with a clear message when Redis is not there, instead of retrying forever. */
async function connect(url: string): Promise<Redis> {
  const redis = connectRedis({ REDIS_URL: url }, "bot", { connectTimeout: 3_000, lazyConnect: true });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${url} (${(error as Error).message}); start one, e.g. docker compose up -d redis`, {
      cause: error,
    });
  }
}
