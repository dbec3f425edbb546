import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { storePerTest } from "./support/store.js";

const update = (id: number, text: string) =>
  ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 7, type: "private", first_name: "A" }, text } }) as Update;

describe("the long-polling inbox", () => {
  const current = storePerTest();

  it("keeps what was stored until it is done, and remembers the newest stored id", async () => {
    const inbox = current.store.inbox(42);
    expect(await inbox.leftovers()).toEqual({ pending: [], lastStoredId: 0 });
    await inbox.store([update(11, "/start"), update(12, "/info")]);
    await inbox.store([update(13, "/help")]);
    await inbox.done(11);
    const { pending, lastStoredId } = await inbox.leftovers();
    expect(pending.map((u) => [u.update_id, u.message?.text])).toEqual([
      [12, "/info"],
      [13, "/help"],
    ]);
    expect(lastStoredId).toBe(13);
  });

  it("is kept per bot: another bot on the same prefix starts with an empty inbox", async () => {
    await current.store.inbox(42).store([update(900, "/start")]);
    expect(await current.store.inbox(43).leftovers()).toEqual({ pending: [], lastStoredId: 0 });
    expect((await current.store.inbox(42).leftovers()).lastStoredId).toBe(900);
  });

  it("stops trusting the newest stored id after a day (Telegram may restart its ids after a quiet week)", async () => {
    const inbox = current.store.inbox(42);
    const dayAgo = Date.now() - 25 * 60 * 60 * 1000;
    await inbox.store([update(500, "/start")], dayAgo);
    await inbox.done(500);
    expect(await inbox.leftovers()).toEqual({ pending: [], lastStoredId: 0 });
  });
});

describe("a chat's state and its update's removal from the inbox", () => {
  const current = storePerTest();

  it("are written together at the update's end, in one script: before it, neither", async () => {
    const { store, prefix, redis } = current;
    const inbox = store.inbox(42);
    const sessions = store.chatState.adapter<{ language?: string }>(`${prefix}session:`, 60);
    const conversations = store.chatState.adapter<{ step: number }>(`${prefix}conversation:`, 60);
    const handled = update(21, "Aigerim");
    await inbox.store([handled]);

    store.chatState.begin(7);
    await sessions.write(`${prefix}session:7`, { language: "kk" });
    await conversations.write(`${prefix}conversation:7`, { step: 2 });
    // Mid-update (a crash here): nothing of its state is saved, and the update is still in hand.
    expect(await redis.exists(`${prefix}session:7`, `${prefix}conversation:7`)).toBe(0);
    expect((await inbox.leftovers()).pending.map((u) => u.update_id)).toEqual([21]);

    await store.chatState.commit(7, 42, handled);
    expect(JSON.parse((await redis.get(`${prefix}session:7`))!)).toEqual({ language: "kk" });
    expect(JSON.parse((await redis.get(`${prefix}conversation:7`))!)).toEqual({ step: 2 });
    expect(await redis.ttl(`${prefix}conversation:7`)).toBeGreaterThan(50);
    expect((await inbox.leftovers()).pending).toEqual([]);
    expect(store.chatState.isFinished(handled)).toBe(true);

    // A form that ends deletes its state, in the same way.
    const last = update(22, "/cancel");
    await inbox.store([last]);
    store.chatState.begin(7);
    await conversations.delete(`${prefix}conversation:7`);
    expect(await redis.exists(`${prefix}conversation:7`)).toBe(1);
    await store.chatState.commit(7, 42, last);
    expect(await redis.exists(`${prefix}conversation:7`)).toBe(0);
    expect((await inbox.leftovers()).pending).toEqual([]);
  });

  it("leave an update that changed no state to the polling loop's own removal", async () => {
    const { store } = current;
    const inbox = store.inbox(42);
    const handled = update(31, "/help");
    await inbox.store([handled]);
    store.chatState.begin(7);
    await store.chatState.commit(7, 42, handled);
    expect(store.chatState.isFinished(handled)).toBe(false);
    expect((await inbox.leftovers()).pending.map((u) => u.update_id)).toEqual([31]);
  });

  it("takes an update that changed no state out with the next chat's state read, in its round trip", async () => {
    const { store, prefix, redis } = current;
    const inbox = store.inbox(42);
    await inbox.store([update(41, "/info"), update(42, "/help")]);
    const sessions = store.chatState.adapter<{ language?: string }>(`${prefix}session:`, 60, [`${prefix}conversation:`]);
    const sent: string[] = [];
    const send = redis.sendCommand.bind(redis);
    redis.sendCommand = (command, ...rest) => (sent.push(command.name), send(command, ...rest));
    try {
      // The update handled (41) leaves as the next one (of another chat) reads its state.
      const leaving = inbox.done(41);
      store.chatState.begin(8);
      expect(await sessions.read(`${prefix}session:8`)).toBeUndefined();
      await leaving;
    } finally {
      redis.sendCommand = send;
    }
    expect(sent).not.toContain("hdel");
    expect((await inbox.leftovers()).pending.map((u) => u.update_id)).toEqual([42]);
  });
});
