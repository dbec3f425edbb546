import { describe, expect, it } from "vitest";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";
import { seriesDir, writeSeriesEvent } from "./support/series-dir.js";
import { pagesOf } from "../src/ui/pages.js";

const RIVERSIDE = "test/fixtures/events/riverside-cleanup.yaml";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

/** The bundled event without the optional sections an organiser may leave out of the file. */
const bareEvent = (keep: { contest?: boolean } = {}) =>
  eventWith({
    ...(keep.contest ? {} : { contest: undefined, quiz: undefined }),
    ideas: undefined,
    feedback: undefined,
    speakers: undefined,
    organisers: [],
    programme: [],
  });

describe("an event file with a text missing in one of its languages", () => {
  it("starts, and warns which texts that language's users read in the first language", async () => {
    bot = await startTestBot({ eventFile: eventWith({ title: { ru: "Форум", kk: undefined, en: "Forum" } }), logLevel: "warn" });
    const warning = bot.logs().find((line) => line.includes("texts without a kk version are shown in ru"));
    expect(warning).toContain('"texts":["title"]');
    const user = bot.user({ languageCode: "kk" });
    await user.command("start");
    expect(user.lastText()).toContain("Форум");
  });
});

describe("an event file without a registration deadline", () => {
  it("keeps registration open until the event starts, and closes it then", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { deadline: undefined } }) });
    const { clock, event } = bot;
    expect(event.rsvpDeadlineAt).toEqual(event.startsAt);
    const early = bot.user({ languageCode: "en" });
    await early.command("rsvp");
    expect(early.messages().at(-2)?.text).toContain("Registration is open until 30 November 2017, 9:00");
    clock.set(new Date(event.startsAt.getTime() + 60_000));
    const late = bot.user({ languageCode: "ru" });
    await late.command("rsvp");
    expect(late.lastText()).toContain("Регистрация закрылась 30 ноября 2017, 9:00");
  });
});

describe("an event file naming no data controller", () => {
  it("starts, and warns that the consent names the event's title, until rsvp.consent or organisers give one", async () => {
    const warning = "the registration consent names the event's title as the data controller";
    bot = await startTestBot({ eventFile: eventWith({ organisers: [], rsvp: { consent: undefined } }), logLevel: "warn" });
    expect(bot.logs().some((line) => line.includes(warning))).toBe(true);
    const user = bot.user({ languageCode: "en" });
    await user.command("rsvp");
    expect(user.lastText()).toContain(`Data controller: ${bot.running.deps.event.text(bot.running.deps.event.title, "en")}`);
  });

  it("does not warn when an organiser is named", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { consent: undefined } }), logLevel: "warn" });
    expect(bot.logs().some((line) => line.includes("as the data controller"))).toBe(false);
    const user = bot.user({ languageCode: "en" });
    await user.command("rsvp");
    expect(user.lastText()).toContain("Data controller: British Council");
  });
});

describe("an event file naming nobody to contact", () => {
  it("says registration closed without naming a contact; after the event, that it is over, and /privacy gives no contact", async () => {
    bot = await startTestBot({ eventFile: eventWith({ organisers: [], contacts: [], links: [], rsvp: { consent: undefined } }) });
    const { clock, event } = bot;
    clock.set(new Date(event.rsvpDeadlineAt.getTime() + 60_000));
    const texts = {
      en: {
        closed: "⛔️ Registration closed on 29 November 2017, 12:00.\nIf you still want to come, please contact the organisers.",
        over: "The event is over. Here you can read about it and share your ideas for the city.",
        past: "⛔️ Registration is closed: the event took place on 30 November 2017, 9:00–13:00.",
      },
      ru: {
        closed: "⛔️ Регистрация закрылась 29 ноября 2017, 12:00.\nЕсли вы всё же хотите прийти, свяжитесь с организаторами.",
        over: "Мероприятие уже прошло. Здесь можно узнать о нём и предложить идеи для города.",
        past: "⛔️ Регистрация закрыта: мероприятие прошло 30 ноября 2017, 9:00–13:00.",
      },
      kk: {
        closed: "⛔️ Тіркелу жабылды (мерзімі: 2017 жылғы 29 қараша, 12:00).\nБәрібір келгіңіз келсе, ұйымдастырушылармен хабарласыңыз.",
        over: "Іс-шара өтіп кетті. Мұнда ол туралы біліп, қалаға арналған идеяларыңызды ұсына аласыз.",
        past: "⛔️ Тіркелу жабық: іс-шара өтіп кетті (2017 жылғы 30 қараша, 9:00–13:00).",
      },
    };
    for (const [language, { closed }] of Object.entries(texts)) {
      const user = bot.user({ languageCode: language });
      await user.command("rsvp");
      expect(user.lastText()).toBe(closed);
    }
    clock.set(new Date(event.endsAt.getTime() + 60_000));
    for (const [language, { over, past }] of Object.entries(texts)) {
      const user = bot.user({ languageCode: language });
      await user.command("start");
      expect(user.lastText()).toContain(over);
      await user.command("rsvp");
      expect(user.lastText()).toBe(past);
      await user.command("privacy");
      expect(user.lastText()).toMatch(/: .+$/);
      expect(user.lastText()).not.toMatch(/Contact|Контакты|Байланыс/);
    }
  });
});

describe("an event file without its optional sections", () => {
  it("greets and shows a menu with only what the event has, in every language", async () => {
    bot = await startTestBot({ eventFile: bareEvent() });
    const greetings = {
      en: "Here you can read about the event and register.",
      ru: "Здесь можно узнать о мероприятии и зарегистрироваться.",
      kk: "Мұнда іс-шара туралы біліп, тіркеле аласыз.",
    };
    for (const [language, sentence] of Object.entries(greetings)) {
      const user = bot.user({ languageCode: language });
      const [menu] = await user.command("start");
      expect(menu?.text).toContain(sentence);
      expect(user.keyboard(menu).map((row) => row.map((button) => ("callback_data" in button ? button.callback_data : "")))).toEqual([
        ["menu:info", "menu:rsvp"],
        ["menu:language"],
      ]);
    }
    const [help] = await bot.user({ languageCode: "kk" }).command("help");
    // /info names what the event has: no programme here, so only its time, place and contacts.
    expect(help?.text).toContain("/info — іс-шара туралы: уақыты, орны, байланыс\n/rsvp — іс-шараға тіркелу\n/language — тілді өзгерту");
    expect(help?.text).not.toMatch(/\/contest|\/idea/);
    // A contest button from an older menu still gets a clear answer.
    const user = bot.user({ languageCode: "en" });
    await user.command("start");
    expect((await user.tapData("menu:contest")).at(-1)?.text).toBe("There is no contest at this event.");
    expect((await user.command("idea")).at(-1)?.text).toBe("Idea submissions are not open for this event.");
    // In a group too, /start promises nothing the event does not have.
    const [inGroup] = await bot.user({ languageCode: "ru" }).inGroup(-100123, { type: "supergroup" }).command("start");
    expect(inGroup?.text).toContain("Я работаю в личных сообщениях");
    expect(inGroup?.text).not.toMatch(/иде/);
  });

  it("names the contest alone when the event has no ideas", async () => {
    bot = await startTestBot({ eventFile: bareEvent({ contest: true }) });
    const user = bot.user({ languageCode: "ru" });
    const [menu] = await user.command("start");
    expect(menu?.text).toContain("Здесь можно узнать о мероприятии, зарегистрироваться и принять участие в конкурсе.");
    expect(user.buttons(menu)).toEqual(["ℹ️ О мероприятии", "📝 Регистрация", "🏆 Конкурс", "🌐 Язык"]);
  });

  it("names both, with both buttons, for the bundled event", async () => {
    bot = await startTestBot();
    const guest = bot.user({ languageCode: "en" });
    const [full] = await guest.command("start");
    expect(full?.text).toContain("register, take part in the contest and share your ideas for the city.");
    expect(guest.buttons(full)).toEqual(["ℹ️ Event info", "📝 Registration", "🏆 Contest", "💡 Ideas for the city", "🌐 Language"]);
    const [help] = await guest.command("help");
    expect(help?.text).toContain(
      "/info — about the event: time, place, programme, contacts\n/rsvp — register for the event\n/contest — contest rules and your entry\n/idea — propose an idea for the city\n/language",
    );
  });

  it("offers the requests to approve and the survey's feedback on /admin where the event has them, each checked at the tap", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { approval: true } }), adminIds: [4242] });
    const organiser = bot.user({ id: 4242, languageCode: "en" });
    const [panel] = await organiser.command("admin");
    expect(organiser.buttons(panel)).toEqual(expect.arrayContaining(["🙋 Requests to approve", "📝 Feedback"]));
    await organiser.tap("🙋 Requests to approve");
    expect(organiser.lastText()).toBe("No requests await approval.");
    await organiser.tap("📝 Feedback");
    expect(organiser.lastText()).toContain("Feedback after the event");
    const guest = bot.user({ languageCode: "en" });
    await guest.command("start");
    await guest.tapData("admin:requests");
    expect(guest.callbackAnswers().at(-1)?.text).toBe("Only organisers can do this.");
  });

  it("offers organisers only the tools of the sections the event has", async () => {
    bot = await startTestBot({ eventFile: bareEvent(), adminIds: [4242] });
    const organiser = bot.user({ id: 4242, languageCode: "en" });
    const [panel] = await organiser.command("admin");
    expect(organiser.buttons(panel)).toEqual([
      "📊 Statistics",
      "📄 Guest list (CSV)",
      "🎫 Check-in at the door",
      "📣 New broadcast",
      "📋 Broadcasts",
      "🧾 Audit log",
    ]);
    expect(organiser.keyboard(panel).map((row) => row.length)).toEqual([2, 2, 2]);

    await organiser.command("broadcast");
    await organiser.tap("One message for everyone");
    const [audiences] = await organiser.send("Bring gloves!");
    expect(organiser.buttons(audiences)).not.toContain("Contest entrants");
    expect(organiser.buttons(audiences)).not.toContain("Idea authors");
    expect(organiser.buttons(audiences)).toContain("Registered (confirmed)");
    // A forged tap on an audience not offered is refused like a stale button, and the form waits.
    const confirmed = organiser
      .keyboard(audiences)
      .flat()
      .find((button) => button.text === "Registered (confirmed)");
    const data = "callback_data" in confirmed! ? confirmed.callback_data : "";
    await organiser.tapData(data.replace(/:confirmed$/, ":contest_entrants"), audiences!.message_id);
    expect(organiser.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
    const [, preview] = await organiser.tap("Registered (confirmed)");
    expect(preview?.text).toContain("Audience: Registered (confirmed) — 0 recipients now");

    // No contest to judge: /team invites no juror, and a forged juror invite makes no link.
    await organiser.command("cancel");
    const [team] = await organiser.command("team");
    expect(organiser.buttons(team)).toEqual(["➕ Invite: organiser", "➕ Invite: door staff"]);
    await organiser.tapData("team:inv:juror", team!.message_id);
    expect(organiser.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
    await organiser.tapData("team:new:juror:1", team!.message_id);
    expect(organiser.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
    expect(organiser.lastText()).not.toContain("https://t.me/");
  });

  it("offers in the event info only the sections the file fills", async () => {
    bot = await startTestBot({ eventFile: bareEvent() });
    const user = bot.user({ languageCode: "en" });
    const [overview] = await user.command("info");
    // Contacts stay: the bundled file has them.
    expect(user.buttons(overview)).toEqual([
      "☎️ Contacts",
      expect.stringMatching(/^🌳 /),
      "📍 Show on map",
      "📅 Add to calendar",
      "⬅️ Menu",
    ]);
  });
});

describe("the command menu of an event file without its optional sections", () => {
  it("lists no command of a section the file leaves out, for guests and organisers, in every language", async () => {
    bot = await startTestBot({ eventFile: bareEvent(), adminIds: [4242] });
    const menu = (chatId: number, language: string) => bot!.api.visibleCommands(chatId, language).map((each) => each.command);
    for (const language of ["ru", "kk", "en"]) {
      expect(menu(5_000_001, language)).toEqual([
        "start",
        "events",
        "info",
        "rsvp",
        "language",
        "privacy",
        "help",
        "cancel",
        "notifications",
      ]);
      const organiser = menu(4242, language);
      expect(organiser).toEqual(expect.arrayContaining(["rsvp", "admin", "export", "checkin", "team"]));
      for (const absent of ["contest", "idea", "ideas", "vote", "entries", "winner", "quiz", "feedback"])
        expect(organiser).not.toContain(absent);
    }
    // A chat's own menu, set when its user picks a language, leaves them out as well.
    const guest = bot.user({ languageCode: "ru" });
    await guest.command("language");
    await guest.tap(/English/);
    expect(bot.api.commands({ scope: { type: "chat", chat_id: guest.id } }).map((each) => each.command)).toContain("rsvp");
    expect(menu(guest.id, "ru")).not.toContain("contest");
  });
});

describe("an event in one language", () => {
  it("offers no language choice: no menu button, no /language in /help or the command menu", async () => {
    bot = await startTestBot({ eventFile: eventWith({ languages: ["kk"] }) });
    const user = bot.user({ languageCode: "en" });
    const [menu] = await user.command("start");
    expect(user.buttons(menu)).toEqual(["ℹ️ Іс-шара туралы", "📝 Тіркелу", "🏆 Байқау", "💡 Қалаға арналған идеялар"]);
    const [help] = await user.command("help");
    expect(help?.text).toContain("/idea — қалаға идея ұсыну\n/cancel");
    expect(help?.text).not.toContain("/language");
    expect(bot.api.visibleCommands(user.id, "en").map((each) => each.command)).not.toContain("language");
    // Typed anyway, it says the one language the bot speaks (not a picker of one), with the way back.
    const [screen] = await user.command("language");
    expect(screen?.text).toBe("🌐 Бұл бот тек қазақ тілінде сөйлейді.");
    expect(user.buttons(screen)).toEqual(["⬅️ Мәзір"]);
  });

  it("offers it in a series whose events are in different languages", async () => {
    const dir = seriesDir([]);
    writeSeriesEvent(dir, { id: "forum-ru", title: "Forum RU", month: "2099-11" }, (data) => void (data.languages = ["ru"]));
    writeSeriesEvent(dir, { id: "forum-en", title: "Forum EN", month: "2099-12" }, (data) => void (data.languages = ["en"]));
    bot = await startTestBot({ eventsDir: dir, now: "2099-11-01T06:00:00Z" });
    const user = bot.user({ languageCode: "en" });
    const [menu] = await user.command("start");
    expect(user.buttons(menu)).toContain("🌐 Language");
    expect((await user.command("help"))[0]?.text).toContain("/language — change the language");
    expect(bot.api.visibleCommands(user.id, "en").map((each) => each.command)).toContain("language");
  });
});

describe("registration when every seat is taken", () => {
  it("says so before the consent, and opening it changes nothing", async () => {
    bot = await startTestBot({ eventFile: RIVERSIDE });
    const intros: string[] = [];
    for (const name of ["Guest A", "Guest B"]) {
      const guest = bot.user({ languageCode: "en" });
      const [intro] = await guest.command("rsvp");
      intros.push(intro?.text ?? "");
      await guest.tap("✅ I agree");
      await guest.send(name);
      await guest.tap("✅ Confirm");
    }
    expect(intros.every((text) => text.startsWith("📝 Registration") && !text.includes("No seats are left"))).toBe(true);
    const rsvps = bot.running.deps.store.rsvps;
    expect(await rsvps.seatsTaken()).toBe(2);

    const late = bot.user({ languageCode: "ru" });
    const [intro, consent] = await late.command("rsvp");
    expect(intro?.text).toContain("Свободных мест сейчас нет.");
    expect(intro?.text).toContain("вы попадёте в лист ожидания");
    expect(late.buttons(consent)).toContain("✅ Даю согласие");
    expect(await rsvps.find(late.id)).toBeUndefined();
    await late.tap("✅ Даю согласие");
    await late.send("Гость В");
    await late.tap("✅ Подтвердить");
    expect((await rsvps.find(late.id))?.status).toBe("waitlisted");
  });
});

describe("the programme of an event over several days", () => {
  it("puts each day above its items, in the reader's language", async () => {
    const programme = [
      { time: "18:00", title: { en: "Tea", ru: "Чай", kk: "Шай" } },
      { time: "23:30", title: "Night ride" },
      { time: "01:00", title: "Stars" },
      { time: "2017-12-01T12:00", title: "Workshop" },
    ];
    bot = await startTestBot({ eventFile: eventWith({ starts: "2017-11-30T18:00", ends: "2017-12-01T23:00", programme }) });
    const days = {
      en: ["🗓 30 November 2017\n18:00 Tea\n\n23:30 Night ride", "🗓 1 December 2017\n01:00 Stars\n\n12:00 Workshop"],
      ru: ["🗓 30 ноября 2017\n18:00 Чай", "🗓 1 декабря 2017\n01:00 Stars"],
      kk: ["🗓 2017 жылғы 30 қараша\n18:00 Шай", "🗓 2017 жылғы 1 желтоқсан\n01:00 Stars"],
    };
    for (const [language, [first, second]] of Object.entries(days)) {
      const user = bot.user({ languageCode: language });
      await user.command("info");
      const [screen] = await user.tapData("info:programme");
      expect(screen?.text).toContain(first);
      expect(screen?.text).toContain(second);
      expect(screen?.text?.match(/🗓/g)).toHaveLength(2);
    }
  });
});

describe("a programme longer than one message holds", () => {
  it("is paged within Telegram's 4,096 characters, each item once, a page opening mid-day repeating its day", async () => {
    const details = "Who speaks, what they show, where to go in the park, what to bring & how to join the talk after it. ".repeat(2);
    const programme = Array.from({ length: 40 }, (_, i) => ({
      time:
        i === 20
          ? "2017-12-01T10:00"
          : `${String(10 + (i % 20) / 2)
              .padStart(2, "0")
              .slice(0, 2)}:${i % 2 ? "30" : "00"}`,
      title: `Session ${i + 1}`,
      details,
    }));
    const concept = { title: "The idea", text: "Shade and water for every street. ".repeat(300) };
    bot = await startTestBot({ eventFile: eventWith({ starts: "2017-11-30T10:00", ends: "2017-12-01T23:00", programme, concept }) });
    const user = bot.user({ languageCode: "en" });
    await user.command("info");
    const pages: string[] = [];
    // The first page comes below the venue pin; the others replace it.
    await user.tapData("info:programme");
    for (;;) {
      pages.push(user.lastText());
      expect(user.lastText().length).toBeLessThanOrEqual(4096);
      if (!user.buttons().includes("Next ▶️")) break;
      await user.tap("Next ▶️");
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.every((text, i) => text.startsWith(`📋 Programme (${i + 1}/${pages.length})\n\n`))).toBe(true);
    // Every page opens with its day: the first, the mid-day ones and the second day's.
    expect(pages.every((text) => /^📋 Programme \(\d+\/\d+\)\n\n🗓 (30 November|1 December) 2017\n/.test(text))).toBe(true);
    const sessions = pages.join("\n").match(/Session \d+\b/g);
    expect(sessions).toEqual(programme.map((item) => item.title));
    expect(pages.join("\n")).toContain("& how to join");
    await user.tap("◀️ Previous");
    expect(user.lastText()).toBe(pages.at(-2));
    expect(user.buttons()).toEqual(["◀️ Previous", "Next ▶️", "⬅️ Back", "⬅️ Menu"]);
    // The concept, one long text, is paged between its sentences.
    await user.tapData("info:concept");
    expect(user.lastText()).toMatch(/^🌳 The idea \(1\/3\)\n\nShade and water[\s\S]*street\.$/);
    expect(user.lastText().length).toBeLessThanOrEqual(4096);
  });
});

describe("pages of a long text", () => {
  it("cut between blocks, else lines, else words, never inside a tag or an escaped character", () => {
    expect(pagesOf(["<b>10:00</b> One", "<b>11:00</b> Two"], 20)).toEqual(["<b>10:00</b> One", "<b>11:00</b> Two"]);
    const bold = `<b>${"word ".repeat(4)}</b>and more words after it`;
    expect(pagesOf([bold], 40)).toEqual([`<b>${"word ".repeat(4)}</b>and more`, "words after it"]);
    // A link longer than a page goes on as plain text; an escaped & is not cut.
    const link = `<a href="https://example.org/x">${"word ".repeat(10)}</a>tail&amp;more`;
    expect(pagesOf([link], 50)).toEqual([`${"word ".repeat(10).trim()}`, "tail&amp;more"]);
    expect(pagesOf(["x".repeat(30), `${"y".repeat(17)}&amp;`], 20)).toEqual(["x".repeat(20), "x".repeat(10), "y".repeat(17), "&amp;"]);
    expect(pagesOf([], 50)).toEqual([""]);
  });
});
