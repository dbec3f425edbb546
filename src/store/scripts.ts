import type { Redis } from "ioredis";

/** A Lua script called like EVAL without its text: the number of keys, the keys, then the arguments. */
export type LuaScript = (numberOfKeys: number, ...keysAndArgs: (string | number)[]) => Promise<unknown>;

/**
 * Registers a Lua script once on the connection (ioredis defineCommand): it runs by EVALSHA, and
 * by EVAL once after a Redis restart or SCRIPT FLUSH. Call it on its own, never queued in a MULTI:
 * ioredis does not load a flushed script again there, and the transaction fails with NOSCRIPT.
 */
export function defineScript(redis: Redis, name: string, lua: string): LuaScript {
  redis.defineCommand(name, { lua });
  const command = (redis as unknown as Record<string, LuaScript>)[name]!;
  return (numberOfKeys, ...keysAndArgs) => command.call(redis, numberOfKeys, ...keysAndArgs);
}
