import type { TelegramUser } from "./telegram-user.js";

/** Registers through the RSVP form with the English labels: consent first, then the Skip and Share buttons. */
export async function registerInEnglish(user: TelegramUser, name = "Aigerim Saparova") {
  await user.command("rsvp");
  await user.tap("✅ I agree");
  await user.send(name);
  await user.tap("Media");
  await user.tap("Skip ➡️");
  await user.tapReply("📱 Share my phone");
  return user.tap("✅ Confirm");
}
