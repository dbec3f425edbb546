import { Queue, Worker, type Processor } from "bullmq";
import { connectRedis, type RedisConfig } from "../store/redis.js";

/** One message per job, paced by shared send slots (the engine). */
export const DELIVERY_QUEUE = "broadcast-deliveries";
/** Fan-outs (a broadcast or reminder firing) and system jobs: not rate-limited. */
export const CONTROL_QUEUE = "broadcast-control";

export interface DeliveryJob {
  broadcastId: string;
  chatId: number;
  language: string;
  /** "venue" = the pin that follows the text. */
  part?: "venue";
}

export type ControlJob = { kind: "fanout"; broadcastId: string; hash: string } | { kind: "system"; name: string };

/**
 * BullMQ's own connection (its workers need `maxRetriesPerRequest: null`, unlike the bot's; with
 * Sentinels it follows a failover like the bot's), under REDIS_PREFIX + "bull" so test runs with
 * their own prefixes never share a queue.
 */
export function connectQueues(redis: RedisConfig, bullPrefix: string, onError: (error: Error) => void) {
  const connection = connectRedis(redis, "queue");
  // While Redis is down: log and keep reconnecting (an unhandled "error" event would be noise or a crash).
  connection.on("error", onError);
  const common = { connection, prefix: bullPrefix };
  const deliveries = new Queue<DeliveryJob>(DELIVERY_QUEUE, {
    ...common,
    defaultJobOptions: {
      attempts: 4,
      backoff: { type: "exponential", delay: 1000 },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    },
  });
  const control = new Queue<ControlJob>(CONTROL_QUEUE, {
    ...common,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 2000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { count: 1000 },
    },
  });
  deliveries.on("error", onError);
  control.on("error", onError);
  return {
    connection,
    prefix: bullPrefix,
    deliveries,
    control,
    deliveryWorker(processor: Processor<DeliveryJob>, options: { concurrency: number }) {
      // A job is one HTTP call: a short lock lets another process take over soon after a crash.
      return new Worker<DeliveryJob>(DELIVERY_QUEUE, processor, {
        ...common,
        concurrency: options.concurrency,
        lockDuration: 10_000,
        stalledInterval: 5_000,
        maxStalledCount: 3,
      });
    },
    controlWorker(processor: Processor<ControlJob>) {
      return new Worker<ControlJob>(CONTROL_QUEUE, processor, {
        ...common,
        concurrency: 2,
        lockDuration: 30_000,
        stalledInterval: 10_000,
        maxStalledCount: 3,
      });
    },
    async close() {
      await Promise.all([deliveries.close(), control.close()]);
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

export type Queues = ReturnType<typeof connectQueues>;

/** Job ids: the broadcast id is [a-z0-9_-] and the chat id has no "-", so they never collide. */
export const deliveryJobId = (broadcastId: string, chatId: number, part?: "venue") =>
  `${part === "venue" ? "v" : "d"}-${broadcastId}-${chatId}`;
export const fanoutJobId = (broadcastId: string, hash: string) => `f-${broadcastId}-${hash || "now"}`;
