/**
 * The Mini App's front end in Chromium at 360 px, in Russian and English, against the real bot serving it
 * (test/support/miniapp-server.ts: seeded through its stores, on the Bot API emulator and Redis), with the preview's
 * Telegram.WebApp shim and no internet: door mode, the name search, the dashboard, the ideas map and the
 * ticket. UPDATE_SCREENSHOTS=1 saves the README's screens to docs/screenshots/; otherwise to test/artifacts/.
 */
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shimConfig, shimScript } from "../tools/preview/miniapp-shim.js";
import { launchBrowser, type TestBrowser } from "./support/browser.js";
import { isPublicStatus } from "../src/store/ideas.js";
import {
  GUESTS,
  NOW,
  IDEAS,
  OTHER_EVENT_TICKET,
  PHOTO_WIDTH,
  STAFF_NAME,
  startMiniAppServer,
  type MiniAppServer,
} from "./support/miniapp-server.js";

const SCREENSHOTS = fileURLToPath(new URL(process.env.UPDATE_SCREENSHOTS ? "../docs/screenshots/" : "./artifacts/", import.meta.url));
const WAIT = { timeout: 10_000 };
const LANGUAGES = ["ru", "en"] as const;
type UserKey = keyof MiniAppServer["users"];

/** The Mini App's own texts, as the page renders them. */
async function texts(language: string): Promise<(id: string, args?: Record<string, FluentVariable>) => string> {
  const bundle = new FluentBundle(language, { useIsolating: false });
  bundle.addResource(new FluentResource(await readFile(new URL(`../src/locales/${language}/miniapp.ftl`, import.meta.url), "utf8")));
  return (id, args) => {
    const message = bundle.getMessage(id);
    if (!message?.value) throw new Error(`no message ${id} in ${language}`);
    return bundle.formatPattern(message.value, args);
  };
}

let browser: TestBrowser;
beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser({ width: 360, height: 740, timezoneId: "Asia/Almaty" });
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGUAGES)("the Mini App in %s", (language) => {
  let server: MiniAppServer;
  let t: Awaited<ReturnType<typeof texts>>;
  const confirmed = GUESTS.filter((g) => g.status === "confirmed").length;

  beforeAll(async () => {
    server = await startMiniAppServer(language);
    t = await texts(language);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  /** Opens the Mini App as Telegram would for this user, offline; `problems` collects page errors. */
  async function open(who: UserKey, route: string, colorScheme: "light" | "dark" = "light") {
    const user = server.users[who];
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // The browser reports each blocked tile it could not load: that is the offline case under test, not a fault.
      const external = !message.location().url.startsWith("http://127.0.0.1");
      if (!(external && message.text().startsWith("Failed to load resource"))) problems.push(message.text());
    });
    // No internet: anything outside the test server fails at once (OpenStreetMap tiles, telegram.org).
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort("internetdisconnected"));
    const config = shimConfig(server.token, { id: user.id, first_name: user.firstName, language_code: language }, server.tickets, {
      colorScheme,
    });
    await page.addInitScript({ content: await shimScript(config) });
    await page.goto(`${server.url}#${route}`);
    return { page, problems };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}miniapp-${name}-${language}.png` });
  const result = (page: Page) => page.getByRole("status");
  const counter = (page: Page) => page.getByTestId("counter");
  const scanner = (page: Page) => page.locator("#preview-scanner");
  const haptics = (page: Page) =>
    page.evaluate(() => (window as unknown as { previewTelegram: { haptics: string[] } }).previewTelegram.haptics);

  it("says to open it from Telegram when there is no Telegram (the script offline) or initData is not the bot's", async () => {
    // No shim: the page asks telegram.org for its script, which fails offline, and carries on without it.
    const bare = await browser.context.newPage();
    const problems: string[] = [];
    bare.on("pageerror", (error) => problems.push(error.message));
    await bare.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort("internetdisconnected"));
    await bare.goto(`${server.url}#/door`);
    const english = await texts("en"); // navigator.language is en-GB in the test browser
    await bare.getByText(english("miniapp-open-in-telegram")).waitFor(WAIT);
    await bare.close();

    // Signed with another bot's token: the API answers 401 and the page says the same.
    const forged = await browser.context.newPage();
    forged.on("pageerror", (error) => problems.push(error.message));
    const user = server.users.staff;
    const config = shimConfig("1000000009:ANOTHER-bot-token", { id: user.id, first_name: user.firstName, language_code: language }, []);
    await forged.addInitScript({ content: await shimScript(config) });
    const answer = forged.waitForResponse((response) => response.url().endsWith("/api/me"));
    await forged.goto(`${server.url}#/door`);
    expect((await answer).status()).toBe(401);
    await forged.getByText(english("miniapp-open-in-telegram")).waitFor(WAIT);
    expect(problems).toEqual([]);
    await forged.close();
  });

  it("door mode scans two tickets, one of them twice: welcome, welcome, already; the counter follows", async () => {
    const { page, problems } = await open("staff", "/door");
    await counter(page)
      .getByText(t("miniapp-door-counter", { checkedIn: 1, total: confirmed }))
      .waitFor(WAIT);

    await page.getByRole("button", { name: t("miniapp-door-scan") }).click();
    await scanner(page).getByRole("button", { name: "Emma Clarke" }).click();
    await result(page)
      .getByText(t("miniapp-door-welcome", { name: "Emma Clarke" }))
      .waitFor(WAIT);
    await counter(page)
      .getByText(t("miniapp-door-counter", { checkedIn: 2, total: confirmed }))
      .waitFor(WAIT);

    // A welcome keeps the scanner open for the next guest.
    await scanner(page).getByRole("button", { name: "Daniyar Seitkali" }).click();
    await result(page)
      .getByText(t("miniapp-door-welcome-group", { name: "Daniyar Seitkali", group: 2 }))
      .waitFor(WAIT);
    expect(await result(page).getAttribute("class")).toContain("ok");
    await counter(page)
      .getByText(t("miniapp-door-counter", { checkedIn: 3, total: confirmed }))
      .waitFor(WAIT);

    // The same ticket again: amber, with the time (the event's zone) and who let the guest in; the scanner closes.
    await scanner(page).getByRole("button", { name: "Emma Clarke" }).click();
    await result(page)
      .getByText(t("miniapp-door-already", { time: "08:55", by: STAFF_NAME }))
      .waitFor(WAIT);
    expect(await result(page).getAttribute("class")).toContain("warn");
    await scanner(page).waitFor({ state: "detached", ...WAIT });
    expect(await counter(page).innerText()).toBe(t("miniapp-door-counter", { checkedIn: 3, total: confirmed }));
    expect(await haptics(page)).toEqual(["success", "success", "warning"]);

    // A code nobody holds: red, and an error buzz.
    await page.getByRole("button", { name: t("miniapp-door-scan") }).click();
    await scanner(page).getByRole("button", { name: "An unknown code" }).click();
    await result(page).getByText(t("miniapp-door-not-found")).waitFor(WAIT);
    expect(await result(page).getAttribute("class")).toContain("bad");
    expect((await haptics(page)).at(-1)).toBe("error");

    // A code typed by hand.
    await page.getByLabel(t("miniapp-door-code")).fill("ahy6tb");
    await page.getByRole("button", { name: t("miniapp-door-checkin"), exact: true }).click();
    await result(page)
      .getByText(t("miniapp-door-welcome", { name: "Aliya Karimova" }))
      .waitFor(WAIT);
    await counter(page)
      .getByText(t("miniapp-door-counter", { checkedIn: 4, total: confirmed }))
      .waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, "door");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lets organisers use the door too: who let a guest in, a waitlisted, a cancelled and another event's ticket", async () => {
    const { page, problems } = await open("organiser", "/door");
    await counter(page)
      .getByText(t("miniapp-door-counter", { checkedIn: 4, total: confirmed }))
      .waitFor(WAIT);
    const scan = async (label: string) => {
      await page.getByRole("button", { name: t("miniapp-door-scan") }).click();
      await scanner(page).getByRole("button", { name: label }).click();
    };
    // Checked in before by the staff member: the name the bot knows for them.
    await scan("Dana Zhakupova");
    await result(page)
      .getByText(t("miniapp-door-already", { time: "08:52", by: STAFF_NAME }))
      .waitFor(WAIT);
    await scanner(page).waitFor({ state: "detached", ...WAIT });
    const refusals = [
      ["Saule Omarova", "waitlisted", "miniapp-door-waitlisted"],
      ["Timur Akhmetov", "cancelled", "miniapp-door-cancelled"],
      [OTHER_EVENT_TICKET, "other_event", "miniapp-door-other-event"],
    ] as const;
    for (const [label, outcome, text] of refusals) {
      await scan(label);
      await page.locator(`[role="status"][data-outcome="${outcome}"]`).getByText(t(text)).waitFor(WAIT);
      expect(await result(page).getAttribute("class")).toContain("bad");
      if (outcome !== "other_event") expect(await result(page).innerText()).toContain(label);
    }
    expect(await haptics(page)).toEqual(["warning", "error", "error", "error"]);
    expect(await counter(page).innerText()).toBe(t("miniapp-door-counter", { checkedIn: 4, total: confirmed }));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searches names from the third letter only, checks a guest in from the results, and a second device's counter follows", async () => {
    const { page, problems } = await open("staff", "/door");
    const searches: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/door/search")) searches.push(new URL(request.url()).searchParams.get("q") ?? "");
    });
    await counter(page)
      .getByText(t("miniapp-door-counter", { checkedIn: 4, total: confirmed }))
      .waitFor(WAIT);
    const search = page.getByRole("searchbox", { name: t("miniapp-door-search") });
    await search.fill("As");
    await page.getByText(t("miniapp-door-search-hint")).waitFor(WAIT);
    await page.waitForTimeout(700);
    expect(searches).toEqual([]);

    await search.fill("Ask");
    const results = page.getByTestId("search-results");
    await results.getByText("Askar Bekov").waitFor(WAIT);
    expect(searches).toEqual(["Ask"]);
    expect(await results.locator("li").count()).toBe(1);
    await results.getByRole("button", { name: t("miniapp-door-checkin") }).click();
    await result(page)
      .getByText(t("miniapp-door-welcome", { name: "Askar Bekov" }))
      .waitFor(WAIT);
    await results.getByText(t("miniapp-door-checked-in")).waitFor(WAIT);
    // A companion who comes alone is found by their own name, beside the guest who registered them.
    await search.fill("Arman");
    await results.getByText(t("miniapp-door-companion", { name: "Arman Seitkali", guest: "Daniyar Seitkali" })).waitFor(WAIT);

    // Another volunteer's phone, open all along, catches up by itself within a few seconds.
    const second = await open("staff", "/door");
    await counter(second.page)
      .getByText(t("miniapp-door-counter", { checkedIn: 5, total: confirmed }))
      .waitFor(WAIT);
    // Typed the day before the event, a code still checks in, and the screen says it is early.
    server.clock.set("2017-11-29T12:00:00+06:00");
    await page.getByLabel(t("miniapp-door-code")).fill("AGR7KM");
    await page.getByRole("button", { name: t("miniapp-door-checkin"), exact: true }).click();
    await result(page)
      .getByText(t("miniapp-door-early", { day: "" }).replace(/\.$/, ""))
      .waitFor(WAIT);
    server.clock.set(NOW);
    await counter(second.page)
      .getByText(t("miniapp-door-counter", { checkedIn: 6, total: confirmed }))
      .waitFor(WAIT);
    expect([...problems, ...second.problems]).toEqual([]);
    await second.page.close();
    await page.close();
  });

  it("shows organisers the dashboard; the guest list filters and downloads as CSV", async () => {
    const { page, problems } = await open("organiser", "/dashboard");
    const counts = page.getByTestId("counts");
    await counts.getByText(t("miniapp-dash-confirmed")).waitFor(WAIT);
    expect(
      await counts
        .locator(".stat", { hasText: t("miniapp-dash-confirmed") })
        .locator("strong")
        .innerText(),
    ).toBe(String(confirmed));
    const days = new Set(GUESTS.map((g) => g.registeredAt.slice(0, 10)));
    expect(await page.locator("svg.chart rect").count()).toBe(days.size);
    await page.getByText(t("miniapp-dash-shown", { count: GUESTS.length })).waitFor(WAIT);
    await shot(page, "dashboard");

    const guests = page.getByTestId("guests");
    await page.getByRole("combobox", { name: t("miniapp-dash-status-all") }).selectOption("waitlisted");
    await page.getByText(t("miniapp-dash-shown", { count: 1 })).waitFor(WAIT);
    expect(await guests.locator(".name").allInnerTexts()).toEqual(["Saule Omarova"]);

    await page.getByRole("combobox", { name: t("miniapp-dash-status-all") }).selectOption("confirmed");
    await page.getByRole("combobox", { name: t("miniapp-dash-checkin-all") }).selectOption("false");
    await page.getByText(t("miniapp-dash-shown", { count: 0 })).waitFor(WAIT);
    await page.getByRole("combobox", { name: t("miniapp-dash-checkin-all") }).selectOption("true");
    await page.getByText(t("miniapp-dash-shown", { count: confirmed })).waitFor(WAIT);
    await page.getByPlaceholder(t("miniapp-dash-search")).fill("dan");
    await page.getByText(t("miniapp-dash-shown", { count: 2 })).waitFor(WAIT);
    expect((await guests.locator(".name").allInnerTexts()).sort()).toEqual(["Dana Zhakupova", "Daniyar Seitkali"]);

    const [download] = await Promise.all([
      page.waitForEvent("download", WAIT),
      page.getByRole("button", { name: t("miniapp-dash-csv") }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^[\w-]+-guests-2017-11-30-0855\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    // /export's CSV: a BOM, then user_id,status,code,name and the registration questions; only the filtered guests.
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = csv.slice(1).trim().split(/\r?\n/);
    expect(header!.split(",").slice(0, 4)).toEqual(["user_id", "status", "code", "name"]);
    const dan = GUESTS.filter((g) => g.name.toLowerCase().includes("dan"));
    expect(rows.map((row) => row.split(",").slice(0, 4).join(",")).sort()).toEqual(
      dan.map((g) => `${g.userId},confirmed,${g.code},${g.name}`).sort(),
    );
    expect(csv).not.toContain("Emma Clarke");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps the door and the dashboard from attendees and the dashboard from staff", async () => {
    const attendee = await open("attendee", "/");
    await attendee.page.getByRole("link", { name: t("miniapp-home-map") }).waitFor(WAIT);
    expect(await attendee.page.getByRole("link", { name: t("miniapp-home-door") }).count()).toBe(0);
    expect(await attendee.page.getByRole("link", { name: t("miniapp-home-dashboard") }).count()).toBe(0);
    await attendee.page.goto(`${server.url}#/door`);
    await attendee.page.getByText(t("miniapp-forbidden")).waitFor(WAIT);
    const staff = await open("staff", "/");
    await staff.page.getByRole("link", { name: t("miniapp-home-door") }).waitFor(WAIT);
    expect(await staff.page.getByRole("link", { name: t("miniapp-home-dashboard") }).count()).toBe(0);
    expect([...attendee.problems, ...staff.problems]).toEqual([]);
    await attendee.page.close();
    await staff.page.close();
  });

  it("maps the published ideas offline (organisers also see pending ones); a pin opens the card with Support", async () => {
    const published = IDEAS.filter((i) => isPublicStatus(i.status));
    const { page, problems } = await open("attendee", "/map");
    const map = page.getByTestId("map");
    await page.locator(`[data-testid="map"][data-pins="${published.length}"]`).waitFor(WAIT);
    // The pins are drawn just after the page shows their number.
    await expect.poll(() => map.locator("path.pin").count(), WAIT).toBe(published.length);
    expect(await map.locator("path.pin-new").count()).toBe(0);
    // The tiles failed (no internet): the pins stand on the plain background.
    await page.locator(".map.offline").waitFor(WAIT);
    await shot(page, "map");

    const idea = published[0]!;
    const pin = map.locator(`path.pin-${idea.status}`).first();
    // The map fits the pins in view with an animation: click where the pin stands once it has stopped.
    await pin.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          let last = "";
          const check = () => {
            const box = element.getBoundingClientRect();
            const now = `${box.x},${box.y},${box.width}`;
            if (now === last && !document.querySelector(".leaflet-zoom-anim")) return resolve();
            last = now;
            requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    await pin.click({ force: true });
    const card = page.getByRole("dialog");
    await card.getByText(idea.text).waitFor(WAIT);
    // The photo comes through the API (with the initData header), not as a bare link.
    await card.getByTestId("idea-photo").waitFor(WAIT);
    await expect
      .poll(() => card.getByTestId("idea-photo").evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), WAIT)
      .toBe(PHOTO_WIDTH);
    await card.getByRole("button", { name: t("miniapp-idea-support") }).click();
    await card.getByRole("button", { name: t("miniapp-idea-supported") }).waitFor(WAIT);
    expect(await card.getByTestId("supports").innerText()).toBe(t("miniapp-idea-supports", { supports: idea.supports + 1 }));
    await card.getByRole("button", { name: t("miniapp-idea-close") }).click();

    await page.getByRole("combobox", { name: t("miniapp-map-category-all") }).selectOption("bike");
    await page.locator(`[data-testid="map"][data-pins="${published.filter((i) => i.category === "bike").length}"]`).waitFor(WAIT);
    expect(problems).toEqual([]);
    await page.close();

    const organiser = await open("organiser", "/map", "dark");
    await organiser.page.locator(`[data-testid="map"][data-pins="${IDEAS.length}"]`).waitFor(WAIT);
    await expect.poll(() => organiser.page.locator("path.pin").count(), WAIT).toBe(IDEAS.length);
    expect(await organiser.page.locator("path.pin-new").count()).toBe(IDEAS.filter((i) => i.status === "new").length);
    expect(organiser.problems).toEqual([]);
    await organiser.page.close();
  });

  it("shows the ticket: the QR large and bright, the event, and the calendar file", async () => {
    const { page, problems } = await open("attendee", "/ticket", "dark");
    const qr = page.getByTestId("qr");
    await qr.waitFor(WAIT);
    await page.waitForFunction(() => (document.querySelector('[data-testid="qr"]') as HTMLImageElement | null)?.complete === true);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    // White behind the code whatever Telegram's theme.
    expect(await page.locator(".qr").evaluate((box) => getComputedStyle(box).backgroundColor)).toBe("rgb(255, 255, 255)");
    await page.getByText(t("miniapp-ticket-code", { code: "AGR7KM" })).waitFor(WAIT);
    const venue = await page.locator(".card").innerText();
    expect(venue.length).toBeGreaterThan(10);
    await shot(page, "ticket");
    const [download] = await Promise.all([
      page.waitForEvent("download", WAIT),
      page.getByRole("button", { name: t("miniapp-ticket-calendar") }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    expect(await readFile((await download.path())!, "utf8")).toContain("BEGIN:VEVENT");
    expect(problems).toEqual([]);
    await page.close();
  });
});
