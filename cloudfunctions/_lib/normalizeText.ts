/**
 * Text as a checker (or a duplicate finder) should see it: the same characters whatever width, spacing, separators
 * or invisible marks a writer used to dress them up. Pure functions, no I/O; used by the local content check and
 * by the grouping of near-identical publicity comments.
 */

/** Zero-width and formatting characters, bidi embeddings/overrides/isolates, fillers that render as nothing. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** Chinese numerals a writer can spell a phone number with (幺 is "one" on the phone). */
const CHINESE_DIGITS: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4',
  五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 拐: '7', 八: '8', 捌: '8', 九: '9', 玖: '9', 勾: '9',
};
/** Seven or more numerals in a row read as a number (ordinary prose never strings so many together). */
const CHINESE_NUMBER_RUN = new RegExp(`[${Object.keys(CHINESE_DIGITS).join('')}]{7,}`, 'g');

/** What may stand between the digits of one number: spaces, dashes of every kind, dots, slashes, brackets, commas. */
const DIGIT_SEPARATORS = /(?<=\d)[\s\p{Pd}.·•_/\\|,，、:：()（）[\]【】]+(?=\d)/gu;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Full-width letters, digits and punctuation to their ordinary forms (NFKC), circled digits to digits, lower case. */
export function normalizeText(text: string): string {
  return stripInvisible(text).normalize('NFKC').toLowerCase();
}

/** Without any whitespace, punctuation or symbols: for finding words a writer spaced or dotted apart. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/[\s\p{P}\p{S}_]/gu, '');
}

/** Numbers as numbers: numerals spelled in Chinese become digits, and separators inside a number go. */
export function joinDigits(text: string): string {
  return normalizeText(text)
    .replace(CHINESE_NUMBER_RUN, (run) => [...run].map((c) => CHINESE_DIGITS[c]).join(''))
    .replace(DIGIT_SEPARATORS, '');
}

/** A mainland mobile number (optionally +86) standing alone, not inside a longer number. */
export const MOBILE = /(?<![0-9])(?:0?86)?1[3-9]\d{9}(?![0-9])/;
/** A resident ID number: 18 characters, the last a digit or X, standing alone. */
export const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![0-9a-z])/;

/** Phone or ID numbers in the text, however they were written. */
export function hasPersonalNumber(text: string): boolean {
  const digits = joinDigits(text);
  return MOBILE.test(digits) || ID_NUMBER.test(digits);
}

/** Whether any of the words occurs, ignoring width, case, spacing, punctuation and invisible characters. */
export function containsWord(text: string, words: readonly string[]): boolean {
  const plain = compactText(text);
  return words.some((w) => plain.includes(compactText(w)));
}
