import { describe, expect, it } from "vitest";
import { storePerTest } from "./support/store.js";

const test = storePerTest();
const now = new Date("2017-11-20T06:00:00Z");

describe("JSON kept in Redis is checked when read", () => {
  it("returns a broadcast's spec as an object, and names a broadcast whose stored spec is not one", async () => {
    const { store, redis } = test;
    const spec = {
      kind: "broadcast",
      id: "doors",
      audience: "confirmed",
      texts: { ru: "Двери открыты", en: "Doors open" },
      venue: true,
    } as const;
    await store.broadcasts.create({ id: "doors", spec, at: now, now });
    expect((await store.broadcasts.find("doors"))?.spec).toEqual(spec);

    await redis.hset(store.keys.broadcast("doors"), "spec", JSON.stringify({ ...spec, audience: "everyone" }));
    await expect(store.broadcasts.find("doors")).rejects.toThrow(/^broadcast doors: the stored value is invalid.*audience/s);
    await redis.hset(store.keys.broadcast("doors"), "spec", "{not json");
    await expect(store.broadcasts.recent()).rejects.toThrow("broadcast doors: the stored JSON is malformed");
  });

  it("checks winner drafts, the sent announcement and audit entries, without quoting what is stored", async () => {
    const { store, redis } = test;
    await store.contest.saveDraft(7, { winnerId: 42, runnersUp: [43] });
    expect(await store.contest.draft(7)).toEqual({ winnerId: 42, runnersUp: [43] });
    await redis.set(store.keys.contest.winnerDraft(7), JSON.stringify({ winnerId: "Aigerim", runnersUp: [] }));
    const draftError = await store.contest.draft(7).catch((error: Error) => error.message);
    expect(draftError).toMatch(/^winner draft of 7: the stored value is invalid.*winnerId/s);
    expect(draftError).not.toContain("Aigerim");

    const announcement = { winnerId: 42, runnersUp: [], texts: { en: "The winner" }, sentBy: 7, sentAt: now.toISOString() };
    expect(await store.contest.claimAnnouncement(announcement)).toBeUndefined();
    expect(await store.contest.announcement()).toEqual(announcement);
    await redis.set(store.keys.contest.announcement, JSON.stringify({ ...announcement, texts: "The winner" }));
    await expect(store.contest.announcement()).rejects.toThrow(/^winner announcement: the stored value is invalid.*texts/s);

    await store.audit.record(7, "check-in", "guest 42", now, { user: 42 });
    expect(await store.audit.recent(5)).toEqual([
      { at: now.toISOString(), actor: 7, action: "check-in", details: "guest 42", subject: { user: 42 } },
    ]);
    await redis.lpush(store.keys.audit, JSON.stringify({ at: now.toISOString(), actor: "7", action: "x", details: "" }));
    await expect(store.audit.recent(5)).rejects.toThrow(/^audit entry: the stored value is invalid.*actor/s);
  });
});
