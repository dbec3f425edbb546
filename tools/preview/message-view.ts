/**
 * What the preview page receives for a chat: each message reduced to what the browser draws
 * (safe HTML, file links, pins, keyboards), never the raw markup the bot sent.
 */
import type { BotCommand, InlineKeyboardButton, KeyboardButton } from "grammy/types";
import type { ChatFile, ChatMessage } from "@wealmaty/telegram-emulator";
import { entitiesToHtml } from "./render-html.js";

export interface InlineButtonView {
  text: string;
  /** callback_data to send back when tapped. */
  data?: string;
  url?: string;
  /** A web_app button: the Mini App's address the bot gave. */
  webApp?: string;
}

export interface ReplyButtonView {
  text: string;
  request?: "contact" | "location";
}

export interface FileView {
  url: string;
  name: string;
  contentType?: string;
  size?: number;
}

export interface MessageView {
  id: number;
  from: "bot" | "user";
  kind: ChatMessage["kind"];
  date: number;
  edited: boolean;
  /** Safe HTML of the text or caption. */
  html?: string;
  photo?: FileView;
  file?: FileView;
  pin?: { latitude: number; longitude: number; title?: string; address?: string; mapUrl: string };
  contact?: { name: string; phone: string };
  keyboard?: InlineButtonView[][];
}

export interface ChatView {
  messages: MessageView[];
  replyKeyboard?: { rows: ReplyButtonView[][]; placeholder?: string };
  commands: BotCommand[];
  /** The chat's menu button when the bot made it open a Mini App (setChatMenuButton). */
  menuButton?: { text: string; url: string };
}

export const fileUrl = (fileId: string): string => `/files/${encodeURIComponent(fileId)}`;

/** OpenStreetMap link for a pin (the page itself loads no map tiles: it works offline). */
export function mapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}

function fileView(file: ChatFile, fallbackName: string): FileView {
  return {
    url: fileUrl(file.file_id),
    name: file.filename ?? fallbackName,
    ...(file.contentType ? { contentType: file.contentType } : {}),
    ...(file.data ? { size: file.data.length } : {}),
  };
}

function inlineButton(button: InlineKeyboardButton): InlineButtonView {
  if ("callback_data" in button) return { text: button.text, data: button.callback_data };
  if ("url" in button) return { text: button.text, url: button.url };
  if ("web_app" in button && button.web_app) return { text: button.text, webApp: button.web_app.url };
  return { text: button.text };
}

export function messageView(message: ChatMessage): MessageView {
  const text = message.text ?? message.caption;
  const view: MessageView = {
    id: message.message_id,
    from: message.from,
    kind: message.kind,
    date: message.date,
    edited: message.edit_date !== undefined,
    ...(text !== undefined ? { html: entitiesToHtml(text, message.entities) } : {}),
  };
  if (message.photo) view.photo = fileView(message.photo, "photo.jpg");
  const file = message.document ?? message.video ?? message.audio ?? message.voice ?? message.animation;
  if (file) view.file = fileView(file, message.kind);
  if (message.sticker) view.html = message.message.sticker?.emoji ?? "🖼";
  const pin = message.venue ?? message.location;
  if (pin) {
    view.pin = {
      latitude: pin.latitude,
      longitude: pin.longitude,
      ...(message.venue ? { title: message.venue.title, address: message.venue.address } : {}),
      mapUrl: mapUrl(pin.latitude, pin.longitude),
    };
  }
  if (message.contact) {
    const { first_name, last_name, phone_number } = message.contact;
    view.contact = { name: [first_name, last_name].filter(Boolean).join(" "), phone: phone_number };
  }
  const markup = message.reply_markup;
  if (markup && "inline_keyboard" in markup) view.keyboard = markup.inline_keyboard.map((row) => row.map(inlineButton));
  return view;
}

function replyButton(button: KeyboardButton): ReplyButtonView {
  if (typeof button === "string") return { text: button };
  if ("request_contact" in button && button.request_contact) return { text: button.text, request: "contact" };
  if ("request_location" in button && button.request_location) return { text: button.text, request: "location" };
  return { text: button.text };
}

export function replyKeyboardView(markup: ChatMessage["reply_markup"] | undefined): ChatView["replyKeyboard"] {
  if (!markup || !("keyboard" in markup)) return undefined;
  return {
    rows: markup.keyboard.map((row) => row.map(replyButton)),
    ...(markup.input_field_placeholder ? { placeholder: markup.input_field_placeholder } : {}),
  };
}
