/**
 * Driving the preview's chat page as a person would: open a persona's chat, type, tap, and wait
 * for the bot's answer on screen. For browser tests of the preview (test/preview-*.test.ts).
 */
import type { Page } from "playwright-core";
import type { Preview } from "../../tools/preview/start.js";
import type { Persona } from "../../tools/preview/personas.js";

export const WAIT = { timeout: 15_000 };

/** The text as the page shows it: Fluent's HTML tags dropped, entities read. */
export const shown = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** Opens a persona's chat, pressing START the first time. */
export async function openChat(page: Page, preview: Preview, persona: Persona) {
  await page.goto(`${preview.url}/?user=${persona.id}`);
  const start = page.getByRole("button", { name: "START" });
  await page.locator(".message.bot").first().or(start).waitFor(WAIT);
  if (await start.isVisible()) {
    await start.click();
    await page.locator(".message.bot").first().waitFor(WAIT);
  }
}

/** Taps the newest inline button with this label and, unless told otherwise, waits for the answer on screen. */
export async function tap(page: Page, label: string, changesChat = true) {
  const before = await newest(page);
  await page.locator(".message.bot .inline-keyboard").getByRole("button", { name: label, exact: true }).last().click();
  if (changesChat) await answered(page, before);
}

/** Sends a text (or a command) and waits for the bot's answer. */
export async function send(page: Page, text: string) {
  const before = await newest(page);
  await page.locator("#text").fill(text);
  await page.locator("#send").click();
  await answered(page, before);
}

const newest = (page: Page) =>
  page.evaluate(() => {
    const last = [...document.querySelectorAll(".message.bot")].at(-1);
    return `${last?.getAttribute("data-id")}|${last?.textContent}`;
  });

/** Waits until the newest bot message is another one or has changed, then for the rest of the answer. */
async function answered(page: Page, before: string) {
  await page.waitForFunction(
    (previous) => {
      const last = [...document.querySelectorAll(".message.bot")].at(-1);
      return `${last?.getAttribute("data-id")}|${last?.textContent}` !== previous;
    },
    before,
    WAIT,
  );
  await page.waitForTimeout(300);
}

/** Waits until the newest bot message shows this text. */
export async function lastBot(page: Page, text: string) {
  await page.waitForFunction(
    (expected) => [...document.querySelectorAll(".message.bot")].at(-1)?.textContent?.includes(expected),
    text,
    WAIT,
  );
}

/** Waits until some bot message shows this text. */
export async function anyBot(page: Page, text: string) {
  await page.locator(".message.bot").filter({ hasText: text }).last().waitFor(WAIT);
}

/** The newest bot message's text as shown. */
export const lastBotText = (page: Page) => page.locator(".message.bot").last().innerText();
