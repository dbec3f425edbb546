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
