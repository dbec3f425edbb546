/**
 * The Mini App in the preview: a web_app button (inline, or the chat's menu button) opens it in a panel
 * beside the chat, as the chosen persona, with the Telegram.WebApp shim and initData signed with the
 * preview's token. The buttons are sent here through the bot's own API client, as the bot will send them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketLink } from "../src/features/rsvp/rules.js";
import { verifyInitData } from "../tools/preview/init-data.js";
import { miniappApiOrigin, PREVIEW_TOKEN, type Preview } from "../tools/preview/start.js";
import type { TestBrowser } from "./support/browser.js";
import { openPreview, type OpenPreview } from "./support/preview-browser.js";

const WAIT = { timeout: 10_000 };

describe("the Mini App panel in the preview", () => {
  let preview: Preview;
  let browser: TestBrowser;
  let opened: OpenPreview | undefined;

  beforeAll(async () => {
    opened = await openPreview({});
    ({ preview, browser } = opened);
  }, 60_000);

  afterAll(async () => {
    // Nothing of the preview stays in Redis.
    expect(await opened?.close()).toEqual([]);
  });

  it("opens from an inline web_app button and from the menu button, signed in as the persona", async () => {
    const emma = preview.personas.find((p) => p.language === "en")!;
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    const authorizations: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/miniapp/api/")) authorizations.push(request.headers()["authorization"] ?? "");
    });
    await page.goto(`${preview.url}/?user=${emma.id}`);
    await page.getByRole("button", { name: "START" }).click();
    await page.locator(".message.bot").first().waitFor(WAIT);

    const api = preview.running.bot.api;
    await api.sendMessage(emma.id, "Ideas", {
      reply_markup: { inline_keyboard: [[{ text: "Map of ideas", web_app: { url: "https://bot.example.org/miniapp/#/map" } }]] },
    });
    await page.getByRole("button", { name: "Map of ideas ⧉" }).click();
    const panel = page.locator("#miniapp");
    await panel.waitFor(WAIT);
    const frame = page.frameLocator("#miniapp-frame");
    expect(await page.locator("#miniapp-frame").getAttribute("src")).toBe(`/miniapp/?user=${emma.id}#/map`);
    // The shim is there, with Telegram's theme and initData the bot can verify for Emma.
    await frame.locator("html[data-scheme]").waitFor(WAIT);
    const initData = await frame
      .locator("body")
      .evaluate(() => (window as unknown as { Telegram?: { WebApp?: { initData: string } } }).Telegram?.WebApp?.initData ?? "");
    expect(verifyInitData(PREVIEW_TOKEN, initData, 60)?.id).toBe(emma.id);
    expect(await frame.locator("html").getAttribute("data-scheme")).toBe("light");
    await expect.poll(() => authorizations.length, WAIT).toBeGreaterThan(0);
    expect(authorizations.every((header) => header === `tma ${initData}`)).toBe(true);

    await page.getByRole("button", { name: "Close the Mini App" }).click();
    await panel.waitFor({ state: "hidden", ...WAIT });

    // An organiser's menu button (setChatMenuButton for the chat) opens it too, on its screen.
    await api.setChatMenuButton({
      chat_id: emma.id,
      menu_button: { type: "web_app", text: "Door", web_app: { url: "https://bot.example.org/miniapp/#/door" } },
    });
    await page.getByRole("button", { name: "Door", exact: true }).click();
    await panel.waitFor(WAIT);
    expect(await page.locator("#miniapp-frame").getAttribute("src")).toBe(`/miniapp/?user=${emma.id}#/door`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("simulates the scanner with the preview's tickets and an unknown code", async () => {
    const organiser = preview.personas.find((p) => p.admin)!;
    const aigerim = preview.personas.find((p) => p.language === "ru")!;
    await preview.running.deps.store.rsvps.register(
      aigerim.id,
      { name: "Aigerim Nurlanovna", answers: { sector: "ngo" }, language: "ru", consentAt: new Date() },
      { now: new Date(), identity: { newCode: () => "AIG7K", newToken: () => "previewtoken1" } },
    );
    const page = await browser.context.newPage();
    await page.goto(`${preview.url}/miniapp/?user=${organiser.id}#/door`);
    // What the door screen does on "Scan tickets": the shim's sheet lists the tickets; a pick is the QR's text.
    await page.evaluate(() => {
      const telegram = (window as unknown as { Telegram: { WebApp: { showScanQrPopup(p: object, cb: (d: string) => boolean): void } } })
        .Telegram.WebApp;
      telegram.showScanQrPopup({ text: "Scan" }, (data) => {
        (window as unknown as { scanned: string[] }).scanned = [...((window as unknown as { scanned?: string[] }).scanned ?? []), data];
        return false;
      });
    });
    const sheet = page.locator("#preview-scanner");
    await sheet.getByRole("button", { name: "Aigerim Nurlanovna" }).click();
    await sheet.getByRole("button", { name: "An unknown code" }).click();
    const scanned = await page.evaluate(() => (window as unknown as { scanned: string[] }).scanned);
    expect(scanned[0]).toBe(ticketLink(preview.api.botInfo.username, "previewtoken1"));
    expect(scanned[1]).toMatch(/^unknown-/);
    await sheet.getByRole("button", { name: "Close" }).click();
    await sheet.waitFor({ state: "detached", ...WAIT });
    await page.close();
  });

  it("serves the Mini App only to a persona, and passes API calls on to the bot's Mini App server", async () => {
    expect((await fetch(`${preview.url}/miniapp/?user=1`)).status).toBe(404);
    const page = await fetch(`${preview.url}/miniapp/?user=${preview.personas[0]!.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // A classic inline script in <head>: it runs before the page's module script, which is deferred.
    expect(html).toMatch(/<script>window\.previewTelegram = [^]*<\/script><\/head>/);
    // Without initData the bot answers 401; a bot that serves no Mini App API leaves the preview to answer 503.
    const served = miniappApiOrigin(preview.running) !== undefined;
    expect((await fetch(`${preview.url}/miniapp/api/me`)).status).toBe(served ? 401 : 503);
  });
});
