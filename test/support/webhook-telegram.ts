import type { Update } from "grammy/types";
import type { ChatMessage, FakeBotApi, NewUpdate } from "@wealmaty/telegram-emulator";
import { TelegramUser } from "./telegram-user.js";

/**
 * Telegram's side of webhook mode plus a round-robin load balancer: each update is POSTed to
 * the next bot instance with the secret header; a 5xx (or an instance that is down) is retried
 * on the next one, as Telegram and the balancer would.
 */
export class WebhookTelegram {
  private nextTarget = 0;
  private nextUpdateId = 1;

  constructor(
    private readonly api: FakeBotApi,
    private readonly targets: string[],
    private readonly secret: string,
  ) {}

  /** One POST; an instance that does not answer counts as 502, as a load balancer reports it. */
  async post(update: Update, target = this.nextTarget++ % this.targets.length, secret = this.secret): Promise<number> {
    try {
      const response = await fetch(this.targets[target]!, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 502;
    }
  }

  /** Delivers until a 2xx answer, like Telegram's retries (bounded); `target` takes the first attempt. */
  async deliver(update: NewUpdate, target?: number): Promise<Update> {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    this.api.learn(full);
    for (let attempt = 0; attempt < 50; attempt++) {
      const status = await this.post(full, attempt === 0 ? target : undefined);
      if (status < 300) return full;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`update ${full.update_id} was never accepted`);
  }

  /**
   * A user whose updates reach the bot through this webhook instead of getUpdates. With
   * `alternate`, the user's updates go to each instance in turn, so one chat meets all of them.
   */
  user(base: TelegramUser, options: { alternate?: boolean } = {}): TelegramUser {
    let sent = 0;
    const deliver = (update: NewUpdate) => this.deliver(update, options.alternate ? sent++ % this.targets.length : undefined);
    return new (class extends TelegramUser {
      override async dispatch(update: NewUpdate): Promise<ChatMessage[]> {
        const before = this.api.lastMessageId(this.chat.id);
        await deliver(update);
        return this.messages().filter((message) => message.message_id > before);
      }
    })(base.api, { id: base.user.id, firstName: base.user.first_name, languageCode: base.user.language_code });
  }
}
