import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { eventText } from "../../ui/format.js";
import { showScreen } from "../../ui/screens.js";
import { sendCalendarFile } from "../../ui/calendar.js";
import {
  conceptText,
  contactsText,
  organisersText,
  overviewText,
  programmeText,
  speakersText,
} from "./screens.js";

async function overviewKeyboard(ctx: FlowContext): Promise<InlineKeyboard> {
  const { event } = ctx.deps;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("info-programme"), "info:programme")
    .text(ctx.t("info-speakers"), "info:speakers")
    .row()
    .text(ctx.t("info-organisers"), "info:organisers")
    .text(ctx.t("info-contacts"), "info:contacts")
    .row();
  if (event.concept) keyboard.text(`🌳 ${await eventText(ctx, event.concept.title)}`, "info:concept").row();
  return keyboard
    .text(ctx.t("info-venue"), "info:venue")
    .text(ctx.t("info-calendar"), "info:calendar")
    .row()
    .text(ctx.t("menu-back"), "menu:home");
}

const backToOverview = (ctx: FlowContext) =>
  new InlineKeyboard().text(ctx.t("info-back"), "info:overview").text(ctx.t("menu-back"), "menu:home");

async function sendVenue(ctx: FlowContext) {
  const { venue } = ctx.deps.event;
  await ctx.replyWithVenue(
    venue.latitude,
    venue.longitude,
    await eventText(ctx, venue.name),
    await eventText(ctx, venue.address),
  );
}

/** The event overview followed by the venue pin: what /info and the menu show. */
async function sendEventInfo(ctx: FlowContext) {
  await ctx.reply(await overviewText(ctx), {
    parse_mode: "HTML",
    reply_markup: await overviewKeyboard(ctx),
    link_preview_options: { is_disabled: true },
  });
  await sendVenue(ctx);
}

export const infoFeature = new Composer<BotContext>();
const privateChat = infoFeature.chatType("private");

privateChat.command("info", sendEventInfo);
privateChat.callbackQuery("menu:info", async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendEventInfo(ctx);
});

privateChat.callbackQuery("info:overview", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await overviewText(ctx), await overviewKeyboard(ctx));
});

const sections = {
  programme: programmeText,
  speakers: speakersText,
  organisers: organisersText,
  concept: conceptText,
  contacts: contactsText,
} satisfies Record<string, (ctx: FlowContext) => Promise<string>>;

privateChat.callbackQuery(/^info:(programme|speakers|organisers|concept|contacts)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const section = ctx.match[1] as keyof typeof sections;
  await showScreen(ctx, await sections[section](ctx), backToOverview(ctx));
});

privateChat.callbackQuery("info:venue", async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendVenue(ctx);
});

privateChat.callbackQuery("info:calendar", async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendCalendarFile(ctx.api, ctx.chatId, ctx.deps.event, await ctx.i18n.getLocale(), ctx.t("calendar-caption"));
});
