import { fileURLToPath } from "node:url";
import { languageOf } from "../event/language.js";
import { ideasGeoJson } from "../features/ideas/export.js";
import { summariseNps, summariseScale } from "../features/feedback/rules.js";
import { miniAppApi, API_PREFIX, type MiniAppApiOptions, type MiniAppParts } from "../features/miniapp/index.js";
import { doorMatcher } from "../features/rsvp/door.js";
import { translator } from "../features/rsvp/notify.js";
import { guestsCsv } from "../features/rsvp/organisers.js";
import { answerText } from "../features/rsvp/questions.js";
import { isTicketToken, normaliseCode, ticketLink, TICKET_PREFIX } from "../features/rsvp/rules.js";
import type { Route } from "./http-server.js";
import { staticFiles } from "./static-files.js";

/** The built front end in production (dist/miniapp beside dist/app, and the same from src/app under tsx). */
export const BUILT_MINIAPP_DIR = fileURLToPath(new URL("../../dist/miniapp", import.meta.url));

const TICKET_LINK = /^(?:https?:\/\/)?t\.me\/([A-Za-z0-9_]{3,64})\?start=([A-Za-z0-9_-]+)$/i;

/** What the registration, ideas and feedback features lend the Mini App (a feature imports no other feature). */
export const miniAppParts: MiniAppParts = {
  readTicket(text, botUsername) {
    const value = text.trim();
    const link = TICKET_LINK.exec(value);
    if (link) {
      if (link[1]!.toLowerCase() !== botUsername.toLowerCase()) return { otherBot: true };
      const token = link[2]!.startsWith(TICKET_PREFIX) ? link[2]!.slice(TICKET_PREFIX.length) : "";
      return isTicketToken(token) ? { token } : undefined;
    }
    const token = value.startsWith(TICKET_PREFIX) ? value.slice(TICKET_PREFIX.length) : value;
    if (isTicketToken(token)) return { token };
    const code = normaliseCode(value);
    return code ? { code } : undefined;
  },
  ticketLink,
  doorMatcher,
  guestAnswers(deps, record, language) {
    const t = translator(deps, language);
    const answers: Record<string, string> = {};
    for (const q of deps.event.rsvp.questions) {
      const text = answerText(deps.event, q, record.answers[q.id], t, language);
      if (text) answers[q.id] = text;
    }
    return answers;
  },
  guestsCsv: (deps, records, language) => guestsCsv(deps, records, translator(deps, language), language),
  async tellCheckedIn(api, deps, userId) {
    const language = languageOf(deps.event, (await deps.store.rsvps.find(userId))?.language);
    await api.sendMessage(userId, deps.i18n.t(language, "rsvp-checked-in-guest"));
  },
  ideasGeoJson,
  async feedbackSummary(deps) {
    const settings = deps.event.feedback;
    if (!settings) return undefined;
    const responses = await deps.store.feedback.all();
    const answered = responses.filter((response) => response.status === "answered");
    const averages: Record<string, number> = {};
    let nps: number | undefined;
    for (const question of settings.questions) {
      if (question.type === "rating") {
        const average = summariseScale({ id: question.id, type: "rating" }, answered).average;
        if (average !== undefined) averages[question.id] = Math.round(average * 100) / 100;
      } else if (question.type === "nps" && nps === undefined) {
        nps = summariseNps(question, answered).score;
      }
    }
    return { responses: responses.length, averages, ...(nps !== undefined && { nps }) };
  },
};

export type MiniAppServing = Omit<MiniAppApiOptions, "parts"> & {
  /** The built front end (default: dist/miniapp). */
  dir?: string;
};

/** The Mini App's routes on the bot's HTTP server: its API under /miniapp/api/, its page and assets under /miniapp/. */
export function miniAppRoutes(options: MiniAppServing): Route[] {
  return [
    miniAppApi({ ...options, parts: miniAppParts }),
    staticFiles({ mount: "/miniapp/", dir: options.dir ?? BUILT_MINIAPP_DIR, except: API_PREFIX }),
  ];
}
