import { describe, expect, it } from "vitest";
import { ATTENDEE_COMMANDS, ORGANISER_COMMANDS } from "../../src/bot/commands.js";
import { fastBotPerTest, type FastBot } from "../support/fast-bot.js";
import type { Seen } from "../support/fast-user.js";

const LANGUAGES = ["ru", "kk", "en"] as const;
const ADMIN = 4_100;
const startFastBot = fastBotPerTest({ adminIds: [ADMIN] });

/** The bot's own words, so the tests follow the locale files. */
const t = (fast: FastBot, language: string, key: string, vars?: Record<string, string>) => fast.deps.i18n.t(language, key, vars);
const mainMenu = (fast: FastBot, language: string) =>
  ["menu-info", "menu-rsvp", "menu-contest", "menu-idea", "menu-language"].map((key) => t(fast, language, key));
/** What the user reads: messages and edits, not the button answers. */
const shown = (seen: Seen[]) => seen.filter((call) => call.method !== "answerCallbackQuery");

describe("commands (fast tier)", () => {
  it("answers every attendee command in each language, in that language, with no raw message id", async () => {
    const fast = await startFastBot();
    for (const command of ATTENDEE_COMMANDS) {
      const texts: Record<string, string> = {};
      for (const language of LANGUAGES) {
        const replies = shown(await fast.user({ languageCode: language }).command(command));
        expect(replies, `/${command} in ${language}`).not.toHaveLength(0);
        texts[language] = replies.map((reply) => reply.text ?? "").join("\n");
        // A message missing from a locale comes out as its id, a variable left out as {$name}.
        for (const reply of replies) {
          expect(reply.text, `/${command} in ${language}`).toBeTruthy();
          expect(reply.text, `/${command} in ${language}`).not.toMatch(/^[a-z]+(-[a-z0-9]+)+$|\{\s*\$/m);
        }
      }
      expect(texts.kk, `/${command}`).toMatch(/[әғқңөұүһі]/i);
      expect(texts.ru, `/${command}`).toMatch(/[а-яё]/i);
      expect(new Set(Object.values(texts)).size, `/${command}: ${JSON.stringify(texts)}`).toBe(3);
    }
    expect(fast.errors()).toEqual([]);
  });

  it.each(LANGUAGES)("shows the main menu on /start, /cancel and unknown text in %s", async (language) => {
    const fast = await startFastBot();
    const user = fast.user({ languageCode: language, firstName: "Aigerim" });

    const [greeting] = await user.command("start");
    expect(greeting!.text).toContain("Aigerim");
    expect(greeting!.text!.endsWith(t(fast, language, "menu-title"))).toBe(true);
    expect(greeting!.buttons).toEqual(mainMenu(fast, language));

    expect(await user.command("cancel")).toEqual([
      {
        method: "sendMessage",
        text: `${t(fast, language, "cancel-nothing")}\n\n${t(fast, language, "menu-title")}`,
        buttons: mainMenu(fast, language),
      },
    ]);
    for (const text of ["hello", "<b>what?</b>", "/nosuchcommand", "🙂"]) {
      expect(await user.send(text), text).toEqual([
        { method: "sendMessage", text: t(fast, language, "unhandled-text"), buttons: mainMenu(fast, language) },
      ]);
    }
    expect(await user.command("help")).toEqual([
      {
        method: "sendMessage",
        // The bundled event has a programme, contacts, a contest, ideas and three languages: their lines are in.
        text: [
          t(fast, language, "help"),
          t(fast, language, "help-info", { details: "both" }),
          ...["help-rsvp", "help-contest", "help-idea", "help-language", "help-more"].map((key) => t(fast, language, key)),
        ].join("\n"),
        buttons: [t(fast, language, "menu-back")],
      },
    ]);
  });

  it("takes a language someone picks over Telegram's, and falls back to Russian for others", async () => {
    const fast = await startFastBot();
    const user = fast.user({ languageCode: "de" });
    expect((await user.command("language"))[0]!.text).toBe(t(fast, "ru", "language-choose"));
    await user.tap("English");
    expect(await user.send("hm")).toEqual([
      { method: "sendMessage", text: t(fast, "en", "unhandled-text"), buttons: mainMenu(fast, "en") },
    ]);
  });
});

describe("organiser commands (fast tier)", () => {
  const refusal: Record<string, string> = { entries: "jury-only" };

  it.each(LANGUAGES)("refuses each one to a guest in %s, saying who it is for, and shows nothing else", async (language) => {
    const fast = await startFastBot();
    const guest = fast.user({ languageCode: language });
    // A guest's /ideas is taken for /idea: the ideas screen (test/access.test.ts).
    for (const command of ORGANISER_COMMANDS.filter((name) => name !== "ideas")) {
      expect(await guest.command(command), `/${command}`).toEqual([
        { method: "sendMessage", text: t(fast, language, refusal[command] ?? "admin-only"), buttons: [] },
      ]);
    }
    expect(await guest.command("ideas")).toEqual(await guest.command("idea"));
  });

  it("opens the organiser panel for an admin; its buttons forged by a guest only toast the refusal", async () => {
    const fast = await startFastBot();
    const admin = fast.user({ id: ADMIN, languageCode: "en" });
    const [panel] = await admin.command("admin");
    expect(panel!.buttons).toContain(t(fast, "en", "admin-tool-stats"));
    const data = admin
      .messages()
      .at(-1)!
      .reply_markup!.inline_keyboard.flat()
      .map((button) => ("callback_data" in button ? button.callback_data : ""));
    expect(data.length).toBeGreaterThan(5);

    const guest = fast.user({ languageCode: "kk" });
    for (const forged of data) {
      expect(await guest.tapData(forged), forged).toEqual([
        { method: "answerCallbackQuery", text: t(fast, "kk", "admin-only"), buttons: [] },
      ]);
    }
    expect(guest.messages()).toEqual([]);
  });
});

describe("buttons (fast tier)", () => {
  it.each(LANGUAGES)("answers forged or stale button data in %s with one toast and nothing else", async (language) => {
    const fast = await startFastBot();
    const user = fast.user({ languageCode: language });
    await user.command("start");
    for (const data of ["menu:nonsense", "rsvp:confirm", "ideas:support:999999", "contest:score:1:x:99", "💥", "x".repeat(64), ""]) {
      expect(await user.tapData(data), JSON.stringify(data)).toEqual([
        { method: "answerCallbackQuery", text: t(fast, language, "stale-button"), buttons: [] },
      ]);
    }
    expect(fast.errors()).toEqual([]);
  });

  it("answers a menu button once and shows its screen", async () => {
    const fast = await startFastBot();
    const user = fast.user({ languageCode: "en" });
    await user.command("start");
    const replies = await user.tap(t(fast, "en", "menu-language"));
    expect(replies.filter((call) => call.method === "answerCallbackQuery")).toHaveLength(1);
    expect(shown(replies)).toEqual([
      expect.objectContaining({
        text: t(fast, "en", "language-choose"),
        buttons: ["Русский", "Қазақша", "English", t(fast, "en", "menu-back")],
      }),
    ]);
  });
});

describe("groups (fast tier)", () => {
  it("ignores everything in a group but /start, which points to the private chat", async () => {
    const fast = await startFastBot();
    const member = fast.user({ languageCode: "en" }).inGroup(-100_777);
    const before = fast.calls.length;
    await member.send("hello everyone");
    await member.send("/rsvp@wealmaty_test_bot");
    for (const command of [...ATTENDEE_COMMANDS.filter((name) => name !== "start"), ...ORGANISER_COMMANDS]) await member.command(command);
    await member.tapData("menu:info");
    expect(fast.calls.slice(before)).toEqual([]);

    const [invitation] = await member.command("start");
    expect(invitation!.buttons).toEqual([t(fast, "en", "group-open")]);
    const button = fast.calls.at(-1)!.payload.reply_markup as { inline_keyboard: { url: string }[][] };
    expect(button.inline_keyboard[0]![0]!.url).toBe("https://t.me/wealmaty_test_bot?start=group");
  });
});

describe("forms (fast tier)", () => {
  it("runs a conversation step by step: an organiser's broadcast reaches the broadcaster once", async () => {
    const fast = await startFastBot();
    const admin = fast.user({ id: ADMIN, languageCode: "en" });
    await admin.command("start");
    expect((await admin.command("broadcast"))[0]!.buttons).toEqual(["One message for everyone", "One per language", "❌ Cancel"]);
    await admin.tap("One message for everyone");
    await admin.send("Doors open at 9:00");
    const preview = shown(await admin.tap("Everyone who started the bot"));
    // The preview is two messages: the broadcast as recipients see it, then the question with the audience and count.
    expect(preview.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/Audience: Everyone who started the bot ✓$/),
      "Doors open at 9:00",
      expect.stringMatching(/Preview[\s\S]*— 1 recipient/),
    ]);
    await admin.tap("🚀 Send now");
    expect(fast.broadcasts).toEqual([expect.objectContaining({ audience: "all", texts: "Doors open at 9:00", createdBy: ADMIN })]);
    expect(fast.errors()).toEqual([]);
  });
});
