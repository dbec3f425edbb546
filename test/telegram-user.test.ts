/**
 * Tests for the tests' own TelegramUser (test/support): it talks to a real grammY bot through the
 * emulator the way a Telegram client would, and reports what the user sees.
 */
import { Api, Bot, GrammyError, InlineKeyboard } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { TelegramUser } from "./support/telegram-user.js";

let api: FakeBotApi;
let client: Api;

beforeEach(async () => {
  api = await FakeBotApi.start();
  client = new Api(api.token, { apiRoot: api.apiRoot });
});

afterEach(async () => {
  await api.close();
});

/** The GrammyError a call rejects with (fails the test if it resolves). */
async function apiError(call: Promise<unknown>): Promise<GrammyError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
  return error;
}

describe("TelegramUser", () => {
  it("runs a real grammY bot end to end", async () => {
    const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    const seen: number[] = [];
    bot.use((ctx, next) => {
      seen.push(ctx.update.update_id);
      return next();
    });
    bot.command("start", (ctx) =>
      ctx.reply(`Hi, <b>${ctx.from?.first_name}</b>!`, {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text("RSVP", "rsvp:1").url("Site", "https://example.com"),
      }),
    );
    bot.callbackQuery("rsvp:1", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Saved" });
      await ctx.editMessageText("You're going ✅");
    });
    bot.on("message:contact", (ctx) => ctx.reply(`Phone ${ctx.message.contact.phone_number}`, { reply_markup: { remove_keyboard: true } }));
    bot.hears("share", (ctx) =>
      ctx.reply("Share your phone", {
        reply_markup: { keyboard: [[{ text: "📱 Share", request_contact: true }]], resize_keyboard: true },
      }),
    );
    void bot.start({ timeout: 30 });
    try {
      const ann = new TelegramUser(api, { id: 42, firstName: "Ann", phoneNumber: "+77011234567" });
      const replies = await ann.command("start");
      expect(replies.map((m) => m.text)).toEqual(["Hi, Ann!"]);
      expect(ann.lastMessage().raw).toBe("Hi, <b>Ann</b>!");
      expect(ann.buttons()).toEqual(["RSVP", "Site"]);

      ann.markSeen();
      await ann.tap("RSVP");
      expect(ann.lastText()).toBe("You're going ✅");
      expect(ann.buttons()).toEqual([]); // editing without reply_markup drops the keyboard
      expect(ann.newMessages()).toEqual([]);
      expect(ann.callbackAnswers()).toMatchObject([{ text: "Saved" }]);
      await expect(ann.tap(/RSVP/)).rejects.toThrow(/no inline button matching \/RSVP\//);

      await ann.send("share");
      expect(ann.replyKeyboard()).toEqual([["📱 Share"]]);
      await ann.tapReply(/Share/);
      expect(ann.lastText()).toBe("Phone +77011234567");
      expect(ann.replyKeyboard()).toBeUndefined();
      expect(
        api
          .conversation(42)
          .filter((m) => m.from === "user")
          .map((m) => m.kind),
      ).toEqual(["text", "text", "contact"]);
      expect(new Set(seen).size).toBe(seen.length);

      // The same update twice: the bot sees it twice.
      const last = seen.at(-1)!;
      api.redeliver(last);
      await api.waitHandled(last);
      expect(seen.filter((id) => id === last)).toHaveLength(2);
    } finally {
      await bot.stop();
    }
  });

  it("talks in groups, sends photos the bot downloads, edits messages and blocks the bot", async () => {
    const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    const memberships: string[] = [];
    bot.command("start", (ctx) => ctx.reply(`start in ${ctx.chat.type}`));
    bot.on("message:photo", async (ctx) => {
      const file = await ctx.getFile();
      const res = await fetch(`${api.apiRoot}/file/bot${api.token}/${file.file_path}`);
      await ctx.reply(`got ${(await res.arrayBuffer()).byteLength} bytes`);
    });
    bot.on("edited_message:text", (ctx) => ctx.reply(`edited: ${ctx.editedMessage.text}`));
    bot.on("my_chat_member", (ctx) => {
      memberships.push(ctx.myChatMember.new_chat_member.status);
    });
    void bot.start({ timeout: 30 });
    try {
      const ann = new TelegramUser(api, { id: 5, firstName: "Ann" });
      const [groupReply] = await ann.inGroup(-100777, { title: "Civic" }).command("start@wealmaty_test_bot");
      expect(groupReply).toMatchObject({ chat_id: -100777, text: "start in supergroup" });

      await ann.sendPhoto(Buffer.from("0123456789"));
      expect(ann.lastText()).toBe("got 10 bytes");

      await ann.send("helo");
      const typo = api
        .conversation(5)
        .filter((m) => m.from === "user")
        .at(-1)!;
      await ann.editMessage(typo.message_id, "hello");
      expect(ann.lastText()).toBe("edited: hello");
      expect(api.message(5, typo.message_id)?.text).toBe("hello");

      await ann.blockBot();
      expect(memberships).toEqual(["kicked"]);
      expect((await apiError(client.sendMessage(5, "still there?"))).error_code).toBe(403);
    } finally {
      await bot.stop();
    }
  });
});
