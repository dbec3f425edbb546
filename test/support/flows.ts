import type { TelegramUser } from "./telegram-user.js";

/** I agree under a consent, in any of the bot's languages. */
const AGREE = /^✅ (I agree|Даю согласие|Келісемін)$/;

/**
 * Taps the button that opens an idea or contest entry form, then I agree under the consent asked
 * before a person's first one (src/ui/consent.ts); returns what the last tap brought.
 */
export async function openSubmission(user: TelegramUser, button: string | RegExp | { data: string }) {
  const replies = typeof button === "object" && "data" in button ? await user.tapData(button.data) : await user.tap(button);
  const agree = user.buttons().find((label) => AGREE.test(label));
  return agree ? user.tap(agree) : replies;
}

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

/** Proposes an idea in English (Bike lanes, no photo, no place) and submits it. */
export async function proposeIdeaInEnglish(user: TelegramUser, text = "A protected bike lane along Abay avenue to the river") {
  await user.command("idea");
  await openSubmission(user, "✍️ Propose an idea");
  await user.tap("Bike lanes");
  await user.send(text);
  await user.tap("Skip ➡️");
  await user.tapReply("Skip ➡️");
  return user.tap("✅ Submit");
}

/** Sends a contest entry in English: the post's link, the idea and a photo. */
export async function enterContestInEnglish(user: TelegramUser, link = "https://www.instagram.com/p/CxYz123abc/") {
  await user.command("contest");
  await openSubmission(user, "📤 Submit my entry");
  await user.send(link);
  await user.send("Shade trees and benches along every tram stop");
  return user.sendPhoto();
}
