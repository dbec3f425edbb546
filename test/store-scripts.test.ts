import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { createStore } from "../src/store/index.js";
import { connectRedis, type Redis } from "../src/store/redis.js";
import { freePort } from "./support/net.js";
import { directClient, scratchServerArgs } from "./support/redis-processes.js";
import { until } from "./support/wait.js";

/** A redis-server of this test's own (no persistence), so restarting it and flushing its scripts touch nobody else. */
class ScratchRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.child = spawn("redis-server", scratchServerArgs(this.port), {
      stdio: "ignore",
    });
    await until(
      async () => {
        const probe = directClient(this.port);
        try {
          await probe.connect();
          return (await probe.ping()) === "PONG";
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      },
      Boolean,
      10_000,
    );
  }

  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill("SIGKILL");
    await once(this.child, "exit");
  }
}

let server: ScratchRedis | undefined;
let redis: Redis | undefined;
afterAll(async () => {
  redis?.disconnect();
  await server?.kill();
});

describe("Lua scripts registered once (defineCommand)", () => {
  it("keep working, several at once, after SCRIPT FLUSH and after a Redis restart", async () => {
    server = new ScratchRedis(await freePort());
    await server.start();
    // The bot's own connection options.
    redis = connectRedis({ REDIS_URL: `redis://127.0.0.1:${server.port}` });
    redis.on("error", () => undefined); // the restart below drops the connection; ioredis reconnects by itself
    const store = createStore(redis, "scripts:");
    const now = new Date("2017-11-20T06:00:00Z");
    const details = { name: "Aigerim", answers: { sector: "civil" }, language: "en", consentAt: now };
    const identity = (n: number) => ({ newCode: () => `CODE${n}`, newToken: () => `token-${n}` });

    let round = 0;
    /** One call of each repository's scripts, several at once (several in flight on one connection). */
    async function everyScript() {
      round++;
      const draft = { authorId: 100 + round, authorName: "A", language: "en", category: "bike", text: "Bike lanes" };
      const created = await store.ideas.create(draft, { now, day: `day-${round}`, dailyLimit: 5, publish: true });
      if (!created.ok) throw new Error("idea not created");
      const [support, registered, broadcast, lock] = await Promise.all([
        store.ideas.toggleSupport(created.idea.id, 1),
        store.rsvps.register(round, details, { now, capacity: 10, identity: identity(round) }),
        store.broadcasts.create({
          id: `b${round}`,
          spec: { kind: "broadcast", id: `b${round}`, audience: "all", texts: "Hi" },
          at: now,
          now,
        }),
        store.chatLocks.acquire(String(round), 6_000),
        store.audit.forgetSubject(round),
      ]);
      expect(support).toEqual({ ok: true, supported: true, supports: 1 });
      expect(registered.status).toBe("confirmed");
      expect(broadcast).toBe(true);
      expect(await store.ideas.setStatus(created.idea.id, "rejected", { now })).toMatchObject({ ok: true });
      expect(await store.ideas.toggleSupport(created.idea.id, 2)).toEqual({ ok: false, reason: "not-public" });
      expect(await store.rsvps.cancel(round, now, "guest", 10)).toMatchObject({ previous: "confirmed" });
      await lock?.release();
    }

    await everyScript();
    await redis.script("FLUSH");
    await everyScript();

    await server.kill();
    await server.start();
    await until(
      () => redis!.status,
      (status) => status === "ready",
      10_000,
    );
    await everyScript();
  });
});
