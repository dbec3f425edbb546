import { describe, expect, it } from "vitest";
import { eventWith } from "./support/event-file.js";
import { botPerTest, type TestBot } from "./support/harness.js";

const startTestBot = botPerTest();
let bot: TestBot | undefined;

type Lang = "ru" | "kk" | "en";
const PHONE = { ru: "Ваш телефон?", kk: "Телефоныңыз?", en: "Your phone?" };

/** The bundled event moved to `timezone`, with a phone as its only question. */
const phoneEvent = (timezone: string) => eventWith({ timezone, rsvp: { questions: [{ id: "phone", type: "phone", label: PHONE }] } });

/** A guest speaking `lang` who agreed and gave a name: the form asks for the phone. */
async function guestAtPhone(lang: Lang) {
  const t = (key: string) => bot!.running.deps.i18n.t(lang, key);
  const guest = bot!.user({ languageCode: lang });
  await guest.command("rsvp");
  await guest.tap(t("consent-agree"));
  await guest.send("Ann Lee");
  expect(guest.lastText()).toContain(PHONE[lang]);
  return guest;
}

describe("RSVP: a phone number as dialled where the event is", () => {
  it("takes a national number of the event's country and reads it grouped; a wrong one gets that country's examples", async () => {
    bot = await startTestBot({ eventFile: phoneEvent("Europe/Berlin") });
    const wrong = {
      en: "This does not look like a phone number. Examples: 01512 3456789, +49 1512 3456789",
      ru: "Это не похоже на номер телефона. Примеры: 01512 3456789, +49 1512 3456789",
      kk: "Бұл телефон нөміріне ұқсамайды. Мысалдар: 01512 3456789, +49 1512 3456789",
    };
    for (const lang of ["en", "ru", "kk"] as const) {
      const guest = await guestAtPhone(lang);
      await guest.send("12");
      expect(guest.lastText()).toBe(`✋ ${wrong[lang]}`);
      await guest.send("0151 23456789");
      expect(guest.messages().at(-2)?.text).toContain("+49 1512 3456789");
      expect(guest.lastText()).toContain(`${PHONE[lang]} — +49 1512 3456789`);
      await guest.tap(bot.running.deps.i18n.t(lang, "rsvp-confirm"));
      expect((await bot.running.deps.store.rsvps.find(guest.id))?.answers).toEqual({ phone: "+4915123456789" });
    }
  });

  it("in Kazakhstan's zones a number with 8 is +7, and any country's number with + or 00 is taken everywhere", async () => {
    bot = await startTestBot({ eventFile: phoneEvent("Asia/Aqtobe") });
    const guest = await guestAtPhone("kk");
    await guest.send("0044 20 7946 0958");
    expect(guest.lastText()).toContain(`${PHONE.kk} — +44 20 7946 0958`);
    await guest.tap("✏️ Жауапты өзгерту");
    await guest.tap(PHONE.kk);
    await guest.send("8 701 765 05 10");
    expect(guest.lastText()).toContain(`${PHONE.kk} — +7 701 765 05 10`);
  });

  it.each([
    {
      zone: "UTC",
      why: "a zone of no one country takes an international number only, and the hint says so",
      wrong: "8 701 765 05 10",
      examples: "+44 20 7946 0958",
      typed: "+7 701 765 05 10",
      shown: "+7 701 765 05 10",
    },
    {
      zone: "America/New_York",
      why: "the area code in brackets first is read, as the bot's own example shows it",
      wrong: "12",
      examples: "(201) 555-0123, +1 201 555 0123",
      typed: "(212) 555-0123",
      shown: "+1 212 555 0123",
    },
  ])("$zone: $why", async ({ zone, wrong, examples, typed, shown }) => {
    bot = await startTestBot({ eventFile: phoneEvent(zone) });
    const guest = await guestAtPhone("en");
    await guest.send(wrong);
    expect(guest.lastText()).toBe(`✋ This does not look like a phone number. Examples: ${examples}`);
    await guest.send(typed);
    expect(guest.lastText()).toContain(`Your phone? — ${shown}`);
    // Nothing is stored before Confirm.
    expect(await bot.running.deps.store.rsvps.find(guest.id)).toBeUndefined();
  });
});
