import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { registerInEnglish, openSubmission } from "./support/flows.js";
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
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--dir",
        this.dir,
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
        "--save",
        "",
      ],
      { stdio: "ignore" },
    );
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined); // refused until the server is up: connect() rejects, which is handled below
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
  it("tells users the bot is temporarily unavailable mid-flow, then recovers by itself with nothing lost", async () => {
    redis = new OwnRedis(await freePort(), mkdtempSync(join(tmpdir(), "wealmaty-redis-")));
    await redis.start();
    bot = await startTestBot({ redisUrl: redis.url });
    const user = bot.user({ languageCode: "en" });
    // A registration confirmed to the user before the crash.
    await registerInEnglish(user);
    expect(user.messages().some((message) => message.text?.includes("You are registered!"))).toBe(true);
    await user.command("language");
    await user.tap("Қазақша");
    // Mid-flow: the idea form is open when Redis dies.
    await user.command("idea");
    await openSubmission(user, "✍️ Идея ұсыну");

    await redis.kill();
    const [down] = await user.tap("Велосипед жолдары");
    // Said in the language the user chose (remembered in memory), not Telegram's (English).
    expect(down?.text).toBe("🔧 Бот уақытша қолжетімсіз. Бір минуттан соң қайталап көріңіз.");
    // Someone the bot has not talked to yet gets Telegram's language.
    const [stranger] = await bot.user({ languageCode: "en" }).command("start");
    expect(stranger?.text).toBe("🔧 The bot is temporarily unavailable. Please try again in a minute.");

    await redis.start();
    // The client reconnects on its own within a couple of seconds; the user taps again.
    let asked = "";
    for (let attempt = 0; attempt < 20 && !asked.includes("2-қадам, барлығы 4"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      asked = (await user.tap("Велосипед жолдары")).at(-1)?.text ?? "";
    }
    // The form goes on where it was, in the language chosen before the crash.
    await user.send("Abay даңғылы бойымен қорғалған велосипед жолы");
    await user.tap("Өткізіп жіберу ➡️");
    await user.tapReply("Өткізіп жіберу ➡️");
    await user.tap("✅ Жіберу");
    const { store } = bot.running.deps;
    expect(await store.ideas.authorIds()).toContain(user.id);
    // The registration confirmed before the crash survived it.
    expect(await store.rsvps.find(user.id)).toMatchObject({ status: "confirmed", name: "Aigerim Saparova" });
  });
});
