// The Mini App's build: miniapp/ → dist/miniapp, served by the bot under /miniapp/.
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export const MINIAPP_ROOT = fileURLToPath(new URL(".", import.meta.url));
export const MINIAPP_OUT = fileURLToPath(new URL("../dist/miniapp", import.meta.url));

export default defineConfig({
  root: MINIAPP_ROOT,
  base: "/miniapp/",
  // The locale files live with the bot's (src/locales), outside this folder.
  server: { fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
  plugins: [preact({ prerender: { enabled: false } })],
  build: { outDir: MINIAPP_OUT, emptyOutDir: true, target: "es2020", chunkSizeWarningLimit: 200 },
});
