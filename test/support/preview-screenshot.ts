/**
 * Takes the README's screenshot of the preview (docs/preview.png): an attendee after /start and
 * "Event info", with the overview, its menu and the venue pin. Needs Redis and /usr/bin/chromium.
 *
 *   npx tsx test/support/preview-screenshot.ts
 */
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startPreview } from "../../tools/preview/start.js";
import { launchBrowser } from "./browser.js";

const OUTPUT = fileURLToPath(new URL("../../docs/preview.png", import.meta.url));
const WAIT = { timeout: 15_000 };

const preview = await startPreview({
  port: 0,
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  redisPrefix: `screenshot-preview:${randomUUID()}:`,
  logLevel: "silent",
});
const browser = await launchBrowser({ width: 1280, height: 860, timezoneId: preview.event.timezone });
try {
  const persona = preview.personas.find((p) => p.language === (process.env.SCREENSHOT_LANGUAGE ?? "en")) ?? preview.personas[0]!;
  const t = (key: string) => preview.running.deps.i18n.t(persona.language, key);
  const page = await browser.context.newPage();
  await page.goto(`${preview.url}/?user=${persona.id}`);
  await page.getByRole("button", { name: "START" }).click();
  await page
    .getByRole("button", { name: t("menu-info"), exact: true })
    .last()
    .click();
  await page.locator(".pin").last().waitFor(WAIT);
  await page.waitForTimeout(300);
  await mkdir(fileURLToPath(new URL("../../docs/", import.meta.url)), { recursive: true });
  await page.screenshot({ path: OUTPUT });
  process.stdout.write(`saved ${OUTPUT}\n`);
} finally {
  await browser.close();
  await preview.stop();
}
