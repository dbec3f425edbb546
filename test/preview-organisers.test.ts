/**
 * The organiser's walk through the preview, for the README's "Organisers' guide": an event file with
 * approval, plus-ones and a question of its own; /admin, a registration request's card and /requests,
 * /team with an invite link taken by a door volunteer, /stats, /checkin's door card, /feedback and
 * /vote's open vote. Every screen is checked for what it shows. UPDATE_SCREENSHOTS=1 saves them to
 * docs/screenshots/organisers-*.png (1280×800); otherwise they go to test/artifacts/.
 */
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { consentMessage } from "../src/features/rsvp/consent.js";
import { newCode, newTicketToken } from "../src/features/rsvp/rules.js";
import type { Store } from "../src/store/index.js";
import type { Persona } from "../tools/preview/personas.js";
import { eventWith } from "./support/event-file.js";
import { openPreview, type OpenPreview } from "./support/preview-browser.js";
import { anyBot, lastBot, lastBotText, openChat, send, shown, tap, WAIT } from "./support/preview-chat.js";

const SCREENSHOTS = fileURLToPath(new URL(process.env.UPDATE_SCREENSHOTS ? "../docs/screenshots/" : "./artifacts/", import.meta.url));

/** The guide's event: English first (so the organiser reads English), approval, two plus-ones, a district question. */
const EVENT_FILE = eventWith({
  languages: ["en", "ru", "kk"],
  rsvp: {
    capacity: 120,
    approval: true,
    plusOnes: 2,
    questions: [
      {
        id: "district",
        type: "choice",
        label: { en: "Which district do you live in?", ru: "В каком районе вы живёте?", kk: "Қай ауданда тұрасыз?" },
        options: [
          { id: "almaly", label: { en: "Almaly", ru: "Алмалинский", kk: "Алмалы" } },
          { id: "bostandyk", label: { en: "Bostandyk", ru: "Бостандыкский", kk: "Бостандық" } },
          { id: "medeu", label: { en: "Medeu", ru: "Медеуский", kk: "Медеу" } },
        ],
      },
      {
        id: "topic",
        type: "text",
        required: false,
        max: 300,
        label: {
          en: "Which topic interests you most?",
          ru: "Какая тема вам интереснее всего?",
          kk: "Сізді қай тақырып көбірек қызықтырады?",
        },
      },
    ],
  },
});

const CONFIRMED = ["Dana Serikova", "Arman Zhunusov", "Madina Karimova", "Nurlan Abenov", "Saule Tulegenova", "Yerlan Mukhanov"];
const PENDING = ["Aliya Bekova", "Timur Akhmetov"];
const COMMENTS = ["More shade and benches along the route, please.", "The walk along the river was the best part."];

/** Guests registered as the form leaves them, some checked in and answering the survey; three published ideas. */
async function seed(store: Store, now: Date, organiserId: number, consentVersion: string): Promise<number[]> {
  const identity = { newCode, newToken: newTicketToken };
  const details = (name: string, district: string) => ({
    name,
    answers: { district },
    language: "en",
    consentAt: now,
    consentLanguage: "en",
    consentVersion,
  });
  const districts = ["almaly", "bostandyk", "medeu"];
  for (const [i, name] of CONFIRMED.entries())
    await store.rsvps.register(800_000 + i, details(name, districts[i % 3]!), { now, capacity: 120, identity });
  for (const [i, name] of PENDING.entries())
    await store.rsvps.register(800_100 + i, details(name, districts[(i + 1) % 3]!), { now, capacity: 120, identity, approval: true });
  // Four came; their survey answers (the survey itself opens after the event: seeded here as the form stores them).
  const answers: Array<Record<string, string>> = [
    { rating: "5", recommend: "10", comment: COMMENTS[0]! },
    { rating: "4", recommend: "9", comment: COMMENTS[1]! },
    { rating: "4", recommend: "7" },
    { rating: "3", recommend: "6" },
  ];
  for (const [i, answer] of answers.entries()) {
    await store.rsvps.checkIn(800_000 + i, organiserId, now);
    await store.feedback.claimNotice(800_000 + i, "survey");
    await store.feedback.record(800_000 + i, { status: "answered", at: now, language: "en", answers: answer });
  }
  await store.feedback.claimNotice(800_004, "no-show");
  await store.feedback.claimNotice(800_005, "no-show");
  const ideas: number[] = [];
  for (const [category, text] of [
    ["bike", "A protected bike lane along Abay avenue from Dostyk to Baizakov"],
    ["parks", "Drinking fountains in every park of the green corridor"],
    ["riverside", "A footpath along the Esentai river with lights at night"],
  ] as const) {
    const draft = { authorId: 800_000, authorName: "Dana", language: "en", category, text };
    const created = await store.ideas.create(draft, { now, day: "guide", dailyLimit: 100, publish: true });
    if (!created.ok) throw new Error("a seeded idea was not stored");
    ideas.push(created.idea.id);
  }
  return ideas;
}

let opened: OpenPreview | undefined;
afterEach(async () => {
  // Nothing of the preview stays in Redis.
  expect(await opened?.close()).toEqual([]);
  opened = undefined;
});

describe("the organisers' guide, walked in the preview", () => {
  it("shows /admin, a request and /requests, /team's invite, /stats, the door card, /feedback and the open vote", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    opened = await openPreview({ eventFile: EVENT_FILE }, { width: 1280, height: 800 });
    const { preview, browser } = opened;
    const { deps } = preview.running;
    const { store } = deps;
    const organiser = preview.personas.find((persona) => persona.admin)!;
    const emma = preview.personas.find((persona) => persona.language === "en" && !persona.admin)!;
    const volunteer = preview.personas.find((persona) => persona.language === "ru" && !persona.admin)!;
    expect(organiser.language).toBe("en");
    const t = (persona: Persona, key: string, vars?: Record<string, string | number>) => shown(deps.i18n.t(persona.language, key, vars));
    const firstLine = (text: string) => text.split("\n")[0]!;
    const ideas = await seed(store, deps.clock(), organiser.id, consentMessage(deps, "en").version);
    const page = await browser.context.newPage();
    const screenshot = (step: string) => page.screenshot({ path: `${SCREENSHOTS}organisers-${step}.png` });

    // /admin: the organiser's panel, one button per tool.
    await openChat(page, preview, organiser);
    await send(page, "/admin");
    await lastBot(page, t(organiser, "admin-tool-stats"));
    for (const tool of ["stats", "export", "checkin", "ideas", "broadcast", "quiz"])
      expect(await lastBotText(page)).toContain(t(organiser, `admin-tool-${tool}`));
    await screenshot("1-admin");

    // A guest registers: the district question from the event file, two people with her, then the request waits.
    await openChat(page, preview, emma);
    await tap(page, t(emma, "menu-rsvp"));
    await tap(page, t(emma, "consent-agree"));
    await send(page, "Emma Clarke");
    await tap(page, "Bostandyk");
    await send(page, "Shade trees and drinking water on the route");
    await tap(page, "2");
    await send(page, "Tom Clarke");
    await send(page, "Lily Clarke");
    await tap(page, t(emma, "rsvp-confirm"));
    await lastBot(page, firstLine(t(emma, "rsvp-done-pending", { code: "" })));
    const request = await store.rsvps.find(emma.id);
    expect(request).toMatchObject({
      status: "pending",
      name: "Emma Clarke",
      answers: { district: "bostandyk" },
      companions: ["Tom Clarke", "Lily Clarke"],
    });

    // The organiser's card: the answers, the group, Approve and Decline.
    await openChat(page, preview, organiser);
    const card = page
      .locator(".message.bot")
      .filter({ hasText: firstLine(t(organiser, "rsvp-request-card", { name: "", answers: "", party: 0, code: "" })) });
    await card.last().waitFor(WAIT);
    const cardText = await card.last().innerText();
    for (const shownText of ["Emma Clarke", "Which district do you live in?", "Bostandyk", "Tom Clarke", "Lily Clarke", request!.code])
      expect(cardText).toContain(shownText);
    expect(cardText).toContain(t(organiser, "rsvp-request-approve"));
    expect(cardText).toContain(t(organiser, "rsvp-request-decline"));

    // /requests: every pending request, Approve all shown.
    await send(page, "/requests");
    await lastBot(page, t(organiser, "rsvp-requests-title", { total: 3, page: 1, pages: 1 }));
    const requests = await lastBotText(page);
    for (const name of [...PENDING, "Emma Clarke"]) expect(requests).toContain(name);
    expect(requests).toContain(t(organiser, "rsvp-requests-line", { number: 3, name: "Emma Clarke", party: 3, code: request!.code }));
    expect(requests).toContain(t(organiser, "rsvp-requests-approve-shown", { count: 3 }));
    await screenshot("2-requests");

    // Approve on the card: Emma and her two guests take three seats; the card says who decided.
    await tap(page, t(organiser, "rsvp-request-approve"), false);
    await anyBot(
      page,
      t(organiser, "rsvp-request-approved-by", { by: "Organiser", status: t(organiser, "rsvp-request-outcome-confirmed") }),
    );
    expect(await store.rsvps.find(emma.id)).toMatchObject({ status: "confirmed" });
    await screenshot("3-request-approved");

    // /team: an invite link for the door staff; a volunteer opens it and the admins are told.
    await send(page, "/team");
    await tap(page, t(organiser, "team-invite-button", { role: t(organiser, "team-role-staff") }));
    await tap(page, t(organiser, "team-uses", { count: 5 }));
    const invite = await lastBotText(page);
    const link = /https:\/\/t\.me\/event_preview_bot\?start=(team_[A-Za-z0-9_-]{22})/.exec(invite);
    expect(link, invite).not.toBeNull();
    expect(invite).toContain(
      firstLine(t(organiser, "team-invite-created", { role: t(organiser, "team-role-staff"), count: 5, until: "", link: "" })).split(
        ",",
      )[0],
    );
    await openChat(page, preview, volunteer);
    await send(page, `/start ${link![1]}`);
    await lastBot(page, firstLine(t(volunteer, "team-welcome-staff")));
    expect(await store.team.roleOf(volunteer.id)).toBe("staff");
    await openChat(page, preview, organiser);
    await lastBot(
      page,
      t(organiser, "team-joined-admins", { name: "Aigerim Nurlanovna", id: String(volunteer.id), role: t(organiser, "team-role-staff") }),
    );
    await screenshot("4-team-invite");

    // /stats: people beside registrations, the district breakdown.
    await send(page, "/stats");
    await lastBot(
      page,
      firstLine(t(organiser, "rsvp-stats", { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0, left: 0, breakdown: "", days: "" })),
    );
    const stats = await lastBotText(page);
    expect(stats).toContain(t(organiser, "rsvp-stats-people", { confirmed: 9, waitlisted: 0, pending: 2, checkedIn: 4 }));
    expect(stats).toContain(t(organiser, "rsvp-stats-requests", { pending: 2, declined: 0 }));
    expect(stats).toContain("Which district do you live in?");
    await screenshot("5-stats");

    // /checkin CODE: the group's door card, Check in all 3 (or part of the group).
    await send(page, `/checkin ${request!.code}`);
    await lastBot(page, "Emma Clarke");
    const door = await lastBotText(page);
    expect(door).toContain(t(organiser, "rsvp-checkin-group-button", { count: 3 }));
    expect(door).toContain(t(organiser, "rsvp-companions-line", { count: 2, names: "Tom Clarke, Lily Clarke" }));
    await screenshot("6-door-card");
    await tap(page, t(organiser, "rsvp-checkin-group-button", { count: 3 }));
    await anyBot(page, t(organiser, "rsvp-checkin-done", { name: "Emma Clarke" }));
    expect(await store.rsvps.find(emma.id)).toMatchObject({ arrived: 3 });

    // /feedback: counts, the average, the NPS and the comments.
    await send(page, "/feedback");
    await lastBot(page, COMMENTS[0]!);
    const feedback = await lastBotText(page);
    expect(feedback).toContain(t(organiser, "feedback-stats", { surveys: 4, noShows: 2, answered: 4, skipped: 0 }).split("\n")[1]);
    expect(feedback).toContain("average 4");
    expect(feedback).toContain("NPS 25%");
    for (const comment of COMMENTS) expect(feedback).toContain(comment);
    await screenshot("7-feedback");

    // /vote: the shortlist, votes per person, who votes, the close, live results, then Start; /vote shows it open.
    await send(page, "/vote");
    await send(page, ideas.join(", "));
    await tap(page, "2");
    // Everyone who started the bot: the organiser, Emma and the volunteer.
    await tap(page, t(organiser, "vote-electorate-all", { count: 3 }));
    await send(page, "2h");
    await tap(page, t(organiser, "vote-results-live"));
    await tap(page, t(organiser, "vote-start-button"));
    await anyBot(page, firstLine(t(organiser, "vote-started", { number: 1, count: 0, closes: "" })).split(":")[0]!);
    expect(await store.votes.open(deps.event.id)).toMatchObject({ number: 1, max: 2, live: true, ideas });

    // Emma votes for two ideas on her ballot; the organiser's /vote counts her.
    await openChat(page, preview, emma);
    const ballot = page.locator(".message.bot .inline-keyboard button");
    for (const id of [ideas[1]!, ideas[2]!]) {
      await ballot
        .filter({ hasText: `#${id} ` })
        .last()
        .click();
      await page
        .locator("#toast")
        .filter({ hasText: t(emma, "vote-toast-added", { count: id === ideas[1] ? 1 : 2, max: 2 }) })
        .waitFor(WAIT);
    }
    expect((await store.votes.choices(deps.event.id, 1, emma.id)).sort()).toEqual([ideas[1], ideas[2]].sort());
    await openChat(page, preview, organiser);
    await send(page, "/vote");
    await lastBot(page, firstLine(t(organiser, "vote-open-title", { number: 1, closes: "" })).split(",")[0]!);
    const open = await lastBotText(page);
    expect(open).toContain(t(organiser, "vote-close-button"));
    expect(open).toContain(t(organiser, "vote-mode-live-line"));
    expect(open).toContain(t(organiser, "vote-open-summary", { count: 1, total: 3, max: 2 }));
    await screenshot("8-vote-open");
  }, 90_000);
});
