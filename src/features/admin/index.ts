import { InlineKeyboard } from "grammy";
import { isSupportedLanguage } from "../../event/schema.js";
import { Composer } from "../../bot/composer.js";
import type { BotContext, FlowContext } from "../../bot/context.js";
import { requireRole } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { momentText } from "../../ui/format.js";
import { withEventHeading } from "../../ui/event-heading.js";
import { escapeHtml } from "../../ui/html.js";
import { broadcastName } from "../../delivery/label.js";
import type { AuditEntry } from "../../store/audit.js";
import { ideaStatusKey } from "../../ui/labels.js";
import { adminData, TOOLS } from "./callback-data.js";

const AUDIT_LINES = 30;

/** A person named in the log, looked up now (the log itself keeps ids only): the guest list's name, else Telegram's. */
async function personName(ctx: FlowContext, userId: number): Promise<string> {
  const { rsvps, contest, users } = ctx.deps.store;
  // || rather than ??: retention leaves names empty.
  const name = (await rsvps.find(userId))?.name || (await contest.find(userId))?.firstName || (await users.find(userId))?.firstName;
  return escapeHtml(name || ctx.t("audit-someone"));
}

async function broadcastLabel(ctx: FlowContext, id: string): Promise<string> {
  const record = await ctx.deps.store.broadcasts.find(id);
  return escapeHtml(record ? ctx.t("broadcast-name", broadcastName(record.spec, await ctx.i18n.getLocale())) : id);
}

/** One action in the reader's language with the names it concerns; entries from before subjects were kept show as stored. */
async function auditText(ctx: FlowContext, entry: AuditEntry): Promise<string> {
  const subject = entry.subject;
  const raw = `<b>${escapeHtml(entry.action)}</b>: ${escapeHtml(entry.details)}`;
  if (!subject) return raw;
  switch (entry.action) {
    case "winner": {
      const runners = await Promise.all((subject.users ?? []).map((id) => personName(ctx, id)));
      return ctx.t("audit-winner", {
        winner: await personName(ctx, subject.user ?? 0),
        runners: runners.length ? ctx.t("audit-runners", { names: runners.join(", ") }) : ctx.t("audit-runners-none"),
      });
    }
    case "check-in":
      return ctx.t("audit-check-in", { guest: await personName(ctx, subject.user ?? 0) });
    case "export":
      return ctx.t(subject.what === "ideas" ? "audit-export-ideas" : "audit-export-guests", { count: subject.count ?? 0 });
    case "idea-status": {
      const status = ctx.t(ideaStatusKey((subject.status ?? "new") as Parameters<typeof ideaStatusKey>[0]));
      const text = ctx.t("audit-idea-status", { id: String(subject.idea ?? ""), status });
      if (!subject.reason) return text;
      return `${text}: ${escapeHtml(ctx.t(subject.reason === "custom" ? "audit-idea-custom-reason" : `ideas-reason-${subject.reason}`))}`;
    }
    case "broadcast":
    case "broadcast-scheduled":
    case "broadcast-stopped":
    case "broadcast-cancelled": {
      const name = await broadcastLabel(ctx, subject.broadcast ?? "");
      const audience = subject.audience ? ctx.t(`broadcast-audience-${subject.audience}`) : "";
      const when = subject.at ? await momentText(ctx, new Date(subject.at)) : "";
      return ctx.t(`audit-${entry.action}`, { name, audience, count: subject.count ?? 0, when });
    }
    default:
      return raw;
  }
}

type Tool = (typeof TOOLS)[number];

/** What each button opens: the same screen as its command, from the feature that owns it (given at wiring time). */
export type OrganiserTools = Record<Exclude<Tool, "audit">, (ctx: BotContext) => Promise<unknown>>;

async function showHome(ctx: FlowContext) {
  const { users } = ctx.deps.store;
  // Each language by its own name (Русский, Қазақша), as the language screen shows it, not by its code.
  const byLanguage = Object.entries(await users.countByLanguage())
    .map(([language, count]) => `${isSupportedLanguage(language) ? ctx.deps.i18n.t(language, "language-name") : language}: ${count}`)
    .join(", ");
  const { event } = ctx.deps;
  // A tool of a section the event file leaves out would open on "there is none": it is not offered.
  const sectionOf: Partial<Record<Tool, unknown>> = {
    requests: event.rsvp.approval || undefined,
    ideas: event.ideas,
    entries: event.contest,
    winner: event.contest,
    quiz: event.quiz,
    feedback: event.feedback,
  };
  const offered = TOOLS.filter((tool) => !(tool in sectionOf) || sectionOf[tool] !== undefined);
  const keyboard = InlineKeyboard.from([
    offered.map((tool) => InlineKeyboard.text(ctx.t(`admin-tool-${tool}`), adminData.pack({ tool }))),
  ]).toFlowed(2);
  // In a series the tools act on the chosen event: the panel says which.
  await ctx.reply(await withEventHeading(ctx, ctx.t("admin-panel", { users: await users.count(), languages: byLanguage || "—" })), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}

/** Organiser commands: each checks the sender, since commands can be typed by anyone. */
export function adminFeature(tools: OrganiserTools): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChat = feature.chatType("private");
  const open: Record<Tool, (ctx: BotContext) => Promise<unknown>> = { ...tools, audit: showAudit };

  privateChat.command("admin", requireRole("organiser"), showHome);

  // The admin list is checked at each tap: a button outlives the rights of whoever was shown it.
  privateChat.use(
    onTap(adminData, requireRole("organiser"), async (ctx) => {
      await ctx.answerCallbackQuery();
      await open[ctx.callbackData.tool](ctx);
    }),
  );

  privateChat.command("audit", requireRole("organiser"), showAudit);
  return feature;
}

async function showAudit(ctx: FlowContext) {
  const entries = await ctx.deps.store.audit.recent(AUDIT_LINES);
  if (entries.length === 0) {
    await ctx.reply(ctx.t("audit-empty"));
    return;
  }
  // Organisers are named as Telegram knows them (if they started the bot), beside their id.
  const actors = new Map<number, string>();
  for (const actor of new Set(entries.map((entry) => entry.actor))) {
    const known = await ctx.deps.store.users.find(actor);
    const name = known ? `${escapeHtml(known.firstName)}${known.username ? ` @${escapeHtml(known.username)}` : ""}` : "";
    actors.set(actor, name ? `${name} (<code>${actor}</code>)` : `<code>${actor}</code>`);
  }
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const when = await momentText(ctx, new Date(entry.at));
      return `• ${when} — ${actors.get(entry.actor)} — ${await auditText(ctx, entry)}`;
    }),
  );
  await ctx.reply(`${ctx.t("audit-title", { count: entries.length })}\n\n${lines.join("\n")}`, { parse_mode: "HTML" });
}
