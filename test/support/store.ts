import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeEach } from "vitest";
import { createStore, type Store } from "../../src/store/index.js";
import { deleteKeysWithPrefix } from "../../src/store/redis.js";
import { REDIS_URL } from "./harness.js";

/**
 * Repositories on the real Redis under a fresh prefix for every test (the last one's keys are
 * deleted): for store tests that need no bot.
 */
export function storePerTest() {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  const current = { redis, prefix: "", store: undefined as unknown as Store };
  beforeEach(async () => {
    if (current.prefix) await deleteKeysWithPrefix(redis, current.prefix);
    current.prefix = `test:${randomUUID()}:`;
    current.store = createStore(redis, current.prefix);
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(redis, current.prefix);
    await redis.quit();
  });
  return current;
}
