import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "./support/harness.js";
import { freePort } from "./support/net.js";

/** A Redis of this test's own, persisted to disk, so it can be stopped without touching others. */
class OwnRedis {
  private process: ChildProcess | undefined;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    this.process = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--appendonly", "yes", "--appendfsync", "always", "--save", ""],
      { stdio: "ignore" },
    );
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error("redis-server did not start");
  }

  /** A crash, not a shutdown: the append-only file (fsync always) is all that survives. */
  async kill() {
    const child = this.process!;
    child.kill("SIGKILL");
    await once(child, "exit");
  }

  async cleanup() {
    if (this.process && this.process.exitCode === null) await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}


let bot: TestBot | undefined;
let redis: OwnRedis | undefined;
afterEach(async () => {
  await bot?.stop().catch(() => undefined);
  await redis?.cleanup();
});

describe("Redis outage", () => {
  it("tells users the bot is temporarily unavailable, then recovers by itself with nothing lost", async () => {
    redis = new OwnRedis(await freePort(), mkdtempSync(join(tmpdir(), "wealmaty-redis-")));
    await redis.start();
    bot = await startTestBot({ redisUrl: redis.url });
    const user = bot.user({ languageCode: "en" });
    await user.command("language");
    await user.tap("Қазақша");

    await redis.kill();
    const [down] = await user.command("start");
    expect(down?.text).toBe("🔧 The bot is temporarily unavailable. Please try again in a minute.");

    await redis.start();
    // The client reconnects on its own within a couple of seconds.
    let greeting = "";
    for (let attempt = 0; attempt < 20 && !greeting.includes("Сәлеметсіз бе"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      greeting = (await user.command("start")).at(0)?.text ?? "";
    }
    // The language chosen before the crash survived it.
    expect(greeting).toContain("Сәлеметсіз бе");
  });
});
