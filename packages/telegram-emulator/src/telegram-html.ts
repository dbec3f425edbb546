/**
 * parse_mode "HTML" the way Telegram applies it: a small, strict subset of
 * HTML. Produces the plain text the user sees plus MessageEntity[] (offsets in
 * UTF-16 units, like the real API), or throws the 400 "can't parse entities"
 * Telegram would send. Bad markup in bot strings (an unescaped `<` or `&` from
 * user input, a typo'd tag) then fails in tests instead of in production.
 */
import type { MessageEntity } from "grammy/types";
import { badRequest, type TelegramApiError } from "./api-error.js";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Tags that simply map to one entity type. */
const SIMPLE_TAGS: Readonly<Record<string, MessageEntity.CommonMessageEntity["type"]>> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler", // only with class="tg-spoiler", checked on open
};
const SUPPORTED_TAGS = new Set([...Object.keys(SIMPLE_TAGS), "a", "code", "pre", "blockquote", "tg-emoji"]);

interface OpenTag {
  name: string;
  attrs: Map<string, string>;
  /** UTF-16 offset in the output text where the tag's content starts. */
  start: number;
  /** Language picked up from a nested <code class="language-x"> (for <pre>). */
  language?: string;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

export function parseHtml(html: string): FormattedText {
  const fail = (what: string): TelegramApiError => badRequest(`can't parse entities: ${what}`);
  // Telegram reports positions as UTF-8 byte offsets.
  const byteAt = (index: number): number => Buffer.byteLength(html.slice(0, index), "utf8");
  const len = html.length;
  const stack: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let out = "";
  let i = 0;

  const decodeAt = (at: number): { char: string; length: number } => {
    const decoded = decodeEntity(html, at);
    if (!decoded) {
      const shown = /^&[^\s;&<]{0,12};?/.exec(html.slice(at))?.[0] ?? "&";
      throw fail(`Unsupported HTML entity "${shown}" at byte offset ${byteAt(at)}; a literal "&" must be written as "&amp;"`);
    }
    return decoded;
  };

  const decodeValue = (from: number, to: number): string => {
    let value = "";
    for (let k = from; k < to;) {
      if (html[k] === "&") {
        const { char, length } = decodeAt(k);
        value += char;
        k += length;
      } else value += html[k++];
    }
    return value;
  };

  const close = (tag: OpenTag): void => {
    const offset = tag.start;
    const length = out.length - tag.start;
    const parent = stack[stack.length - 1];
    if (tag.name === "code" && parent?.name === "pre") {
      // <pre><code class="language-x"> is one pre entity with a language.
      const cls = tag.attrs.get("class");
      if (cls?.startsWith("language-")) parent.language = cls.slice("language-".length);
      return;
    }
    if (length === 0) return; // Telegram drops empty entities
    const simple = SIMPLE_TAGS[tag.name];
    if (simple) {
      entities.push({ type: simple, offset, length });
    } else if (tag.name === "a") {
      const href = tag.attrs.get("href");
      if (href) entities.push({ type: "text_link", offset, length, url: href });
    } else if (tag.name === "code") {
      entities.push({ type: "code", offset, length });
    } else if (tag.name === "pre") {
      entities.push(tag.language ? { type: "pre", offset, length, language: tag.language } : { type: "pre", offset, length });
    } else if (tag.name === "blockquote") {
      entities.push({ type: tag.attrs.has("expandable") ? "expandable_blockquote" : "blockquote", offset, length });
    } else if (tag.name === "tg-emoji") {
      entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: tag.attrs.get("emoji-id") ?? "" });
    }
  };

  while (i < len) {
    const ch = html[i]!;
    if (ch === "&") {
      const { char, length } = decodeAt(i);
      out += char;
      i += length;
      continue;
    }
    if (ch !== "<") {
      out += ch;
      i++;
      continue;
    }

    const begin = i;
    if (html[i + 1] === "/") {
      // End tag: must close the innermost open tag.
      const gt = html.indexOf(">", i + 2);
      if (gt < 0) throw fail(`Unclosed end tag at byte offset ${byteAt(begin)}`);
      const name = html
        .slice(i + 2, gt)
        .trim()
        .toLowerCase();
      const top = stack.pop();
      if (!top) throw fail(`Unexpected end tag at byte offset ${byteAt(begin)}`);
      if (top.name !== name) {
        throw fail(`Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${top.name}>", found "</${name}>"`);
      }
      close(top);
      i = gt + 1;
      continue;
    }

    // Start tag. Like Telegram, the name runs to whitespace or ">", so "a < b"
    // fails as the unsupported tag "".
    let j = i + 1;
    while (j < len && !isSpace(html[j]) && html[j] !== ">") j++;
    const name = html.slice(i + 1, j).toLowerCase();
    if (j >= len) throw fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
    if (!SUPPORTED_TAGS.has(name)) throw fail(`Unsupported start tag "${name}" at byte offset ${byteAt(begin)}`);

    const attrs = new Map<string, string>();
    for (;;) {
      while (isSpace(html[j])) j++;
      if (j >= len) throw fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      if (html[j] === ">") {
        j++;
        break;
      }
      let k = j;
      while (k < len && !isSpace(html[k]) && html[k] !== "=" && html[k] !== ">") k++;
      const attrName = html.slice(j, k).toLowerCase();
      if (attrName === "") throw fail(`Empty attribute name in the tag "${name}" at byte offset ${byteAt(begin)}`);
      j = k;
      while (isSpace(html[j])) j++;
      if (html[j] !== "=") {
        attrs.set(attrName, ""); // valueless, e.g. <blockquote expandable>
        continue;
      }
      j++;
      while (isSpace(html[j])) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const end = html.indexOf(quote, j + 1);
        if (end < 0) throw fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        attrs.set(attrName, decodeValue(j + 1, end));
        j = end + 1;
      } else {
        k = j;
        while (k < len && !isSpace(html[k]) && html[k] !== ">") k++;
        attrs.set(attrName, decodeValue(j, k));
        j = k;
      }
    }

    if (name === "span" && attrs.get("class") !== "tg-spoiler") {
      throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
    }
    if (name === "tg-emoji" && !/^\d+$/.test(attrs.get("emoji-id") ?? "")) {
      throw fail(`Custom emoji entity must contain a valid "emoji-id" attribute at byte offset ${byteAt(begin)}`);
    }
    stack.push({ name, attrs, start: out.length });
    i = j;
  }

  const unclosed = stack.pop();
  if (unclosed) throw fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);

  // Outer entities first, as Telegram orders them.
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Decodes the entity at `html[at] === "&"`, or returns undefined if it is not one Telegram knows. */
function decodeEntity(html: string, at: number): { char: string; length: number } | undefined {
  const m = /^&(?:([a-z]+)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/.exec(html.slice(at, at + 12));
  if (!m) return undefined;
  if (m[1] !== undefined) {
    const char = NAMED_ENTITIES[m[1]];
    return char === undefined ? undefined : { char, length: m[0].length };
  }
  const code = m[2] !== undefined ? Number(m[2]) : parseInt(m[3]!, 16);
  if (code <= 0 || code > 0x10ffff) return undefined;
  return { char: String.fromCodePoint(code), length: m[0].length };
}

/** Escapes text for parse_mode HTML (handy in tests that build expected markup). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
