import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { newCode, newTicketToken } from "../src/features/rsvp/rules.js";
import { createStore } from "../src/store/index.js";
import type { RsvpDetails } from "../src/store/rsvps.js";
import { REDIS_URL } from "./support/harness.js";
import { RedisProcess } from "./support/redis-processes.js";
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

describe("RSVP seat scripts' work (a redis-server of their own, counting its commands)", () => {
  it("frees a seat with nobody waiting without reading every confirmed guest's party", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wealmaty-seats-"));
    const server = new RedisProcess(dir, (port) => ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
    await server.start();
    const redis = server.client();
    try {
      await redis.connect();
      const { rsvps } = createStore(redis, "seats:");
      const guests = 300;
      for (let id = 1; id <= guests; id++) await rsvps.register(id, details(`Guest ${id}`), { now, capacity: 1000, identity });
      await redis.config("RESETSTAT");
      const change = await rsvps.cancel(7, now, "changed plans", 1000);
      const hgets = /^cmdstat_hget:calls=(\d+)/m.exec(await redis.info("commandstats"))?.[1];
      expect(change?.promoted ?? []).toEqual([]);
      // Adding up the parties would be one HGET per confirmed guest.
      expect(Number(hgets ?? 0)).toBeLessThan(10);
      expect(await rsvps.counts()).toMatchObject({ confirmed: guests - 1, cancelled: 1 });
    } finally {
      redis.disconnect();
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
