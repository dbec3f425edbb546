import { InlineKeyboard, type Api, type RawApi } from "grammy";
import type { BotDeps } from "../bot/context.js";
import { languageOf } from "../event/language.js";
import type { Role } from "./access.js";

/** The Mini App's screens (hash routes of its page). */
export type MiniAppScreen = "door" | "dashboard" | "ticket" | "map";

/** The Mini App's address for a screen, or undefined without MINIAPP_URL (then no button anywhere). */
export function miniAppLink(deps: Pick<BotDeps, "miniappUrl">, screen: MiniAppScreen): string | undefined {
  if (!deps.miniappUrl) return undefined;
  return `${deps.miniappUrl.split("#")[0]}#/${screen}`;
}

/** Adds a `web_app` button opening a screen (private chats only, as Telegram allows); nothing without MINIAPP_URL. */
export function addMiniAppButton(keyboard: InlineKeyboard, deps: Pick<BotDeps, "miniappUrl">, text: string, screen: MiniAppScreen) {
  const url = miniAppLink(deps, screen);
  return url ? keyboard.webApp(text, url).row() : keyboard;
}

/** A keyboard of one `web_app` button, or undefined without MINIAPP_URL (the message goes without one, as before). */
export function miniAppKeyboard(deps: Pick<BotDeps, "miniappUrl">, text: string, screen: MiniAppScreen): InlineKeyboard | undefined {
  const url = miniAppLink(deps, screen);
  return url ? new InlineKeyboard().webApp(text, url) : undefined;
}

/** The screen a role's menu button opens: the dashboard for organisers, the door for staff; none for others. */
function menuScreen(role: Role | undefined): "dashboard" | "door" | undefined {
  if (role === "admin" || role === "organiser") return "dashboard";
  return role === "staff" ? "door" : undefined;
}

/**
 * The chat's menu button: a `web_app` button to the Mini App for organisers and staff, Telegram's
 * default for anyone else (a revoked member). Nothing without MINIAPP_URL.
 */
export async function setMiniAppMenuButton(
  api: Api<RawApi>,
  deps: Pick<BotDeps, "miniappUrl" | "i18n">,
  chatId: number,
  role: Role | undefined,
  language: string,
): Promise<void> {
  if (!deps.miniappUrl) return;
  const screen = menuScreen(role);
  const url = screen && miniAppLink(deps, screen);
  if (!screen || !url) {
    await api.setChatMenuButton({ chat_id: chatId, menu_button: { type: "default" } });
    return;
  }
  const text = deps.i18n.t(language, `webapp-menu-${screen}`);
  await api.setChatMenuButton({ chat_id: chatId, menu_button: { type: "web_app", text, web_app: { url } } });
}

/**
 * At start-up: the admins' and the team's menu buttons (a role given while another process ran, an
 * address changed). Someone who never started the bot is skipped with a warning (Telegram knows no chat).
 */
export async function setTeamMenuButtons(api: Api<RawApi>, deps: BotDeps): Promise<void> {
  if (!deps.miniappUrl) return;
  const roles = new Map<number, Role>();
  for (const member of await deps.store.team.members()) roles.set(member.userId, member.role);
  for (const adminId of deps.adminIds) roles.set(adminId, "admin");
  for (const [userId, role] of roles) {
    if (!menuScreen(role)) continue;
    const language = languageOf(deps.event, (await deps.store.users.find(userId))?.language);
    await setMiniAppMenuButton(api, deps, userId, role, language).catch((error) =>
      deps.logger.warn({ err: error, user_id: userId }, "could not set the Mini App menu button"),
    );
  }
}
