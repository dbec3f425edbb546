/** The preview at a phone's width (360×740): the chat scrolls, not the page; the input and every persona stay in view. */
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../tools/preview/start.js";
import type { TestBrowser } from "./support/browser.js";
import { openPreview, type OpenPreview } from "./support/preview-browser.js";

const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const WAIT = { timeout: 10_000 };

describe("preview on a phone", () => {
  let preview: Preview;
  let browser: TestBrowser;
  let opened: OpenPreview | undefined;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    opened = await openPreview({}, { width: 360, height: 740, timezoneId: "UTC" });
    ({ preview, browser } = opened);
  }, 30_000);

  afterAll(async () => {
    // Nothing of the preview stays in Redis.
    expect(await opened?.close()).toEqual([]);
  });

  it("scrolls the chat, keeps the input and every persona in view, and shows the whole title and the event's time", async () => {
    const [first, second] = preview.personas;
    const page = await browser.context.newPage();
    await page.goto(`${preview.url}/?user=${first!.id}`);
    await page.getByRole("button", { name: "START" }).click();
    await page.locator(".message.bot").first().waitFor(WAIT);
    // A long chat: /info and /help a few times.
    for (let i = 0; i < 6; i++) {
      await page.locator("#text").fill(i % 2 ? "/help" : "/info");
      await page.locator("#send").click();
      await page.waitForFunction((count) => document.querySelectorAll(".message.bot").length > count, 2 + i, WAIT);
    }
    await page.screenshot({ path: `${ARTIFACTS}preview-phone.png` });

    const layout = await page.evaluate(() => {
      const inView = (selector: string) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && box.width > 0;
      };
      const messages = document.querySelector("#messages")!;
      return {
        pageHeight: document.scrollingElement!.scrollHeight,
        chatScrolls: messages.scrollHeight > messages.clientHeight,
        input: inView("#text"),
        send: inView("#send"),
        personas: [...document.querySelectorAll(".persona")].map((_, i) => inView(`.persona:nth-child(${i + 1})`)),
        title: document.querySelector("#bot-name")!.textContent,
      };
    });
    expect(layout.pageHeight).toBeLessThanOrEqual(740);
    expect(layout.chatScrolls).toBe(true);
    expect(layout).toMatchObject({ input: true, send: true });
    expect(layout.personas).toEqual(preview.personas.map(() => true));
    expect(layout.title).toBe(preview.event.text(preview.event.title, preview.event.defaultLanguage));

    // "Bot time" is in the event's zone, in the persona's language.
    const clock = () => page.locator("#clock").textContent();
    const firstClock = await clock();
    expect(firstClock).toContain(preview.event.timezone);
    await page.getByRole("button", { name: second!.label }).click();
    await page.waitForFunction((before) => document.querySelector("#clock")!.textContent !== before, firstClock, WAIT);
    expect(await clock()).toContain(preview.event.timezone);
  });
});
