import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { sendBroadcastMessage } from "../../delivery/message.js";
import type { Audience, BroadcastSpec } from "../../delivery/types.js";
import { reminderAudiences, type Language } from "../../event/schema.js";
import { dayjs } from "../../event/time.js";
import { isAdmin, refuse } from "../../ui/access.js";
import { entitiesToHtml } from "./entities.js";
import { CAPTION_LIMIT, TEXT_LIMIT, exampleTime, newBroadcastId, parseScheduleTime } from "./rules.js";

export const BROADCAST_CONVERSATION = "broadcast-compose";
type BroadcastConversation = Conversation<BotContext, FlowContext>;

/** The conversation's own buttons; anything else ends it and is handled as usual. */
const STEP = "broadcast:f:";
const CANCEL = `${STEP}cancel`;
// Enough tries for a confused organiser, bounded so a stuck chat cannot replay forever.
const MAX_ATTEMPTS = 15;

type Outcome<T> = { value: T } | { hint: string } | undefined;

const cancelKeyboard = (ctx: FlowContext) => new InlineKeyboard().text(ctx.t("broadcast-cancel"), CANCEL);

/** One step: /cancel or Cancel leaves, another command or screen ends the conversation, wrong input re-asks. */
async function step<T>(conversation: BroadcastConversation, accept: (ctx: FlowContext) => Outcome<T> | Promise<Outcome<T>>): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    const text = ctx.message?.text;
    // Recorded once per step, so a replay after the admin list changed keeps the steps already taken.
    if (!(await conversation.external(() => isAdmin(ctx)))) {
      await refuse(ctx, "admin");
      continue;
    }
    if (data === CANCEL || /^\/cancel(@\w+)?$/.test(text ?? "")) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("broadcast-cancelled"));
      return conversation.halt();
    }
    if ((data !== undefined && !data.startsWith(STEP)) || text?.startsWith("/")) return conversation.halt({ next: true });
    const outcome = await accept(ctx);
    if (outcome && "value" in outcome) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      return outcome.value;
    }
    const hint = outcome?.hint ?? ctx.t("broadcast-choose-hint");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: hint.replace(/<[^>]+>/g, "") });
    else await ctx.reply(hint, { parse_mode: "HTML" });
  }
  return conversation.halt();
}

/** A text message (its formatting as HTML) or a photo with its caption. */
function readMessage(ctx: FlowContext): Outcome<{ html: string; photo?: string }> {
  const message = ctx.message;
  if (!message) return ctx.callbackQuery ? { hint: ctx.t("broadcast-message-hint") } : undefined;
  if (message.text !== undefined) {
    const length = message.text.length;
    if (length > TEXT_LIMIT) return { hint: ctx.t("broadcast-message-too-long", { length, max: TEXT_LIMIT }) };
    return { value: { html: entitiesToHtml(message.text, message.entities) } };
  }
  if (message.photo?.length) {
    const caption = message.caption ?? "";
    if (caption.length > CAPTION_LIMIT) return { hint: ctx.t("broadcast-message-too-long", { length: caption.length, max: CAPTION_LIMIT }) };
    return { value: { html: entitiesToHtml(caption, message.caption_entities), photo: message.photo.at(-1)!.file_id } };
  }
  return { hint: ctx.t("broadcast-message-hint") };
}

// Each language by its own name (Русский, Қазақша, English).

/**
 * /broadcast: the message (one, or one per event language), the audience, a preview exactly as
 * recipients get it with the recipient count, then send now, schedule, or cancel.
 */
export async function broadcastConversation(conversation: BroadcastConversation, ctx: FlowContext): Promise<void> {
  if (!(await conversation.external(() => isAdmin(ctx)))) return;
  const { event } = ctx.deps;

  let perLanguage = false;
  if (event.languages.length > 1) {
    await ctx.reply(ctx.t("broadcast-ask-mode"), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("broadcast-mode-one"), `${STEP}one`)
        .row()
        .text(ctx.t("broadcast-mode-per-language"), `${STEP}each`)
        .row()
        .text(ctx.t("broadcast-cancel"), CANCEL),
    });
    perLanguage = await step(conversation, (answer) => {
      const data = answer.callbackQuery?.data;
      if (data === `${STEP}one`) return { value: false };
      if (data === `${STEP}each`) return { value: true };
      return undefined;
    });
  }

  const versions: { language?: Language; html: string; photo?: string }[] = [];
  for (const language of perLanguage ? event.languages : [undefined]) {
    const question = language ? ctx.t("broadcast-ask-message-in", { language }) : ctx.t("broadcast-ask-message");
    await ctx.reply(question, { parse_mode: "HTML", reply_markup: cancelKeyboard(ctx) });
    versions.push({ language, ...(await step(conversation, readMessage)) });
  }
  const photo = versions.find((version) => version.photo)?.photo;
  const texts = perLanguage
    ? Object.fromEntries(versions.map((version) => [version.language!, version.html]))
    : versions[0]!.html;

  const audienceKeyboard = new InlineKeyboard();
  for (const audience of reminderAudiences) audienceKeyboard.text(ctx.t(`broadcast-audience-${audience}`), `${STEP}to:${audience}`).row();
  audienceKeyboard.text(ctx.t("broadcast-cancel"), CANCEL);
  await ctx.reply(ctx.t("broadcast-ask-audience"), { reply_markup: audienceKeyboard });
  const audience = await step<Audience>(conversation, (answer) => {
    const chosen = answer.callbackQuery?.data?.slice(`${STEP}to:`.length);
    return reminderAudiences.find((name) => `${STEP}to:${name}` === answer.callbackQuery?.data && name === chosen)
      ? { value: chosen as Audience }
      : undefined;
  });

  const createdBy = ctx.from!.id;
  const reportLanguage = await ctx.i18n.getLocale();
  const draft: Omit<BroadcastSpec, "id"> = { kind: "broadcast", audience, texts, parseMode: "HTML", photoFileId: photo, createdBy, reportLanguage };
  await ctx.reply(ctx.t("broadcast-preview-title"), { parse_mode: "HTML" });
  for (const version of versions) {
    if (version.language) await ctx.reply(ctx.t("broadcast-preview-language", { language: version.language }), { parse_mode: "HTML" });
    await sendBroadcastMessage(ctx.api, ctx.chat!.id, { ...draft, id: "preview" }, version.language ?? event.defaultLanguage, event);
  }
  const count = await conversation.external(() => ctx.deps.broadcasts.countAudience(audience));
  await ctx.reply(ctx.t("broadcast-summary", { audience: ctx.t(`broadcast-audience-${audience}`), count }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("broadcast-send-now"), `${STEP}now`)
      .text(ctx.t("broadcast-schedule"), `${STEP}later`)
      .row()
      .text(ctx.t("broadcast-cancel"), CANCEL),
  });
  const when = await step(conversation, (answer) => {
    const data = answer.callbackQuery?.data;
    if (data === `${STEP}now`) return { value: "now" as const };
    if (data === `${STEP}later`) return { value: "later" as const };
    return undefined;
  });

  const nowMs = await conversation.external(() => ctx.deps.clock().getTime());
  const random = await conversation.external(() => Math.random().toString(36).slice(2, 6).padEnd(4, "0"));
  const id = newBroadcastId(new Date(nowMs), event.timezone, random);

  if (when === "now") {
    // Said first, so the progress message the engine sends comes below it.
    await ctx.reply(ctx.t("broadcast-started", { count }));
    const created = await conversation.external(async () => {
      const sent = await ctx.deps.broadcasts.send({ ...draft, id });
      const subject = { broadcast: id, audience: draft.audience, count };
      const details = `${id} to ${draft.audience}, ${count} recipients`;
      if (sent) await ctx.deps.store.audit.record(ctx.from!.id, "broadcast", details, ctx.deps.clock(), subject);
      return sent;
    });
    if (!created) await ctx.reply(ctx.t("broadcast-duplicate"));
    return;
  }

  const example = exampleTime(new Date(nowMs), event.timezone);
  await ctx.reply(ctx.t("broadcast-ask-time", { zone: event.timezone, example }), { parse_mode: "HTML", reply_markup: cancelKeyboard(ctx) });
  const atMs = await step<number>(conversation, async (answer) => {
    const text = answer.message?.text;
    if (text === undefined) return answer.callbackQuery ? undefined : { hint: answer.t("broadcast-time-hint", { example }) };
    const now = await conversation.external(() => ctx.deps.clock().getTime());
    const parsed = parseScheduleTime(text, event.timezone, new Date(now));
    if (parsed.ok) return { value: parsed.at.getTime() };
    return { hint: parsed.problem === "past" ? answer.t("broadcast-time-past") : answer.t("broadcast-time-hint", { example }) };
  });
  const created = await conversation.external(async () => {
    const scheduled = await ctx.deps.broadcasts.schedule({ ...draft, id }, new Date(atMs));
    const at = new Date(atMs).toISOString();
    const subject = { broadcast: id, audience: draft.audience, at };
    const details = `${id} to ${draft.audience} at ${at}`;
    if (scheduled) await ctx.deps.store.audit.record(ctx.from!.id, "broadcast-scheduled", details, ctx.deps.clock(), subject);
    return scheduled;
  });
  const whenText = dayjs(atMs).tz(event.timezone).format("YYYY-MM-DD HH:mm");
  await ctx.reply(created ? ctx.t("broadcast-scheduled", { when: whenText, zone: event.timezone }) : ctx.t("broadcast-duplicate"));
}
