import { Redis, type RedisOptions } from "ioredis";
import type { Config } from "../config.js";

export type { Redis };

/** Where Redis is: one server (REDIS_URL), or the primary the Sentinels name. */
export type RedisConfig = Pick<Config, "REDIS_URL"> &
  Partial<Pick<Config, "REDIS_SENTINELS" | "REDIS_SENTINEL_NAME" | "REDIS_SENTINEL_PASSWORD">>;

/**
 * Every connection the bot makes, for its own commands ("bot") or BullMQ's ("queue").
 * The bot's commands fail fast while Redis is down (no endless offline queue), so a user gets an
 * answer instead of a hanging update. No auto-pipelining: ioredis builds a Pipeline per tick,
 * copying every defined script onto it, which cost more than the writes it saved (bench/README.md).
 * BullMQ's workers need `maxRetriesPerRequest: null` (they block and wait instead).
 * With Sentinels, each (re)connection asks them for the current primary, so a failover is
 * followed by itself; REDIS_URL then gives only the password, user name and database. No
 * `failoverDetector`: a failover announced while a connection asked for the primary ended it for good.
 */
export function connectRedis(config: RedisConfig, use: "bot" | "queue" = "bot", overrides: RedisOptions = {}): Redis {
  const options: RedisOptions =
    use === "bot"
      ? {
          maxRetriesPerRequest: 2,
          enableAutoPipelining: false,
          enableOfflineQueue: true,
          connectTimeout: 5_000,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        }
      : // ioredis' default reconnection pace, as before (with the bot's, closing workers after an outage hung in tests).
        { maxRetriesPerRequest: null, enableReadyCheck: true };
  if (config.REDIS_SENTINELS) {
    Object.assign(options, {
      sentinels: config.REDIS_SENTINELS,
      name: config.REDIS_SENTINEL_NAME,
      sentinelPassword: config.REDIS_SENTINEL_PASSWORD,
      // A demoted primary refuses writes: reconnect through the Sentinels and resend the command.
      reconnectOnError: (error: Error) => (error.message.startsWith("READONLY") ? 2 : false),
    } satisfies RedisOptions);
  }
  return new Redis(config.REDIS_URL, { ...options, ...overrides });
}

/** How long a confirmation may wait for a replica before the user is told to try again. */
const REPLICA_WAIT_MS = 1_000;

class ReplicaWaitError extends Error {
  override name = "ReplicaWaitError";
}

/**
 * Call after a write that is about to be confirmed to a user. With Sentinels, waits (WAIT) until
 * a replica has every write of this connection so far, so a failover cannot take it back; throws
 * ReplicaWaitError (the user hears "temporarily unavailable") if none acknowledges in time. With
 * no replica online (or no Sentinels) it returns at once: there is nothing to wait for. WAIT holds
 * the shared connection meanwhile: well under a millisecond with a healthy replica.
 */
export async function durable(redis: Redis): Promise<void> {
  if (!redis.options.sentinels?.length) return;
  const replication = await redis.info("replication");
  if (!/^slave\d+:.*state=online/m.test(replication)) return;
  const acknowledged = await redis.wait(1, REPLICA_WAIT_MS);
  if (acknowledged < 1) throw new ReplicaWaitError(`no replica acknowledged the write within ${REPLICA_WAIT_MS} ms`);
}

/** Every key matching a SCAN pattern (a few hundred at most: ledgers, drafts, a user's counters). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found = new Set<string>();
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    cursor = next;
    for (const key of keys) found.add(key);
  } while (cursor !== "0");
  return [...found];
}

/** Deletes every key under a prefix (tests and the preview use their own prefixes). */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length) deleted += await redis.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}

/** Whether an error means Redis could not be reached (as opposed to a bug or a bad command). */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === "MaxRetriesPerRequestError" ||
    // By message too: the conversations plugin hands on a copy of an error, without its name.
    /Connection is closed|ECONNREFUSED|ECONNRESET|Stream isn't writeable|ETIMEDOUT|LOADING|READONLY|no replica acknowledged/.test(
      error.message,
    )
  );
}
