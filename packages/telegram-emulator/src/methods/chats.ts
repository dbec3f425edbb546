/** The bot's profile and settings (getMe, commands, menu button) and chat information (getChat, getChatMember, leaveChat). */
import { badRequest } from "../api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import { stableJson } from "../message-fields.js";
import { isPlainObject, type ApiParams } from "../request-body.js";
import { checkBotCommands } from "../telegram-checks.js";
import type { MethodTable } from "./types.js";

export function chatMethods(state: EmulatorState): MethodTable {
  return {
    getMe: () => state.botInfo,
    getMyName: () => ({ name: state.botInfo.first_name }),
    getMyDescription: () => ({ description: "" }),
    getMyShortDescription: () => ({ short_description: "" }),
    setMyCommands: (p) => setMyCommands(state, p),
    getMyCommands: (p) => state.myCommands.get(commandsKey(p)) ?? [],
    deleteMyCommands: (p) => state.myCommands.delete(commandsKey(p)) || true,
    setChatMenuButton: (p) => setChatMenuButton(state, p),
    getChatMenuButton: (p) => state.menuButtons.get(String(p.number("chat_id") ?? "")) ?? { type: "commands" },
    getChat: (p) => getChat(state, p),
    getChatMember: (p) => getChatMember(state, p),
    leaveChat: (p) => leaveChat(state, p),
  };
}

/** setMyCommands stores per (scope, language_code), like Telegram. */
export function commandsKey(p: ApiParams): string {
  const scope = p.raw("scope");
  const normalized = isPlainObject(scope) ? stableJson(scope) : stableJson({ type: "default" });
  return `${normalized}|${p.string("language_code") ?? ""}`;
}

function setMyCommands(state: EmulatorState, p: ApiParams): true {
  const commands = checkBotCommands(p.raw("commands"));
  state.myCommands.set(commandsKey(p), commands);
  return true;
}

function setChatMenuButton(state: EmulatorState, p: ApiParams): true {
  const button = p.raw("menu_button") ?? { type: "default" };
  if (!isPlainObject(button) || !["commands", "web_app", "default"].includes(String(button["type"]))) {
    throw badRequest("can't parse menu button");
  }
  state.menuButtons.set(String(p.number("chat_id") ?? ""), button);
  return true;
}

function getChat(state: EmulatorState, p: ApiParams): unknown {
  const chat = state.targetChat(p, false);
  // A minimal ChatFullInfo: the always-present fields.
  return { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
}

function getChatMember(state: EmulatorState, p: ApiParams): unknown {
  const chat = state.targetChat(p, false);
  const userId = p.requireNumber("user_id", "user_id is empty");
  const user =
    userId === state.botInfo.id ? state.botUser : (state.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` });
  const status = state.memberStatus.get(`${chat.id}:${userId}`) ?? "member";
  return { status, user, ...(status === "kicked" ? { until_date: 0 } : {}) };
}

function leaveChat(state: EmulatorState, p: ApiParams): true {
  const chat = state.targetChat(p, false);
  if (chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
  state.left.add(chat.id);
  return true;
}
