/**
 * A person's walk through the preview at a desktop's and a phone's size: registration, an idea with a
 * similar one supported, and the organiser's reject-with-reason. UPDATE_SCREENSHOTS=1 saves the README's
 * screens to docs/screenshots/; otherwise they go to test/artifacts/, so a CI run leaves the committed ones alone.
 */
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Persona } from "../tools/preview/personas.js";
import { openPreview, type OpenPreview } from "./support/preview-browser.js";
import { lastBot, openChat as open, send as type, tap, WAIT } from "./support/preview-chat.js";

const SCREENSHOTS = fileURLToPath(new URL(process.env.UPDATE_SCREENSHOTS ? "../docs/screenshots/" : "./artifacts/", import.meta.url));

const walks = [
  {
    device: "desktop",
    viewport: { width: 1280, height: 800 },
    language: "en",
    name: "Emma Clarke",
    published: "Bike lane on Abay avenue between Dostyk and Baizakov, please",
    idea: "A protected bike lane along Abay avenue from Dostyk to Baizakov",
    reason: "The city already plans this lane for 2018; we passed your idea to the akimat's team.",
  },
  {
    device: "phone",
    viewport: { width: 360, height: 740 },
    language: "ru",
    name: "Айгерим Сапарова",
    published: "Велодорожка по проспекту Абая от Достык до Байзакова",
    idea: "Сделать велодорожку вдоль проспекта Абая до Байзакова",
    reason: "Город уже планирует эту велодорожку на 2018 год, передали идею в акимат.",
  },
] as const;

/** The text as the page shows it: Fluent's HTML tags dropped. */
const shown = (html: string) => html.replace(/<[^>]+>/g, "");

let opened: OpenPreview | undefined;
afterEach(async () => {
  // Nothing of the preview stays in Redis.
  expect(await opened?.close()).toEqual([]);
  opened = undefined;
});

describe("a walk through the preview", () => {
  for (const walk of walks) {
    it(`registers, supports a similar idea and rejects with a reason, at ${walk.viewport.width}×${walk.viewport.height}`, async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      opened = await openPreview({}, walk.viewport);
      const { preview, browser } = opened;
      const { deps } = preview.running;
      const attendee = preview.personas.find((persona) => persona.language === walk.language && !persona.admin)!;
      const organiser = preview.personas.find((persona) => persona.admin)!;
      const t = (persona: Persona, key: string, vars?: Record<string, string | number>) => shown(deps.i18n.t(persona.language, key, vars));
      const page = await browser.context.newPage();
      const screenshot = (step: string) => page.screenshot({ path: `${SCREENSHOTS}${walk.device}-${step}.png` });

      // The organiser has started the bot, so the idea reaches them.
      await open(page, preview, organiser);
      await open(page, preview, attendee);

      // Registration: consent, name, sector, organisation skipped, phone shared, confirmed; the ticket follows.
      await tap(page, t(attendee, "menu-rsvp"));
      await tap(page, t(attendee, "consent-agree"));
      await type(page, walk.name);
      const media = deps.event.rsvp.questions.find((q) => q.id === "sector")!.options!.find((o) => o.id === "media")!;
      await tap(page, shown(deps.event.text(media.label, attendee.language)));
      await tap(page, t(attendee, "rsvp-skip"));
      // The reply keyboard sits below the chat: the question it answers stays in view above it.
      const share = page.locator("#reply-keyboard").getByRole("button", { name: t(attendee, "rsvp-share-phone"), exact: true });
      await share.waitFor(WAIT);
      expect(await questionAboveReplyKeyboard(page)).toBe(true);
      await share.click();
      await tap(page, t(attendee, "rsvp-confirm"));
      await page.locator(".message.bot img.photo").waitFor(WAIT);
      await page.locator(".message.bot .card.file").waitFor(WAIT);
      const record = await deps.store.rsvps.find(attendee.id);
      expect(record).toMatchObject({ status: "confirmed", name: walk.name });
      expect(await page.locator(".message.bot").filter({ hasText: record!.code }).count()).toBeGreaterThan(0);
      await screenshot("1-registration");

      // An idea like one already published: the preview offers to support that one, and the draft stays.
      const published = await deps.store.ideas.create(
        { authorId: 1, authorName: "Someone", language: walk.language, category: "bike", text: walk.published },
        { now: deps.clock(), day: "walk", dailyLimit: 100, publish: true },
      );
      if (!published.ok) throw new Error("the published idea was not created");
      await type(page, "/idea");
      await tap(page, t(attendee, "ideas-new"));
      // The consent asked before a first idea.
      await lastBot(
        page,
        t(attendee, "ideas-consent", { controller: "" })
          .split("\n")[0]!
          .replace(/<\/?b>/g, ""),
      );
      await tap(page, t(attendee, "consent-agree"));
      await tap(page, deps.event.text(deps.event.ideas!.categories.find((category) => category.id === "bike")!.name, walk.language));
      await type(page, walk.idea);
      await tap(page, t(attendee, "ideas-skip"));
      await page
        .locator("#reply-keyboard")
        .getByRole("button", { name: t(attendee, "ideas-skip"), exact: true })
        .click();
      await lastBot(page, t(attendee, "ideas-similar-title"));
      await tap(page, t(attendee, "ideas-support-button", { id: published.idea.id, supports: 0 }), false);
      await page
        .locator("#toast")
        .filter({ hasText: t(attendee, "ideas-supported") })
        .waitFor(WAIT);
      expect(await deps.store.ideas.get(published.idea.id)).toMatchObject({ supports: 1 });
      // The button shows the new count where it was tapped.
      const supported = t(attendee, "ideas-supported-button", { id: published.idea.id, supports: 1 });
      await page.locator(".message.bot .inline-keyboard").getByRole("button", { name: supported, exact: true }).waitFor(WAIT);
      expect(await page.locator(".message.bot").last().innerText()).toContain(walk.idea);
      await screenshot("2-idea-similar-supported");
      await tap(page, t(attendee, "ideas-submit"));
      const [submitted] = await deps.store.ideas.byAuthor(attendee.id);
      await lastBot(page, t(attendee, "ideas-submitted-review", { id: submitted!.id }));

      // The organiser rejects it with a reason typed in one message; the author is told why.
      await open(page, preview, organiser);
      await page.locator(".message.bot").filter({ hasText: walk.idea }).last().waitFor(WAIT);
      await tap(page, t(organiser, "ideas-mod-reject"));
      await lastBot(page, t(organiser, "ideas-mod-ask-reason", { id: submitted!.id }));
      await type(page, walk.reason);
      await lastBot(page, t(organiser, "ideas-mod-answer-saved", { id: submitted!.id }));
      expect(await deps.store.ideas.get(submitted!.id)).toMatchObject({ status: "rejected", answer: walk.reason });
      await screenshot("3-organiser-reject-with-reason");

      await open(page, preview, attendee);
      await lastBot(page, walk.reason);
      expect(await page.locator(".message.bot").last().innerText()).toContain(t(attendee, "ideas-status-rejected"));
    }, 90_000);
  }
});

/** Whether the newest bot message is fully visible in the chat, above the reply keyboard. */
const questionAboveReplyKeyboard = (page: Page) =>
  page.evaluate(() => {
    const last = [...document.querySelectorAll(".message.bot")].at(-1)!.getBoundingClientRect();
    const keyboard = document.querySelector("#reply-keyboard")!.getBoundingClientRect();
    return last.height > 0 && last.top >= 0 && last.bottom <= keyboard.top + 1;
  });
