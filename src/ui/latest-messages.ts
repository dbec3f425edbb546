import type { Transformer } from "grammy";

/** Chats remembered at most, the least recently active forgotten first (an unknown chat gets new messages instead of edits). */
const MAX_CHATS = 20_000;

/**
 * The newest message of each private chat this process has seen, the bot's or the user's: a
 * screen is edited in place only when it is still the newest, so an edit never happens out of sight
 * above a venue pin, a ticket or a later answer.
 */
export class LatestMessages {
  private readonly newest = new Map<number, number>();

  note(chatId: number, messageId: number): void {
    if (messageId <= (this.newest.get(chatId) ?? 0)) return;
    // A Map iterates in insertion order: re-inserted, the chat becomes the newest; the first key is the oldest.
    this.newest.delete(chatId);
    this.newest.set(chatId, messageId);
    if (this.newest.size > MAX_CHATS) this.newest.delete(this.newest.keys().next().value!);
  }

  /** False when unknown (another process, or a restart): a new message is the safe choice. */
  isNewest(chatId: number, messageId: number): boolean {
    return this.newest.get(chatId) === messageId;
  }

  /** Notes every message the bot sends (media groups included). */
  transformer(): Transformer {
    return async (prev, method, payload, signal) => {
      const response = await prev(method, payload, signal);
      if (response.ok && (method.startsWith("send") || method === "copyMessage" || method === "forwardMessage")) {
        const chatId = Number((payload as { chat_id?: unknown }).chat_id);
        const sent = (Array.isArray(response.result) ? response.result : [response.result]) as Array<{ message_id?: unknown }>;
        for (const message of sent) {
          if (typeof message?.message_id === "number" && Number.isFinite(chatId)) this.note(chatId, message.message_id);
        }
      }
      return response;
    };
  }
}
