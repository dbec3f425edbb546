import { randomBytes } from "node:crypto";
import { InlineKeyboard, type Api, type RawApi } from "grammy";
import { Composer } from "../../bot/composer.js";
import type { BotContext, BotDeps, FlowContext, PersonalDataEraser } from "../../bot/context.js";
import { setChatCommands } from "../../bot/commands.js";
import { languageOf } from "../../event/language.js";
import type { TeamRole } from "../../store/team.js";
import { commandMenu, isAdmin, requireRole } from "../../ui/access.js";
import { onTap } from "../../ui/callback-data.js";
import { momentText } from "../../ui/format.js";
import { escapeHtml } from "../../ui/html.js";
import { showScreen } from "../../ui/screens.js";
import { setMiniAppMenuButton } from "../../ui/miniapp.js";
import { INVITE_USES, teamData } from "./callback-data.js";

/** The deep-link payload of an invite: `team_` and 128 random bits in base64url. */
export const INVITE_PREFIX = "team_";
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const MAX_NAME = 64;

const newInviteToken = () => randomBytes(16).toString("base64url");
const roleName = (ctx: FlowContext, role: TeamRole) => ctx.t(`team-role-${role}`);

/** Someone's language as the bot last knew it (for a message outside their update). */
async function languageOfUser(deps: BotDeps, userId: number): Promise<string> {
  return languageOf(deps.event, (await deps.store.users.find(userId))?.language);
}

/** The roles /team invites to: a juror only where an event of the series has a contest to judge. */
function offeredRoles(deps: BotDeps): TeamRole[] {
  return ["organiser", "staff", ...(deps.series.events.some((event) => event.contest) ? (["juror"] as const) : [])];
}

/** /team: the members with their roles, the invite buttons and a revoke button per member. */
async function showTeam(ctx: FlowContext): Promise<void> {
  const members = (await ctx.deps.store.team.members()).sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));
  const lines = members.map((member) =>
    ctx.t("team-member-line", {
      name: escapeHtml(member.name || ctx.t("audit-someone")),
      role: roleName(ctx, member.role),
      id: String(member.userId),
    }),
  );
  const keyboard = new InlineKeyboard();
  for (const role of offeredRoles(ctx.deps))
    keyboard.text(ctx.t("team-invite-button", { role: roleName(ctx, role) }), teamData.invite.pack({ role })).row();
  for (const member of members) {
    const label = ctx.t("team-revoke-button", {
      name: (member.name || String(member.userId)).slice(0, 40),
      role: roleName(ctx, member.role),
    });
    keyboard.text(label, teamData.revoke.pack({ member: member.userId })).row();
  }
  const list = lines.length ? lines.join("\n") : ctx.t("team-empty");
  await showScreen(ctx, `${ctx.t("team-title", { admins: ctx.deps.adminIds.size })}\n\n${list}`, keyboard);
}

async function askUses(ctx: FlowContext, role: TeamRole): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const uses of INVITE_USES) keyboard.text(ctx.t("team-uses", { count: uses }), teamData.create.pack({ role, uses }));
  keyboard.row().text(ctx.t("team-back"), teamData.home.pack());
  await showScreen(ctx, ctx.t("team-uses-question", { role: roleName(ctx, role) }), keyboard);
}

async function createInvite(ctx: FlowContext, role: TeamRole, uses: number): Promise<void> {
  const { store, clock } = ctx.deps;
  const token = newInviteToken();
  const invite = await store.team.createInvite(token, { role, uses, createdBy: ctx.from!.id }, clock());
  await store.audit.record(ctx.from!.id, "team-invite", `${role} invite, ${uses} uses`, clock());
  const link = `https://t.me/${ctx.me.username}?start=${INVITE_PREFIX}${token}`;
  await showScreen(
    ctx,
    ctx.t("team-invite-created", { role: roleName(ctx, role), count: uses, link, until: await momentText(ctx, invite.expiresAt) }),
    new InlineKeyboard().text(ctx.t("team-back"), teamData.home.pack()),
  );
}

async function askRevoke(ctx: FlowContext, memberId: number): Promise<void> {
  const member = (await ctx.deps.store.team.members()).find((m) => m.userId === memberId);
  if (!member) {
    await ctx.answerCallbackQuery({ text: ctx.t("team-revoke-gone") });
    return showTeam(ctx);
  }
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard()
    .text(ctx.t("team-revoke-yes"), teamData.revokeConfirmed.pack({ member: memberId }))
    .text(ctx.t("team-back"), teamData.home.pack());
  const name = escapeHtml(member.name || String(memberId));
  await showScreen(ctx, ctx.t("team-revoke-confirm", { name, role: roleName(ctx, member.role) }), keyboard);
}

async function revoke(ctx: FlowContext, memberId: number): Promise<void> {
  const { store, clock, i18n, logger } = ctx.deps;
  const member = (await store.team.members()).find((m) => m.userId === memberId);
  const role = await store.team.revoke(memberId);
  if (!role) {
    await ctx.answerCallbackQuery({ text: ctx.t("team-revoke-gone") });
    return showTeam(ctx);
  }
  await ctx.answerCallbackQuery({ text: ctx.t("team-revoked", { name: member?.name || String(memberId) }) });
  await store.audit.record(ctx.from!.id, "team-revoke", `${role} role revoked`, clock(), { user: memberId });
  const language = await languageOfUser(ctx.deps, memberId);
  await ctx.api
    .sendMessage(memberId, i18n.t(language, "team-revoked-member", { role: i18n.t(language, `team-role-${role}`) }))
    .catch((error) => logger.warn({ err: error, member: memberId }, "could not tell a member their role was revoked"));
  await setChatCommands(ctx.api, i18n, memberId, language, {
    menu: "attendee",
    series: ctx.deps.series,
    leftTeam: true,
  }).catch((error) => logger.warn({ err: error, member: memberId }, "could not reset a former member's command menu"));
  await setMiniAppMenuButton(ctx.api, ctx.deps, memberId, undefined, language).catch((error) =>
    logger.warn({ err: error, member: memberId }, "could not reset a former member's menu button"),
  );
  await showTeam(ctx);
}

/** /start team_<token>: the invite link grants its role once per use; the admins are told who joined. */
async function openInvite(ctx: FlowContext, token: string): Promise<void> {
  const { store, clock, i18n, logger, adminIds } = ctx.deps;
  if (isAdmin(ctx)) {
    await ctx.reply(ctx.t("team-invite-admin"));
    return;
  }
  const from = ctx.from!;
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ").slice(0, MAX_NAME);
  const outcome = TOKEN.test(token) ? await store.team.redeem(token, from.id, name, clock()) : ({ result: "unknown" } as const);
  if (outcome.result === "already") {
    await ctx.reply(ctx.t("team-invite-already", { role: roleName(ctx, outcome.role) }));
    return;
  }
  if (outcome.result !== "granted") {
    await ctx.reply(ctx.t(`team-invite-${outcome.result}`));
    return;
  }
  const { role } = outcome;
  logger.info({ role }, "a team role was granted by invite");
  await store.audit.record(from.id, "team-join", `joined as ${role}`, clock(), { user: from.id });
  await ctx.reply(ctx.t(`team-welcome-${role}`), { parse_mode: "HTML" });
  await setChatCommands(ctx.api, i18n, from.id, await ctx.i18n.getLocale(), {
    menu: commandMenu(role),
    series: ctx.deps.series,
  }).catch((error) => logger.warn({ err: error }, "could not set a new member's command menu"));
  // With MINIAPP_URL: the Mini App's door (staff) or dashboard (organisers) behind the menu button.
  await setMiniAppMenuButton(ctx.api, ctx.deps, from.id, role, await ctx.i18n.getLocale()).catch((error) =>
    logger.warn({ err: error }, "could not set a new member's menu button"),
  );
  for (const adminId of adminIds) {
    const language = await languageOfUser(ctx.deps, adminId);
    const text = i18n.t(language, "team-joined-admins", {
      name: escapeHtml(name),
      id: String(from.id),
      role: i18n.t(language, `team-role-${role}`),
    });
    await ctx.api
      .sendMessage(adminId, text, { parse_mode: "HTML" })
      .catch((error) => logger.warn({ err: error, admin: adminId }, "could not tell an admin about a new member"));
  }
}

/** The team: invite links, members and their roles (src/ui/access.ts reads them at every check). */
export const teamFeature = new Composer<BotContext>();
const privateChat = teamFeature.chatType("private");

privateChat.command("start", async (ctx, next) => {
  const payload = ctx.match.trim();
  if (!payload.startsWith(INVITE_PREFIX)) return next();
  await openInvite(ctx, payload.slice(INVITE_PREFIX.length));
});

const admin = requireRole("admin");
privateChat.command("team", admin, showTeam);
privateChat.use(
  onTap(teamData.home, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTeam(ctx);
  }),
);
privateChat.use(
  onTap(teamData.invite, admin, async (ctx, next) => {
    // A role not offered (a juror without a contest) is a forged button.
    if (!offeredRoles(ctx.deps).includes(ctx.callbackData.role)) return next();
    await ctx.answerCallbackQuery();
    await askUses(ctx, ctx.callbackData.role);
  }),
);
privateChat.use(
  onTap(teamData.create, admin, async (ctx, next) => {
    const { role, uses } = ctx.callbackData;
    // Only the offered counts and roles: anything else is a forged button.
    if (!(INVITE_USES as readonly number[]).includes(uses) || !offeredRoles(ctx.deps).includes(role)) return next();
    await ctx.answerCallbackQuery();
    await createInvite(ctx, role, uses);
  }),
);
privateChat.use(onTap(teamData.revoke, admin, (ctx) => askRevoke(ctx, ctx.callbackData.member)));
privateChat.use(onTap(teamData.revokeConfirmed, admin, (ctx) => revoke(ctx, ctx.callbackData.member)));

/** "Forget me" ends a membership (role and name); retention leaves the team alone: it serves the whole series. */
export const teamPersonalData: PersonalDataEraser = {
  async forget(deps: BotDeps, _api: Api<RawApi>, userId: number) {
    await deps.store.team.forget(userId);
  },
  async eraseAll() {},
};
