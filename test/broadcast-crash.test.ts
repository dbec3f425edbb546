import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { REDIS_URL, TestClock } from "./support/harness.js";
import { sharedWorld, until, type SharedWorld } from "./broadcast-helpers.js";

const CONCURRENCY = 10;
const children: ChildProcess[] = [];
let world: SharedWorld | undefined;
afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  children.length = 0;
  await world?.close();
  world = undefined;
});

/** A separate bot process (tsx) running only the broadcast engine; resolves once its workers run. */
function startWorkerProcess(w: SharedWorld): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "broadcast-crash-worker.ts")], {
    env: {
      ...process.env,
      REDIS_URL,
      REDIS_PREFIX: w.prefix,
      BOT_TOKEN: w.api.token,
      BOT_API_ROOT: w.api.apiRoot,
      BROADCAST_RATE: "100",
      BROADCAST_CONCURRENCY: String(CONCURRENCY),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

describe("a bot process killed mid-broadcast", () => {
  it("resumes by itself in the next process: nobody missed, duplicates only from the sends in flight", { timeout: 55_000 }, async () => {
    world = await sharedWorld();
    const users = await world.addUsers(
      Array.from({ length: 300 }, (_, i) => (i % 2 ? "ru" : "en")),
      20_000,
    );
    // The organiser's process only queues the broadcast; the worker processes send it.
    const organiser = world.engine(loadEvent(BUNDLED_EVENT_FILE), new TestClock(new Date()));
    await organiser.broadcaster.send({ id: "crash", audience: "all", texts: { en: "Doors open", ru: "Двери открыты" } });

    const first = await startWorkerProcess(world);
    await until(
      () => world!.api.callsTo("sendMessage").length,
      (n) => n >= 100,
    );
    first.kill("SIGKILL");
    await until(() => first.exitCode !== null || first.signalCode !== null, Boolean);
    const sentBeforeCrash = world.api.callsTo("sendMessage").length;
    expect(sentBeforeCrash).toBeLessThan(users.length);

    await startWorkerProcess(world);
    const progress = await until(
      () => organiser.broadcaster.progress("crash"),
      (p) => p?.status === "done",
      45_000,
    );
    expect(progress).toMatchObject({ total: users.length, failed: 0, blocked: 0 });

    const received = new Map<number, number>();
    for (const call of world.api.callsTo("sendMessage")) {
      if (call.ok) received.set(Number(call.payload.chat_id), (received.get(Number(call.payload.chat_id)) ?? 0) + 1);
    }
    const missed = users.filter((id) => !received.has(id));
    const duplicates = [...received.values()].filter((n) => n > 1).length;
    expect(missed).toEqual([]);
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
    for (const id of users.slice(0, 2)) {
      expect(world.api.chat(id)[0]?.text).toBe(id % 2 ? "Двери открыты" : "Doors open");
    }
  });
});
