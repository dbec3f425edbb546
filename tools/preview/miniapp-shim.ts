/**
 * The preview's Telegram.WebApp shim (web/telegram-shim.js) and its settings: initData signed with the
 * preview's token for a persona, Telegram's theme colours, and the tickets its scanner offers.
 */
import { readFile } from "node:fs/promises";
import { signInitData, type InitDataUser } from "./init-data.js";

const SHIM_FILE = new URL("./web/telegram-shim.js", import.meta.url);

export interface ShimTicket {
  /** What the scanner's list shows, e.g. the guest's name. */
  label: string;
  /** The QR text "scanned": the ticket's deep link. */
  data: string;
}

/** Telegram's default colours (its desktop client's light and night themes). */
export const THEMES = {
  light: {
    bg_color: "#ffffff",
    text_color: "#000000",
    hint_color: "#707579",
    link_color: "#3390ec",
    button_color: "#3390ec",
    button_text_color: "#ffffff",
    secondary_bg_color: "#f4f4f5",
  },
  dark: {
    bg_color: "#212121",
    text_color: "#ffffff",
    hint_color: "#aaaaaa",
    link_color: "#8774e1",
    button_color: "#8774e1",
    button_text_color: "#ffffff",
    secondary_bg_color: "#181818",
  },
};

export interface ShimConfig {
  initData: string;
  user: InitDataUser;
  colorScheme: "light" | "dark";
  themeParams: Record<string, string>;
  tickets: ShimTicket[];
}

export function shimConfig(
  token: string,
  user: InitDataUser,
  tickets: ShimTicket[],
  options: { colorScheme?: "light" | "dark"; now?: Date } = {},
): ShimConfig {
  const colorScheme = options.colorScheme ?? "light";
  return { initData: signInitData(token, user, options.now), user, colorScheme, themeParams: THEMES[colorScheme], tickets };
}

/** The shim with its settings, as one script to run before the Mini App's own. */
export async function shimScript(config: ShimConfig): Promise<string> {
  // "<" escaped: the JSON may sit inside an HTML <script> element.
  const settings = JSON.stringify(config).replace(/</g, "\\u003c");
  return `window.previewTelegram = ${settings};\n${await readFile(SHIM_FILE, "utf8")}`;
}

/** The Mini App's index.html with the shim run first (in <head>, before the page's module script). */
export async function withShim(html: string, config: ShimConfig): Promise<string> {
  const script = `<script>${await shimScript(config)}</script>`;
  return html.includes("</head>") ? html.replace("</head>", `${script}</head>`) : script + html;
}
