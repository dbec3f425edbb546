/**
 * Telegram Mini App launch data (initData) signed as Telegram signs it, for the preview's shim and the
 * tests: the fields sorted as "key=value" lines, HMAC-SHA256 keyed by HMAC-SHA256("WebAppData", bot token).
 */
import { createHmac, randomBytes } from "node:crypto";

export interface InitDataUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export function signInitData(token: string, user: InitDataUser, authDate: Date = new Date()): string {
  const fields = new URLSearchParams({
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    query_id: `preview-${user.id}-${authDate.getTime()}`,
    user: JSON.stringify(user),
    // Telegram adds an Ed25519 signature for third parties (Bot API 8.0), part of the HMAC's data like any
    // other field; parsers may expect it. Nobody checks it against Telegram's public key here.
    signature: randomBytes(64).toString("base64url"),
  });
  const checkString = [...fields]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  fields.set("hash", createHmac("sha256", secret).update(checkString).digest("hex"));
  return fields.toString();
}

/** The check the bot's API makes (its own code uses @telegram-apps/init-data-node): for the test stub. */
export function verifyInitData(token: string, initData: string, maxAgeSeconds: number, now: Date = new Date()): InitDataUser | undefined {
  const fields = new URLSearchParams(initData);
  const hash = fields.get("hash");
  if (!hash) return undefined;
  fields.delete("hash");
  const checkString = [...fields]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
  const secret = createHmac("sha256", "WebAppData").update(token).digest();
  if (createHmac("sha256", secret).update(checkString).digest("hex") !== hash) return undefined;
  const authDate = Number(fields.get("auth_date"));
  if (!Number.isFinite(authDate) || now.getTime() / 1000 - authDate > maxAgeSeconds) return undefined;
  try {
    return JSON.parse(fields.get("user") ?? "") as InitDataUser;
  } catch {
    return undefined;
  }
}
