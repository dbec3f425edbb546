import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { sessionStorage } from "../src/store/sessions.js";
import { storePerTest } from "./support/store.js";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("session storage", () => {
  const current = storePerTest();

  it("writes a session back only when it changed, or to refresh its TTL twice a day", async () => {
    const { redis, prefix } = current;
    let now = Date.now();
    const storage = sessionStorage(
      current.store.chatState.adapter<{ language?: string }>(`${prefix}session:`, 30 * 86_400),
      30 * 86_400,
      () => now,
    );
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

  it("reads a chat's conversation state with its session, for that update only", async () => {
    const { redis, store } = current;
    const { chatState, keys } = store;
    const sessions = chatState.adapter<{ language?: string }>(keys.sessionPrefix, 600, [keys.conversationPrefix]);
    const conversations = chatState.adapter<{ step: number }>(keys.conversationPrefix, 600);
    const update = (id: number) => ({ update_id: id }) as Update;
    await redis.set(`${keys.conversationPrefix}7`, JSON.stringify({ step: 1 }));

    // The session read brings the conversation state along; the form's own read gets it.
    chatState.begin(7);
    expect(await sessions.read(`${keys.sessionPrefix}7`)).toBeUndefined();
    expect(await conversations.read(`${keys.conversationPrefix}7`)).toEqual({ step: 1 });
    await conversations.write(`${keys.conversationPrefix}7`, { step: 2 });
    await chatState.commit(7, 1, update(1));
    expect(JSON.parse((await redis.get(`${keys.conversationPrefix}7`))!)).toEqual({ step: 2 });

    // Read ahead but not used by its update: the next update reads the state afresh.
    chatState.begin(7);
    await sessions.read(`${keys.sessionPrefix}7`);
    await chatState.commit(7, 1, update(2));
    await redis.set(`${keys.conversationPrefix}7`, JSON.stringify({ step: 3 }));
    chatState.begin(7);
    expect(await conversations.read(`${keys.conversationPrefix}7`)).toEqual({ step: 3 });
    await chatState.commit(7, 1, update(3));
  });
});
