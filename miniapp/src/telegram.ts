// Telegram.WebApp, as far as this app uses it. Every call is optional: an older client, a plain
// browser or the preview's shim may lack a method, and a missing one must never break the page.

export type HapticType = "success" | "warning" | "error";

export interface WebApp {
  initData: string;
  colorScheme?: "light" | "dark";
  themeParams?: Record<string, string | undefined>;
  ready?(): void;
  expand?(): void;
  showScanQrPopup?(params: { text?: string }, callback?: (data: string) => boolean | void): void;
  closeScanQrPopup?(): void;
  HapticFeedback?: { notificationOccurred?(type: HapticType): void };
  onEvent?(event: string, handler: () => void): void;
  offEvent?(event: string, handler: () => void): void;
  isVersionAtLeast?(version: string): boolean;
}

declare global {
  interface Window {
    Telegram?: { WebApp?: WebApp };
  }
}

const SCRIPT_URL = "https://telegram.org/js/telegram-web-app.js";
const SCRIPT_WAIT_MS = 4_000;

/** Telegram's script, loaded only when nothing (the preview's shim) provides WebApp already. */
export async function loadWebApp(): Promise<WebApp | undefined> {
  if (window.Telegram?.WebApp) return window.Telegram.WebApp;
  await new Promise<void>((resolve) => {
    const script = document.createElement("script");
    const timer = setTimeout(resolve, SCRIPT_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    script.src = SCRIPT_URL;
    script.onload = done;
    script.onerror = done;
    document.head.append(script);
  });
  return window.Telegram?.WebApp;
}

/** Telegram's theme as CSS variables (--tg-theme-bg-color…) and the colour scheme on <html>. */
export function applyTheme(app: WebApp | undefined): void {
  const root = document.documentElement;
  const scheme = app?.colorScheme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  root.dataset["scheme"] = scheme;
  for (const [key, value] of Object.entries(app?.themeParams ?? {})) {
    if (typeof value === "string" && /^#[0-9a-f]{3,8}$/i.test(value)) root.style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value);
  }
}

export function haptic(app: WebApp | undefined, type: HapticType): void {
  try {
    app?.HapticFeedback?.notificationOccurred?.(type);
  } catch {
    // Haptics are a courtesy: an old client without them still checks guests in.
  }
}

/** Whether this client has the QR scanner (Bot API 6.4+). */
export function canScan(app: WebApp | undefined): boolean {
  if (typeof app?.showScanQrPopup !== "function") return false;
  return app.isVersionAtLeast ? app.isVersionAtLeast("6.4") : true;
}
