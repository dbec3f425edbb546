import type { TelegramUser } from "./telegram-user.js";

/** Registers through the RSVP form with the English labels, the Skip and Share buttons. */
export async function registerInEnglish(user: TelegramUser, name = "Aigerim Saparova") {
  await user.command("rsvp");
  await user.send(name);
  await user.tap("Media");
  await user.tap("Skip ➡️");
  await user.tapReply("📱 Share my phone");
  await user.tap("✅ I agree");
  return user.tap("✅ Confirm");
}
