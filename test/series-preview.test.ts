import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BUNDLED_EVENTS_DIR } from "../src/event/series.js";
import { startPreview } from "../tools/preview/start.js";
import { REDIS_URL } from "./support/harness.js";

describe("the preview of the bundled series", () => {
  it("runs both bundled forums and lists them in /events", async () => {
    const preview = await startPreview({
      port: 0,
      redisUrl: REDIS_URL,
      redisPrefix: `test-preview:${randomUUID()}:`,
      logLevel: "silent",
      eventsDir: BUNDLED_EVENTS_DIR,
      now: new Date("2026-11-27T06:00:00Z"),
    });
    try {
      expect(preview.running.deps.series.events.map((event) => event.id)).toEqual(["wealmaty-forum-2017", "wealmaty-forum-2027-2"]);
      // The invented 2027 forum is the current one: the preview opens on it.
      expect(preview.event.id).toBe("wealmaty-forum-2027-2");
      const emma = preview.personas.find((persona) => persona.language === "en")!;
      const response = await fetch(`${preview.url}/api/send`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: emma.id, text: "/events" }),
      });
      expect(response.status).toBe(200);
      await preview.api.waitIdle();
      const view = (await (await fetch(`${preview.url}/api/chat?user=${emma.id}`)).json()) as { messages: Array<{ html?: string }> };
      const list = view.messages.at(-1)?.html ?? "";
      expect(list).toContain("25 November 2027, 10:00 — Almaty's rivers and embankments");
      expect(list).toContain("30 November 2017, 9:00");
    } finally {
      await preview.stop();
    }
  });
});
