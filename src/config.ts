import { z } from "zod";
import { BUNDLED_EVENT_FILE } from "./event/load.js";

const adminIds = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const ids = value.split(",").map((part) => part.trim()).filter(Boolean);
    const bad = ids.filter((id) => !/^\d{1,15}$/.test(id));
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: `expected comma-separated Telegram user ids, got "${bad.join(", ")}"` });
      return z.NEVER;
    }
    return ids.map(Number);
  });

const envSchema = z.object({
  BOT_TOKEN: z
    .string({ error: "required: the bot token from @BotFather" })
    .regex(/^\d+:[A-Za-z0-9_-]+$/, "expected a token like 123456:ABC-DEF from @BotFather"),
  BOT_API_ROOT: z.url({ error: "expected a URL like http://127.0.0.1:8081" }).optional(),
  REDIS_URL: z
    .string()
    .default("redis://127.0.0.1:6379")
    .refine((url) => /^rediss?:\/\/.+/.test(url), "expected a URL like redis://127.0.0.1:6379"),
  REDIS_PREFIX: z.string().min(1, "must not be empty").default("wealmaty:"),
  EVENT_FILE: z.string().min(1).default(BUNDLED_EVENT_FILE),
  ADMIN_IDS: adminIds,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
