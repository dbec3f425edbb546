import { describe, expect, it } from "vitest";
import { botPerTest, type TestBot } from "./support/harness.js";
import { until } from "./support/wait.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

const OTHER_EVENT = "test/fixtures/events/riverside-cleanup.yaml";

describe("/start", () => {
  it.each([
    ["ru", "Здравствуйте, Aigerim!", "«Зелёный коридор»", "30 ноября 2017, 9:00–13:00", "ℹ️ О мероприятии"],
    ["kk", "Сәлеметсіз бе, Aigerim!", "«Жасыл дәліз»", "2017 жылғы 30 қараша, 9:00–13:00", "ℹ️ Іс-шара туралы"],
    ["en", "Hello, Aigerim!", "Green Corridor", "30 November 2017, 9:00–13:00", "ℹ️ Event info"],
    // Any other Telegram language gets the event's first language.
    ["de", "Здравствуйте, Aigerim!", "«Зелёный коридор»", "30 ноября 2017, 9:00–13:00", "ℹ️ О мероприятии"],
  ])("greets a %s user with the event title, date and the main menu", async (languageCode, hello, title, when, infoButton) => {
    bot = await startTestBot();
    const user = bot.user({ languageCode });
    const [greeting] = await user.command("start");
    expect(greeting?.text).toContain(hello);
    expect(greeting?.text).toContain(title);
    expect(greeting?.text).toContain(when);
    expect(user.buttons()).toHaveLength(5);
    expect(user.buttons()[0]).toBe(infoButton);
    // The user is remembered for announcements, with their language.
    expect(await bot.running.deps.store.users.find(user.id)).toMatchObject({
      firstName: "Aigerim",
      language: languageCode === "de" ? "ru" : languageCode,
    });
  });

  it("escapes a name that looks like HTML", async () => {
    bot = await startTestBot();
    const user = bot.user({ firstName: "<b>Tom & Jerry</b>", languageCode: "en" });
    const [greeting] = await user.command("start");
    expect(greeting?.text).toContain("Hello, <b>Tom & Jerry</b>!");
    expect(greeting?.raw).toContain("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;");
  });
});

describe("event info", () => {
  it("shows the overview with a countdown and the venue as a native pin", async () => {
    bot = await startTestBot({ now: "2017-11-25T03:00:00Z" });
    const user = bot.user({ languageCode: "ru" });
    const [overview, venue] = await user.command("info");
    expect(overview?.text).toContain("«Зелёный коридор» и общественное пространство");
    expect(overview?.text).toContain("Когда: 30 ноября 2017, 9:00–13:00");
    expect(overview?.text).toContain("Начало через 5 дней.");
    expect(venue?.kind).toBe("venue");
    expect(venue?.venue).toMatchObject({ latitude: bot.event.venue.latitude, longitude: bot.event.venue.longitude });
    expect(venue?.venue?.title).toContain("Transforma");
    expect(venue?.venue?.address).toMatch(/Байзакова/);
    expect(bot.api.callsTo("sendVenue")).toHaveLength(1);
  });

  it("counts hours in English and says when the event is over", async () => {
    bot = await startTestBot({ now: "2017-11-30T00:00:00Z" });
    const user = bot.user({ languageCode: "en" });
    await user.command("start");
    const [overview] = await user.tap("ℹ️ Event info");
    expect(overview?.text).toContain("Starts in 3 hours.");
    bot.clock.set("2017-11-30T05:00:00Z");
    await user.command("info");
    expect(user.messages().at(-2)?.text).toContain("Happening right now.");
    bot.clock.set("2017-12-01T00:00:00Z");
    await user.command("info");
    expect(user.messages().at(-2)?.text).toContain("The event already took place.");
  });

  it("gives everyone in the same second the overview of their own language, and moves it on with the clock", async () => {
    bot = await startTestBot({ now: "2017-11-30T00:00:00Z" });
    const [ann, ivan, aigerim] = [bot.user({ languageCode: "en" }), bot.user({ languageCode: "ru" }), bot.user({ languageCode: "kk" })];
    expect((await ann.command("info"))[0]?.text).toContain("Starts in 3 hours.");
    expect((await ivan.command("info"))[0]?.text).toContain("Начало через 3 часа.");
    expect((await aigerim.command("info"))[0]?.text).toContain("Басталуына 3 сағат қалды.");
    bot.clock.set("2017-11-30T02:00:00Z");
    expect((await ivan.command("info"))[0]?.text).toContain("Начало через час.");
    expect((await ann.command("info"))[0]?.text).toContain("Starts in an hour.");
  });

  it("opens programme, speakers, organisers, the concept and contacts below the venue pin, then in place, with a way back", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    const [overview, venue] = await user.command("info");
    expect(venue?.kind).toBe("venue");
    // The overview sits above the venue pin: the first section opens below the pin, where the user looks.
    const [screen] = await user.tap("📋 Programme");
    expect(screen?.text).toMatch(/Programme[\s\S]*09:00/);
    expect(screen!.message_id).toBeGreaterThan(venue!.message_id);
    expect(bot.api.message(user.id, overview!.message_id)?.text).toContain("Green Corridor");
    await user.tap("⬅️ Back");
    // From there on the newest message changes in place: the chat does not fill up.
    const sections: Array<[string | RegExp, RegExp]> = [
      ["📋 Programme", /Programme[\s\S]*09:00/],
      ["🎤 Speakers", /architecture and urban planning/i],
      ["🤝 Organisers", /British Council[\s\S]*European Union/],
      ["☎️ Contacts", /Elena Sim[\s\S]*elena\.sim@kz\.britishcouncil\.org[\s\S]*Facebook/],
      [/^🌳 /, /cyclists and pedestrians/],
    ];
    for (const [button, content] of sections) {
      expect(await user.tap(button)).toEqual([]);
      const shown = bot.api.message(user.id, screen!.message_id);
      expect(shown?.text).toMatch(content);
      expect(user.buttons(shown)).toEqual(["⬅️ Back", "⬅️ Menu"]);
      await user.tap("⬅️ Back");
    }
    expect(bot.api.message(user.id, screen!.message_id)?.text).toContain("Green Corridor");
    await user.tap("⬅️ Menu");
    expect(bot.api.message(user.id, screen!.message_id)?.text).toBe("What would you like to do?");
    expect(user.messages().at(-1)?.message_id).toBe(screen!.message_id);
  });

  it("sends an .ics file with the right UTC instants and an alarm", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "kk" });
    await user.command("info");
    const [file] = await user.tap("📅 Күнтізбеге қосу");
    expect(file?.kind).toBe("document");
    expect(file?.document?.filename).toBe(`${bot.event.id}.ics`);
    const ics = file!.document!.data!.toString("utf8").replace(/\r\n[ \t]/g, "");
    expect(ics).toContain("DTSTART:20171130T030000Z");
    expect(ics).toContain("DTEND:20171130T070000Z");
    expect(ics).toContain("TRIGGER:-PT1H");
    expect(ics).toContain("«Жасыл дәліз»");

    // Uploaded once: the next time (in this language) it goes by Telegram's file_id.
    const [again] = await user.tap("📅 Күнтізбеге қосу");
    const [first, second] = bot.api.callsTo("sendDocument");
    expect(first?.files).toHaveLength(1);
    expect(second?.files).toHaveLength(0);
    expect(second?.payload.document).toBe(file?.document?.file_id);
    expect(again?.document?.data?.toString("utf8")).toBe(file!.document!.data!.toString("utf8"));
  });

  it("takes everything from another event file: dates, venue, texts, languages", async () => {
    bot = await startTestBot({ eventFile: OTHER_EVENT, now: "2026-11-29T04:00:00Z" });
    // English is that event's first language: a Kazakh or unknown Telegram language falls back to it.
    const user = bot.user({ languageCode: "kk" });
    const [greeting] = await user.command("start");
    expect(greeting?.text).toContain("Hello, Aigerim!");
    expect(greeting?.text).toContain("Esentai River Clean-up Day");
    expect(greeting?.text).toContain("30 November 2026, 9:00–12:30");
    const [overview, venue] = await user.command("info");
    expect(overview?.text).toContain("Starts in a day.");
    expect(venue?.venue).toMatchObject({ latitude: 43.2185, longitude: 76.9289, title: expect.stringContaining("Esentai") });
    expect(user.buttons(overview)).not.toContainEqual(expect.stringMatching(/^🌳/));
    const [file] = await user.tap("📅 Add to calendar");
    expect(file?.document?.data?.toString()).toContain("DTSTART:20261130T040000Z");
    const everything = user
      .messages()
      .map((m) => m.text ?? m.caption ?? "")
      .join("\n");
    expect(everything).not.toMatch(/WeAlmaty|Transforma|Зелёный|Green Corridor/);
    // The language menu offers only that event's languages.
    await user.command("language");
    expect(user.buttons()).toEqual(["English", "Русский", "⬅️ Menu"]);
    await user.tap("Русский");
    const [russian] = await user.command("start");
    expect(russian?.text).toContain("День уборки реки Есентай");
  });
});

describe("languages", () => {
  it("keeps the user's own choice over Telegram's language", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("start");
    await user.tap("🌐 Language");
    expect(user.buttons()).toEqual(["Русский", "Қазақша", "English", "⬅️ Menu"]);
    await user.tap("Қазақша");
    expect(user.callbackAnswers().at(-1)?.text).toBe("✅ Тіл: қазақша.");
    expect(user.lastText()).toContain("Не істегіңіз келеді?");
    const [greeting] = await user.command("start");
    expect(greeting?.text).toContain("Сәлеметсіз бе");
    expect((await bot.running.deps.store.users.find(user.id))?.language).toBe("kk");
  });

  it("shows the command menu in the language picked, not the app's", async () => {
    const running = (bot = await startTestBot({ adminIds: [4242] }));
    const user = running.user({ languageCode: "ru" });
    await user.command("start");
    const description = (chatId: number, command: string) =>
      running.api.visibleCommands(chatId, "ru").find((c) => c.command === command)?.description;
    expect(description(user.id, "info")).toBe("О мероприятии");
    await user.command("language");
    await user.tap("Қазақша");
    expect(description(user.id, "info")).toBe("Іс-шара туралы");
    expect(running.api.visibleCommands(user.id, "ru").map((c) => c.command)).not.toContain("admin");
    // Another user's menu is not touched.
    expect(description(user.id + 1, "info")).toBe("О мероприятии");

    // An organiser keeps the organiser commands, in the language picked.
    const admin = running.user({ id: 4242, languageCode: "ru" });
    await admin.command("language");
    await admin.tap("English");
    expect(description(4242, "info")).toBe("About the event");
    expect(description(4242, "admin")).toBe("Organiser panel");
  });

  it("registers the command menu per language, and organiser commands only in admins' chats", async () => {
    bot = await startTestBot({ adminIds: [4242] });
    const names = (commands: Array<{ command: string }>) => commands.map((c) => c.command);
    const attendee = ["start", "info", "rsvp", "contest", "idea", "language", "help", "cancel"];
    expect(names(bot.api.commands())).toEqual(expect.arrayContaining(attendee));
    expect(bot.api.commands({ language_code: "kk" }).find((c) => c.command === "info")?.description).toBe("Іс-шара туралы");
    expect(bot.api.commands({ language_code: "en" }).find((c) => c.command === "info")?.description).toBe("About the event");
    expect(names(bot.api.commands())).not.toContain("admin");
    const adminScope = { type: "chat", chat_id: 4242 };
    expect(names(bot.api.commands({ scope: adminScope, language_code: "en" }))).toContain("admin");
    expect(names(bot.api.commands({ scope: adminScope, language_code: "en" }))).toEqual(expect.arrayContaining(attendee));
  });
});

describe("organiser panel", () => {
  it("is shown to admins only", async () => {
    bot = await startTestBot({ adminIds: [4242] });
    const attendee = bot.user({ languageCode: "en" });
    await attendee.command("start");
    const [refusal] = await attendee.command("admin");
    expect(refusal?.text).toBe("Only organisers can do this.");
    const admin = bot.user({ id: 4242, languageCode: "en" });
    const [panel] = await admin.command("admin");
    // The attendee and the admin: whoever has written to the bot, /start or not.
    expect(panel?.text).toContain("Users who started the bot: 2");
    expect(panel?.text).toContain("By language: English: 2");
    const kazakh = bot.user({ languageCode: "kk" });
    await kazakh.command("start");
    const [later] = await admin.command("admin");
    expect(later?.text).toMatch(/By language: (English: 2, Қазақша: 1|Қазақша: 1, English: 2)/);
  });
});

describe("groups, free text and bad input", () => {
  it("answers /start in a group once with a button to the private chat and ignores the rest", async () => {
    bot = await startTestBot();
    const member = bot.user({ languageCode: "en" }).inGroup(-100123, { type: "supergroup" });
    const [reply] = await member.command("start");
    expect(reply?.text).toContain("I work in private chat");
    // The title carries its own quotes: the message must not wrap it in a second pair.
    expect(reply?.text).not.toMatch(/[“«"]\s*[“«"]/);
    expect(member.keyboard(reply)[0]?.[0]).toMatchObject({ url: `https://t.me/${bot.api.botInfo.username}?start=group` });
    bot.api.clearCalls();
    await member.send("hello bot");
    await member.command("info");
    await member.sendSticker();
    expect(bot.api.calls.filter((call) => call.method !== "getUpdates")).toEqual([]);
  });

  it("gives free text and stickers a hint and the menu", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    const [hint] = await user.send("what time is it?");
    expect(hint?.text).toBe("I didn't understand that. Use the buttons below or /help.");
    expect(user.buttons(hint)).toContain("ℹ️ Event info");
    const [stickerHint] = await user.sendSticker();
    expect(stickerHint?.text).toBe("I can't use this here. Use the buttons below or /help.");
    const [huge] = await user.send("x".repeat(4096));
    expect(huge?.text).toContain("I didn't understand");
  });

  it("answers a forged or outdated button with a toast and changes nothing", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("start");
    await user.tapData("lang:xx");
    await user.tapData("totally-made-up");
    await user.tapData("info:programme", 999_999);
    expect(user.callbackAnswers().map((answer) => answer.text)).toEqual([
      "This button is no longer active.",
      "This button is no longer active.",
      undefined,
    ]);
    expect(await bot.redis.get(`${bot.prefix}session:${user.id}`)).not.toContain("xx");
  });

  it("handles an update delivered twice only once", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    await user.command("info");
    const updateId = bot.api.lastUpdateId;
    const sent = bot.api.callsTo("sendMessage").length;
    bot.api.redeliver(updateId);
    await bot.api.waitIdle();
    await user.command("help"); // a fresh update is still served
    expect(bot.api.callsTo("sendVenue")).toHaveLength(1);
    expect(bot.api.callsTo("sendMessage")).toHaveLength(sent + 1);
  });

  it("tells the user when a handler fails and keeps serving", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "ru" });
    bot.api.failNext("sendVenue", { error_code: 400, description: "Bad Request: injected failure" });
    const replies = await user.command("info");
    expect(replies.at(-1)?.text).toBe("😔 Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.");
    const [help] = await user.command("help");
    expect(help?.text).toContain("Что я умею");
  });

  it("waits out a 429 and delivers the reply", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    bot.api.rateLimitNext("sendMessage", 1);
    const [help] = await user.command("help");
    expect(help?.text).toContain("What I can do");
    expect(bot.api.callsTo("sendMessage").map((call) => call.ok)).toEqual([false, true]);
  });

  it("keeps serving other chats, and confirms updates to Telegram, while one chat waits out a 429", async () => {
    bot = await startTestBot();
    const slow = bot.user({ languageCode: "en" });
    const other = bot.user({ languageCode: "en" });
    bot.api.rateLimitNext("sendMessage", 2);
    const slowDone = slow.command("help");
    await until(
      () => bot!.api.callsTo("sendMessage"),
      (calls) => calls.some((call) => !call.ok),
    );
    const slowUpdate = bot.api.lastUpdateId;

    const [help] = await other.command("help");
    expect(help?.text).toContain("What I can do");
    expect(slow.messages()).toEqual([]);
    // Stored in the inbox and confirmed to Telegram, though not finished yet.
    expect(bot.api.confirmedOffset).toBeGreaterThan(slowUpdate);

    const [late] = await slowDone;
    expect(late?.text).toContain("What I can do");
  });

  it("says there is nothing to cancel outside a flow", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "en" });
    const [reply] = await user.command("cancel");
    expect(reply?.text).toContain("There is nothing to cancel.");
  });
});
