import { Composer } from "../../bot/composer.js";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { onTap } from "../../ui/callback-data.js";
import { consentFirst, recordConsent, type ConsentButtons } from "../../ui/consent.js";
import { momentText } from "../../ui/format.js";
import { showScreen } from "../../ui/screens.js";
import { withEventHeading } from "../../ui/event-heading.js";
import { backToMenuKeyboard, menuData } from "../../ui/keyboards.js";
import { contestData } from "./callback-data.js";
import { ENTRY_CONVERSATION, entryConversation } from "./entry.js";
import { juryFeature } from "./jury.js";
import { contestKeyboard, contestOf, entriesOpen, entryCardKeyboard, entryText, rulesText } from "./screens.js";
import { winnerFeature } from "./winner.js";

/** The contest screen: rules, deadline with countdown, hashtags, and the entrant's buttons. */
async function sendContest(ctx: FlowContext) {
  const setup = contestOf(ctx);
  if (!setup) return void (await ctx.reply(ctx.t("contest-none"), { reply_markup: backToMenuKeyboard(ctx) }));
  const entry = ctx.from ? await ctx.deps.store.contest.find(ctx.from.id) : undefined;
  await ctx.reply(await withEventHeading(ctx, await rulesText(ctx, setup.contest, setup.deadline)), {
    parse_mode: "HTML",
    reply_markup: contestKeyboard(ctx, entriesOpen(ctx, setup.deadline), entry !== undefined),
    link_preview_options: { is_disabled: true },
  });
}

export const contestFeature = new Composer<BotContext>();
/** The entry form; installed before every feature (src/bot/index.ts), like every form. */
export const contestForms = createConversation<BotContext, FlowContext>(entryConversation, { id: ENTRY_CONVERSATION });
const privateChat = contestFeature.chatType("private");

privateChat.command("contest", sendContest);
privateChat.use(
  onTap(menuData.contest, async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendContest(ctx);
  }),
);

/** The consent's buttons: I agree opens the form, Cancel goes back to the contest with nothing kept. */
const consentButtons: ConsentButtons = { agree: (version) => contestData.agree.pack({ version }), cancel: menuData.contest.pack() };

/** The entry form, while entries are open (else says when they closed). */
async function openEntryForm(ctx: BotContext, deadline: Date) {
  if (!entriesOpen(ctx, deadline)) return void (await ctx.reply(ctx.t("contest-closed", { deadline: await momentText(ctx, deadline) })));
  // One form at a time: a half-filled form of another feature ends here.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(ENTRY_CONVERSATION);
}

privateChat.use(
  onTap(contestData.enter, async (ctx) => {
    await ctx.answerCallbackQuery();
    const setup = contestOf(ctx);
    if (!setup) return;
    // Closed entries are told as such, without asking for a consent first.
    if (entriesOpen(ctx, setup.deadline) && !(await consentFirst(ctx, "contest", consentButtons))) return;
    await openEntryForm(ctx, setup.deadline);
  }),
  onTap(contestData.agree, async (ctx) => {
    const setup = contestOf(ctx);
    if (!setup) return void (await ctx.answerCallbackQuery({ text: ctx.t("stale-button") }));
    if (await recordConsent(ctx, "contest", ctx.callbackData.version, consentButtons)) await openEntryForm(ctx, setup.deadline);
  }),
);

privateChat.use(
  onTap(contestData.mine, async (ctx) => {
    await ctx.answerCallbackQuery();
    const setup = contestOf(ctx);
    const entry = await ctx.deps.store.contest.find(ctx.from.id);
    if (!setup || !entry) return void (await ctx.reply(ctx.t("contest-no-entry"), { reply_markup: backToMenuKeyboard(ctx) }));
    await showScreen(ctx, await entryText(ctx, entry), entryCardKeyboard(ctx, entriesOpen(ctx, setup.deadline)));
  }),
);

contestFeature.use(juryFeature);
contestFeature.use(winnerFeature);
