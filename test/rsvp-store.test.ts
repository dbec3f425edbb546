import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { newCode, newTicketToken } from "../src/features/rsvp/rules.js";
import { createStore } from "../src/store/index.js";
import type { RsvpDetails } from "../src/store/rsvps.js";
import { REDIS_URL } from "./support/harness.js";
import { RedisProcess, scratchServerArgs } from "./support/redis-processes.js";
import { storePerTest } from "./support/store.js";

const test = storePerTest();
const identity = { newCode, newToken: newTicketToken };
const now = new Date("2030-01-01T10:00:00Z");
const details = (name: string): RsvpDetails => ({
  name,
  answers: { sector: "media", contact: "+77017650510" },
  language: "en",
  consentAt: now,
});

describe("RSVP repository (real Redis)", () => {
  it("gives exactly one of 20 simultaneous guests the last seat, even from separate connections", async () => {
    const connections = Array.from({ length: 4 }, () => new Redis(REDIS_URL));
    const stores = connections.map((connection) => createStore(connection, test.prefix));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stores[i % stores.length]!.rsvps.register(100 + i, details(`Guest ${String.fromCharCode(65 + i)}`), {
          now,
          capacity: 1,
          identity,
        }),
      ),
    );
    await Promise.all(connections.map((connection) => connection.quit()));
    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(19);
    expect(await test.store.rsvps.counts()).toEqual({ confirmed: 1, waitlisted: 19, cancelled: 0, checkedIn: 0 });
    expect(await test.store.rsvps.idsByStatus("waitlisted")).toHaveLength(19);
    const codes = new Set(results.map((r) => r.record.code));
    expect(codes.size).toBe(20);
  });

  it("keeps one record when the same guest registers twice", async () => {
    const first = await test.store.rsvps.register(1, details("Ann Lee"), { now, capacity: 5, identity });
    const again = await test.store.rsvps.register(1, details("Ann Lee"), { now, capacity: 5, identity });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.record.code).toBe(first.record.code);
    expect(await test.store.rsvps.counts()).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect(await test.store.rsvps.all()).toHaveLength(1);
  });

  it("promotes the first waitlisted guest when a seat frees, and finds guests by code and token", async () => {
    await test.store.rsvps.register(1, details("Ann"), { now, capacity: 1, identity });
    const second = await test.store.rsvps.register(2, details("Bob"), { now: new Date(now.getTime() + 1), capacity: 1, identity });
    await test.store.rsvps.register(3, details("Cat"), { now: new Date(now.getTime() + 2), capacity: 1, identity });
    expect(second.status).toBe("waitlisted");
    expect(await test.store.rsvps.waitlistPosition(3)).toBe(2);
    // The script that frees the seat gives it away too, and notes the guest as not told yet.
    expect(await test.store.rsvps.cancel(1, now, "guest", 1)).toEqual({ previous: "confirmed", promoted: [2] });
    expect(await test.store.rsvps.cancel(1, now, "guest", 1)).toBeUndefined();
    expect(await test.store.rsvps.fillSeats(now, 1)).toEqual([]);
    expect(await test.store.rsvps.untoldPromotions()).toEqual([2]);
    expect(await test.store.rsvps.claimPromotionNotice(2)).toBe(true);
    expect(await test.store.rsvps.claimPromotionNotice(2)).toBe(false);
    expect((await test.store.rsvps.find(2))!.promotedAt).toEqual(now);
    expect(await test.store.rsvps.waitlistPosition(3)).toBe(1);
    expect((await test.store.rsvps.findByCode(second.record.code))!.userId).toBe(2);
    expect((await test.store.rsvps.findByToken(second.record.token))!.userId).toBe(2);
    expect(await test.store.rsvps.idsByStatus("cancelled")).toEqual([1]);
  });

  it("checks a guest in once and remembers the first time", async () => {
    await test.store.rsvps.register(1, details("Ann"), { now, capacity: undefined, identity });
    const later = new Date(now.getTime() + 60_000);
    expect(await test.store.rsvps.checkIn(1, 9, now)).toEqual({ result: "first", at: now });
    expect(await test.store.rsvps.checkIn(1, 9, later)).toEqual({ result: "again", at: now });
    expect(await test.store.rsvps.checkIn(2, 9, later)).toEqual({ result: "not-confirmed" });
    expect((await test.store.rsvps.counts()).checkedIn).toBe(1);
  });

  it("asks for re-confirmation once per guest and claims capacity alerts once", async () => {
    await test.store.rsvps.register(1, details("Ann"), { now, identity });
    expect(await test.store.rsvps.markReconfirmAsked(1, now)).toBe(true);
    expect(await test.store.rsvps.markReconfirmAsked(1, now)).toBe(false);
    expect(await test.store.rsvps.markReconfirmAsked(2, now)).toBe(false);
    expect(await test.store.rsvps.claimCapacityAlert(80, now)).toBe(true);
    expect(await test.store.rsvps.claimCapacityAlert(80, now)).toBe(false);
  });

  it("forgets a guest's personal data and stores nothing that expires", async () => {
    const { record } = await test.store.rsvps.register(1, details("Ann"), { now, identity });
    const keys = await test.redis.keys(`${test.prefix}*`);
    for (const key of keys) expect(await test.redis.ttl(key)).toBe(-1);
    expect(await test.store.rsvps.forget(1, now, undefined)).toEqual({ previous: "confirmed", promoted: [] });
    expect(await test.store.rsvps.find(1)).toBeUndefined();
    expect(await test.store.rsvps.findByCode(record.code)).toBeUndefined();
    expect(await test.redis.keys(`${test.prefix}rsvp:*`)).toEqual([]);
  });

  it("gives a forgotten guest's seat to the first in line in the same script", async () => {
    await test.store.rsvps.register(1, details("Ann"), { now, capacity: 1, identity });
    await test.store.rsvps.register(2, details("Bob"), { now, capacity: 1, identity });
    expect(await test.store.rsvps.forget(1, now, 1)).toEqual({ previous: "confirmed", promoted: [2] });
    expect(await test.store.rsvps.forget(1, now, 1)).toBeUndefined();
    expect(await test.store.rsvps.counts()).toMatchObject({ confirmed: 1, waitlisted: 0, cancelled: 0 });
    expect(await test.store.rsvps.untoldPromotions()).toEqual([2]);
  });
});

describe("RSVP seats taken (a counter the seat scripts keep)", () => {
  /** The people the confirmed registrations hold, added up from every guest as the counter must say. */
  async function addedUp(): Promise<number> {
    const confirmed = await test.store.rsvps.idsByStatus("confirmed");
    const records = await Promise.all(confirmed.map((id) => test.store.rsvps.find(id)));
    return records.reduce((total, record) => total + record!.party, 0);
  }
  const counter = async () => Number(await test.redis.get(test.store.keys.rsvp.seatsTaken));
  const group = (name: string, companions: number): RsvpDetails => ({
    ...details(name),
    companions: Array.from({ length: companions }, (_, i) => `${name} ${i + 2}`),
  });

  it("matches every confirmed party after each kind of seat change, and is recounted where missing", async () => {
    const { rsvps, rsvpRequests } = test.store;
    const capacity = 8;
    const steps: Array<[string, () => Promise<unknown>]> = [
      ["a group of 3 registers", () => rsvps.register(1, group("Ann", 2), { now, capacity, identity })],
      ["one registers", () => rsvps.register(2, details("Bek"), { now, capacity, identity })],
      ["a group of 4 registers (fits)", () => rsvps.register(3, group("Cai", 3), { now, capacity, identity })],
      ["a group of 2 waits", () => rsvps.register(4, group("Dan", 1), { now, capacity, identity })],
      ["one grows to 2 (fits)", () => rsvps.updateDetails(2, group("Bek", 1), now, capacity)],
      ["the group of 3 cancels: 2 promoted", () => rsvps.cancel(1, now, "plans", capacity)],
      ["the group of 4 shrinks to 1", () => rsvps.updateDetails(3, details("Cai"), now, capacity)],
      ["a request waits", () => rsvps.register(5, group("Eve", 1), { now, capacity, identity, approval: true })],
      ["it is approved (a seat)", () => rsvpRequests.decide(5, { approve: true }, { id: 9, name: "Org" }, now, capacity)],
      ["asked to re-confirm", () => rsvps.markReconfirmAsked(2, now)],
      ["unanswered: released", () => rsvps.releaseUnanswered(2, now, now, capacity)],
      ["the promoted group forgets itself", () => rsvps.forget(4, now, capacity)],
      ["a cancelled guest comes back with a group of 3", () => rsvps.register(1, group("Ann", 2), { now, capacity, identity })],
    ];
    const outcomes = new Map<string, unknown>();
    for (const [step, change] of steps) {
      outcomes.set(step, await change());
      expect({ step, counter: await counter() }).toEqual({ step, counter: await addedUp() });
    }
    // The steps did what they say: a promotion, an approval into a seat, a release.
    expect(outcomes.get("the group of 3 cancels: 2 promoted")).toMatchObject({ promoted: [4] });
    expect(outcomes.get("it is approved (a seat)")).toMatchObject({ status: "confirmed" });
    expect(outcomes.get("unanswered: released")).toMatchObject({ previous: "confirmed" });
    expect(await addedUp()).toBeGreaterThan(0);
    // Data from before the counter: the next registration adds the seats up itself.
    await test.redis.del(test.store.keys.rsvp.seatsTaken);
    await rsvps.register(6, details("Fay"), { now, capacity, identity });
    expect(await counter()).toBe(await addedUp());
    // A counter gone wrong is recounted by the seat repair.
    await test.redis.set(test.store.keys.rsvp.seatsTaken, "99");
    await rsvps.fillSeats(now, capacity);
    expect(await counter()).toBe(await addedUp());
  });
});

describe("RSVP seat scripts' work (a redis-server of their own, counting its commands)", () => {
  it("frees and takes a seat without reading every confirmed guest's party", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wealmaty-seats-"));
    const server = new RedisProcess(dir, scratchServerArgs);
    await server.start();
    const redis = server.client();
    // Adding up the parties would be one HGET per confirmed guest.
    const hgetsSinceReset = async () => Number(/^cmdstat_hget:calls=(\d+)/m.exec(await redis.info("commandstats"))?.[1] ?? 0);
    try {
      await redis.connect();
      const { rsvps } = createStore(redis, "seats:");
      const guests = 300;
      for (let id = 1; id <= guests; id++) await rsvps.register(id, details(`Guest ${id}`), { now, capacity: 1000, identity });
      await redis.config("RESETSTAT");
      const change = await rsvps.cancel(7, now, "changed plans", 1000);
      expect(await hgetsSinceReset()).toBeLessThan(10);
      expect(change?.promoted ?? []).toEqual([]);
      expect(await rsvps.counts()).toMatchObject({ confirmed: guests - 1, cancelled: 1 });
      // A registration with seats to spare reads the seats taken, not every guest's party.
      await redis.config("RESETSTAT");
      expect((await rsvps.register(guests + 1, details("Late"), { now, capacity: 1000, identity })).status).toBe("confirmed");
      expect(await hgetsSinceReset()).toBeLessThan(10);
    } finally {
      redis.disconnect();
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
