import type { FlowContext } from "../../bot/context.js";
import { Form, type FormConversation } from "../../ui/form/ask.js";
import { choiceQuestion, type Question } from "../../ui/form/question.js";
import type { Audience, BroadcastSpec } from "../../delivery/types.js";
import { reminderAudiences, type Language } from "../../event/schema.js";
import { momentText } from "../../ui/format.js";
import { entitiesToHtml } from "./entities.js";
import { sendBroadcastPreview } from "./preview.js";
import { CAPTION_LIMIT, exampleTime, newBroadcastId, parseScheduleTime } from "./rules.js";
import { MESSAGE_LIMIT } from "../../ui/pages.js";

export const BROADCAST_CONVERSATION = "broadcast-compose";

/** Audiences of the whole series: every other one is some event's people. */
const SERIES_WIDE_AUDIENCES = new Set<Audience>(["all", "followers", "idea_authors"]);

type Version = { html: string; photo?: string };

/** A text message (its formatting as HTML) or a photo with its caption. */
const messageQuestion = (ctx: FlowContext, prompt: string): Question<Version> => ({
  prompt,
  maxLength: MESSAGE_LIMIT,
  tooLong: (length) => ctx.t("broadcast-message-too-long", { length, max: MESSAGE_LIMIT }),
  wrongType: ctx.t("broadcast-message-hint"),
  read: (answer) => {
    if (answer.kind === "text") {
      const length = answer.text.length;
      if (length > MESSAGE_LIMIT) return { hint: ctx.t("broadcast-message-too-long", { length, max: MESSAGE_LIMIT }) };
      return { value: { html: entitiesToHtml(answer.text, answer.entities) } };
    }
    if (answer.kind !== "photo") return { hint: ctx.t("broadcast-message-hint") };
    const length = answer.caption.length;
    if (length > CAPTION_LIMIT) return { hint: ctx.t("broadcast-message-too-long", { length, max: CAPTION_LIMIT }) };
    return { value: { html: entitiesToHtml(answer.caption, answer.entities), photo: answer.fileId } };
  },
});

/**
 * /broadcast: the message (one, or one per event language), the audience, a preview exactly as
 * recipients get it with the recipient count, then send now, schedule, or cancel.
 */
export async function broadcastConversation(conversation: FormConversation, ctx: FlowContext): Promise<void> {
  const { event } = ctx.deps;
  const form = await Form.open(conversation, ctx, {
    title: ctx.t("broadcast-form-title"),
    cancelled: ctx.t("broadcast-cancelled"),
    // Organisers only, at every step: someone taken off the list meanwhile is refused like anywhere else.
    role: "organiser",
  });

  // Steps: the mode (with more than one language), the message(s), the audience, the preview with send or schedule.
  const asksMode = event.languages.length > 1;
  const total = asksMode ? 4 : 3;
  const step = (number: number) => ({ number: asksMode ? number : number - 1, total });
  const perLanguage = asksMode
    ? (await form.ask(
        choiceQuestion(ctx, {
          prompt: ctx.t("broadcast-ask-mode"),
          choices: [
            [ctx.t("broadcast-mode-one"), "one"],
            [ctx.t("broadcast-mode-per-language"), "each"],
          ],
          hint: ctx.t("broadcast-choose-hint"),
        }),
        step(1),
      )) === "each"
    : false;

  const versions: { language?: Language; html: string; photo?: string }[] = [];
  for (const language of perLanguage ? event.languages : [undefined]) {
    const question = language ? ctx.t("broadcast-ask-message-in", { language }) : ctx.t("broadcast-ask-message");
    versions.push({ language, ...(await form.ask(messageQuestion(ctx, question), step(2))) });
  }
  const photo = versions.find((version) => version.photo)?.photo;
  const texts = perLanguage ? Object.fromEntries(versions.map((version) => [version.language!, version.html])) : versions[0]!.html;

  // An audience of a section no event of the series has is always empty: it is not offered.
  const held = ctx.deps.series.events;
  const sectionHeld: Partial<Record<Audience, boolean>> = {
    contest_entrants: held.some((each) => each.contest),
    idea_authors: held.some((each) => each.ideas),
  };
  const audience = await form.ask(
    choiceQuestion<Audience>(ctx, {
      prompt: ctx.t("broadcast-ask-audience"),
      choices: reminderAudiences
        .filter((name) => sectionHeld[name] ?? true)
        .map((name) => [ctx.t(`broadcast-audience-${name}`), name] as const),
      field: ctx.t("broadcast-audience-field"),
      hint: ctx.t("broadcast-choose-hint"),
    }),
    step(3),
  );

  // A per-event audience in a series of several events: which event's (default, first: the organiser's chosen one).
  // Then the upcoming ones (soonest first) and the past ones (latest first); read once and kept in the replay.
  const order = await conversation.external((outside) => {
    const { series, clock } = outside.deps;
    return [...series.upcoming(clock()), ...series.past(clock())].map((each) => each.id);
  });
  const series = ctx.deps.series;
  const events = [event, ...order.flatMap((id) => (id === event.id ? [] : (series.byId(id) ?? [])))];
  let eventId = event.id;
  if (events.length > 1 && !SERIES_WIDE_AUDIENCES.has(audience)) {
    const language = await ctx.i18n.getLocale();
    const chosen = await form.ask(
      choiceQuestion(ctx, {
        prompt: ctx.t("broadcast-ask-event"),
        choices: events.map((each, index) => [each.text(each.title, language), String(index)] as const),
        field: ctx.t("broadcast-event-field"),
        hint: ctx.t("broadcast-choose-hint"),
      }),
      step(3),
    );
    eventId = events[Number(chosen)]!.id;
  }

  const createdBy = ctx.from!.id;
  const reportLanguage = await ctx.i18n.getLocale();
  const draft: Omit<BroadcastSpec, "id"> = {
    kind: "broadcast",
    audience,
    eventId,
    texts,
    parseMode: "HTML",
    photoFileId: photo,
    createdBy,
    reportLanguage,
  };
  const count = await conversation.external(() => ctx.deps.broadcasts.countAudience(audience, eventId));
  const languages = versions.flatMap((version) => (version.language ? [version.language] : []));
  const when = await form.ask(
    choiceQuestion(ctx, {
      prompt: await sendBroadcastPreview(ctx, draft, languages, count),
      choices: [
        [ctx.t("broadcast-send-now"), "now"],
        [ctx.t("broadcast-schedule"), "later"],
      ],
      columns: 2,
      hint: ctx.t("broadcast-choose-hint"),
    }),
    step(4),
  );

  // The bot's clock (tests and the preview move it), read once and kept in the replay.
  const clockNow = () => conversation.external((outside) => outside.deps.clock().getTime());
  const nowMs = await clockNow();
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
  const atMs = await form.ask<number>(
    {
      prompt: ctx.t("broadcast-ask-time", { zone: event.timezone, example }),
      maxLength: 40,
      wrongType: ctx.t("broadcast-time-hint", { example }),
      read: async (answer) => {
        if (answer.kind !== "text") return undefined;
        const parsed = parseScheduleTime(answer.text, event.timezone, new Date(await clockNow()));
        if (parsed.ok) return { value: parsed.at.getTime() };
        return { hint: parsed.problem === "past" ? ctx.t("broadcast-time-past") : ctx.t("broadcast-time-hint", { example }) };
      },
    },
    step(4),
  );
  const created = await conversation.external(async () => {
    const scheduled = await ctx.deps.broadcasts.schedule({ ...draft, id }, new Date(atMs));
    const at = new Date(atMs).toISOString();
    const subject = { broadcast: id, audience: draft.audience, at };
    const details = `${id} to ${draft.audience} at ${at}`;
    if (scheduled) await ctx.deps.store.audit.record(ctx.from!.id, "broadcast-scheduled", details, ctx.deps.clock(), subject);
    return scheduled;
  });
  // Written as /broadcasts lists it, in the organiser's language.
  const whenText = await momentText(ctx, new Date(atMs));
  await ctx.reply(created ? ctx.t("broadcast-scheduled", { when: whenText, zone: event.timezone }) : ctx.t("broadcast-duplicate"));
}
