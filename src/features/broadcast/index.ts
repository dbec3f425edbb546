import { createConversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { allowed, requireRole } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { broadcastName } from "../../delivery/label.js";
import { broadcastData } from "./callback-data.js";
import { BROADCAST_CONVERSATION, broadcastConversation } from "./conversation.js";

/**
 * Telegram tells the bot when a user blocks it (my_chat_member "kicked") and unblocks it
 * ("member"): broadcasts skip blocked users until then. /start counts as well, for users
 * blocked before this was tracked.
 */
export const trackBlocking = new Composer<FlowContext>();
const privateUpdates = trackBlocking.chatType("private");
privateUpdates.on("my_chat_member", async (ctx, next) => {
  const { status } = ctx.myChatMember.new_chat_member;
  if (status === "kicked") await ctx.deps.store.activity.markInactive(ctx.from.id);
  else if (status === "member") await ctx.deps.store.activity.reactivate(ctx.from.id);
  await next();
});
privateUpdates.command("start", async (ctx, next) => {
  await ctx.deps.store.activity.reactivate(ctx.from.id);
  await next();
});

/** /broadcast (compose and send or schedule), /broadcasts (list, cancel), the progress message's Stop. */
export const broadcastFeature = new Composer<BotContext>();
/** The broadcast form; installed before every feature (src/bot/index.ts), like every form. */
export const broadcastForms = createConversation<BotContext, FlowContext>(broadcastConversation, { id: BROADCAST_CONVERSATION });
const privateChat = broadcastFeature.chatType("private");

privateChat.command("broadcast", startBroadcast);

/** /broadcast (and the organisers' home screen): a new broadcast form, ending any other. */
export async function startBroadcast(ctx: BotContext) {
  if (!(await allowed(ctx, "organiser"))) return;
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(BROADCAST_CONVERSATION);
}

const LISTED = 10;

privateChat.command("broadcasts", requireRole("organiser"), (ctx) => listBroadcasts(ctx));

/** /broadcasts (and the organisers' home screen): the latest broadcasts and reminders, with Cancel for those not done. */
export async function listBroadcasts(ctx: FlowContext) {
  const records = await ctx.deps.store.broadcasts.recent(LISTED);
  if (!records.length) return ctx.reply(ctx.t("broadcast-list-empty"));
  const lines = [ctx.t("broadcast-list-title"), ""];
  const keyboard = new InlineKeyboard();
  const language = await ctx.i18n.getLocale();
  for (const record of records) {
    const { audience } = record.spec;
    const name = ctx.t("broadcast-name", broadcastName(record.spec, language));
    lines.push(
      ctx.t("broadcast-list-item", {
        status: ctx.t(`broadcast-status-${record.status}`),
        name: escapeHtml(name),
        when: await momentText(ctx, record.at),
        audience: ctx.t(`broadcast-audience-${audience}`),
        sent: record.sent,
        failed: record.failed,
        blocked: record.blocked,
        total: record.total === undefined ? "" : ` / ${record.total}`,
      }),
    );
    if (record.status === "scheduled" || record.status === "sending") {
      keyboard.text(ctx.t("broadcast-drop-button", { name }), broadcastData.drop.pack({ id: record.id })).row();
    }
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

/** Stop (progress message) and Cancel (/broadcasts): admins only, checked on every tap. */
async function cancelBroadcast(ctx: FlowContext, id: string, action: "stop" | "drop") {
  const cancelled = await ctx.deps.broadcasts.cancel(id);
  if (!cancelled) return ctx.answerCallbackQuery({ text: ctx.t("broadcast-not-running") });
  await ctx.deps.store.audit.record(ctx.from!.id, action === "stop" ? "broadcast-stopped" : "broadcast-cancelled", id, ctx.deps.clock(), {
    broadcast: id,
  });
  if (action === "stop") return ctx.answerCallbackQuery({ text: ctx.t("broadcast-stopped") });
  const record = await ctx.deps.store.broadcasts.find(id);
  const name = record ? ctx.t("broadcast-name", broadcastName(record.spec, await ctx.i18n.getLocale())) : id;
  await ctx.answerCallbackQuery({ text: ctx.t("broadcast-dropped", { name }) });
}
privateChat.use(onTap(broadcastData.stop, requireRole("organiser"), (ctx) => cancelBroadcast(ctx, ctx.callbackData.id, "stop")));
privateChat.use(onTap(broadcastData.drop, requireRole("organiser"), (ctx) => cancelBroadcast(ctx, ctx.callbackData.id, "drop")));
