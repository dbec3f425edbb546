import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { momentText } from "../../ui/format.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { ENTRY_CONVERSATION, entryConversation } from "./entry.js";
import { juryFeature } from "./jury.js";
import { contestKeyboard, contestOf, entriesOpen, entryText, rulesText } from "./screens.js";
import { winnerFeature } from "./winner.js";

/** The contest screen: rules, deadline with countdown, hashtags, and the entrant's buttons. */
async function sendContest(ctx: FlowContext) {
  const setup = contestOf(ctx);
  if (!setup) return void (await ctx.reply(ctx.t("contest-none"), { reply_markup: backToMenuKeyboard(ctx) }));
  const entry = ctx.from ? await ctx.deps.store.contest.find(ctx.from.id) : undefined;
  await ctx.reply(await rulesText(ctx, setup.contest, setup.deadline), {
    parse_mode: "HTML",
    reply_markup: contestKeyboard(ctx, entriesOpen(ctx, setup.deadline), entry !== undefined),
    link_preview_options: { is_disabled: true },
  });
}

export const contestFeature = new Composer<BotContext>();
const privateChat = contestFeature.chatType("private");

privateChat.use(createConversation<BotContext, FlowContext>(entryConversation, { id: ENTRY_CONVERSATION }));

privateChat.command("contest", sendContest);
privateChat.callbackQuery("menu:contest", async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendContest(ctx);
});

privateChat.callbackQuery("contest:enter", async (ctx) => {
  await ctx.answerCallbackQuery();
  const setup = contestOf(ctx);
  if (!setup) return;
  if (!entriesOpen(ctx, setup.deadline)) {
    return void (await ctx.reply(ctx.t("contest-closed", { deadline: await momentText(ctx, setup.deadline) })));
  }
  await ctx.conversation.enter(ENTRY_CONVERSATION);
});

privateChat.callbackQuery("contest:mine", async (ctx) => {
  await ctx.answerCallbackQuery();
  const setup = contestOf(ctx);
  const entry = await ctx.deps.store.contest.find(ctx.from.id);
  if (!setup || !entry) return void (await ctx.reply(ctx.t("contest-no-entry"), { reply_markup: backToMenuKeyboard(ctx) }));
  await ctx.reply(await entryText(ctx, entry), {
    parse_mode: "HTML",
    reply_markup: contestKeyboard(ctx, entriesOpen(ctx, setup.deadline), true),
    link_preview_options: { is_disabled: true },
  });
});

contestFeature.use(juryFeature);
contestFeature.use(winnerFeature);
