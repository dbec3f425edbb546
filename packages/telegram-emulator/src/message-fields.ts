/** The Message fields a send or an edit produces from its parameters, and comparing messages as Telegram does. */
import type { Message } from "grammy/types";
import { badRequest } from "./api-error.js";
import type { MessageSource } from "./chat-store.js";
import { isPlainObject, type ApiParams } from "./request-body.js";
import type { FormattedMessageText } from "./telegram-checks.js";

export const unixNow = (): number => Math.floor(Date.now() / 1000);

export function textFields(text: FormattedMessageText): Partial<Message> {
  return { text: text.text, ...(text.entities.length > 0 ? { entities: text.entities } : {}) };
}

export function captionFields(caption: FormattedMessageText | undefined): Partial<Message> {
  if (!caption) return {};
  return { caption: caption.text, ...(caption.entities.length > 0 ? { caption_entities: caption.entities } : {}) };
}

export function sourceOf(text: FormattedMessageText | undefined): MessageSource {
  if (!text) return {};
  return { raw: text.raw, ...(text.parse_mode ? { parse_mode: text.parse_mode } : {}) };
}

export function messageIds(p: ApiParams): number[] {
  const ids = p.raw("message_ids");
  if (!Array.isArray(ids) || ids.length === 0) throw badRequest("message identifiers are not specified");
  return ids.map(Number);
}

/** A message's content without its identity, for copy/forward. */
export function messageContent(message: Message): Partial<Message> {
  const {
    message_id: _id,
    date: _date,
    chat: _chat,
    from: _from,
    reply_to_message: _reply,
    reply_markup: _markup,
    edit_date: _edit,
    forward_origin: _origin,
    ...content
  } = message;
  return content;
}

/** What "message is not modified" compares: content and inline keyboard. */
export function comparable(message: Message): unknown {
  const { edit_date: _edit, ...rest } = message;
  return rest;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so equal values give equal strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
