import type { Api } from "grammy";
import type { EventInfo } from "../event/load.js";
import { isSupportedLanguage } from "../event/schema.js";
import type { BroadcastSpec } from "./types.js";

/** The user's language if the organiser wrote that version, else the event's first language, else any. */
export function textFor(spec: Pick<BroadcastSpec, "texts">, language: string, event: Pick<EventInfo, "defaultLanguage">): string {
  if (typeof spec.texts === "string") return spec.texts;
  const texts = spec.texts;
  const pick = (lang: string) => (isSupportedLanguage(lang) ? texts[lang] : undefined);
  return pick(language) ?? pick(event.defaultLanguage) ?? Object.values(texts).find(Boolean) ?? "";
}

/** The broadcast itself: a text, or a photo with the text as caption. */
export async function sendBroadcastMessage(api: Api, chatId: number, spec: BroadcastSpec, language: string, event: EventInfo) {
  const text = textFor(spec, language, event);
  const parse_mode = spec.parseMode;
  const markup = spec.buttons
    ? {
        reply_markup: {
          // A label is one text, or one per language (the recipient's, like the message).
          inline_keyboard: spec.buttons.map((row) =>
            row.map(([label, data]) => ({ text: textFor({ texts: label }, language, event), callback_data: data })),
          ),
        },
      }
    : {};
  if (spec.photoFileId) {
    return api.sendPhoto(chatId, spec.photoFileId, { caption: text || undefined, ...(parse_mode ? { parse_mode } : {}), ...markup });
  }
  return api.sendMessage(chatId, text, { ...(parse_mode ? { parse_mode } : {}), link_preview_options: { is_disabled: true }, ...markup });
}

/** The venue pin that follows a reminder (its own job, so a retry never repeats the text). */
export async function sendVenuePin(api: Api, chatId: number, language: string, event: EventInfo) {
  const { venue } = event;
  return api.sendVenue(chatId, venue.latitude, venue.longitude, event.text(venue.name, language), event.text(venue.address, language));
}
