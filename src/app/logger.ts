import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Fields of an error that say what failed and how (ids, codes, Telegram's description). Anything else
 * is left out: grammY's GrammyError.payload is the whole request (names, phones, pins, an InputFile),
 * an HttpError's request, ioredis' `command` holds a write's arguments.
 */
const ERROR_FIELDS = ["code", "errno", "error_code", "description", "method", "status", "statusCode", "syscall"] as const;
const MAX_CAUSES = 3;

/** Keys that hold a message, a person or a place wherever they are logged: removed from every line. */
const PERSONAL_KEYS = [
  "payload",
  "text",
  "caption",
  "contact",
  "location",
  "venue",
  "first_name",
  "last_name",
  "username",
  "phone",
  "phone_number",
  "email",
  "latitude",
  "longitude",
];
const REDACT_PATHS = [...PERSONAL_KEYS, ...PERSONAL_KEYS.map((key) => `*.${key}`), "update", "ctx"];

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** An error as a log field: its type, message, stack, codes and causes, and nothing from the request. */
function errorWithoutPersonalData(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value === undefined || value === null ? value : { type: typeof value };
  const fields = value as unknown as Record<string, unknown>;
  const logged: Record<string, unknown> = { type: value.constructor?.name || value.name, message: value.message, stack: value.stack };
  for (const field of ERROR_FIELDS) if (isScalar(fields[field])) logged[field] = fields[field];
  // Telegram's parameters are numbers (retry_after, migrate_to_chat_id).
  const parameters = fields.parameters;
  if (parameters && typeof parameters === "object") {
    logged.parameters = Object.fromEntries(Object.entries(parameters).filter(([, v]) => typeof v === "number"));
  }
  if (depth < MAX_CAUSES) {
    // grammY's HttpError keeps the network error in `error`; standard errors use `cause`.
    if (fields.error !== undefined) logged.error = errorWithoutPersonalData(fields.error, depth + 1);
    if (value.cause !== undefined) logged.cause = errorWithoutPersonalData(value.cause, depth + 1);
  }
  return logged;
}

const serializers = { err: errorWithoutPersonalData, error: errorWithoutPersonalData, reason: errorWithoutPersonalData };
const guarded = new WeakSet<Logger>();

/**
 * The logger with the privacy rules: errors reduced to what failed (never a request's payload), personal
 * keys removed. Every logger the bot is given goes through it, so no caller can forget it.
 */
export function withoutPersonalData(logger: Logger): Logger {
  if (guarded.has(logger)) return logger;
  const child = logger.child({}, { serializers, redact: { paths: REDACT_PATHS, remove: true } });
  guarded.add(child);
  return child;
}

export function createLogger(level: string): Logger {
  return withoutPersonalData(pino({ level, base: { service: "wealmaty-bot" } }));
}
