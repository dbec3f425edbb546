/**
 * `npm run preview`: the whole bot in a browser, no Telegram token and no internet. Reads the
 * usual EVENT_FILE, ADMIN_IDS, REDIS_URL, plus PREVIEW_PORT (8080), PREVIEW_REDIS_PREFIX and
 * PREVIEW_NOW (the moment the bot believes it is at start-up, e.g. 2017-11-30T09:00:00+06:00).
 */
import { ConfigError, parseConfig } from "../../src/config.js";
import { EventFileError } from "../../src/event/load.js";
import { BUNDLED_EVENTS_DIR, SeriesError } from "../../src/event/series.js";
import { PREVIEW_TOKEN, startPreview, DEFAULT_PREVIEW_PREFIX, type Preview } from "./start.js";

const SHUTDOWN_LIMIT_MS = 9_000;

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

function port(value: string | undefined): number {
  if (value === undefined || value === "") return 8080;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) fail([`PREVIEW_PORT: expected a port number, got "${value}"`]);
  return parsed;
}

function moment(value: string | undefined): Date | undefined {
  if (value === undefined || value === "") return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) fail([`PREVIEW_NOW: expected a date like 2017-11-30T09:00:00+06:00, got "${value}"`]);
  return date;
}

let preview: Preview;
try {
  // The same validation as the real bot (a fixed fake token stands in for BOT_TOKEN).
  const config = parseConfig({ ...process.env, BOT_TOKEN: PREVIEW_TOKEN, BOT_API_ROOT: undefined, WEBHOOK_URL: undefined });
  preview = await startPreview({
    port: port(process.env.PREVIEW_PORT),
    redisUrl: config.REDIS_URL,
    redisPrefix: process.env.PREVIEW_REDIS_PREFIX || DEFAULT_PREVIEW_PREFIX,
    eventFile: config.EVENT_FILE,
    // Neither EVENT_FILE nor EVENTS_DIR: the bundled series, as the bot runs by default.
    eventsDir: config.EVENTS_DIR ?? (config.EVENT_FILE ? undefined : BUNDLED_EVENTS_DIR),
    adminIds: config.ADMIN_IDS,
    now: moment(process.env.PREVIEW_NOW),
    logLevel: process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn",
  });
} catch (error) {
  if (error instanceof ConfigError) fail(error.problems.map((problem) => `configuration: ${problem}`));
  if (error instanceof EventFileError) fail([`event file ${error.file}:`, ...error.problems.map((p) => `  ${p}`)]);
  if (error instanceof SeriesError) fail(error.errors.flatMap((bad) => [`event file ${bad.file}:`, ...bad.problems.map((p) => `  ${p}`)]));
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    fail([`preview: port ${process.env.PREVIEW_PORT || 8080} is taken; set PREVIEW_PORT to another one`]);
  }
  fail([`preview: ${(error as Error).message}`]);
}

const users = preview.personas.map((p) => p.label).join(", ");
process.stdout.write(
  [
    "",
    `  Preview of "${preview.event.text(preview.event.title, preview.event.defaultLanguage)}" is running:`,
    "",
    `    ${preview.url}`,
    "",
    `  Simulated users: ${users}.`,
    "  No Telegram token, no internet: the bot talks to a local Telegram emulator.",
    "  Press Ctrl+C to stop (the preview's Redis keys are deleted).",
    "",
  ].join("\n") + "\n",
);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  process.stdout.write("\n  Stopping the preview...\n");
  setTimeout(() => fail(["preview: shutdown took too long"]), SHUTDOWN_LIMIT_MS).unref();
  await preview.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
