/** The preview on its own key prefix, with a headless browser to look at it: what every preview browser test starts with. */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { startPreview, type Preview, type PreviewOptions } from "../../tools/preview/start.js";
import { launchBrowser, type TestBrowser } from "./browser.js";
import { REDIS_URL } from "./harness.js";

export interface OpenPreview {
  preview: Preview;
  browser: TestBrowser;
  /** Closes the browser, stops the preview and returns the keys it left under its prefix (stop() deletes them all). */
  close(): Promise<string[]>;
}

/** Starts the preview (port 0, the tests' Redis, silent) and a browser in the event's timezone unless `viewport` names another. */
export async function openPreview(
  options: Omit<PreviewOptions, "port" | "redisUrl" | "redisPrefix"> = {},
  viewport: { width?: number; height?: number; timezoneId?: string } = {},
): Promise<OpenPreview> {
  const prefix = `test-preview:${randomUUID()}:`;
  const preview = await startPreview({ logLevel: "silent", ...options, port: 0, redisUrl: REDIS_URL, redisPrefix: prefix });
  const browser = await launchBrowser({ timezoneId: preview.event.timezone, ...viewport }).catch(async (error) => {
    await preview.stop();
    throw error;
  });
  return {
    preview,
    browser,
    async close() {
      await browser.close();
      await preview.stop();
      const redis = new Redis(REDIS_URL);
      try {
        return await redis.keys(`${prefix}*`);
      } finally {
        await redis.quit();
      }
    },
  };
}
