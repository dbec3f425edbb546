import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import type { EventInfo } from "../event/load.js";
import type { Series } from "../event/series.js";
import type { BotContext } from "./context.js";

/** The command a message starts with ("/cancel@bot now" → "cancel"), lower-cased; undefined for other text. */
export const commandOf = (text: string | undefined): string | undefined =>
  text?.match(/^\/([A-Za-z0-9_]+)(?:@\w+)?(?:\s|$)/)?.[1]?.toLowerCase();

export const ATTENDEE_COMMANDS = [
  "start",
  "events",
  "info",
  "rsvp",
  "contest",
  "idea",
  "language",
  "privacy",
  "help",
  "cancel",
  "notifications",
] as const;
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
  "vote",
  "find",
  "feedback",
  "requests",
] as const;
/** The door team's menu on top of the attendees' (check-in, guest search, the checked-in counter). */
export const STAFF_COMMANDS = ["checkin", "find", "stats"] as const;
/** Only admins manage the team. */
export const ADMIN_COMMANDS = ["team", "reload"] as const;

/** Whose command menu a chat gets. */
export type CommandMenu = "attendee" | "staff" | "organiser" | "admin";

/** The commands of an optional section of the event file. */
const SECTION_COMMANDS = {
  contest: ["contest", "entries", "winner"],
  ideas: ["idea", "ideas", "vote"],
  quiz: ["quiz"],
  feedback: ["feedback"],
} as const satisfies Partial<Record<keyof EventInfo, readonly string[]>>;

/** What a menu depends on: the series' events (their sections) and its interface languages. */
export type MenuSeries = Pick<Series, "events" | "languages">;

/** A menu leaves out what the series does not offer (a section, a second language): those commands would answer "there is none". */
function commandsLeadingNowhere(series: MenuSeries): ReadonlySet<string> {
  const absent = Object.entries(SECTION_COMMANDS).filter(([section]) => !series.events.some((event) => event[section as keyof EventInfo]));
  const names: string[] = absent.flatMap(([, commands]) => commands);
  if (series.languages.length < 2) names.push("language");
  return new Set(names);
}

function roleCommands(menu: CommandMenu): readonly string[] {
  if (menu === "staff") return [...ATTENDEE_COMMANDS, ...STAFF_COMMANDS];
  if (menu === "organiser") return [...ATTENDEE_COMMANDS, ...ORGANISER_COMMANDS];
  if (menu === "admin") return [...ATTENDEE_COMMANDS, ...ORGANISER_COMMANDS, ...ADMIN_COMMANDS];
  return ATTENDEE_COMMANDS;
}

export function menuCommands(menu: CommandMenu, series: MenuSeries): readonly string[] {
  const absent = commandsLeadingNowhere(series);
  return roleCommands(menu).filter((name) => !absent.has(name));
}

function describe(i18n: I18n<BotContext>, language: string, names: readonly string[]): BotCommand[] {
  return names.map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
}

/**
 * One chat's command menu in the language its user picked: Telegram otherwise shows the list for
 * the app's language. A team member's chat gets its role's commands, for every app language,
 * since their chat already has a list per language; `leftTeam` deletes those lists (a revoked member).
 */
export async function setChatCommands(
  api: Api,
  i18n: I18n<BotContext>,
  chatId: number,
  language: string,
  options: { menu: CommandMenu; series: MenuSeries; leftTeam?: boolean },
): Promise<void> {
  const commands = describe(i18n, language, menuCommands(options.menu, options.series));
  const scope = { type: "chat" as const, chat_id: chatId };
  await api.setMyCommands(commands, { scope });
  // Every interface language of the series, whichever event the chat has chosen.
  for (const code of options.series.languages) {
    if (options.menu !== "attendee") await api.setMyCommands(commands, { scope, language_code: code });
    else if (options.leftTeam) await api.deleteMyCommands({ scope, language_code: code });
  }
}

/**
 * The command menu in every language of the series (the first one also as the default), and the
 * organiser commands on top of those only in each admin's private chat. Set at start and after each /reload.
 */
export async function registerCommands(api: Api, i18n: I18n<BotContext>, series: Series, adminIds: Iterable<number>): Promise<void> {
  const { languages } = series;
  const attendee = (language: string) => describe(i18n, language, menuCommands("attendee", series));
  const organiser = (language: string) => describe(i18n, language, menuCommands("admin", series));
  await api.setMyCommands(attendee(languages[0]!));
  for (const language of languages) await api.setMyCommands(attendee(language), { language_code: language });
  for (const chat_id of adminIds) {
    const scope = { type: "chat" as const, chat_id };
    await api.setMyCommands(organiser(languages[0]!), { scope });
    for (const language of languages) await api.setMyCommands(organiser(language), { scope, language_code: language });
  }
}
