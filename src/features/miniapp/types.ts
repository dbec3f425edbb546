import type { Api, RawApi } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import type { EventInfo } from "../../event/load.js";
import type { Language } from "../../event/schema.js";
import type { Idea } from "../../store/ideas.js";
import type { Rsvp } from "../../store/rsvps.js";
import type { Actor, Role } from "../../ui/access.js";

/** The signed-in user, as the signed initData gives them. */
export interface MiniAppUser {
  id: number;
  firstName: string;
  languageCode?: string;
}

/** A scanned or typed ticket: its personal code, its token (the QR deep link), or another bot's ticket. */
export type TicketReading = { code: string } | { token: string } | { otherBot: true };

/**
 * What other features lend the Mini App, given at wiring time (src/app/miniapp.ts): the same
 * builders the bot's commands use, so the two never drift apart.
 */
export interface MiniAppParts {
  /** rsvp: what a scanned text is (undefined: nothing like a ticket). */
  readTicket(text: string, botUsername: string): TicketReading | undefined;
  /** rsvp: the ticket's QR deep link. */
  ticketLink(botUsername: string, token: string): string;
  /** rsvp: /find's match of a registration, by the guest's or a companion's name (undefined: too few letters to search). */
  doorMatcher(query: string): ((record: Rsvp) => { companion?: string } | undefined) | undefined;
  /** rsvp: the guest's answers to the registration questions, by question id, as text in a language. */
  guestAnswers(deps: BotDeps, record: Rsvp, language: string): Record<string, string>;
  /** rsvp: /export's CSV of these registrations. */
  guestsCsv(deps: BotDeps, records: Rsvp[], language: string): Promise<Buffer>;
  /** rsvp: tells a guest the door has them (as the bot's Check in button does). */
  tellCheckedIn(api: Api<RawApi>, deps: BotDeps, userId: number): Promise<void>;
  /** ideas: /export ideas' GeoJSON (RFC 7946) of the ideas with a pin. */
  ideasGeoJson(ideas: readonly Idea[]): {
    type: "FeatureCollection";
    features: { type: "Feature"; id: number; geometry: unknown; properties: Record<string, unknown> }[];
  };
  /** feedback: responses, average per rating question and the NPS (undefined when the event asks none). */
  feedbackSummary(deps: BotDeps): Promise<{ responses: number; averages: Record<string, number>; nps?: number } | undefined>;
}

/** One API call, authenticated: who asks, in which language, and what they sent. */
export interface ApiCall {
  deps: BotDeps;
  api: Api<RawApi>;
  parts: MiniAppParts;
  botUsername: string;
  /** Where Telegram serves the bot's files (carries the token: never sent to the page). */
  fileRoot: string;
  event: EventInfo;
  user: MiniAppUser;
  /** The user for src/ui/access.ts (checked again on every call). */
  actor: Actor;
  language: Language;
  /** The path's captured parts (an idea id). */
  params: string[];
  query: URLSearchParams;
  /** The JSON body (POST), or undefined when it is not JSON. */
  body(): Promise<unknown>;
}

/** A JSON answer, or a file. */
export type Reply =
  { status?: number; json: unknown } | { status?: number; body: string | Buffer; type: string; headers?: Record<string, string> };

export interface Endpoint {
  method: "GET" | "POST";
  /** The path under /miniapp/api/, anchored; groups become `params`. */
  path: RegExp;
  /** The least role allowed (undefined: every signed-in user). */
  role?: Role;
  handle(call: ApiCall): Promise<Reply>;
}

/** A refusal with the contract's error code. */
export const failure = (status: number, error: string): Reply => ({ status, json: { error } });
