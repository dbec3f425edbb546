/**
 * Telegram's server-side checks on what a bot sends: text/caption formatting
 * and length, keyboards, bot commands. Each throws the 400 Telegram answers,
 * so bugs that only show up against the real API fail in tests too.
 */
import type { BotCommand, MessageEntity } from "grammy/types";
import { badRequest } from "./api-error.js";
import { isPlainObject } from "./request-body.js";
import { parseHtml } from "./telegram-html.js";

export type ParseMode = "HTML" | "MarkdownV2" | "Markdown";

export const LIMITS = {
  text: 4096,
  caption: 1024,
  callbackData: 64,
  callbackAnswerText: 200,
  commands: 100,
  commandDescription: 256,
} as const;

/** Text (or caption) as Telegram stores it after applying parse_mode. */
export interface FormattedMessageText {
  /** What the user reads: tags stripped, entities decoded, outer whitespace trimmed. */
  text: string;
  entities: MessageEntity[];
  /** Exactly what the bot sent. */
  raw: string;
  parse_mode?: ParseMode;
}

/** sendMessage / editMessageText `text`. */
export function formatMessageText(raw: string | undefined, parseMode: unknown, entities: unknown): FormattedMessageText {
  if (raw === undefined || raw.trim() === "") throw badRequest("message text is empty");
  const formatted = format(raw, parseMode, entities);
  if (formatted.text === "") throw badRequest("message text is empty");
  if (countChars(formatted.text) > LIMITS.text) throw badRequest("message is too long");
  return formatted;
}

/** Media `caption`; undefined when absent or empty after formatting (captions are optional). */
export function formatCaption(raw: string | undefined, parseMode: unknown, entities: unknown): FormattedMessageText | undefined {
  if (raw === undefined || raw === "") return undefined;
  const formatted = format(raw, parseMode, entities);
  if (countChars(formatted.text) > LIMITS.caption) throw badRequest("message caption is too long");
  return formatted.text === "" ? undefined : formatted;
}

/** Telegram measures text limits in Unicode code points, after entity parsing. */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function format(raw: string, parseMode: unknown, entities: unknown): FormattedMessageText {
  let parsed: { text: string; entities: MessageEntity[] };
  if (parseMode === undefined || parseMode === null || parseMode === "") {
    if (entities !== undefined && !Array.isArray(entities)) throw badRequest("can't parse entities JSON object");
    parsed = { text: raw, entities: (entities as MessageEntity[] | undefined) ?? [] };
  } else if (parseMode === "HTML") {
    parsed = parseHtml(raw);
  } else if (parseMode === "MarkdownV2" || parseMode === "Markdown") {
    // Markdown isn't modeled (the bot uses HTML): kept verbatim, not validated.
    parsed = { text: raw, entities: [] };
  } else {
    throw badRequest("unsupported parse_mode");
  }
  const trimmed = trimFormatted(parsed.text, parsed.entities);
  return {
    ...trimmed,
    raw,
    ...(typeof parseMode === "string" && parseMode !== "" ? { parse_mode: parseMode as ParseMode } : {}),
  };
}

/** Telegram strips leading/trailing whitespace and shifts/clips entities to match. */
function trimFormatted(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(trimmed.length, e.offset + e.length - lead);
    if (end > start) out.push({ ...e, offset: start, length: end - start });
  }
  return { text: trimmed, entities: out };
}

// --- keyboards ----------------------------------------------------------------

/** The fields of an InlineKeyboardButton of which exactly one must be set. */
const INLINE_BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
  "disabled",
] as const;

export function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined || markup === null) return;
  if (!isPlainObject(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in markup) checkInlineKeyboard(markup["inline_keyboard"]);
  else if ("keyboard" in markup) checkReplyKeyboard(markup["keyboard"]);
  else if (markup["remove_keyboard"] !== true && markup["force_reply"] !== true) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
}

export function checkInlineKeyboard(rows: unknown): void {
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      if (!isPlainObject(button)) {
        throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      }
      if (typeof button["text"] !== "string") {
        throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
      }
      if (button["text"].trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
      const actions = INLINE_BUTTON_ACTIONS.filter((f) => button[f] !== undefined && button[f] !== null);
      if (actions.length === 0) throw badRequest("text buttons are unallowed in the inline keyboard");
      if (actions.length > 1) {
        throw badRequest(`can't parse inline keyboard button: exactly one of the optional fields must be used, got ${actions.join(", ")}`);
      }
      const data = button["callback_data"];
      if (data !== undefined) {
        const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
        if (bytes < 1 || bytes > LIMITS.callbackData) throw badRequest("BUTTON_DATA_INVALID");
      }
      const url = button["url"];
      if (url !== undefined && !isButtonUrl(url)) throw badRequest("BUTTON_URL_INVALID");
    }
  }
}

function isButtonUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    return ["http:", "https:", "tg:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function checkReplyKeyboard(rows: unknown): void {
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
  }
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      const text = typeof button === "string" ? button : isPlainObject(button) ? button["text"] : undefined;
      if (typeof text !== "string" || text.trim() === "") throw badRequest("keyboard button text is empty");
    }
  }
}

// --- other methods ------------------------------------------------------------

export function checkBotCommands(commands: unknown): BotCommand[] {
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > LIMITS.commands) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  return commands.map((c: unknown) => {
    if (!isPlainObject(c)) throw badRequest("can't parse BotCommand: BotCommand must be an Object");
    const { command, description } = c;
    if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    if (typeof description !== "string" || description.trim() === "" || countChars(description) > LIMITS.commandDescription) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
}

export function checkCallbackAnswerText(text: string | undefined): void {
  if (text !== undefined && countChars(text) > LIMITS.callbackAnswerText) throw badRequest("MESSAGE_TOO_LONG");
}
