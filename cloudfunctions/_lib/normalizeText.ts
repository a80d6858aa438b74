/**
 * Text as a checker (or a duplicate finder) should see it: the same characters whatever width, spacing, separators,
 * invisible marks or traditional characters a writer used to dress them up. Pure functions, no I/O; the one place
 * text is folded, used by the local content check, the grouping of near-identical publicity comments and every
 * uniqueness or ban check that compares names (`sameNameKey`: the re-entry ban's product names, contract numbers,
 * tailoring and needs duplicates, organisation names, the draw's workplace names).
 *
 * Server-side only: it carries opencc-js's traditional→simplified dictionaries (about 110 KB), which must never reach
 * the mini-program (src/ and types/ do not import this file; tests/unit/mini-program-runtime.test.ts checks).
 */
import { ConverterFactory, Locale } from 'opencc-js/t2cn';

/**
 * What renders as nothing: Unicode's default-ignorable code points (soft hyphen U+00AD, zero-width space/joiners
 * U+200B–U+200D, marks U+200E/F, word joiner and invisible operators U+2060–U+2064, bidi controls, variation selectors,
 * the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, BOM, tags …), every other format character (\p{Cf}), and the
 * blank braille pattern U+2800.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/gu;

/**
 * Traditional (and Hong Kong / Taiwan variant) characters to simplified, with OpenCC's maintained dictionaries:
 * 勞動爭議 → 劳动争议, 裡/裏 → 里, 衞 → 卫. Hong Kong then Taiwan variants to standard traditional, then to mainland
 * simplified, in one converter. Building its tries takes a few hundred milliseconds, so it is built on the first text
 * that has a Han character (a function that never folds Chinese never pays for it; ASCII contract numbers never do).
 */
let converter: ((text: string) => string) | null = null;
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  converter ??= ConverterFactory(Locale.from.hk, Locale.from.tw, Locale.to.cn);
  return converter(text);
}

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

/**
 * Full-width letters, digits and punctuation to their ordinary forms (NFKC: also half-width katakana, circled digits,
 * compatibility ideographs), invisible characters gone, traditional characters simplified, lower case.
 */
export function normalizeText(text: string): string {
  return toSimplified(stripInvisible(text.normalize('NFKC'))).toLowerCase();
}

/** Without any whitespace, punctuation or symbols: for finding words a writer spaced or dotted apart. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/[\s\p{P}\p{S}_]/gu, '');
}

/**
 * The key two names (product names, organisation names, contract numbers, a need's text) are compared by in every
 * uniqueness or ban check: equal keys are the same name, however it was spaced, punctuated, widened, cased, dressed in
 * invisible characters or written in traditional characters.
 */
export const sameNameKey = compactText;

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
