import { Composer } from "../../bot/composer.js";
import type { BotContext } from "../../bot/context.js";
import { backToMenuKeyboard, sendMainMenu } from "../../ui/keyboards.js";

export const helpFeature = new Composer<BotContext>();
const privateChat = helpFeature.chatType("private");

privateChat.command("help", async (ctx) => {
  const { contest, ideas, programme, contacts, links } = ctx.deps.event;
  // The /info line names the screens /info offers: contacts come with the contacts or the links.
  const hasContacts = contacts.length + links.length > 0;
  const details = programme.length && hasContacts ? "both" : programme.length ? "programme" : hasContacts ? "contacts" : "none";
  // As in the menu: /events in a series, the contest and ideas where the event has them, /language with more than one language.
  const lines = [
    ctx.t("help"),
    ctx.t("help-info", { details }),
    ctx.t("help-rsvp"),
    ...(ctx.deps.series.events.length > 1 ? [ctx.t("help-events")] : []),
    ...(contest ? [ctx.t("help-contest")] : []),
    ...(ideas ? [ctx.t("help-idea")] : []),
    ...(ctx.deps.series.languages.length > 1 ? [ctx.t("help-language")] : []),
    ctx.t("help-more"),
  ];
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: backToMenuKeyboard(ctx) });
});

// Conversations handle /cancel themselves while one is active; here nothing is in progress.
privateChat.command("cancel", async (ctx) => {
  await sendMainMenu(ctx, ctx.t("cancel-nothing"));
});
