/**
 * The bot's Bot API transport (src/bot/http.ts): a chat's answers go straight to undici, files and
 * getUpdates through grammY's own path; both behave as grammY does, errors included.
 */
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "@wealmaty/telegram-emulator";
import { botApiClient, directJsonCalls } from "../src/bot/http.js";

let telegram: FakeBotApi;
let api: Api;
const chatId = 5001;

beforeEach(async () => {
  telegram = await FakeBotApi.start();
  telegram.registerChat({ id: chatId, type: "private", first_name: "Ann" });
  const client = botApiClient(telegram.apiRoot);
  api = new Api(telegram.token, client);
  api.config.use(directJsonCalls(telegram.token, client));
});

afterEach(async () => {
  await telegram.close();
});

/** What a call rejects with (fails the test if it resolves). */
async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail("the call should have failed"),
    (error: unknown) => error,
  );
}

describe("Bot API calls", () => {
  it("sends an answer as grammY would: fields set to null left out, the text intact, the message returned", async () => {
    const sent = await api.sendMessage(chatId, "null is a word here: «null»", {
      parse_mode: null as never,
      reply_markup: { inline_keyboard: [[{ text: "Да", callback_data: "yes" }]] },
    });
    expect(sent.message_id).toBe(telegram.lastMessageId(chatId));
    const [call] = telegram.callsTo("sendMessage");
    expect(call!.payload).not.toHaveProperty("parse_mode");
    expect(call!.payload.text).toBe("null is a word here: «null»");
    expect(telegram.chat(chatId).at(-1)?.reply_markup).toEqual({ inline_keyboard: [[{ text: "Да", callback_data: "yes" }]] });

    await api.editMessageText(chatId, sent.message_id, "Изменено");
    expect(telegram.message(chatId, sent.message_id)?.text).toBe("Изменено");
  });

  it("rejects a refused answer with a GrammyError and a failed request with an HttpError", async () => {
    telegram.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    const refused = await rejection(api.sendMessage(chatId, "hi"));
    expect(refused).toBeInstanceOf(GrammyError);
    expect((refused as GrammyError).error_code).toBe(403);

    await telegram.close();
    const failed = await rejection(api.sendMessage(chatId, "hi"));
    expect(failed).toBeInstanceOf(HttpError);
    expect((failed as HttpError).message).toContain("sendMessage");
  });

  it("uploads a file through grammY's multipart path", async () => {
    const csv = "\uFEFFname;city\nАйгерим;Алматы\n";
    const sent = await api.sendDocument(chatId, new InputFile(Buffer.from(csv), "guests.csv"));
    const [call] = telegram.callsTo("sendDocument");
    expect(call!.files.map((file) => file.filename)).toEqual(["guests.csv"]);
    expect(call!.files[0]!.data.toString("utf8")).toBe(csv);
    expect(sent.document?.file_name).toBe("guests.csv");
  });
});
