/** How the bot receives updates: getUpdates (long polling) and the webhook settings that exclude it. */
import type { Update } from "grammy/types";
import { badRequest, TelegramApiError } from "../api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import type { ApiParams } from "../request-body.js";
import type { CallContext, MethodTable } from "./types.js";

export function updateMethods(state: EmulatorState): MethodTable {
  return {
    getUpdates: (p, ctx) => getUpdates(state, p, ctx),
    setWebhook: (p) => setWebhook(state, p),
    deleteWebhook: (p) => deleteWebhook(state, p),
    getWebhookInfo: () => ({
      url: state.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: state.queue.pendingIds().length,
    }),
  };
}

function getUpdates(state: EmulatorState, p: ApiParams, ctx: CallContext): Promise<Update[]> {
  if (state.webhookUrl) {
    throw new TelegramApiError({
      error_code: 409,
      description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
  }
  const allowed = p.raw("allowed_updates");
  const offset = p.number("offset");
  const limit = p.number("limit");
  const timeout = Math.min(p.number("timeout") ?? 0, state.options.maxPollTimeoutSeconds ?? 50);
  return state.queue.poll(
    {
      timeoutSeconds: Math.max(0, timeout),
      ...(offset !== undefined ? { offset } : {}),
      ...(limit !== undefined ? { limit } : {}),
      ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
    },
    ctx.signal,
  );
}

function setWebhook(state: EmulatorState, p: ApiParams): true {
  const url = p.string("url") ?? "";
  if (url !== "" && !url.startsWith("https://")) {
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  }
  if (p.boolean("drop_pending_updates")) state.queue.dropPending();
  state.webhookUrl = url;
  return true;
}

function deleteWebhook(state: EmulatorState, p: ApiParams): true {
  if (p.boolean("drop_pending_updates")) state.queue.dropPending();
  state.webhookUrl = "";
  return true;
}
