import type { BroadcastSpec } from "../store/broadcasts.js";

/** The spec as stored (src/store/broadcasts.ts documents its fields and checks it when read). */
export type { BroadcastSpec };

/** Who a broadcast goes to; resolved when it fires, not when it is scheduled. */
export type Audience = BroadcastSpec["audience"];

/** What organisers (and other features) hand to the broadcaster. */
export type BroadcastInput = Omit<BroadcastSpec, "kind">;

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
  countAudience(audience: Audience, eventId?: string): Promise<number>;
  /** Replaces a broadcast's texts (people erased from a sent announcement); false if it is unknown. */
  replaceTexts(id: string, texts: BroadcastInput["texts"]): Promise<boolean>;
  /** Remembers where the organiser's progress message is, to edit it while sending. */
  attachReport(id: string, chatId: number, messageId: number): Promise<void>;
  /**
   * Runs the system job `name` ("<family>.<args>", its family's handler registered at start-up with
   * onSystemJobs) once at `at`, in one process; scheduling the same name and moment again adds nothing.
   */
  scheduleJob(name: string, at: Date): Promise<void>;
}

/**
 * The broadcaster as one event's dependencies hold it: what organisers send from an event's view
 * carries that event's id (its audiences, venue pin and labels), unless the input names another.
 */
export function eventBroadcaster(broadcaster: Broadcaster, eventId: string): Broadcaster {
  return {
    ...broadcaster,
    send: (input) => broadcaster.send({ eventId, ...input }),
    schedule: (input, at) => broadcaster.schedule({ eventId, ...input }, at),
    countAudience: (audience, id) => broadcaster.countAudience(audience, id ?? eventId),
  };
}
