/**
 * The preview in a real (headless) browser: what an organiser or translator does with
 * `npm run preview`. Labels come from the bot's own locale files, so the test follows text edits.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../tools/preview/start.js";
import type { TestBrowser } from "./support/browser.js";
import { openPreview, type OpenPreview } from "./support/preview-browser.js";

const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const WAIT = { timeout: 10_000 };

describe("preview in the browser", () => {
  let preview: Preview;
  let browser: TestBrowser;
  let opened: OpenPreview | undefined;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    opened = await openPreview({});
    ({ preview, browser } = opened);
  }, 30_000);

  afterAll(async () => {
    // Nothing of the preview stays in Redis.
    expect(await opened?.close()).toEqual([]);
  });

  /** The bot's text in English, as the page shows it (tags and Fluent isolation marks dropped). */
  const t = (key: string, vars?: Record<string, string | number>) =>
    preview.running.deps.i18n
      .t("en", key, vars)
      .replace(/<[^>]+>/g, "")
      .replace(/[\u2068\u2069]/g, "");
  const firstLine = (key: string, vars?: Record<string, string | number>) => t(key, vars).split("\n")[0]!.trim();
  const lastBotMessage = (page: Page) => page.locator(".message.bot").last();
  /** Taps the inline button on the newest bot message that has it. */
  const tap = (page: Page, label: string) =>
    page
      .locator(".message.bot", { has: page.getByRole("button", { name: label, exact: true }) })
      .last()
      .getByRole("button", { name: label, exact: true })
      .click();

  it("runs /start, event info with the venue, the .ics download and registration", async () => {
    const emma = preview.personas.find((p) => p.language === "en")!;
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${preview.url}/?user=${emma.id}`);
    await page.getByRole("button", { name: emma.label }).waitFor(WAIT);

    // /start from the empty chat, like Telegram's START button.
    await page.getByRole("button", { name: "START" }).click();
    await lastBotMessage(page).getByText(t("menu-title")).waitFor(WAIT);

    // Event info: the overview and the venue pin with a map link.
    await tap(page, t("menu-info"));
    const { venue } = preview.event;
    const pin = page.locator(".pin").last();
    await pin.waitFor(WAIT);
    expect(await pin.innerText()).toContain(preview.event.text(venue.name, "en"));
    expect(await pin.getAttribute("href")).toContain(`mlat=${venue.latitude}`);

    // The calendar file downloads under its name.
    await tap(page, t("info-calendar"));
    const fileLink = page.locator("a.file", { hasText: `${preview.event.id}.ics` });
    await fileLink.waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent("download", WAIT), fileLink.click()]);
    expect(download.suggestedFilename()).toBe(`${preview.event.id}.ics`);
    const saved = join(ARTIFACTS, `preview-${preview.event.id}.ics`);
    await download.saveAs(saved);
    expect(await readFile(saved, "utf8")).toContain("BEGIN:VCALENDAR");

    // Registration, through every kind of input: text, inline buttons, the contact button.
    await page.locator("#text").fill("/start");
    await page.locator("#text").press("Enter");
    await lastBotMessage(page).getByText(t("menu-title")).waitFor(WAIT);
    await tap(page, t("menu-rsvp"));
    await tap(page, t("consent-agree"));
    await lastBotMessage(page).getByText(firstLine("rsvp-ask-name")).waitFor(WAIT);
    await page.locator("#text").fill("Emma Clarke");
    await page.locator("#send").click();
    await tap(page, "Civil society"); // the bundled event file's option
    await tap(page, t("rsvp-skip"));
    await page
      .locator("#reply-keyboard")
      .getByRole("button", { name: t("rsvp-share-phone") })
      .click();
    await tap(page, t("rsvp-confirm"));
    await page.locator(".message.bot", { hasText: firstLine("rsvp-done-confirmed", { code: "" }) }).waitFor(WAIT);
    // The ticket (a QR photo) and the calendar file follow the confirmation.
    await page.locator(".message.bot img.photo").last().waitFor(WAIT);

    const registrations = await preview.running.deps.store.rsvps.all();
    expect(registrations.find((r) => r.userId === emma.id)).toMatchObject({ status: "confirmed" });

    await page.screenshot({ path: join(ARTIFACTS, "preview-rsvp.png"), fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("switches to the organiser, who has the organiser commands", async () => {
    const organiser = preview.personas.find((p) => p.admin)!;
    const page = await browser.context.newPage();
    await page.goto(preview.url);
    await page.getByRole("button", { name: organiser.label }).click();
    await page.locator("#menu").click();
    await page.locator("#commands").getByText("/admin").waitFor(WAIT);
    await page.locator("#commands").getByText("/admin").click();
    await lastBotMessage(page).waitFor(WAIT);
    expect(preview.api.chat(organiser.id).length).toBeGreaterThan(0);
    await page.close();
  }, 30_000);
});
