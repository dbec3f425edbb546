import type { Redis } from "ioredis";

export interface DumpedKey {
  key: string;
  type: string;
  /** Every member, field, value, score and stream entry, as text. */
  content: string;
}

/** Reads every key under the prefix whatever its type (streams included: BullMQ keeps its events in one). */
export async function dumpKeys(redis: Redis, prefix: string): Promise<DumpedKey[]> {
  const keys = new Set<string>();
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    for (const key of found) keys.add(key);
  } while (cursor !== "0");
  const dumped: DumpedKey[] = [];
  for (const key of [...keys].sort()) {
    const type = await redis.type(key);
    let content: unknown;
    if (type === "none")
      continue; // expired meanwhile
    else if (type === "string") content = await redis.get(key);
    else if (type === "hash") content = await redis.hgetall(key);
    else if (type === "list") content = await redis.lrange(key, 0, -1);
    else if (type === "set") content = await redis.smembers(key);
    else if (type === "zset") content = await redis.zrange(key, 0, -1, "WITHSCORES");
    else if (type === "stream") content = await redis.xrange(key, "-", "+");
    else throw new Error(`dumpKeys: ${key} has a type this dump cannot read: ${type}`);
    dumped.push({ key, type, content: JSON.stringify(content) });
  }
  return dumped;
}

/** The keys whose name or content holds any of the texts (JSON-escaped texts are matched too). */
export function keysHolding(dump: DumpedKey[], texts: string[]): string[] {
  const needles = texts.flatMap((text) => [text, JSON.stringify(text).slice(1, -1)]);
  const holds = (entry: DumpedKey) => needles.some((needle) => entry.key.includes(needle) || entry.content.includes(needle));
  return dump.filter(holds).map((entry) => entry.key);
}
