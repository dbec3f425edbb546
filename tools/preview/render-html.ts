/**
 * Turns a message's text + entities (what Telegram shows, already parsed from the bot's HTML by
 * the emulator) into safe HTML for the preview page. Built from entities rather than by passing
 * the bot's markup through, so only Telegram's formatting can appear and every byte of text is
 * escaped.
 */
import type { MessageEntity } from "grammy/types";
import { escapeHtml } from "../../src/ui/html.js";

const SAFE_LINK = /^(https?:|tg:|mailto:)/i;

/** Entities are nested ranges; sort so that a parent comes before its children. */
function byPosition(a: MessageEntity, b: MessageEntity): number {
  return a.offset - b.offset || b.length - a.length;
}

function wrap(entity: MessageEntity, inner: string, plain: string): string {
  switch (entity.type) {
    case "bold":
      return `<b>${inner}</b>`;
    case "italic":
      return `<i>${inner}</i>`;
    case "underline":
      return `<u>${inner}</u>`;
    case "strikethrough":
      return `<s>${inner}</s>`;
    case "spoiler":
      return `<span class="spoiler" tabindex="0">${inner}</span>`;
    case "code":
      return `<code>${inner}</code>`;
    case "pre":
      return `<pre>${inner}</pre>`;
    case "blockquote":
    case "expandable_blockquote":
      return `<blockquote>${inner}</blockquote>`;
    case "text_link":
      return SAFE_LINK.test(entity.url) ? link(entity.url, inner) : inner;
    case "url":
      return link(/^https?:/i.test(plain) ? plain : `http://${plain}`, inner);
    case "email":
      return link(`mailto:${plain}`, inner);
    case "phone_number":
      return `<a href="tel:${escapeHtml(plain.replace(/[^+\d]/g, ""))}">${inner}</a>`;
    case "bot_command":
      // Tapping a command in Telegram sends it; the page does the same.
      return `<a href="#" class="command" data-command="${escapeHtml(plain)}">${inner}</a>`;
    default:
      return inner;
  }
}

function link(url: string, inner: string): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${inner}</a>`;
}

function renderRange(text: string, entities: MessageEntity[], from: number, to: number): string {
  let html = "";
  let at = from;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index]!;
    const start = Math.max(entity.offset, at);
    const end = Math.min(entity.offset + entity.length, to);
    // Entities inside this one (sorted, so they follow it directly).
    let next = index + 1;
    while (next < entities.length && entities[next]!.offset < entity.offset + entity.length) next++;
    if (start < end) {
      html += escapeHtml(text.slice(at, start));
      const inner = renderRange(text, entities.slice(index + 1, next), start, end);
      html += wrap(entity, inner, text.slice(start, end));
      at = end;
    }
    index = next;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** Safe HTML for a text (or caption) with its entities; newlines become <br>. */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const sorted = entities
    .filter((e) => e.length > 0 && e.offset >= 0 && e.offset < text.length)
    .slice()
    .sort(byPosition);
  return renderRange(text, sorted, 0, text.length).replace(/\n/g, "<br>");
}
