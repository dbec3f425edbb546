import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entitiesToHtml } from "../tools/preview/render-html.js";
import { personasFor } from "../tools/preview/personas.js";
import { previewClock, startPreview, type Preview } from "../tools/preview/start.js";
import type { ChatView } from "../tools/preview/message-view.js";
import { BUNDLED_EVENT_FILE, loadEvent } from "../src/event/load.js";
import { REDIS_URL } from "./support/harness.js";

describe("preview HTML rendering", () => {
  it("renders Telegram entities as their tags and escapes all text", () => {
    const text = "Hi <script>alert(1)</script> bold link /start";
    const html = entitiesToHtml(text, [
      { type: "bold", offset: text.indexOf("bold"), length: 4 },
      { type: "text_link", offset: text.indexOf("link"), length: 4, url: 'https://example.org/?a=1&b="2"' },
      { type: "bot_command", offset: text.indexOf("/start"), length: 6 },
    ]);
    expect(html).toBe(
      "Hi &lt;script&gt;alert(1)&lt;/script&gt; <b>bold</b> " +
        '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" target="_blank" rel="noopener noreferrer">link</a> ' +
        '<a href="#" class="command" data-command="/start">/start</a>',
    );
  });

  it("nests entities, keeps newlines and drops unsafe links", () => {
    const text = "a bold italic\nnext";
    const html = entitiesToHtml(text, [
      { type: "italic", offset: 7, length: 6 },
      { type: "bold", offset: 2, length: 11 },
      { type: "text_link", offset: 14, length: 4, url: "javascript:alert(1)" },
    ]);
    expect(html).toBe("a <b>bold <i>italic</i></b><br>next");
  });

  it("counts offsets in UTF-16 code units, as Telegram does", () => {
    expect(entitiesToHtml("🌳 tree", [{ type: "bold", offset: 3, length: 4 }])).toBe("🌳 <b>tree</b>");
  });
});

describe("preview personas and clock", () => {
  it("has an attendee per event language and an organiser in the main language", () => {
    const personas = personasFor(["kk", "de"]);
    expect(personas.map((p) => p.label)).toEqual(["Daniyar (kk)", "Guest (de)", "Organiser (admin, kk)"]);
    expect(new Set(personas.map((p) => p.id)).size).toBe(3);
    expect(personas.filter((p) => p.admin)).toHaveLength(1);
  });

  it("starts a week before a past event, runs on real time for a future one", () => {
    const event = loadEvent(BUNDLED_EVENT_FILE);
    const realNow = new Date(event.startsAt.getTime() + 400 * 86_400_000);
    expect(previewClock(event, undefined, () => realNow)().getTime()).toBe(event.startsAt.getTime() - 7 * 86_400_000);
    const early = new Date(event.startsAt.getTime() - 30 * 86_400_000);
    expect(previewClock(event, undefined, () => early)()).toEqual(early);
    const chosen = new Date("2017-11-30T03:00:00Z");
    expect(previewClock(event, chosen, () => realNow)()).toEqual(chosen);
  });
});

describe("preview server", () => {
  let preview: Preview;
  const prefix = `test-preview:${randomUUID()}:`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${preview.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const chat = async (user: number): Promise<ChatView> => (await fetch(`${preview.url}/api/chat?user=${user}`)).json() as Promise<ChatView>;
  /** Waits until the bot has handled everything the page sent. */
  const settled = () => preview.api.waitIdle();

  beforeAll(async () => {
    preview = await startPreview({ port: 0, redisUrl: REDIS_URL, redisPrefix: prefix, logLevel: "silent" });
  });
  afterAll(async () => {
    await preview?.stop();
    const redis = new Redis(REDIS_URL);
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
    await redis.quit();
  });

  it("serves the page and the session, with the organiser made an admin", async () => {
    const page = await fetch(preview.url);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("/app.js");
    const session = (await (await fetch(`${preview.url}/api/session`)).json()) as { personas: Array<{ id: number; admin: boolean }> };
    const organiser = session.personas.find((p) => p.admin)!;
    expect(preview.running.deps.adminIds.has(organiser.id)).toBe(true);
    expect(preview.personas.filter((p) => !p.admin).every((p) => !preview.running.deps.adminIds.has(p.id))).toBe(true);
  });

  it("sends text as the chosen user and shows the bot's answer with its buttons", async () => {
    const emma = preview.personas.find((p) => p.language === "en")!;
    expect((await post("/api/send", { user: emma.id, text: "/start" })).status).toBe(200);
    await settled();
    const view = await chat(emma.id);
    expect(view.messages[0]).toMatchObject({ from: "user", html: expect.stringContaining("/start") });
    const menu = view.messages[1]!;
    expect(menu.html).toContain("<b>");
    expect(menu.keyboard?.flat().map((b) => b.data)).toContain("menu:info");
    expect(view.commands.map((c) => c.command)).toContain("start");
    expect(view.commands.map((c) => c.command)).not.toContain("admin");

    const tap = await post("/api/tap", { user: emma.id, messageId: menu.id, data: "menu:info" });
    expect(tap.status).toBe(200);
    await settled();
    const after = await chat(emma.id);
    const pin = after.messages.find((m) => m.kind === "venue")!.pin!;
    expect(pin).toMatchObject({ latitude: preview.event.venue.latitude, longitude: preview.event.venue.longitude });
    expect(pin.mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=/);
  });

  it("lets the organiser see the organiser commands", async () => {
    const organiser = preview.personas.find((p) => p.admin)!;
    expect((await chat(organiser.id)).commands.map((c) => c.command)).toContain("admin");
  });

  it("serves files the bot sent as downloads under their names", async () => {
    const emma = preview.personas.find((p) => p.language === "en")!;
    const overview = (await chat(emma.id)).messages.find((m) => m.keyboard?.flat().some((b) => b.data === "info:calendar"))!;
    await post("/api/tap", { user: emma.id, messageId: overview.id, data: "info:calendar" });
    await settled();
    const document = (await chat(emma.id)).messages.find((m) => m.kind === "document")!;
    expect(document.file!.name).toBe(`${preview.event.id}.ics`);
    const download = await fetch(`${preview.url}${document.file!.url}`);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(await download.text()).toContain("BEGIN:VCALENDAR");
  });

  it("refuses buttons that are not on the message, unknown users and other sites", async () => {
    const emma = preview.personas.find((p) => p.language === "en")!;
    const forged = await post("/api/tap", { user: emma.id, messageId: 2, data: "admin:broadcast" });
    expect(forged.status).toBe(400);
    expect((await post("/api/send", { user: 42, text: "hi" })).status).toBe(404);
    const crossSite = await post("/api/send", { user: emma.id, text: "hi" }, { origin: "http://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((await post("/api/location", { user: emma.id, latitude: 123, longitude: 0 })).status).toBe(400);
  });

  it("answers only to loopback names in Host and Origin (no DNS rebinding), and 400 to a malformed file name", async () => {
    const organiser = preview.personas.find((p) => p.admin)!;
    const { port } = new URL(preview.url);
    /** A raw request: fetch would not let the test choose the Host header. */
    const raw = (method: string, path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port: Number(port), method, path, headers }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode!, body: text }));
        });
        req.on("error", reject);
        req.end(body);
      });
    const send = (headers: Record<string, string>) =>
      raw("POST", "/api/send", { "content-type": "application/json", ...headers }, JSON.stringify({ user: organiser.id, text: "/start" }));

    // A page on attacker.example whose name now points at 127.0.0.1 sends its own Host.
    expect((await raw("GET", "/api/session", { host: `attacker.example:${port}` })).status).toBe(403);
    expect((await raw("GET", "/", { host: "attacker.example" })).status).toBe(403);
    expect((await send({ host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` })).status).toBe(403);
    expect((await raw("GET", "/api/session", { host: `127.0.0.1:${port}`, origin: "http://attacker.example" })).status).toBe(403);
    expect((await raw("GET", "/api/session", { host: `localhost.attacker.example:${port}` })).status).toBe(403);
    expect(preview.api.chat(organiser.id)).toEqual([]);

    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "localhost"]) {
      const session = await raw("GET", "/api/session", { host });
      expect(session.status, host).toBe(200);
      expect(session.body).toContain('"personas"');
    }
    expect((await send({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);

    const malformed = await raw("GET", "/files/%E0%A4%A", { host: `127.0.0.1:${port}` });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false });
  });

  it("sends photos, contacts and locations as Telegram would", async () => {
    const aigerim = preview.personas[0]!;
    const photo = await fetch(`${preview.url}/api/file?user=${aigerim.id}&name=me.png&caption=hello`, {
      method: "POST",
      headers: { "content-type": "image/png" },
      body: Buffer.from("89504e470d0a1a0a", "hex"),
    });
    expect(photo.status).toBe(200);
    expect((await post("/api/contact", { user: aigerim.id })).status).toBe(200);
    expect((await post("/api/location", { user: aigerim.id, latitude: 43.25, longitude: 76.95 })).status).toBe(200);
    await settled();
    const mine = (await chat(aigerim.id)).messages.filter((m) => m.from === "user");
    expect(mine.map((m) => m.kind)).toEqual(["photo", "contact", "location"]);
    expect(mine[0]!.html).toBe("hello");
    expect(mine[1]!.contact).toEqual({ name: `${aigerim.firstName} ${aigerim.lastName}`, phone: aigerim.phone });
    const image = await fetch(`${preview.url}${mine[0]!.photo!.url}`);
    expect(image.headers.get("content-type")).toBe("image/png");
  });

  it("streams a chat's changes and the bot's callback answers live", async () => {
    const daniyar = preview.personas.find((p) => p.language === "kk")!;
    const controller = new AbortController();
    const res = await fetch(`${preview.url}/api/events?user=${daniyar.id}`, { signal: controller.signal });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const waitFor = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    await waitFor(/^event: chat\ndata: \{"messages":\[\]/);
    await post("/api/send", { user: daniyar.id, text: "/start" });
    await waitFor(/"from":"bot"/);
    // A tap on a button the bot no longer handles gets the "no longer active" toast.
    const menu = preview.api.chat(daniyar.id).at(-1)!;
    const markup = menu.reply_markup as { inline_keyboard: Array<Array<{ callback_data?: string }>> };
    expect(markup.inline_keyboard.flat().length).toBeGreaterThan(0);
    preview.api.pushUpdate({
      callback_query: {
        id: "stale-1",
        from: { id: daniyar.id, is_bot: false, first_name: "Daniyar" },
        chat_instance: "1",
        data: "gone:button",
        message: menu.message,
      },
    });
    await waitFor(/event: toast\ndata: \{"text":"[^"]+"/);
    controller.abort();
  });
});
