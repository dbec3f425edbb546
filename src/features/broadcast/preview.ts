import type { FlowContext } from "../../bot/context.js";
import { sendBroadcastMessage } from "../../delivery/message.js";
import type { BroadcastSpec } from "../../delivery/types.js";
import type { Language } from "../../event/schema.js";

/**
 * The broadcast's preview in two messages: this sends the message exactly as recipients get it (the
 * version in the organiser's language when there is one: the others are the organiser's own
 * messages just above) and returns the text of the control question asked below it.
 */
export async function sendBroadcastPreview(
  ctx: FlowContext,
  draft: Omit<BroadcastSpec, "id">,
  languages: readonly Language[],
  count: number,
): Promise<string> {
  const { event } = ctx.deps;
  const own = (await ctx.i18n.getLocale()) as Language;
  const shown = languages.includes(own) ? own : (languages[0] ?? event.defaultLanguage);
  await sendBroadcastMessage(ctx.api, ctx.chat!.id, { ...draft, id: "preview" }, shown, event);
  const audience = ctx.t(`broadcast-audience-${draft.audience}`);
  return ctx.t("broadcast-preview", { language: languages.length > 1 ? shown : "all", audience, count });
}
