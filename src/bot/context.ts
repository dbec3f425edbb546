import type { LatestMessages } from "./latest-messages.js";
import type { AnswerPermits } from "./answer-permits.js";
import type { Api, Context, RawApi, SessionFlavor } from "grammy";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { EventInfo } from "../event/load.js";
import type { Series } from "../event/series.js";
import type { Language } from "../event/schema.js";
import type { Store } from "../store/index.js";
import type { Broadcaster } from "../delivery/types.js";
import type { SeriesReloadResult } from "../event/reload.js";

export interface SessionData {
  /** The language the user picked with /language; absent = follow Telegram's language. */
  language?: Language;
  /** Until when (ms) an organiser's messages are taken as ticket codes (/checkin without a code; /cancel ends it). */
  checkinUntil?: number;
  /** The event of the series the user chose (/events, a deep link); absent = the series' current event. */
  eventId?: string;
  /** Wrong answers in a row to the question on screen (`<form run>:<question>`): refused answers never enter a form's state. */
  formMisses?: { key: string; count: number };
  /** The user is among the bot's users (store.users): set with their first message, /start or not. */
  known?: true;
}

/**
 * What one feature erases of people, beyond the store calls the privacy feature makes itself. Each
 * feature that keeps personal data its own way registers one at wiring time; privacy runs them all.
 */
export interface PersonalDataEraser {
  /** "Forget me": one person's data. Idempotent, so a failure half-way is mended by asking again. */
  forget(deps: BotDeps, api: Api<RawApi>, userId: number, botUsername: string): Promise<void>;
  /** Retention: every person's data of the event. Idempotent. */
  eraseAll(deps: BotDeps): Promise<void>;
  /** Data of the whole series (not per event): erased once, when every event's retention is due. */
  seriesWide?: true;
}

/**
 * Everything a handler may need, built once at start-up and injected into each update. There is one
 * per event of the series (cached): `event` and the per-event repositories of `store` are that event's.
 */
export interface BotDeps {
  /** The event this view is about (the user's chosen one in an update). */
  event: EventInfo;
  /** The store with RSVP, contest and quiz on this event's keys; the rest is series-wide. */
  store: Store;
  /** Every event of the bot and the series' texts (src/event/series.ts). */
  series: Series;
  /** The dependencies of another event of the series (cached; undefined: no such event). */
  depsOf(eventId: string): BotDeps | undefined;
  logger: Logger;
  /** Injected so that deadlines and countdowns can be tested at any moment. */
  clock: () => Date;
  i18n: I18n<BotContext>;
  adminIds: ReadonlySet<number>;
  /** Broadcasts and scheduled reminders (src/delivery/types.ts documents the API). */
  broadcasts: Broadcaster;
  /** Updates per user per 2 s before the flood limit applies (0 = off). */
  floodLimit: number;
  /** The newest message of each chat: screens are edited in place only when theirs is. */
  latestMessages: LatestMessages;
  /** The features' personal-data erasers, run in this order by "forget me" and the retention job. */
  personalData: readonly PersonalDataEraser[];
  /** Long polling's bound on updates answered and not yet out of the inbox (src/bot/answer-permits.ts); absent in bare tests. */
  answerPermits?: AnswerPermits;
  /** The Mini App's public page (MINIAPP_URL); absent: no Mini App buttons anywhere. */
  miniappUrl?: string;
  /** /reload: re-reads the events folder and swaps the series in force (src/app/series-runtime.ts); absent in bare tests. */
  reloadSeries?: () => Promise<SeriesReloadResult>;
}

interface DepsFlavor {
  deps: BotDeps;
  /** A child logger carrying the update id, user and chat. */
  logger: Logger;
}

/** The context inside handlers and conversations (conversations v2 rebuild it on each replay). */
export type FlowContext = Context & SessionFlavor<SessionData> & I18nFlavor & DepsFlavor;

/** The context of the bot's top-level middleware. */
export type BotContext = ConversationFlavor<FlowContext>;
