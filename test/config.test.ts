import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";
import { BUNDLED_EVENT_FILE } from "../src/event/load.js";

describe("configuration from the environment", () => {
  it("applies defaults and merges admin ids", () => {
    const config = parseConfig({ BOT_TOKEN: "123:abc", ADMIN_IDS: "1, 22,333" });
    expect(config).toMatchObject({
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: "wealmaty:",
      ADMIN_IDS: [1, 22, 333],
      LOG_LEVEL: "info",
    });
    expect(config.BOT_API_ROOT).toBeUndefined();
    // Neither EVENT_FILE nor EVENTS_DIR: the bundled series (src/event/series.ts) runs.
    expect(config.EVENT_FILE).toBeUndefined();
    expect(config.EVENTS_DIR).toBeUndefined();
    expect(parseConfig({ BOT_TOKEN: "123:abc", EVENT_FILE: BUNDLED_EVENT_FILE }).EVENT_FILE).toBe(BUNDLED_EVENT_FILE);
  });

  it("names each wrong variable and its problem", () => {
    expect.assertions(1);
    try {
      parseConfig({ BOT_TOKEN: "nope", REDIS_URL: "http://localhost", ADMIN_IDS: "12,abc", LOG_LEVEL: "loud" });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "BOT_TOKEN: expected a token like 123456:ABC-DEF from @BotFather",
        "REDIS_URL: expected a URL like redis://127.0.0.1:6379",
        'ADMIN_IDS: expected comma-separated Telegram user ids, got "abc"',
        expect.stringMatching(/^LOG_LEVEL: /),
      ]);
    }
  });
});

describe("start-up with a bad environment or event file", () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, ...env },
      encoding: "utf8",
      timeout: 20_000,
    });

  it("exits 1 with one line per problem and no stack trace", () => {
    const result = run({ BOT_TOKEN: "" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "configuration: BOT_TOKEN: required: the bot token from @BotFather (or try the bot without one: npm run preview)",
    );
  });

  it("exits 1 listing every bad path of the event file", () => {
    const result = run({ BOT_TOKEN: "123:abc", EVENT_FILE: "test/fixtures/events/invalid.yaml" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("venue.latitude: expected number");
    expect(result.stderr).toContain("title: required");
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
