import { connect, createServer, type Socket } from "node:net";

/**
 * A TCP relay in front of the real Redis whose replies can be held back (a loaded Redis or
 * network): commands reach Redis at once, their replies reach the client `replyDelayMs` later.
 */
export async function startSlowRedis(target = { host: "127.0.0.1", port: 6379 }) {
  const sockets = new Set<Socket>();
  const relay = {
    /** How long each reply is held back (0: passed on at once). */
    replyDelayMs: 0,
    url: "",
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((client) => {
    const redis = connect(target);
    sockets.add(client).add(redis);
    client.on("data", (chunk) => redis.write(chunk));
    redis.on("data", (chunk) => {
      // Equal delays keep the replies in order (timers of one delay fire first in, first out).
      if (relay.replyDelayMs === 0) client.write(chunk);
      else setTimeout(() => client.writable && client.write(chunk), relay.replyDelayMs);
    });
    // A client that dies (kill -9) still gets what it sent applied: end, not destroy, flushes it.
    client.on("close", () => redis.end());
    redis.on("close", () => client.destroy());
    client.on("error", () => undefined);
    redis.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  relay.url = `redis://127.0.0.1:${(server.address() as { port: number }).port}`;
  return relay;
}
