import type { Transformer } from "grammy";

/** Chats remembered at most, the least recently active forgotten first (an unknown chat gets new messages instead of edits). */
const MAX_CHATS = 20_000;

/** Message ids (the user's count too) between a thing and the tapped message for both to be on one screen. */
const IN_SIGHT = 3;

/** Things sent once and pointed to afterwards: rather than sent again while in sight, or (a consent) while unanswered. */
export type ShownThing = "venue" | "ticket" | "consent";

/**
 * The newest message of each private chat this process has seen, the bot's or the user's: a
 * screen is edited in place only when it is still the newest, so an edit never happens out of sight
 * above a venue pin, a ticket or a later answer.
 */
export class LatestMessages {
  private readonly newest = new Map<number, number>();
  private readonly shown = new Map<string, readonly number[]>();

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

  /** The messages now showing a thing in a chat (the latest copy replaces the earlier one). */
  remember(chatId: number, thing: ShownThing, messageIds: readonly number[]): void {
    if (this.shown.size >= MAX_CHATS) this.shown.clear();
    this.shown.set(`${chatId}:${thing}`, messageIds);
  }

  /** A reply pointing to a thing counts as showing it: the next message is pointed again, however far the thing has scrolled. */
  alsoShownAt(chatId: number, thing: ShownThing, messageId: number): void {
    const ids = this.shown.get(`${chatId}:${thing}`);
    if (ids) this.shown.set(`${chatId}:${thing}`, [...ids, messageId]);
  }

  /** The messages showing a thing, forgotten as they are taken (/cancel closes a consent in sight). */
  take(chatId: number, thing: ShownThing): readonly number[] {
    const ids = this.shown.get(`${chatId}:${thing}`) ?? [];
    this.forget(chatId, thing);
    return ids;
  }

  /** The thing is no longer shown (a consent answered, or left by a tap or a command). */
  forget(chatId: number, thing: ShownThing): void {
    this.shown.delete(`${chatId}:${thing}`);
  }

  /**
   * Where the latest copy of a thing is seen from the tapped message: a message or two away, or the newest
   * in the chat. Undefined when it is out of sight or unknown (another process): send it again.
   */
  whereShown(chatId: number, thing: ShownThing, tappedId: number): "above" | "below" | undefined {
    const ids = this.shown.get(`${chatId}:${thing}`);
    if (!ids?.length) return undefined;
    const near = ids.some((id) => id !== tappedId && Math.abs(id - tappedId) <= IN_SIGHT);
    const inSight = near || ids.includes(this.newest.get(chatId) ?? 0);
    if (!inSight) return undefined;
    return ids[0]! > tappedId ? "below" : "above";
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
