/** The shape of a Bot API method the emulator serves. */
import type { ApiParams } from "../request-body.js";

export interface CallContext {
  /** Aborts when the bot's connection closes first. */
  signal: AbortSignal;
}

export type Method = (p: ApiParams, ctx: CallContext) => unknown;

/** Keys are the canonical Bot API names. */
export type MethodTable = Readonly<Record<string, Method>>;
