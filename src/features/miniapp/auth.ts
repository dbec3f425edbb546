import { parse, validate } from "@telegram-apps/init-data-node";
import type { MiniAppUser } from "./types.js";

/** initData is a few hundred bytes; anything far longer is not Telegram's. */
const MAX_INIT_DATA = 8_192;

/**
 * The user of `Authorization: tma <initData>`, validated as Telegram specifies (HMAC-SHA256 keyed
 * by the bot token, by @telegram-apps/init-data-node) and no older than `maxAgeSeconds`; undefined
 * for no header, another scheme, a bad or foreign signature, an expired or missing auth_date, no user.
 */
export function authenticate(header: string | undefined, botToken: string, maxAgeSeconds: number): MiniAppUser | undefined {
  const match = header === undefined ? null : /^tma (.+)$/.exec(header);
  const initData = match?.[1];
  if (!initData || initData.length > MAX_INIT_DATA) return undefined;
  try {
    validate(initData, botToken, { expiresIn: maxAgeSeconds });
    const user = parse(initData).user;
    if (!user || !Number.isSafeInteger(user.id) || user.id <= 0) return undefined;
    return { id: user.id, firstName: user.first_name, languageCode: user.language_code };
  } catch {
    return undefined;
  }
}
