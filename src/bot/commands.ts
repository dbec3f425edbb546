import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import type { Language } from "../event/schema.js";
import type { BotContext } from "./context.js";

export const ATTENDEE_COMMANDS = ["start", "info", "rsvp", "contest", "idea", "language", "privacy", "help", "cancel"] as const;
export const ORGANISER_COMMANDS = [
  "admin",
  "ideas",
  "stats",
  "export",
  "checkin",
  "broadcast",
  "broadcasts",
  "entries",
  "winner",
  "quiz",
  "audit",
  "feedback",
] as const;

function describe(i18n: I18n<BotContext>, language: string, names: readonly string[]): BotCommand[] {
  return names.map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
}

/**
 * One chat's command menu in the language its user picked: Telegram otherwise shows the list for
 * the app's language. An organiser's chat gets the organiser commands, for every app language,
 * since their chat already has a list per language.
 */
export async function setChatCommands(
  api: Api,
  i18n: I18n<BotContext>,
  chatId: number,
  language: string,
  options: { organiser: boolean; languages: readonly Language[] },
): Promise<void> {
  const names = options.organiser ? [...ATTENDEE_COMMANDS, ...ORGANISER_COMMANDS] : ATTENDEE_COMMANDS;
  const commands = describe(i18n, language, names);
  const scope = { type: "chat" as const, chat_id: chatId };
  await api.setMyCommands(commands, { scope });
  if (options.organiser) for (const code of options.languages) await api.setMyCommands(commands, { scope, language_code: code });
}

/**
 * The command menu in every event language (the first one also as the default), and the
 * organiser commands on top of those only in each admin's private chat.
 */
export async function registerCommands(
  api: Api,
  i18n: I18n<BotContext>,
  languages: readonly Language[],
  adminIds: Iterable<number>,
): Promise<void> {
  const attendee = (language: string) => describe(i18n, language, ATTENDEE_COMMANDS);
  const organiser = (language: string) => describe(i18n, language, [...ATTENDEE_COMMANDS, ...ORGANISER_COMMANDS]);
  await api.setMyCommands(attendee(languages[0]!));
  for (const language of languages) await api.setMyCommands(attendee(language), { language_code: language });
  for (const chat_id of adminIds) {
    const scope = { type: "chat" as const, chat_id };
    await api.setMyCommands(organiser(languages[0]!), { scope });
    for (const language of languages) await api.setMyCommands(organiser(language), { scope, language_code: language });
  }
}
