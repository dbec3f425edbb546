import type { Language } from "../event/schema.js";
import type { reminderAudiences } from "../event/schema.js";

/** Who a broadcast goes to; resolved when it fires, not when it is scheduled. */
export type Audience = (typeof reminderAudiences)[number];

/** What organisers (and other features) hand to the broadcaster. */
export interface BroadcastInput {
  /** Stable id (a-z, 0-9, - and _): sending twice with one id sends once. */
  id: string;
  audience: Audience;
  /** One text for everyone, or one per language (users get theirs, else the event's first language). */
  texts: Partial<Record<Language, string>> | string;
  /** "HTML" when the texts carry tags (escape anything user-written yourself). */
  parseMode?: "HTML";
  /** Sends a photo with the text as its caption. */
  photoFileId?: string;
  /** Follows the message with the venue pin from the event file. */
  venue?: boolean;
  /** The organiser's user id: gets the progress message and the final report. */
  createdBy?: number;
  /** The organiser's language for the progress message and report (default: their stored one). */
  reportLanguage?: string;
}

/** The spec as stored (JSON in the broadcast record). */
export interface BroadcastSpec extends BroadcastInput {
  kind: "broadcast" | "reminder";
}

export interface BroadcastProgress {
  id: string;
  status: "scheduled" | "sending" | "done" | "cancelled" | "skipped";
  at: Date;
  audience: Audience;
  total?: number;
  sent: number;
  failed: number;
  blocked: number;
  remaining?: number;
  /** Messages per second since sending started. */
  rate?: number;
  /** Seconds until done at the current rate. */
  etaSeconds?: number;
}

/**
 * The broadcast engine, on `ctx.deps.broadcasts`. Durable (BullMQ in Redis), paced globally
 * (BROADCAST_RATE across all processes), once per (broadcast id, user); a crash may repeat the sends in flight.
 *
 *   await deps.broadcasts.send({ id: "winner", audience: "all", texts: { ru, kk, en }, parseMode: "HTML" });
 *   await deps.broadcasts.schedule({ id: "doors-open", audience: "confirmed", texts: "…", venue: true }, at);
 *   await deps.broadcasts.cancel("doors-open");   // stops the rest / drops the schedule
 *   await deps.broadcasts.progress("winner");     // counts, rate, ETA
 */
export interface Broadcaster {
  /** Starts sending now. Returns false if a broadcast with this id already exists. */
  send(input: BroadcastInput): Promise<boolean>;
  /** Sends at `at` (a delayed job; survives restarts). Returns false if the id already exists. */
  schedule(input: BroadcastInput, at: Date): Promise<boolean>;
  /** Cancels a scheduled broadcast or stops a running one; false if already finished or unknown. */
  cancel(id: string): Promise<boolean>;
  progress(id: string): Promise<BroadcastProgress | undefined>;
  /** Counts the recipients an audience would have right now (inactive users excluded). */
  countAudience(audience: Audience): Promise<number>;
  /** Replaces a broadcast's texts (people erased from a sent announcement); false if it is unknown. */
  replaceTexts(id: string, texts: BroadcastInput["texts"]): Promise<boolean>;
  /** Remembers where the organiser's progress message is, to edit it while sending. */
  attachReport(id: string, chatId: number, messageId: number): Promise<void>;
}
