import { describe, expect, it } from "vitest";
import { sessionStorage } from "../src/store/sessions.js";
import { storePerTest } from "./support/store.js";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("session storage", () => {
  const current = storePerTest();

  it("writes a session back only when it changed, or to refresh its TTL twice a day", async () => {
    const { redis, prefix } = current;
    let now = Date.now();
    const storage = sessionStorage(current.store.chatState.adapter<{ language?: string }>(`${prefix}session:`, 30 * 86_400), 30 * 86_400, () => now);
    const key = `${prefix}session:1`;

    expect(await storage.read(key)).toBeUndefined();
    await storage.write(key, { language: "kk" });
    expect(JSON.parse((await redis.get(key))!)).toEqual({ language: "kk" });

    // Read and written back unchanged: no write (the shortened TTL shows it was left alone).
    await redis.expire(key, 100);
    await storage.write(key, (await storage.read(key))!);
    expect(await redis.ttl(key)).toBeLessThanOrEqual(100);

    // Changed: written, with the full TTL again.
    await storage.write(key, { ...(await storage.read(key)), language: "en" });
    expect(JSON.parse((await redis.get(key))!)).toEqual({ language: "en" });
    expect(await redis.ttl(key)).toBeGreaterThan(29 * 86_400);

    // Unchanged but last written half a day ago: written to keep the TTL counting from activity.
    await redis.expire(key, 100);
    now += DAY_MS / 2;
    await storage.write(key, (await storage.read(key))!);
    expect(await redis.ttl(key)).toBeGreaterThan(29 * 86_400);

    await storage.delete(key);
    expect(await redis.exists(key)).toBe(0);
  });
});
