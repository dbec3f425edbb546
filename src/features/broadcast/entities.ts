import type { MessageEntity } from "grammy/types";
import { escapeHtml } from "../../ui/html.js";

/** Telegram entity → the HTML tags that produce it again. */
function tags(entity: MessageEntity): [string, string] | undefined {
  switch (entity.type) {
    case "bold":
      return ["<b>", "</b>"];
    case "italic":
      return ["<i>", "</i>"];
    case "underline":
      return ["<u>", "</u>"];
    case "strikethrough":
      return ["<s>", "</s>"];
    case "spoiler":
      return ["<tg-spoiler>", "</tg-spoiler>"];
    case "code":
      return ["<code>", "</code>"];
    case "pre":
      return entity.language ? [`<pre><code class="language-${escapeHtml(entity.language)}">`, "</code></pre>"] : ["<pre>", "</pre>"];
    case "text_link":
      return [`<a href="${escapeHtml(entity.url)}">`, "</a>"];
    case "text_mention":
      return [`<a href="tg://user?id=${entity.user.id}">`, "</a>"];
    case "blockquote":
      return ["<blockquote>", "</blockquote>"];
    case "expandable_blockquote":
      return ["<blockquote expandable>", "</blockquote>"];
    default:
      // Mentions, hashtags, URLs, custom emoji: Telegram recognises them again in the plain text.
      return undefined;
  }
}

/**
 * The organiser's formatted message as HTML for parse_mode "HTML", so what they typed (bold,
 * links, ...) is what recipients get. Offsets are UTF-16, like JavaScript strings; Telegram's
 * entities nest properly, so a stack of open tags is enough.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const spans = entities
    .map((entity) => ({ entity, tags: tags(entity), end: entity.offset + entity.length }))
    .filter((span): span is { entity: MessageEntity; tags: [string, string]; end: number } => span.tags !== undefined)
    // Outer first: earlier start, then longer.
    .sort((a, b) => a.entity.offset - b.entity.offset || b.end - a.end);
  let html = "";
  const open: typeof spans = [];
  let next = 0;
  for (let position = 0; position <= text.length; position++) {
    const lowest = open.findIndex((span) => span.end === position);
    if (lowest >= 0) {
      // Close down to the outermost span ending here; reopen the ones that go on (overlaps).
      const closed = open.splice(lowest);
      for (const span of [...closed].reverse()) html += span.tags[1];
      for (const span of closed.filter((span) => span.end > position)) {
        html += span.tags[0];
        open.push(span);
      }
    }
    while (next < spans.length && spans[next]!.entity.offset === position) {
      const span = spans[next++]!;
      if (span.end <= position) continue;
      html += span.tags[0];
      open.push(span);
    }
    if (position < text.length) html += escapeHtml(text[position]!);
  }
  while (open.length) html += open.pop()!.tags[1];
  return html;
}
