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

// Conversations handle /cancel themselves while one is active; here at most a consent waits for its buttons.
privateChat.command("cancel", async (ctx) => {
  const { latestMessages } = ctx.deps;
  const inSight = latestMessages.whereShown(ctx.chat.id, "consent", ctx.message.message_id) !== undefined;
  const [consent] = latestMessages.take(ctx.chat.id, "consent");
  if (!inSight || consent === undefined) return sendMainMenu(ctx, ctx.t("cancel-nothing"));
  // As its own Cancel would: the consent loses its buttons, and nothing was stored.
  await ctx.api.editMessageReplyMarkup(ctx.chat.id, consent).catch(() => undefined);
  await sendMainMenu(ctx, ctx.t("cancel-consent"));
});
