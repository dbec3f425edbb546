/** Builds the Mini App's front end (miniapp/) with Vite's JS API: for the preview and the browser tests. */
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const MINIAPP_DIST = fileURLToPath(new URL("../../dist/miniapp/", import.meta.url));
const CONFIG = fileURLToPath(new URL("../../miniapp/vite.config.ts", import.meta.url));

export async function buildMiniApp(outDir: string = MINIAPP_DIST): Promise<string> {
  const { build } = await import("vite");
  await build({ configFile: CONFIG, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/**
 * dist/miniapp, built first if `npm run build` has not made it. Built aside and moved into place, so two
 * previews (or test files) starting at once never serve a half-written folder.
 */
export async function ensureMiniAppBuilt(): Promise<string> {
  if (existsSync(`${MINIAPP_DIST}index.html`)) return MINIAPP_DIST;
  const aside = `${MINIAPP_DIST.replace(/\/$/, "")}.building-${process.pid}-${Date.now()}`;
  await mkdir(aside, { recursive: true });
  try {
    await buildMiniApp(aside);
    if (!existsSync(`${MINIAPP_DIST}index.html`)) {
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
