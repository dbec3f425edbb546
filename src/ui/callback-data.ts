import { type CallbackQueryContext, type Context, type Middleware } from "grammy";
import { Composer } from "../bot/composer.js";
import type { FlowContext } from "../bot/context.js";

/** Telegram refuses a button whose callback data is longer than this (UTF-8 bytes). */
const MAX_BYTES = 64;
const SEPARATOR = ":";

/** One field of a button's data: how a value is written, and read back (undefined: not a valid value). */
export interface Field<T> {
  write(value: T): string;
  read(text: string): T | undefined;
  /** Only trailing fields may be optional: absent from the data when undefined. */
  optional?: true;
}

/** A whole number from 0 up to `max`, in plain digits (no sign, no leading zeros, nothing a forger could stretch). */
export function int(max = 999_999_999_999_999): Field<number> {
  return {
    write: (value) => String(value),
    read: (text) => (/^(0|[1-9]\d{0,14})$/.test(text) && Number(text) <= max ? Number(text) : undefined),
  };
}

/** A Telegram user id. */
export const userId = int();

/** One of a fixed list of words. */
export function oneOf<const V extends string>(values: readonly V[]): Field<V> {
  return { write: (value) => value, read: (text) => values.find((value) => value === text) };
}

/** Text matching a pattern anchored at both ends (ids from the event file, hashes). */
export function matching(pattern: RegExp): Field<string> {
  const whole = new RegExp(`^(?:${pattern.source})$`);
  return { write: (value) => value, read: (text) => (whole.test(text) ? text : undefined) };
}

/** A trailing field that may be absent. */
export function optional<T>(field: Field<T>): Field<T | undefined> & { optional: true } {
  return { write: (value) => (value === undefined ? "" : field.write(value)), read: (text) => field.read(text), optional: true };
}

type Fields = Record<string, Field<unknown>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;
/** An optional field's key may be left out. */
type Values<F extends Fields> = { [K in keyof F as F[K] extends { optional: true } ? never : K]: ValueOf<F[K]> } & {
  [K in keyof F as F[K] extends { optional: true } ? K : never]?: ValueOf<F[K]>;
};
/** A codec without fields packs with no argument. */
type PackArguments<T> = Record<string, never> extends T ? [value?: T] : [value: T];

/** The data of one kind of button: a fixed prefix and typed fields, «prefix:field:field». */
export interface CallbackData<T> {
  readonly prefix: string;
  /** The data for a button; throws on a value that could not be read back or that Telegram would refuse. */
  pack(...value: PackArguments<T>): string;
  /** The value behind a tap, or undefined when the data is not this codec's or does not decode (forged, outdated). */
  unpack(data: string | undefined): T | undefined;
  /** Whether data carries this prefix, decodable or not. */
  owns(data: string | undefined): boolean;
}

export function callbackData<F extends Fields = Record<string, never>>(prefix: string, fields: F = {} as F): CallbackData<Values<F>> {
  const entries = Object.entries(fields);
  const required = entries.filter(([, field]) => !field.optional).length;
  const head = prefix.split(SEPARATOR);
  return {
    prefix,
    pack(...[value]) {
      const parts = entries.map(([name, field]) => {
        const raw = (value as Record<string, unknown> | undefined)?.[name];
        if (raw === undefined && field.optional) return undefined;
        const text = field.write(raw);
        if (text.includes(SEPARATOR) || field.read(text) === undefined) throw new Error(`callback data ${prefix}: bad ${name}`);
        return text;
      });
      const data = [prefix, ...parts.filter((part) => part !== undefined)].join(SEPARATOR);
      if (Buffer.byteLength(data, "utf8") > MAX_BYTES) throw new Error(`callback data ${prefix}: over ${MAX_BYTES} bytes`);
      return data;
    },
    unpack(data) {
      if (data === undefined) return undefined;
      const parts = data.split(SEPARATOR);
      if (head.some((word, i) => parts[i] !== word)) return undefined;
      const rest = parts.slice(head.length);
      if (rest.length < required || rest.length > entries.length) return undefined;
      const value: Record<string, unknown> = {};
      for (const [i, [name, field]] of entries.entries()) {
        if (i >= rest.length) continue;
        const read = field.read(rest[i]!);
        if (read === undefined) return undefined;
        value[name] = read;
      }
      return value as Values<F>;
    },
    owns: (data) => data === prefix || (data?.startsWith(`${prefix}${SEPARATOR}`) ?? false),
  };
}

/** A tap whose data decoded: the value is on `ctx.callbackData`. */
export type TapContext<C extends Context, T> = CallbackQueryContext<C> & { callbackData: T };

/**
 * Routes the taps of one kind of button. Data that does not decode goes on, to end at
 * `answerUnknownButton`: every feature's forged or outdated button gets the same toast.
 */
export function onTap<C extends Context, T>(
  codec: CallbackData<T>,
  // NoInfer: the context comes from the composer the route is used in, not from shared middleware such as requireRole.
  ...middleware: Array<Middleware<TapContext<NoInfer<C>, T>>>
): Middleware<C> {
  const composer = new Composer<C>();
  composer.on("callback_query:data").filter(
    (ctx): ctx is TapContext<C, T> & typeof ctx => {
      const value = codec.unpack(ctx.callbackQuery.data);
      if (value === undefined) return false;
      (ctx as unknown as { callbackData: T }).callbackData = value;
      return true;
    },
    ...(middleware as Array<Middleware<CallbackQueryContext<C>>>),
  );
  return composer;
}

/** The one answer to a button nobody could read: a polite toast, and nothing changes. */
export async function answerUnknownButton(ctx: FlowContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
}
