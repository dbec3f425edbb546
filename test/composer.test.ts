import { describe, expect, it } from "vitest";
import { Bot, Composer as GrammyComposer, type Context } from "grammy";
import type { Update } from "grammy/types";
import { DEFAULT_BOT_INFO as botInfo } from "@wealmaty/telegram-emulator";
import { Composer } from "../src/bot/composer.js";

const message = (id: number, text: string): Update => ({
  update_id: id,
  message: {
    message_id: id,
    date: 0,
    chat: { id: 7, type: "private", first_name: "A" },
    from: { id: 7, is_bot: false, first_name: "A" },
    text,
    ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] } : {}),
  },
});

/** The same handlers on either Composer; returns what ran, in order, for each update. */
async function trace(ComposerClass: typeof GrammyComposer, texts: string[]): Promise<string[][]> {
  const bot = new Bot<Context>("1:x", { botInfo });
  const log: string[] = [];
  const root = new ComposerClass<Context>();
  bot.errorBoundary((error) => void log.push(`boundary: ${(error.error as Error).message}`), root);
  root.use(async (_ctx, next) => {
    log.push("before");
    await next();
    log.push("after");
  });
  const privateChats = root.chatType("private");
  privateChats.command("start", (ctx) => void log.push(`start ${ctx.match}`));
  root.command(["help", "about"], (ctx) => void log.push(`help or about: ${ctx.match}`));
  privateChats.hears(/^fail/, () => {
    throw new Error("sync throw");
  });
  privateChats.filter(
    async (ctx) => ctx.message?.text === "async yes",
    () => void log.push("async filter"),
  );
  root.filter((ctx) => {
    if (ctx.message?.text === "bad filter") throw new Error("predicate throw");
    return false;
  });
  root.branch(
    (ctx) => ctx.message?.text === "left",
    () => void log.push("left"),
    [(_ctx, next) => next(), (_ctx, next) => next()],
  );
  root.on("message:text").drop(
    (ctx) => ctx.message.text === "dropped",
    (_ctx, next) => {
      log.push("not dropped");
      return next();
    },
  );
  // Composers inside composers: each runs in place, and its last step's next goes on outside it.
  const nested = new ComposerClass<Context>();
  nested.use(new ComposerClass<Context>((_ctx, next) => (log.push("inner"), next())));
  nested.use((_ctx, next) => (log.push("nested"), next()));
  root.use(nested);
  // Registered after the tree was built and first used: still runs.
  const late = new ComposerClass<Context>();
  root.use(late);
  const runs: string[][] = [];
  for (const [index, text] of texts.entries()) {
    if (index === 1) late.use(() => void log.push("late"));
    log.length = 0;
    await bot.handleUpdate(message(index + 1, text));
    runs.push([...log]);
  }
  return runs;
}

describe("the bot's Composer", () => {
  it("runs the same handlers in the same order as grammY's, errors included", async () => {
    const texts = [
      "/start",
      "/start",
      "fail now",
      "async yes",
      "left",
      "dropped",
      "anything",
      "bad filter",
      "/start  ci_42",
      `/start@${botInfo.username} x`,
      "/start@another_bot x",
      "/about the bot",
      "/HELP",
    ];
    const ours = await trace(Composer as unknown as typeof GrammyComposer, texts);
    const grammys = await trace(GrammyComposer, texts);
    expect(ours).toEqual(grammys);
    expect(ours[0]).toEqual(["before", "start ", "after"]);
    expect(ours.slice(8).map((run) => run[1])).toEqual(["start ci_42", "start x", "not dropped", "help or about: the bot", "not dropped"]);
    expect(ours[2]).toEqual(["before", "boundary: sync throw"]);
    expect(ours[3]).toEqual(["before", "async filter", "after"]);
    expect(ours[6]).toEqual(["before", "not dropped", "inner", "nested", "late", "after"]);
    expect(ours[7]).toEqual(["before", "boundary: predicate throw"]);
  });
});
