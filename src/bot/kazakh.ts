/**
 * Kazakh case endings chosen by the word they follow: vowel harmony (back or front vowels) and
 * the final sound (vowel or voiced consonant, or voiceless). Numbers written in digits take the
 * ending of their last spoken word: 12 → «екі» → «12-ге», 59 → «тоғыз» → «59-ға».
 */

const UNITS = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
const TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"];
const BACK_VOWELS = "аоұыяё";
const FRONT_VOWELS = "әеөүіэ";
const VOICELESS = "кқпстфхһцчшщ";

/** The last word said when reading a whole number aloud in Kazakh. */
export function lastSpokenWord(n: number): string {
  if (n % 10 !== 0) return UNITS[n % 10]!;
  if (n === 0) return UNITS[0]!;
  if (n % 100 !== 0) return TENS[(n % 100) / 10]!;
  if (n % 1000 !== 0) return "жүз";
  if (n % 1_000_000 !== 0) return "мың";
  return "миллион";
}

/** The dative ending (-ға/-ге/-қа/-ке) of a word. */
export function dativeEnding(word: string): string {
  const letters = word.toLowerCase().replace(/[^\p{L}]/gu, "");
  const vowels = [...letters].filter((c) => BACK_VOWELS.includes(c) || FRONT_VOWELS.includes(c));
  const back = vowels.length > 0 && BACK_VOWELS.includes(vowels[vowels.length - 1]!);
  const voiceless = VOICELESS.includes(letters.at(-1) ?? "");
  if (voiceless) return back ? "қа" : "ке";
  return back ? "ға" : "ге";
}

/** The number a token written in digits is read as: «12:00» as 12 (the hour), «23:59» as 59, «2017» as 2017. */
function spokenNumber(token: string): number {
  const [hours, minutes] = token.split(":");
  return minutes !== undefined && Number(minutes) !== 0 ? Number(minutes) : Number(hours);
}

/** One phrase in the dative: the ending goes on its last word («29 қараша» → «29 қарашаға», «12:00» → «12:00-ге»). */
function phraseDative(phrase: string): string {
  const match = /^(.*?)(\S+)(\s*)$/su.exec(phrase);
  if (!match) return phrase;
  const [, head, last, tail] = match as unknown as [string, string, string, string];
  if (/^\d[\d:]*$/.test(last)) return `${head}${last}-${dativeEnding(lastSpokenWord(spokenNumber(last)))}${tail}`;
  if (!/\p{L}$/u.test(last)) return phrase;
  return `${head}${last}${dativeEnding(last)}${tail}`;
}

/**
 * A date or moment in the dative, as «дейін» (until) needs it: each comma-separated part takes
 * the ending («2017 жылғы 29 қараша, 12:00» → «2017 жылғы 29 қарашаға, 12:00-ге»).
 */
export function kazakhDative(text: string): string {
  return text
    .split(",")
    .map((part) => phraseDative(part))
    .join(",");
}
