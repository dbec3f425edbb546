import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { eventText } from "../../ui/format.js";
import { onTap } from "../../ui/callback-data.js";
import { showScreen } from "../../ui/screens.js";
import { backToMenuKeyboard, menuData } from "../../ui/keyboards.js";
import { infoData, type INFO_SCREENS } from "./callback-data.js";
import { sendCalendarFile } from "../../ui/calendar.js";
import {
  conceptSection,
  contactsSection,
  organisersSection,
  overviewText,
  programmeSection,
  speakersSection,
  type Section,
} from "./screens.js";
import { MESSAGE_LIMIT, pagesOf } from "../../ui/pages.js";

async function overviewKeyboard(ctx: FlowContext): Promise<InlineKeyboard> {
  const { event } = ctx.deps;
  const section = (label: string, screen: (typeof INFO_SCREENS)[number]) => InlineKeyboard.text(label, infoData.pack({ screen }));
  // Only the sections the event file fills: an empty one would open on "Nothing here yet".
  const sections = [
    ...(event.programme.length > 0 ? [section(ctx.t("info-programme"), "programme")] : []),
    ...(event.speakers ? [section(ctx.t("info-speakers"), "speakers")] : []),
    ...(event.organisers.length > 0 ? [section(ctx.t("info-organisers"), "organisers")] : []),
    ...(event.contacts.length > 0 || event.links.length > 0 ? [section(ctx.t("info-contacts"), "contacts")] : []),
  ];
  const keyboard = sections.length > 0 ? InlineKeyboard.from([sections]).toFlowed(2).row() : new InlineKeyboard();
  if (event.concept) keyboard.text(`🌳 ${await eventText(ctx, event.concept.title)}`, infoData.pack({ screen: "concept" })).row();
  keyboard
    .text(ctx.t("info-venue"), infoData.pack({ screen: "venue" }))
    .text(ctx.t("info-calendar"), infoData.pack({ screen: "calendar" }))
    .row();
  return backToMenuKeyboard(ctx, keyboard);
}

interface Overview {
  text: string;
  keyboard: InlineKeyboard;
}

// Everyone reading one event in one language within a second sees the same overview: built once for them all.
const overviews = new WeakMap<FlowContext["deps"]["event"], { second: number; byLanguage: Map<string, Overview> }>();

async function overview(ctx: FlowContext): Promise<Overview> {
  const { event, clock } = ctx.deps;
  const second = Math.floor(clock().getTime() / 1000);
  const language = await ctx.i18n.getLocale();
  let built = overviews.get(event);
  if (built?.second !== second) overviews.set(event, (built = { second, byLanguage: new Map() }));
  let shown = built.byLanguage.get(language);
  if (!shown) built.byLanguage.set(language, (shown = { text: await overviewText(ctx), keyboard: await overviewKeyboard(ctx) }));
  return shown;
}

const backToOverview = (ctx: FlowContext, keyboard = new InlineKeyboard()) =>
  backToMenuKeyboard(ctx, keyboard.text(ctx.t("info-back"), infoData.pack({ screen: "overview" })));

async function sendVenue(ctx: FlowContext) {
  const { venue } = ctx.deps.event;
  const pin = await ctx.replyWithVenue(
    venue.latitude,
    venue.longitude,
    await eventText(ctx, venue.name),
    await eventText(ctx, venue.address),
  );
  ctx.deps.latestMessages.remember(pin.chat.id, "venue", [pin.message_id]);
}

/** The event overview followed by the venue pin: what /info and the menu show. */
async function sendEventInfo(ctx: FlowContext) {
  const { text, keyboard } = await overview(ctx);
  await ctx.reply(text, {
    parse_mode: "HTML",
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
  await sendVenue(ctx);
}

export const infoFeature = new Composer<BotContext>();
const privateChat = infoFeature.chatType("private");

privateChat.command("info", sendEventInfo);
privateChat.use(
  onTap(menuData.info, async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendEventInfo(ctx);
  }),
);

const sections = {
  programme: programmeSection,
  speakers: speakersSection,
  organisers: organisersSection,
  concept: conceptSection,
  contacts: contactsSection,
} satisfies Record<string, (ctx: FlowContext) => Promise<Section>>;

/** Room left beside a page for its title's "(2/3)". */
const PAGE_MARK = 12;

/** A section's page: a long programme (or list of organisers) is paged, as one message holds 4,096 characters at most. */
async function showSection(ctx: FlowContext, screen: keyof typeof sections, page: number) {
  const { title, blocks, heading } = await sections[screen](ctx);
  const pages = pagesOf(blocks, MESSAGE_LIMIT - title.length - PAGE_MARK, heading);
  // A page past the end (the file shortened since) shows the last.
  const shown = Math.min(page, pages.length - 1);
  const keyboard = new InlineKeyboard();
  if (shown > 0) keyboard.text(ctx.t("info-page-previous"), infoData.pack({ screen, page: shown - 1 || undefined }));
  if (shown < pages.length - 1) keyboard.text(ctx.t("info-page-next"), infoData.pack({ screen, page: shown + 1 }));
  const top = pages.length > 1 ? `${title} (${shown + 1}/${pages.length})` : title;
  await showScreen(ctx, pages[shown] ? `${top}\n\n${pages[shown]}` : top, backToOverview(ctx, keyboard.row()));
}

/** A pin in sight (a message or two from the tapped one, or the newest) is pointed to, not posted again. */
async function showVenue(ctx: FlowContext) {
  const tapped = ctx.callbackQuery?.message;
  const where = tapped && ctx.deps.latestMessages.whereShown(tapped.chat.id, "venue", tapped.message_id);
  if (where) return void (await ctx.answerCallbackQuery({ text: ctx.t("info-venue-shown", { where }) }));
  await ctx.answerCallbackQuery();
  await sendVenue(ctx);
}

privateChat.use(
  onTap(infoData, async (ctx) => {
    const { screen, page = 0 } = ctx.callbackData;
    if (screen === "venue") return showVenue(ctx);
    await ctx.answerCallbackQuery();
    if (screen === "overview") {
      const { text, keyboard } = await overview(ctx);
      await showScreen(ctx, text, keyboard);
    } else if (screen === "calendar") {
      await sendCalendarFile(ctx.api, ctx.chatId, ctx.deps.event, await ctx.i18n.getLocale(), ctx.t("calendar-caption"));
    } else await showSection(ctx, screen, page);
  }),
);
