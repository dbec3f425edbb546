/** Builds the Mini App's front end (miniapp/) with Vite's JS API: for the preview and the browser tests. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const MINIAPP_DIST = fileURLToPath(new URL("../../dist/miniapp/", import.meta.url));
const CONFIG = fileURLToPath(new URL("../../miniapp/vite.config.ts", import.meta.url));
const SOURCES = [fileURLToPath(new URL("../../miniapp/", import.meta.url)), fileURLToPath(new URL("../../src/locales/", import.meta.url))];

/** The newest change among the front end's sources (miniapp/ and the locale files), in ms. */
function newestSource(): number {
  let newest = 0;
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) if (existsSync(source)) walk(source);
  return newest;
}

/** Whether dist/miniapp is there and newer than every source (an edit to miniapp/ is picked up on the next start). */
function upToDate(): boolean {
  const index = `${MINIAPP_DIST}index.html`;
  return existsSync(index) && statSync(index).mtimeMs >= newestSource();
}

export async function buildMiniApp(outDir: string = MINIAPP_DIST): Promise<string> {
  const { build } = await import("vite");
  await build({ configFile: CONFIG, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/**
 * dist/miniapp, built first if it is missing or older than its sources. Built aside and moved into place,
 * so two previews (or test files) starting at once never serve a half-written folder.
 */
export async function ensureMiniAppBuilt(): Promise<string> {
  if (upToDate()) return MINIAPP_DIST;
  const aside = `${MINIAPP_DIST.replace(/\/$/, "")}.building-${process.pid}-${Date.now()}`;
  await mkdir(aside, { recursive: true });
  try {
    await buildMiniApp(aside);
    if (!upToDate()) {
      await rm(MINIAPP_DIST, { recursive: true, force: true });
      await rename(aside, MINIAPP_DIST).catch((error: NodeJS.ErrnoException) => {
        // Another process moved its build in first: use that one.
        if (!existsSync(`${MINIAPP_DIST}index.html`)) throw error;
      });
    }
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
  return MINIAPP_DIST;
}
