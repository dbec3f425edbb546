/**
 * What a person on the preview page can do, turned into the updates a Telegram client sends
 * (the same builders the tests' TelegramUser uses). Nothing waits for the bot: its answers reach
 * the page through the emulator's listeners.
 */
import { randomUUID } from "node:crypto";
import type { Message } from "grammy/types";
import {
  callbackQueryUpdate,
  contactMessage,
  documentMessage,
  locationMessage,
  messageUpdate,
  photoMessage,
  privateChat,
  textMessage,
  type FakeBotApi,
  type MessageBase,
} from "@wealmaty/telegram-emulator";
import { telegramUser, type Persona } from "./personas.js";

export class PreviewUserError extends Error {}

export class PreviewUser {
  constructor(
    private readonly api: FakeBotApi,
    readonly persona: Persona,
  ) {
    api.registerChat(privateChat(telegramUser(persona)));
  }

  get chatId(): number {
    return this.persona.id;
  }

  sendText(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) throw new PreviewUserError("empty message");
    if (trimmed.length > 4096) throw new PreviewUserError("message is too long (4096 characters at most)");
    this.push((b) => textMessage(b, trimmed));
  }

  /** Taps an inline button: only data the bot actually put on that message can be sent. */
  tap(messageId: number, data: string): string {
    const message = this.api.message(this.chatId, messageId);
    const markup = message?.reply_markup;
    const offered =
      markup && "inline_keyboard" in markup
        ? markup.inline_keyboard.flat().some((b) => "callback_data" in b && b.callback_data === data)
        : false;
    if (!message || !offered) throw new PreviewUserError("this button is not on that message any more");
    const id = randomUUID();
    this.api.pushUpdate(callbackQueryUpdate({ id, from: telegramUser(this.persona), data, message: message.message }));
    return id;
  }

  shareContact(): void {
    const { phone, firstName, lastName, id } = this.persona;
    this.push((b) =>
      contactMessage(b, { phone_number: phone, first_name: firstName, ...(lastName ? { last_name: lastName } : {}), user_id: id }),
    );
  }

  shareLocation(latitude: number, longitude: number): void {
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      throw new PreviewUserError("latitude must be within ±90 and longitude within ±180");
    }
    this.push((b) => locationMessage(b, { latitude, longitude }));
  }

  /** An image arrives as a photo (Telegram sends a thumbnail and the full size), anything else as a document. */
  sendFile(data: Buffer, options: { name: string; contentType: string; caption?: string }): void {
    if (data.length === 0) throw new PreviewUserError("the file is empty");
    const caption = options.caption?.trim() || undefined;
    if (/^image\/(jpeg|png|webp|gif)$/.test(options.contentType)) {
      const thumb = this.api.registerFile(data, { kind: "photo", contentType: options.contentType });
      const full = this.api.registerFile(data, { kind: "photo", contentType: options.contentType });
      this.push((b) =>
        photoMessage(
          b,
          [
            { ...thumb, width: 90, height: 90 },
            { ...full, width: 1280, height: 960 },
          ],
          caption,
        ),
      );
      return;
    }
    const file = this.api.registerFile(data, { kind: "document", filename: options.name, contentType: options.contentType });
    this.push((b) => documentMessage(b, { ...file, file_name: options.name, mime_type: options.contentType }, caption));
  }

  private push(build: (b: MessageBase) => Message & Parameters<typeof messageUpdate>[0]): void {
    const user = telegramUser(this.persona);
    const base = { message_id: this.api.nextMessageId(this.chatId), from: user, chat: privateChat(user) };
    this.api.pushUpdate(messageUpdate(build(base)));
  }
}
