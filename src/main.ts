import { ConfigError, parseConfig } from "./config.js";
import { EventFileError, loadEvent } from "./event/load.js";
import { loadSeries, SeriesError } from "./event/series.js";
import { UnscopedDataError } from "./store/migrate.js";
import { createLogger } from "./app/logger.js";
import { startBot, type RunningBot } from "./app/start.js";
import { isTokenRejected, TokenRejectedError } from "./app/polling.js";

const SHUTDOWN_LIMIT_MS = 9_000;

/** Start-up problems are one clear line each and exit code 1, never a stack trace. */
function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

let config;
let series;
try {
  config = parseConfig(process.env);
  series = loadSeries(config, loadEvent);
} catch (error) {
  if (error instanceof ConfigError) fail(error.problems.map((problem) => `configuration: ${problem}`));
  if (error instanceof EventFileError) fail([`event file ${error.file}:`, ...error.problems.map((p) => `  ${p}`)]);
  // Every bad file of the folder, each with every problem.
  if (error instanceof SeriesError) fail(error.errors.flatMap((bad) => [`event file ${bad.file}:`, ...bad.problems.map((p) => `  ${p}`)]));
  throw error;
}

const logger = createLogger(config.LOG_LEVEL);
let bot: RunningBot | undefined;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  await bot?.stop();
  logger.info("stopped");
  process.exit(0);
}
/** The bot cannot go on (Telegram refused the token): stop what runs, say why, exit 1. */
async function stopOnFailure(error: Error) {
  if (stopping) return;
  stopping = true;
  logger.fatal({ err: error }, "the bot cannot go on; stopping");
  setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
  await bot?.stop().catch(() => undefined);
  fail([error.message]);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// One bad update never takes the process down; this catches what escapes everything else.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

try {
  // grammY keeps retrying getMe while Telegram is unreachable; a wrong token fails at once.
  bot = await startBot(config, series, logger);
} catch (error) {
  if (error instanceof UnscopedDataError) fail([`start-up refused: ${error.message}`]);
  fail([`start-up failed: ${isTokenRejected(error) ? new TokenRejectedError().message : (error as Error).message}`]);
}
bot.failed.catch((error: Error) => void stopOnFailure(error));
