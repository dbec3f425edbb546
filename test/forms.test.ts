import { afterEach, describe, expect, it } from "vitest";
import { editedMessageUpdate, locationMessage } from "@wealmaty/telegram-emulator";
import { startTestBot, type TestBot } from "./support/harness.js";
import type { TelegramUser } from "./support/telegram-user.js";
import { typedChoice } from "../src/ui/form/question.js";
import { openSubmission } from "./support/flows.js";
import { eventWith } from "./support/event-file.js";

/**
 * The one set of form rules (src/ui/form/ask.ts, README *Forms*), shown in each of the four forms:
 * step counters, /cancel, another command, stale buttons, wrong types, huge texts, too many wrong
 * answers, and an answered question keeping its choice but losing its buttons.
 */
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const ADMIN = 4343;
const POST = "https://www.instagram.com/p/BbWeAlmaty1/";

interface FormCase {
  name: string;
  /** The form's name in the note about other commands. */
  title: string;
  steps: number;
  cancelled: string;
  admin?: boolean;
  /** Opens the form: its first question is on screen. */
  open(user: TelegramUser): Promise<void>;
  /** From the first question to a question that takes a text. */
  toText(user: TelegramUser): Promise<void>;
  /** That question's step. */
  textStep: number;
  /** What a 5,000-character text is told there. */
  tooLong: string;
  /** A wrong answer to that text question. */
  wrong(user: TelegramUser): Promise<unknown>;
  /** A right answer to it. */
  right: string;
  /** A button answer from the opened form: the label tapped and the line the question keeps. */
  choice: { reach(user: TelegramUser): Promise<void>; label: string; line: string };
}

const cases: FormCase[] = [
  {
    name: "registration",
    title: "Registration",
    steps: 4,
    cancelled: "Registration cancelled; nothing was saved. You can start again any time with /rsvp.",
    open: async (user) => {
      await user.command("rsvp");
      await user.tap("✅ I agree");
    },
    toText: async () => undefined,
    textStep: 1,
    tooLong: "The name must be 2 to 100 characters long.",
    wrong: (user) => user.send("R2-D2"),
    right: "Ann Lee",
    choice: { reach: (user) => user.send("Ann Lee").then(() => undefined), label: "Media", line: "Media ✓" },
  },
  {
    name: "idea",
    title: "Your idea",
    steps: 4,
    cancelled: "Your draft was discarded.",
    open: async (user) => {
      await user.command("idea");
      await openSubmission(user, "✍️ Propose an idea");
    },
    toText: (user) => user.tap("Bike lanes").then(() => undefined),
    textStep: 2,
    tooLong: "That is too long (5,000 characters).",
    wrong: (user) => user.send("Trees"),
    right: "Shade trees along every bike lane on Abay avenue",
    choice: { reach: async () => undefined, label: "Bike lanes", line: "Category: Bike lanes ✓" },
  },
  {
    name: "contest entry",
    title: "Contest entry",
    steps: 3,
    // A first entry: there is none to keep.
    cancelled: "Cancelled. No entry was sent, and nothing was saved.",
    open: async (user) => {
      await user.command("contest");
      await openSubmission(user, "📤 Submit my entry");
    },
    toText: async () => undefined,
    textStep: 1,
    tooLong: "✋ That is too long (5,000 characters). At most 500 characters here.",
    wrong: (user) => user.send("my post on insta"),
    right: POST,
    // Editing an entry offers Keep on every question.
    choice: {
      reach: async (user) => {
        await user.send(POST);
        await user.send("A bike lane linking the river promenade with Gorky park");
        await user.sendPhoto();
        await user.tap("✏️ Edit my entry");
      },
      label: "↩️ Keep the current one",
      line: "↩️ Keep the current one ✓",
    },
  },
  {
    name: "broadcast",
    title: "Broadcast",
    steps: 4,
    cancelled: "Broadcast cancelled, nothing was sent.",
    admin: true,
    open: (user) => user.command("broadcast").then(() => undefined),
    toText: (user) => user.tap("One message for everyone").then(() => undefined),
    textStep: 2,
    tooLong: "That is too long for one message (5,000 characters, at most 4,096).",
    wrong: (user) => user.sendVoice(),
    right: "Programme change: the panel starts at 10:30",
    choice: { reach: async () => undefined, label: "One message for everyone", line: "One message for everyone ✓" },
  },
];

async function begin(form: FormCase) {
  bot = await startTestBot({ adminIds: [ADMIN] });
  const user = bot.user({ id: form.admin ? ADMIN : undefined, languageCode: "en" });
  await form.open(user);
  return user;
}

/** The user's own last message in the chat. */
const lastSentBy = (user: TelegramUser) =>
  bot!.api
    .conversation(user.id)
    .filter((m) => m.from === "user")
    .at(-1)!;

/** The conversation state the bot keeps for a chat (what every update replays). */
const stateSize = (user: TelegramUser) => bot!.redis.strlen(`${bot!.prefix}conversation:${user.id}`);

for (const form of cases) {
  describe(`the ${form.name} form`, () => {
    it("counts its steps, and leaves with /cancel: one message with the menu button", async () => {
      const user = await begin(form);
      expect(user.lastText()).toMatch(new RegExp(`^Step 1 of ${form.steps}\\. `));
      await form.toText(user);
      expect(user.lastText()).toMatch(new RegExp(`^Step ${form.textStep} of ${form.steps}\\. `));
      const seen = user.messages().length;
      await user.command("cancel");
      expect(user.messages()).toHaveLength(seen + 1);
      expect(user.lastText()).toBe(form.cancelled);
      expect(user.buttons()).toEqual(["⬅️ Menu"]);
      // The question lost its buttons, and the form is gone: a text now is just a text.
      expect(user.buttons(user.messages().at(-2)!)).toEqual([]);
      expect(await stateSize(user)).toBe(0);
    });

    it("answers another command with one note and the question again, and goes on", async () => {
      const user = await begin(form);
      await form.toText(user);
      const question = user.lastText();
      await user.command("help");
      expect(user.messages().at(-2)?.text).toBe(
        `✋ You are filling in “${form.title}”: answer the question below, or send /cancel to stop.`,
      );
      expect(user.lastText()).toBe(question);
      await user.send(form.right);
      expect(user.lastText()).toMatch(new RegExp(`^Step ${form.textStep + 1} of ${form.steps}\\. `));
    });

    it("toasts a button of an earlier run and changes nothing", async () => {
      const user = await begin(form);
      const old = user.keyboard().flat().at(-1) as { callback_data: string };
      await user.command("cancel");
      await form.open(user);
      const before = await stateSize(user);
      await user.tapData(old.callback_data);
      expect(user.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
      expect(await stateSize(user)).toBe(before);
      expect(user.lastText()).toMatch(new RegExp(`^Step 1 of ${form.steps}\\. `));
    });

    it("gives a sticker or a huge text a hint without storing it, and the next answer works", async () => {
      const user = await begin(form);
      await form.toText(user);
      const before = await stateSize(user);
      await user.sendSticker();
      expect(user.lastText()).toMatch(/text|message|photo/i);
      await user.send("x".repeat(5000));
      expect(user.lastText()).toContain(form.tooLong);
      expect(await stateSize(user)).toBe(before);
      await user.send(form.right);
      expect(user.lastText()).toMatch(new RegExp(`^Step ${form.textStep + 1} of ${form.steps}\\. `));
    });

    it("says an edit of a sent answer is not read, and keeps the answer as sent", async () => {
      const user = await begin(form);
      await form.toText(user);
      await user.send(form.right);
      const answer = lastSentBy(user);
      const next = user.lastText();
      const before = await stateSize(user);
      await user.editMessage(answer.message_id, "Something else");
      expect(user.lastText()).toBe("✏️ I don't see edits of messages already sent: the form keeps the answer as you first sent it.");
      expect(await stateSize(user)).toBe(before);
      expect(user.messages().at(-2)?.text).toBe(next);
    });

    it("ends politely after five wrong answers in a row", async () => {
      const user = await begin(form);
      await form.toText(user);
      for (let i = 0; i < 4; i++) await form.wrong(user);
      expect(user.lastText()).not.toContain("stopped");
      await form.wrong(user);
      expect(user.lastText()).toBe(
        `“${form.title}” stopped after too many wrong answers; nothing was saved. You can start again from the menu.`,
      );
      expect(user.buttons()).toEqual(["⬅️ Menu"]);
      expect(await stateSize(user)).toBe(0);
    });

    it("stores what it replays without the bot's own words: no texts, buttons or names of the messages it sent", async () => {
      const user = await begin(form);
      await form.choice.reach(user);
      await user.tap(form.choice.label);
      const stored = JSON.parse((await bot!.redis.get(`${bot!.prefix}conversation:${user.id}`))!) as {
        state: Record<string, Array<{ replay: { receive: Array<{ returnValue?: unknown }> } }>>;
      };
      const runs = Object.values(stored.state).flat();
      const logged = runs.flatMap((run) => run.replay.receive.map((entry) => entry.returnValue));
      const sent = logged.flatMap((value) => {
        const result = (value as { res?: { result?: unknown } } | undefined)?.res?.result;
        return typeof result === "object" && result !== null && "message_id" in result ? [result as Record<string, unknown>] : [];
      });
      const tapped = logged.flatMap((value) => {
        const message = (value as { callback_query?: { message?: Record<string, unknown> } } | undefined)?.callback_query?.message;
        return message ? [message] : [];
      });
      expect(sent.length).toBeGreaterThan(1);
      expect(tapped.length).toBeGreaterThan(0);
      for (const message of sent) {
        for (const echoed of ["text", "entities", "reply_markup", "from"]) expect(message).not.toHaveProperty(echoed);
        expect(message.chat).toEqual({ id: user.id, type: "private" });
      }
      // A tapped message keeps its text (a screen tells a text from a photo by it), not its buttons.
      for (const message of tapped) {
        expect(message).not.toHaveProperty("reply_markup");
        expect(message).toHaveProperty("text");
      }
      // The form goes on from that state.
      expect(user.lastText()).toMatch(/^Step \d+ of /);
    });

    it("keeps a button answer in the question and removes its buttons", async () => {
      const user = await begin(form);
      await form.choice.reach(user);
      const question = user.lastMessage();
      const tapped = user
        .keyboard(question)
        .flat()
        .find((button) => button.text === form.choice.label) as { callback_data: string };
      await user.tap(form.choice.label);
      const answered = bot!.api.message(user.id, question.message_id)!;
      expect(answered.text).toContain(`\n\n${form.choice.line}`);
      expect(user.buttons(answered)).toEqual([]);
      // The same button tapped again (a second device, a slow client) is stale and changes nothing.
      const next = user.lastText();
      const before = await stateSize(user);
      await user.tapData(tapped.callback_data, question.message_id);
      expect(user.callbackAnswers().at(-1)?.text).toBe("This button is no longer active.");
      expect(user.lastText()).toBe(next);
      expect(await stateSize(user)).toBe(before);
    });
  });
}

describe("a button answer kept in its question", () => {
  it("names its field as a field, in ru and kk", async () => {
    bot = await startTestBot();
    for (const [language, propose, category, line] of [
      ["ru", "✍️ Предложить идею", "Велодорожки", "Категория: Велодорожки ✓"],
      ["kk", "✍️ Идея ұсыну", "Велосипед жолдары", "Санат: Велосипед жолдары ✓"],
    ]) {
      const user = bot.user({ languageCode: language });
      await user.command("idea");
      await openSubmission(user, propose!);
      const question = user.lastMessage();
      await user.tap(category!);
      expect(bot.api.message(user.id, question.message_id)?.text).toContain(line);
    }
  });
});

describe("step numbers", () => {
  it("are left out of a form of one question (a registration asking only the name), in en, ru and kk", async () => {
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { questions: [] } }) });
    const prompts = { en: "👤 What is your full name?", ru: "👤 Как вас зовут?", kk: "👤 Аты-жөніңіз кім?" };
    // Its introduction promises the name only, not "a few questions".
    const intros = { en: "then your name.", ru: "затем имя.", kk: "содан кейін аты-жөніңіз." };
    for (const [languageCode, prompt] of Object.entries(prompts)) {
      const user = bot.user({ languageCode });
      await user.command("rsvp");
      expect(user.messages().at(-2)?.text, languageCode).toContain(intros[languageCode as keyof typeof intros]);
      await user.tap(/^✅/);
      expect(user.lastText(), languageCode).toMatch(new RegExp(`^${prompt.replace("?", "\\?")}`));
    }
    // Its summary has no answer lines: the choice kept under it follows after one blank line, not two.
    const user = bot.user({ languageCode: "en" });
    await user.command("rsvp");
    await user.tap(/^✅/);
    await user.send("Emma Stone");
    const summary = user.lastMessage();
    await user.tap("✏️ Edit a field");
    expect(bot.api.message(user.id, summary.message_id)?.text).toContain("Name: Emma Stone\n\n✏️ Edit a field ✓");
  });
});

describe("forms and the rest of the bot", () => {
  it("answers an edited message outside a form in the user's language, and a live location's moves not at all", async () => {
    bot = await startTestBot();
    for (const [language, text] of [
      ["ru", "✏️ Я не вижу правок уже отправленных сообщений: пришлите, пожалуйста, текст заново новым сообщением."],
      ["kk", "✏️ Жіберілген хабарламалардағы түзетулерді көрмеймін: мәтінді жаңа хабарлама етіп қайта жіберіңіз."],
      ["en", "✏️ I don't see edits of messages already sent: please send it again as a new message."],
    ]) {
      const user = bot.user({ languageCode: language });
      await user.send("helo");
      const sent = lastSentBy(user);
      const seen = user.messages().length;
      await user.editMessage(sent.message_id, "hello");
      expect(user.messages()).toHaveLength(seen + 1);
      expect(user.lastText()).toBe(text);
      // A live location moving is an edit of the pin: not a typo to tell about.
      await user.sendLocation();
      const pin = lastSentBy(user);
      const shown = user.messages().length;
      await user.dispatch(
        editedMessageUpdate(
          locationMessage({ message_id: pin.message_id, from: user.user, chat: user.chat }, { latitude: 43.26, longitude: 76.95 }),
        ),
      );
      expect(user.messages()).toHaveLength(shown);
    }
    expect(bot.errors()).toEqual([]);
  });

  it("removes the reply keyboard after a shared contact, and on /cancel", async () => {
    bot = await startTestBot();
    const user = bot.user({ languageCode: "ru" });
    await user.command("rsvp");
    await user.tap("✅ Даю согласие");
    await user.send("Анна Ли");
    await user.tap("СМИ");
    await user.tap("Пропустить ➡️");
    expect(user.lastText()).toMatch(/^Шаг 4 из 4\. /);
    expect(user.replyKeyboard()).toEqual([["📱 Поделиться номером"], ["❌ Отмена"]]);
    await user.tapReply("📱 Поделиться номером");
    expect(user.replyKeyboard()).toBeUndefined();

    const leaving = bot.user({ languageCode: "ru" });
    await leaving.command("rsvp");
    await leaving.tap("✅ Даю согласие");
    await leaving.send("Марат Ким");
    await leaving.tap("СМИ");
    await leaving.tap("Пропустить ➡️");
    expect(leaving.replyKeyboard()).toEqual([["📱 Поделиться номером"], ["❌ Отмена"]]);
    await leaving.command("help");
    // The form's name stays in the nominative after «форму»: no «Вы заполняете «Регистрация»».
    expect(leaving.messages().at(-2)?.text).toMatch(/^✋ Вы заполняете форму «Регистрация»/);
    await leaving.command("cancel");
    expect(leaving.replyKeyboard()).toBeUndefined();
    // Telegram cannot add buttons to the message that removed the keyboard: the menu button comes with the next one.
    expect(leaving.buttons()).toEqual(["⬅️ Меню"]);

    const kk = bot.user({ languageCode: "kk" });
    await kk.command("idea");
    await openSubmission(kk, /Идея ұсыну/);
    expect(kk.lastText()).toMatch(/^1-қадам, барлығы 4\. /);
  });

  it("ends the broadcast form when its organiser is no longer one", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const admin = bot.user({ id: ADMIN, languageCode: "en" });
    await admin.command("broadcast");
    await admin.tap("One message for everyone");
    (bot.running.deps.adminIds as Set<number>).delete(ADMIN);
    await admin.send("Hello everyone");
    expect(admin.lastText()).toBe("Only organisers can do this.");
    expect(await stateSize(admin)).toBe(0);
  });
});

describe("a label typed instead of tapped", () => {
  it("counts as the tap when it names one choice, in ru, kk and en; a near miss gets the hint", async () => {
    bot = await startTestBot({ adminIds: [ADMIN] });
    const t = (language: string, key: string, vars?: Record<string, string | number>) =>
      bot!.running.deps.i18n.t(language, key, vars).replace(/<\/?b>/g, "");
    const organiser = bot.user({ id: ADMIN, languageCode: "kk" });
    await organiser.command("broadcast");
    // The first mode's label, upper-cased.
    await organiser.send(organiser.buttons()[0]!.toLocaleUpperCase("kk"));
    expect(organiser.lastText()).toContain(t("kk", "form-step", { number: 2, total: 4 }));

    for (const language of ["ru", "kk", "en"]) {
      const guest = bot.user({ languageCode: language });
      await guest.command("idea");
      await openSubmission(guest, /^✍️ /);
      const category = guest.buttons()[1]!;
      await guest.send(category.slice(0, -1));
      expect(guest.lastText()).toBe(`✋ ${t(language, "ideas-category-hint")}`);
      await guest.send(`${category.toLocaleLowerCase(language)}.`);
      expect(guest.lastText()).toContain(t(language, "form-step", { number: 2, total: 4 }));
    }
  });

  it("takes a label typed with a hyphen for its dash and е for ё, as phone keyboards type them", async () => {
    const options = [
      { id: "young", label: { ru: "18–25", kk: "18–25", en: "18–25" } },
      { id: "unsure", label: { ru: "Ещё не знаю", kk: "Әлі білмеймін", en: "Not sure yet" } },
    ];
    const question = { id: "age", type: "choice" as const, label: { ru: "Возраст?", kk: "Жасыңыз?", en: "Age?" }, options };
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { questions: [question] } }) });
    for (const [typed, chosen] of [
      ["18 - 25", "18–25"],
      ["еще не знаю", "Ещё не знаю"],
      ["не знаю", "Ещё не знаю"],
    ]) {
      const guest = bot.user({ languageCode: "ru" });
      await guest.command("rsvp");
      await guest.tap("✅ Даю согласие");
      await guest.send("Айгерим Сапарова");
      await guest.send(typed!);
      expect(guest.lastText()).toContain(`Возраст? — ${chosen}`);
    }
  });

  it("answers a multi with its labels typed, separated by commas, within its bounds; “Done” typed is the tap", async () => {
    const label = (ru: string, kk: string, en: string) => ({ ru, kk, en });
    const options = [
      { id: "one", label: label("Первый блок", "Бірінші блок", "Block one") },
      { id: "two", label: label("Второй блок", "Екінші блок", "Block two") },
      { id: "talk", label: label("Разговор", "Әңгіме", "The talk") },
    ];
    const question = { id: "blocks", type: "multi" as const, label: label("Блоки?", "Блоктар?", "Blocks?"), options, max: 2 };
    bot = await startTestBot({ eventFile: eventWith({ rsvp: { questions: [question] } }) });
    const t = (language: string, key: string, vars?: Record<string, string | number>) => bot!.running.deps.i18n.t(language, key, vars);
    const cases = [
      { language: "ru", name: "Айгерим Сапарова", typed: "первый блок, разговор", shown: "Блоки? — Первый блок; Разговор" },
      { language: "kk", name: "Данияр Ахметов", typed: "Екінші блок", shown: "Блоктар? — Екінші блок" },
      { language: "en", name: "Emma Stone", typed: "block one; block two", shown: "Blocks? — Block one; Block two" },
    ];
    for (const { language, name, typed, shown } of cases) {
      const guest = bot.user({ languageCode: language });
      await guest.command("rsvp");
      await guest.tap(t(language, "consent-agree"));
      await guest.send(name);
      // Over the bound, a label that is not one, and Done with nothing marked: hints, nothing taken.
      await guest.send(options.map((o) => o.label[language as "ru"]).join(", "));
      expect(guest.lastText()).toBe(`✋ ${t(language, "rsvp-multi-at-most", { max: 2 })}`);
      await guest.send(`${typed}, popcorn`);
      expect(guest.lastText()).toBe(`✋ ${t(language, "rsvp-multi-use-buttons")}`);
      await guest.send(t(language, "rsvp-multi-done").replace(/^\S+ /, "").toLocaleLowerCase(language));
      expect(guest.lastText()).toBe(`✋ ${t(language, "rsvp-error-multi-min", { min: 1 })}`);
      await guest.send(typed);
      expect(guest.lastText()).toContain(shown);
    }
    // Marked with taps, then "done" typed: the marks are the answer.
    const guest = bot.user({ languageCode: "en" });
    await guest.command("rsvp");
    await guest.tap("✅ I agree");
    await guest.send("Cleo Park");
    await guest.tap("The talk");
    await guest.send("done");
    expect(guest.lastText()).toContain("Blocks? — The talk");
  });

  it("is not taken when it could name two choices", () => {
    const choices = [
      ["✅ Yes", "a"],
      ["Yes!", "b"],
      ["No", "c"],
    ] as const;
    expect(typedChoice(choices, "yes")).toBeUndefined();
    expect(typedChoice(choices, " no ")).toBe("c");
    expect(typedChoice(choices, "🙂")).toBeUndefined();
  });

  it("is taken from words of one label only, whole and of four letters or more", () => {
    const choices = [
      ["Свой", "own"],
      ["Возьму в прокат", "rent"],
      ["Street lighting", "street"],
      ["Park lighting", "park"],
    ] as const;
    const read = (...typed: string[]) => typed.map((text) => typedChoice(choices, text));
    expect(read("прокат", "В ПРОКАТ!", "street")).toEqual(["rent", "rent", "street"]);
    // In two labels, a particle, a part of a word: nothing.
    expect(read("lighting", "в", "прока")).toEqual([undefined, undefined, undefined]);
  });
});
