import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./net.js";
import { until } from "./wait.js";

export const MASTER_NAME = "wealmaty";

/** A client straight to one server (no Sentinel), failing at once when it is down. */
export function directClient(port: number, password?: string): Redis {
  const client = new Redis({ host: "127.0.0.1", port, password, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => undefined); // a refused connection rejects the command, which callers handle
  return client;
}

async function answers(port: number, password?: string): Promise<boolean> {
  const client = directClient(port, password);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A redis-server on a port of its own, keeping nothing on disk: what every server a test starts begins with. */
export const scratchServerArgs = (port: number) => ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];

/** One redis-server (or Sentinel) process of the test's own, on a port free at start. */
export class RedisProcess {
  private child: ChildProcess | undefined;
  port = 0;

  constructor(
    private readonly dir: string,
    /** The server's arguments for a port; for a Sentinel, writes its config and returns ["sentinel.conf", "--sentinel"]. */
    private readonly args: (port: number) => string[],
    readonly password?: string,
  ) {}

  async start(): Promise<this> {
    // Another process may take the free port first: then the server exits and we try another.
    for (let attempt = 0; attempt < 5; attempt++) {
      this.port = await freePort();
      const child = spawn("redis-server", this.args(this.port), { cwd: this.dir, stdio: "ignore" });
      this.child = child;
      const exited = once(child, "exit").then(() => false);
      const up = until(() => answers(this.port, this.password), Boolean, 10_000).then(
        () => true,
        () => false,
      );
      if (await Promise.race([up, exited])) return this;
      await this.kill();
    }
    throw new Error("redis-server did not start on a free port");
  }

  /** A crash: no shutdown, no last write. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await once(child, "exit");
  }

  client(): Redis {
    return directClient(this.port, this.password);
  }
}

type Pass = (chunk: Buffer, write: (chunk: Buffer) => void) => void;

/** A TCP relay on 127.0.0.1 to a local server; each relay decides what it passes on, and when. */
abstract class TcpRelay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly upstreamPort: () => number) {}

  /** For a new connection: how its client's bytes go up, and the server's come down. */
  protected abstract passing(): { up: Pass; down: Pass };

  async start(): Promise<this> {
    this.server = createServer((client) => {
      const upstream = connect(this.upstreamPort(), "127.0.0.1");
      this.sockets.add(client).add(upstream);
      const { up, down } = this.passing();
      client.on("data", (chunk: Buffer) => up(chunk, (bytes) => upstream.write(bytes)));
      upstream.on("data", (chunk: Buffer) => down(chunk, (bytes) => client.write(bytes)));
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", close).on("close", close);
      upstream.on("error", close).on("close", close);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }
}

const passOn: Pass = (chunk, write) => write(chunk);

/**
 * A TCP relay the replica replicates through: `hold()` stops passing the primary's stream on
 * (the replica stays connected but falls behind), as a slow or congested link would.
 */
export class ReplicationLink extends TcpRelay {
  private held = false;

  protected passing(): { up: Pass; down: Pass } {
    return {
      up: passOn,
      down: (chunk, write) => {
        if (!this.held) write(chunk);
      },
    };
  }

  hold(): void {
    this.held = true;
  }
}

/**
 * A TCP way to the Sentinel that can hold back what new connections send (their questions wait;
 * connections opened before, such as a failover subscription, go on): a client stays in the
 * middle of asking the Sentinel for the primary for as long as the test wants.
 */
export class SentinelGate extends TcpRelay {
  private holdingNew = false;
  private waiting: Array<() => void> = [];

  protected passing(): { up: Pass; down: Pass } {
    const openedWhileHolding = this.holdingNew;
    return {
      up: (chunk, write) => {
        if (openedWhileHolding && this.holdingNew) this.waiting.push(() => write(chunk));
        else write(chunk);
      },
      down: passOn,
    };
  }

  /** From now on, what new connections send waits for release(). */
  holdNew(): void {
    this.holdingNew = true;
  }

  release(): void {
    this.holdingNew = false;
    for (const send of this.waiting.splice(0)) send();
  }
}

/**
 * One primary, one replica and one Sentinel (quorum 1, down after 1 s), each its own
 * redis-server process in a temp dir, with passwords on the servers and on the Sentinel.
 */
export class SentinelSetup {
  readonly dir = mkdtempSync(join(tmpdir(), "wealmaty-sentinel-"));
  readonly password = "primary-secret";
  readonly sentinelPassword = "sentinel-secret";
  primary: RedisProcess;
  replica: RedisProcess;
  sentinel: RedisProcess;
  link: ReplicationLink | undefined;

  constructor(options: { throughLink?: boolean } = {}) {
    const server = (port: number) => [
      ...scratchServerArgs(port),
      "--requirepass",
      this.password,
      "--masterauth",
      this.password,
      // No 5 s wait before the replica's first sync.
      "--repl-diskless-sync-delay",
      "0",
    ];
    this.primary = new RedisProcess(this.dir, server, this.password);
    if (options.throughLink) this.link = new ReplicationLink(() => this.primary.port);
    this.replica = new RedisProcess(
      this.dir,
      (port) => [...server(port), "--replicaof", "127.0.0.1", String(this.link?.port ?? this.primary.port)],
      this.password,
    );
    this.sentinel = new RedisProcess(
      this.dir,
      (port) => {
        writeFileSync(
          join(this.dir, `sentinel-${port}.conf`),
          [
            `port ${port}`,
            "bind 127.0.0.1",
            `logfile ${join(this.dir, "sentinel.log")}`,
            `dir ${this.dir}`,
            `requirepass ${this.sentinelPassword}`,
            `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${this.primary.port} 1`,
            `sentinel auth-pass ${MASTER_NAME} ${this.password}`,
            `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
            `sentinel failover-timeout ${MASTER_NAME} 5000`,
            `sentinel parallel-syncs ${MASTER_NAME} 1`,
            "",
          ].join("\n"),
        );
        return [`sentinel-${port}.conf`, "--sentinel"];
      },
      this.sentinelPassword,
    );
  }

  /** Starts all three and waits until the replica is in sync and the Sentinel knows it. */
  async start(): Promise<void> {
    await this.primary.start();
    await this.link?.start();
    await this.replica.start();
    const primary = this.primary.client();
    try {
      await until(
        () => primary.info("replication"),
        (info) => /slave0:.*state=online/.test(info),
        15_000,
      );
    } finally {
      primary.disconnect();
    }
    await this.sentinel.start();
    const replicas = () => this.ask(this.sentinel, "SENTINEL", "replicas", MASTER_NAME) as Promise<string[][] | undefined>;
    await until(replicas, (known) => !!known?.some((replica) => field(replica, "flags") === "slave"), 15_000);
  }

  /** The variables the bot is given: Sentinel discovery, the primary's password in REDIS_URL. */
  env(): Record<string, string> {
    return {
      // The host here is never used with Sentinels (it may even be the dead primary's).
      REDIS_URL: `redis://:${this.password}@127.0.0.1:${this.primary.port}`,
      REDIS_SENTINELS: `127.0.0.1:${this.sentinel.port}`,
      REDIS_SENTINEL_NAME: MASTER_NAME,
      REDIS_SENTINEL_PASSWORD: this.sentinelPassword,
    };
  }

  /** Waits until the replica has applied everything the primary has written so far. */
  async inSync(): Promise<void> {
    const primary = this.primary.client();
    const replica = this.replica.client();
    try {
      await Promise.all([primary.connect(), replica.connect()]);
      const offsets = async () => {
        const [written, applied] = await Promise.all([primary.info("replication"), replica.info("replication")]);
        return [infoField(written, "master_repl_offset"), infoField(applied, "slave_repl_offset")];
      };
      await until(offsets, ([written, applied]) => written !== "" && written === applied, 10_000);
    } finally {
      primary.disconnect();
      replica.disconnect();
    }
  }

  /** Waits until the Sentinel has promoted the replica and it takes writes. */
  async failedOver(timeoutMs = 20_000): Promise<void> {
    await until(
      () => this.ask(this.sentinel, "SENTINEL", "get-master-addr-by-name", MASTER_NAME),
      (address) => {
        return Array.isArray(address) && Number(address[1]) === this.replica.port;
      },
      timeoutMs,
    );
    await until(
      () => this.ask(this.replica, "ROLE"),
      (role) => Array.isArray(role) && role[0] === "master",
      timeoutMs,
    );
  }

  /** Asks the Sentinel to fail over with the primary alive: it becomes the replica. */
  async failOverByHand(): Promise<void> {
    const reply = await this.ask(this.sentinel, "SENTINEL", "FAILOVER", MASTER_NAME);
    if (reply !== "OK") throw new Error(`the Sentinel refused to fail over: ${String(reply)}`);
  }

  /** How many clients of the Sentinel are subscribed to something (ioredis' failover watchers are). */
  async sentinelSubscribers(): Promise<number> {
    const clients = (await this.ask(this.sentinel, "CLIENT", "LIST")) as string | undefined;
    return (clients ?? "").split("\n").filter((line) => /\bsub=[1-9]/.test(line)).length;
  }

  /** One command on a fresh connection (the Sentinel closes clients' connections while it reconfigures). */
  private async ask(server: RedisProcess, ...command: [string, ...string[]]): Promise<unknown> {
    const client = server.client();
    try {
      await client.connect();
      return await client.call(...command);
    } catch {
      return undefined;
    } finally {
      client.disconnect();
    }
  }

  async cleanup(): Promise<void> {
    await Promise.all([this.sentinel.kill(), this.replica.kill(), this.primary.kill()]);
    await this.link?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function infoField(info: string, name: string): string {
  return new RegExp(`^${name}:(\\S+)`, "m").exec(info)?.[1] ?? "";
}

/** A field of a SENTINEL replicas entry (a flat name, value, name, value… list). */
function field(entry: string[], name: string): string {
  const index = entry.indexOf(name);
  return index >= 0 ? (entry[index + 1] ?? "") : "";
}
