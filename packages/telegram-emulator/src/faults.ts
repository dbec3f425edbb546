/** Faults tests inject into calls: queued errors (failNext), gates that hold or fail calls, Telegram's send limits. */
import { TelegramApiError } from "./api-error.js";
import { RateEnforcer, type RateEnforcement } from "./rate-enforcer.js";
import type { Payload } from "./request-body.js";

/** What failNext() makes a method answer. */
export interface InjectedError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Sees a call before it is served; `signal` aborts when the bot's connection closes. */
export type CallGate = (method: string, payload: Payload, signal: AbortSignal) => Promise<void> | void;

export class FaultInjector {
  private readonly gates = new Set<CallGate>();
  /** Lower-cased method → errors still to answer, oldest first. */
  private readonly queued = new Map<string, Array<{ error: InjectedError; remaining: number }>>();
  private rateEnforcer?: RateEnforcer;

  addGate(gate: CallGate): () => void {
    this.gates.add(gate);
    return () => this.gates.delete(gate);
  }

  failNext(method: string, error: InjectedError, times: number): void {
    const key = method.toLowerCase();
    const queue = this.queued.get(key) ?? [];
    queue.push({ error, remaining: times });
    this.queued.set(key, queue);
  }

  enforceRate(options: RateEnforcement): RateEnforcer {
    this.rateEnforcer = new RateEnforcer(options);
    return this.rateEnforcer;
  }

  /**
   * Passes a call through the gates, then throws its injected or rate-limit error if it has one.
   * False when the bot went away (killed) while a gate held the call: it never reached Telegram.
   */
  async screen(method: string, payload: Payload, signal: AbortSignal): Promise<boolean> {
    for (const gate of this.gates) await gate(method, payload, signal);
    if (signal.aborted) return false;
    this.throwQueued(method);
    const limited = this.rateEnforcer?.check(method, payload);
    if (limited) throw limited;
    return true;
  }

  private throwQueued(method: string): void {
    const queue = this.queued.get(method.toLowerCase());
    const fault = queue?.[0];
    if (!queue || !fault) return;
    if (--fault.remaining <= 0) queue.shift();
    throw new TelegramApiError(fault.error);
  }
}
