/** Telegram's longest message text, in characters. */
export const MESSAGE_LIMIT = 4096;

/**
 * Where to cut an HTML text to keep `limit` characters at most: at the last blank line, else line
 * break, else end of a sentence, else space, that no tag is open across; undefined when there is none.
 */
function cutPoint(html: string, limit: number): number | undefined {
  let open = 0;
  const last = { paragraph: 0, line: 0, sentence: 0, word: 0 };
  for (let i = 0; i < limit; i++) {
    const char = html[i];
    if (char === "<") {
      open += html[i + 1] === "/" ? -1 : 1;
      i = html.indexOf(">", i);
      if (i < 0) break;
    } else if (open === 0 && char === "\n") last[html[i + 1] === "\n" ? "paragraph" : "line"] = i;
    else if (open === 0 && char === " ") last[/[.!?…]/.test(html[i - 1] ?? "") ? "sentence" : "word"] = i;
  }
  // The strongest break that still fills half the page; else the latest of any.
  const cuts = [last.paragraph, last.line, last.sentence, last.word];
  return cuts.find((cut) => cut >= limit / 2) ?? (Math.max(...cuts) || undefined);
}

/** A cut at `limit` itself, in text without tags, never inside an escaped character such as &amp;. */
function hardCut(text: string, limit: number): number {
  const entity = text.lastIndexOf("&", limit);
  return entity > limit - 8 && entity > 0 && !text.slice(entity, limit).includes(";") ? entity : limit;
}

/**
 * Blocks of HTML (items of a list, paragraphs) packed into pages of at most `limit` characters,
 * blank lines between blocks; a block longer than a page is cut where cutPoint says.
 * `heading(i)`: a line that a page opening with block i repeats (the day of a programme item).
 */
export function pagesOf(
  blocks: readonly string[],
  limit: number,
  heading: (block: number) => string | undefined = () => undefined,
): string[] {
  const pages: string[] = [];
  let page = "";
  /** The page so far is only the repeated heading: the next text joins it with a line break. */
  let headed = false;
  for (const [i, block] of blocks.entries()) {
    let rest = block;
    while (rest) {
      const joined: string = !page ? rest : `${page}${headed ? "\n" : "\n\n"}${rest}`;
      if (joined.length <= limit) {
        [page, headed] = [joined, false];
        break;
      }
      if (page && !headed) {
        pages.push(page);
        const repeated = heading(i);
        [page, headed] = repeated && !rest.startsWith(repeated) ? [repeated, true] : ["", false];
        continue;
      }
      const top = page ? `${page}\n` : "";
      const room = limit - top.length;
      let cut = cutPoint(rest, room);
      // A word longer than a page, or a tag's text (a link) longer than one: its text goes on plain.
      if (cut === undefined) rest = rest.replace(/<[^>]*>/g, "");
      cut ??= cutPoint(rest, room) ?? hardCut(rest, room);
      pages.push(top + rest.slice(0, cut).trimEnd());
      [page, headed] = ["", false];
      rest = rest.slice(cut).trimStart();
    }
  }
  return page || pages.length === 0 ? [...pages, page] : pages;
}
