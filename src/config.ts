import { z } from "zod";

const adminIds = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const ids = value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = ids.filter((id) => !/^\d{1,15}$/.test(id));
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: `expected comma-separated Telegram user ids, got "${bad.join(", ")}"` });
      return z.NEVER;
    }
    return ids.map(Number);
  });

/** Sentinel addresses: "10.0.0.1:26379,sentinel-2:26379" (IPv6 in brackets). */
const hostPorts = z.string().transform((value, ctx) => {
  const parts = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const parsed = parts.map((part) => /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]]+)):(\d{1,5})$/.exec(part));
  const bad = parts.filter((_, index) => !parsed[index] || Number(parsed[index]![3]) > 65535);
  if (bad.length || !parts.length) {
    const example = "10.0.0.1:26379,10.0.0.2:26379";
    ctx.addIssue({ code: "custom", message: `expected comma-separated host:port pairs like ${example}, got "${bad.join(", ")}"` });
    return z.NEVER;
  }
  return parsed.map((match) => ({ host: match![1] ?? match![2]!, port: Number(match![3]) }));
});

const envSchema = z
  .object({
    BOT_TOKEN: z
      .string({ error: "required: the bot token from @BotFather (or try the bot without one: npm run preview)" })
      .regex(/^\d+:[A-Za-z0-9_-]+$/, "expected a token like 123456:ABC-DEF from @BotFather"),
    BOT_API_ROOT: z.url({ error: "expected a URL like http://127.0.0.1:8081" }).optional(),
    REDIS_URL: z
      .string()
      .default("redis://127.0.0.1:6379")
      .refine((url) => /^rediss?:\/\/.+/.test(url), "expected a URL like redis://127.0.0.1:6379"),
    /** Redis Sentinel: the bot asks these for the current primary (REDIS_URL then gives only its password and database). */
    REDIS_SENTINELS: hostPorts.optional(),
    /** The master name the Sentinels monitor (`sentinel monitor <name> ...`). */
    REDIS_SENTINEL_NAME: z.string().min(1).optional(),
    /** The Sentinels' own password (`requirepass` in sentinel.conf), if any. */
    REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
    REDIS_PREFIX: z.string().min(1, "must not be empty").default("wealmaty:"),
    /** One event file: a series of one. Without it nor EVENTS_DIR, the bundled series (events/wealmaty/) runs. */
    EVENT_FILE: z.string().min(1).optional(),
    /** A folder of event files (every *.yaml but series.yaml), one bot for the whole series. */
    EVENTS_DIR: z.string().min(1).optional(),
    /** With EVENTS_DIR: the event whose data stored before the series (unscoped keys) belongs to. */
    MIGRATE_UNSCOPED_TO: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/, "expected an event id of a-z, 0-9 and -")
      .optional(),
    ADMIN_IDS: adminIds,
    /** Broadcast messages per second, shared by all bot processes (Telegram allows about 30). */
    BROADCAST_RATE: z.coerce.number().int("expected a whole number of messages per second").positive().max(1000).default(25),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Set to receive updates by webhook (several instances behind a load balancer) instead of polling. */
    WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "expected the public https URL Telegram should post updates to" }).optional(),
    /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; anything else is rejected. */
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "expected 16-256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Updates one user may send in 2 seconds before being slowed down; 0 turns the limit off. */
    FLOOD_LIMIT: z.coerce.number().int().min(0).default(20),
    /** Updates handled at the same moment (more wait in memory): a kill -9 repeats at most that many answers (the trust goal: 5). */
    UPDATES_HANDLED_AT_ONCE: z.coerce.number().int().min(1).max(1000).default(5),
    /** The Mini App's public page (served by the bot on PORT at /miniapp/); unset: no Mini App, nothing changes. */
    MINIAPP_URL: z
      .url({ protocol: /^https?$/, error: "expected the Mini App's public https URL, like https://bot.example.org/miniapp/" })
      .refine(
        (url) => url.startsWith("https:") || ["127.0.0.1", "localhost"].includes(new URL(url).hostname),
        "expected https (http only for 127.0.0.1 or localhost, the preview)",
      )
      .optional(),
    /** How old (seconds) a Mini App's signed initData may be before its API calls get 401. */
    MINIAPP_AUTH_MAX_AGE: z.coerce
      .number()
      .int("expected a whole number of seconds")
      .min(60)
      .max(30 * 86_400)
      .default(86_400),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "required when WEBHOOK_URL is set" });
    }
    if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME) {
      const message = "required when REDIS_SENTINELS is set (the master name from sentinel.conf)";
      ctx.addIssue({ code: "custom", path: ["REDIS_SENTINEL_NAME"], message });
    }
    for (const other of ["REDIS_SENTINEL_NAME", "REDIS_SENTINEL_PASSWORD"] as const) {
      if (env[other] && !env.REDIS_SENTINELS) {
        ctx.addIssue({ code: "custom", path: ["REDIS_SENTINELS"], message: `required when ${other} is set` });
      }
    }
    if (env.EVENT_FILE && env.EVENTS_DIR) {
      ctx.addIssue({
        code: "custom",
        path: ["EVENTS_DIR"],
        message: "give either EVENTS_DIR (a series) or EVENT_FILE (one event), not both",
      });
    }
    // ioredis would not use TLS to a primary found through Sentinels: refuse rather than go plain.
    if (env.REDIS_SENTINELS && env.REDIS_URL.startsWith("rediss:")) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "rediss:// (TLS) is not supported together with REDIS_SENTINELS" });
    }
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** Reads the environment once at start-up; everything else receives the typed result. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (FOO= in .env) means "not set", as most tools treat it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}
