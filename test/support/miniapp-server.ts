/**
 * "The Mini App server" for the front end's browser tests. Today: the contract's stub
 * (test/support/miniapp-stub.ts). When the bot serves the Mini App itself, only startMiniAppServer
 * changes: start the real bot (startBot with MINIAPP_URL and options.miniappDir) seeded with the fixture.
 */
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildMiniApp } from "../../tools/preview/miniapp-build.js";
import type { ShimTicket } from "../../tools/preview/miniapp-shim.js";
import { GUESTS, ticketLink, USERS, type FixtureUser } from "./miniapp-fixture.js";
import { startMiniAppStub } from "./miniapp-stub.js";

export const MINIAPP_TEST_TOKEN = "1000000002:MINIAPP-test-token";

export interface MiniAppServer {
  /** The page's address, ending in /miniapp/. */
  url: string;
  /** The bot token initData is signed with. */
  token: string;
  users: { organiser: FixtureUser; staff: FixtureUser; attendee: FixtureUser };
  /** What the shim's scanner offers: each guest's ticket link, by name. */
  tickets: ShimTicket[];
  close(): Promise<void>;
}

let built: Promise<string> | undefined;
const builtOnce = () =>
  (built ??= mkdtemp(join(tmpdir(), "miniapp-build-")).then(async (dir) => {
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return buildMiniApp(dir);
  }));

export async function startMiniAppServer(): Promise<MiniAppServer> {
  const staticDir = await builtOnce();
  const stub = await startMiniAppStub({ token: MINIAPP_TEST_TOKEN, staticDir });
  return {
    url: stub.url,
    token: MINIAPP_TEST_TOKEN,
    users: USERS,
    tickets: GUESTS.map((g) => ({ label: g.name, data: ticketLink(g.token) })),
    close: stub.close,
  };
}
