import { describe, expect, it } from "vitest";
import { entitiesToHtml } from "../src/features/broadcast/entities.js";
import { parseScheduleTime } from "../src/features/broadcast/rules.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import { registerGuest } from "./support/seed.js";
import { until } from "./broadcast-helpers.js";

const ADMIN = 4242;
const startTestBot = botPerTest();
let bot: TestBot | undefined;

async function addUsers(t: TestBot, languages: string[], firstId = 9000): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, language] of languages.entries()) {
    await t.running.deps.store.users.remember({ id: firstId + i, first_name: "Guest" }, language, t.clock.now());
    ids.push(firstId + i);
  }
  return ids;
}

describe("/broadcast for organisers", () => {
  it("composes one text per language, previews it with the count, sends and reports progress", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const [ru, kk, en, notConfirmed] = await addUsers(bot, ["ru", "kk", "en", "en"]);
    for (const id of [ru, kk, en]) await registerGuest(bot.running.deps.store, id!, { status: "confirmed", now: bot.clock.now() });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });

    await admin.command("broadcast");
    expect(admin.buttons()).toEqual(["One message for everyone", "One per language", "❌ Cancel"]);
    await admin.tap("One per language");
    expect(admin.lastText()).toContain("in Russian");
    await admin.sendSticker();
    expect(admin.lastText()).toMatch(/text message or a photo/);
    await admin.send("Завтра в 9:00 <всё> в силе");
    expect(admin.lastText()).toContain("in Kazakh");
    await admin.send("Ертең 9:00-де");
    await admin.send("Tomorrow at 9:00");
    expect(admin.lastText()).toBe("Step 3 of 4. Who should receive it?");
    await admin.tapData("broadcast:f:to:nobody");
    await admin.tap("Registered (confirmed)");

    // The preview shows the organiser's own language; the other versions are their messages above.
    expect(admin.messages().at(-2)?.text).toBe("Tomorrow at 9:00");
    expect(admin.lastText()).toMatch(/Registered \(confirmed\) — 3 recipients/);
    await admin.tap("🚀 Send now");
    expect(admin.messages().some((m) => m.text?.startsWith("🚀 Sending to 3 recipients"))).toBe(true);

    await until(
      () => admin.lastText(),
      (text) => text.includes("finished"),
    );
    expect(admin.lastText()).toMatch(/Sent: 3 · failed: 0 · blocked the bot: 0 \(of 3\)/);
    expect(bot.api.chat(ru!).map((m) => m.text)).toEqual(["Завтра в 9:00 <всё> в силе"]);
    expect(bot.api.chat(kk!).map((m) => m.text)).toEqual(["Ертең 9:00-де"]);
    expect(bot.api.chat(en!).map((m) => m.text)).toEqual(["Tomorrow at 9:00"]);
    expect(bot.api.chat(notConfirmed!)).toEqual([]);
    // The organisers' audit log names who sent what to whom.
    const [logged] = await bot.running.deps.store.audit.recent(1);
    expect(logged).toMatchObject({ actor: admin.id, action: "broadcast", details: expect.stringContaining("to confirmed, 3 recipients") });
  });

  it("schedules at a time typed in the event zone; /broadcasts lists it and cancels it", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    await addUsers(bot, ["en"]);
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.send("Programme change: the panel starts at 10:30");
    await admin.tap("Everyone who started the bot");
    await admin.tap("🕒 Schedule");
    await admin.send("tomorrow morning");
    expect(admin.lastText()).toMatch(/couldn't read that/);
    await admin.send("2017-11-01 10:00");
    expect(admin.lastText()).toMatch(/already passed/);
    // The date as it is usually written in Kazakhstan is read too.
    await admin.send("1.11.2017 10:00");
    expect(admin.lastText()).toMatch(/already passed/);
    await admin.send("2017-11-29 10:00");
    expect(admin.lastText()).toBe("🕒 Scheduled for 29 November 2017, 10:00 (Asia/Almaty). See /broadcasts to cancel it.");

    const record = (await bot.running.deps.store.broadcasts.recent()).find((r) => r.id.startsWith("b-"));
    // Almaty was UTC+06:00 in 2017.
    expect(record).toMatchObject({ status: "scheduled", at: new Date("2017-11-29T04:00:00Z") });

    await admin.command("broadcasts");
    expect(admin.lastText()).toContain("Broadcast “Programme change: the panel starts at…”");
    await admin.tap("❌ Cancel: Broadcast “Programme change: the panel starts at…”");
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Cancelled: Broadcast “Programme change: the panel starts at…”.");
    expect((await bot.running.deps.broadcasts.progress(record!.id))?.status).toBe("cancelled");
  });

  it("the progress message's Stop button stops the rest of a running broadcast", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const users = await addUsers(
      bot,
      Array.from({ length: 150 }, () => "en"),
    );
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await bot.running.deps.broadcasts.send({ id: "long", audience: "all", texts: "Long one", createdBy: ADMIN, reportLanguage: "en" });
    await until(
      () => admin.messages().length,
      (n) => n > 0,
    );
    expect(admin.buttons()).toEqual(["⛔ Stop the broadcast"]);
    await admin.tap("⛔ Stop the broadcast");
    expect(admin.callbackAnswers().at(-1)?.text).toBe("Broadcast stopped.");
    const progress = await bot.running.deps.broadcasts.progress("long");
    expect(progress?.status).toBe("cancelled");
    expect(admin.lastText()).toMatch(/^⛔ Broadcast “Long one” stopped/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delivered = users.filter((id) => bot!.api.chat(id).length > 0).length;
    expect(delivered).toBeLessThan(users.length);
    // Only the sends already in flight may land after the stop.
    expect(delivered - progress!.sent).toBeLessThanOrEqual(6);
  });

  it("refuses non-admins, also through forged callbacks", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    await bot.running.deps.broadcasts.schedule({ id: "later", audience: "all", texts: "Hi" }, new Date(Date.now() + 3_600_000));
    const guest = bot.user({ languageCode: "en" });
    await guest.command("broadcast");
    expect(guest.lastText()).toBe("Only organisers can do this.");
    await guest.command("broadcasts");
    expect(guest.lastText()).toBe("Only organisers can do this.");
    await guest.tapData("broadcast:drop:later");
    await guest.tapData("broadcast:stop:later");
    expect(guest.callbackAnswers().map((a) => a.text)).toEqual(["Only organisers can do this.", "Only organisers can do this."]);
    await guest.tapData("broadcast:f:now");
    expect(guest.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
    expect((await bot.running.deps.broadcasts.progress("later"))?.status).toBe("scheduled");
  });

  it("/cancel leaves the conversation at any step", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    await admin.command("cancel");
    expect(admin.lastText()).toBe("Broadcast cancelled, nothing was sent.");
    expect((await bot.running.deps.store.broadcasts.recent()).filter((r) => r.id.startsWith("b-"))).toEqual([]);
  });
});

describe("broadcast rules", () => {
  it("turns the organiser's formatting into HTML, escaping the rest", () => {
    const text = "Bold and link <here> 🙂 ok";
    expect(
      entitiesToHtml(text, [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 2, length: 6 },
        { type: "text_link", offset: 9, length: 4, url: "https://example.org/?a=1&b=2" },
      ]),
    ).toBe('<b>Bo<i>ld</i></b><i> and</i> <a href="https://example.org/?a=1&amp;b=2">link</a> &lt;here&gt; 🙂 ok');
    // UTF-16 offsets: the emoji is two code units.
    expect(entitiesToHtml("🙂 hi", [{ type: "bold", offset: 3, length: 2 }])).toBe("🙂 <b>hi</b>");
  });

  it("reads YYYY-MM-DD HH:mm in the event zone and rejects impossible or past times", () => {
    const now = new Date("2026-11-01T00:00:00Z");
    expect(parseScheduleTime("2026-11-29 09:00", "Asia/Almaty", now)).toEqual({ ok: true, at: new Date("2026-11-29T04:00:00Z") });
    expect(parseScheduleTime("2026-02-30 09:00", "Asia/Almaty", now)).toEqual({ ok: false, problem: "format" });
    expect(parseScheduleTime("2026-11-29 25:00", "Asia/Almaty", now)).toEqual({ ok: false, problem: "format" });
    expect(parseScheduleTime("2026-10-01 09:00", "Asia/Almaty", now)).toEqual({ ok: false, problem: "past" });
  });
});
