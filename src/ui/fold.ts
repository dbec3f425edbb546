/** A text as compared with what someone typed: lower case, ё as е, single spaces (name searches, typed button labels). */
export const fold = (text: string) => text.toLocaleLowerCase("ru").replaceAll("ё", "е").replace(/\s+/g, " ").trim();
