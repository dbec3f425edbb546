import type { Redis } from "ioredis";
import { keyspace } from "./keys.js";
import { createUpdateLedger } from "./updates.js";
import { createUserRepository } from "./users.js";

/** Every repository over one connection and one prefix: the bot's only door to Redis. */
export function createStore(redis: Redis, prefix: string) {
  const keys = keyspace(prefix);
  return {
    redis,
    keys,
    updates: createUpdateLedger(redis, keys),
    users: createUserRepository(redis, keys),
  };
}

export type Store = ReturnType<typeof createStore>;
