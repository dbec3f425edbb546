// The Mini App: Telegram's WebApp (or the preview's shim), the user from /me, then the screen the hash names.
import { render } from "preact";
import { createApi, ApiError } from "./api";
import { Shell } from "./shell";
import { isLanguage, translator } from "./i18n";
import { applyTheme, loadWebApp } from "./telegram";
import type { Me } from "./types";
import "./style.css";

const root = document.getElementById("app")!;

function message(text: string): void {
  render(<p class="notice">{text}</p>, root);
}

async function start(): Promise<void> {
  const telegram = await loadWebApp();
  applyTheme(telegram);
  telegram?.onEvent?.("themeChanged", () => applyTheme(telegram));
  telegram?.ready?.();
  telegram?.expand?.();
  // Before /me answers, the texts follow Telegram's own language guess.
  const guess = navigator.language.slice(0, 2);
  const fallback = translator(isLanguage(guess) ? guess : "ru");
  if (!telegram?.initData) return message(fallback("miniapp-open-in-telegram"));
  const api = createApi(telegram.initData);
  let me: Me;
  try {
    me = await api.get<Me>("me");
  } catch (error) {
    const unauthorized = error instanceof ApiError && error.status === 401;
    return message(fallback(unauthorized ? "miniapp-open-in-telegram" : "miniapp-error"));
  }
  const language = isLanguage(me.language) ? me.language : "ru";
  document.documentElement.lang = language;
  render(<Shell context={{ api, me, t: translator(language), telegram }} />, root);
}

void start();
