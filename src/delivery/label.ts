import type { BroadcastSpec } from "./types.js";

const EXCERPT_LENGTH = 40;

/** HTML as the reader sees it: tags dropped, entities undone. */
const htmlToPlain = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The first words of a text, cut at a word with "…" (plain text: escape it for HTML). */
function firstWords(text: string, max = EXCERPT_LENGTH): string {
  const plain = text.replace(/\s+/g, " ").trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : plain.slice(0, max)).replace(/[\s,.;:!?—–-]+$/, "")}…`;
}

/**
 * What organisers call a broadcast: its kind and first words in their language (or the first text there is),
 * for the Fluent variables `kind` and `excerpt`; the stored id is for the code only.
 */
export function broadcastName(spec: BroadcastSpec, language: string): { kind: "broadcast" | "reminder"; excerpt: string } {
  const texts = spec.texts;
  const text = typeof texts === "string" ? texts : (texts[language as keyof typeof texts] ?? Object.values(texts)[0] ?? "");
  const excerpt = firstWords(spec.parseMode === "HTML" ? htmlToPlain(text) : text);
  return { kind: spec.kind === "reminder" ? "reminder" : "broadcast", excerpt };
}
