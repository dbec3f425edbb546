/** Builds the Mini App's front end (miniapp/) with Vite's JS API: for the preview and the browser tests. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const MINIAPP_DIST = fileURLToPath(new URL("../../dist/miniapp/", import.meta.url));
const CONFIG = fileURLToPath(new URL("../../miniapp/vite.config.ts", import.meta.url));

export async function buildMiniApp(outDir: string = MINIAPP_DIST): Promise<string> {
  const { build } = await import("vite");
  await build({ configFile: CONFIG, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** dist/miniapp, built first if `npm run build` has not made it. */
export async function ensureMiniAppBuilt(): Promise<string> {
  if (!existsSync(`${MINIAPP_DIST}index.html`)) await buildMiniApp();
  return MINIAPP_DIST;
}
