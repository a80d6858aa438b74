/**
 * The text analysis search shares between queries and products (server-side only: the mini-program carries none of it).
 * - normalise: full-width to half-width (NFKC), lower case, punctuation to spaces;
 * - words: Node's own ICU word segmenter (`Intl.Segmenter('zh', { granularity: 'word' })`, a dictionary segmenter that
 *   ships with every official Node build — no dependency, no native module), stop words dropped;
 * - pinyin without tones, in full and by initials (`pinyin-pro`, ü written v as people type it: 法律 → falv, fl).
 * Products are not segmented when stored: the index matches a query's words inside their texts (searchIndex.ts), so a
 * change of segmenter, vocabulary or stop words never leaves stored products stale.
 */
import type { pinyin as Pinyin } from 'pinyin-pro';

/**
 * pinyin-pro's dictionary (~450 KB) loads on the first latin query, not with the function: the bundles keep it beside
 * index.js (scripts/build-functions.mjs LAZY_PACKAGES), so a search in Chinese or a read never pays for it (issue 25).
 */
let pinyinLib: typeof Pinyin | null = null;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pinyin: typeof Pinyin = ((...args: Parameters<typeof Pinyin>) => (pinyinLib ??= require('pinyin-pro').pinyin as typeof Pinyin)(...args)) as typeof Pinyin;
import { STOP_WORDS } from '../../types/searchSynonyms';

/**
 * Node's ICU segmenter with its Chinese dictionary. A Node built without full ICU (none of the official builds) would
 * resolve another locale: then every run of letters or characters is one word, and longer words are still found by
 * their two-character pieces.
 */
const SEGMENTER = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
export const SEGMENTS_CHINESE = !!SEGMENTER && SEGMENTER.resolvedOptions().locale.startsWith('zh');
const STOP = new Set(STOP_WORDS);
/** Characters that carry no matter of their own: a bigram made of them (不到, 拿不) is not searched by. */
const STOP_CHARS = new Set([...'的了着过地得之吗呢吧啊呀哦嘛么我你他她它这那是有在和与跟也都就还又才很太被把给让对从到为不没']);

/** Full-width to half-width, lower case, every run of punctuation or spaces one space. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A product's text as the index keeps it: full-width letters and digits made half-width (only when it has any: NFKC is
 * the slow part), lower case. Punctuation stays: it only ever separates, and no search term holds any.
 */
export function foldText(text: string): string {
  return (/[\uff01-\uff5e\u3000]/.test(text) ? text.normalize('NFKC') : text).toLowerCase();
}

export const isHan = (c: string) => /\p{Script=Han}/u.test(c);
export const isStopWord = (w: string) => STOP.has(w);

/** The words of a (normalised) text in order, as the segmenter finds them, stop words kept. */
export function segment(text: string): string[] {
  if (!SEGMENTS_CHINESE) return text.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const s of SEGMENTER!.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** A word without a trailing particle the segmenter left on it (借了 → 借, 打工的 → 打工). */
export function stem(word: string): string {
  return word.length >= 2 && /[了的]$/.test(word) ? word.slice(0, -1) : word;
}

/** The words that say something: segmented, particles stripped, stop words dropped. */
export function contentWords(text: string): string[] {
  return segment(normalise(text))
    .map(stem)
    .filter((w) => !STOP.has(w));
}

/** The two-character pieces of a word of three characters or more, except those holding a function character (拿不, 不到). */
export function bigramsOf(word: string): string[] {
  const chars = [...word];
  if (chars.length < 3) return [];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i] + chars[i + 1];
    if (!STOP_CHARS.has(chars[i]) && !STOP_CHARS.has(chars[i + 1]) && isHan(chars[i]) && isHan(chars[i + 1])) out.push(b);
  }
  return out;
}

const pinyinCache = new Map<string, { full: string; initials: string }>();

/** 调解 → tiaojie and tj; letters only (other characters dropped). Cached per text. */
export function pinyinOf(text: string): { full: string; initials: string } {
  let hit = pinyinCache.get(text);
  if (!hit) {
    const han = text.replace(/[^\p{Script=Han}]/gu, '');
    hit = han
      ? {
          full: pinyin(han, { toneType: 'none', type: 'array', v: true }).join(''),
          initials: pinyin(han, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join(''),
        }
      : { full: '', initials: '' };
    if (pinyinCache.size > 50_000) pinyinCache.clear();
    pinyinCache.set(text, hit);
  }
  return hit;
}

const byWordsCache = new Map<string, { full: string; initials: string }>();

/**
 * The pinyin of a longer text word by word (each word's pinyin cached: names share most of their words — 调解, 法律,
 * 服务 — so ten thousand names cost a few thousand conversions), and each text's kept for the instance's life, so the
 * index of the next catalogue version reuses what the last one computed.
 */
export function pinyinByWords(text: string): { full: string; initials: string } {
  let hit = byWordsCache.get(text);
  if (!hit) {
    let full = '';
    let initials = '';
    for (const w of segment(text)) {
      const p = pinyinOf(w);
      full += p.full;
      initials += p.initials;
    }
    hit = { full, initials };
    if (byWordsCache.size > 50_000) byWordsCache.clear();
    byWordsCache.set(text, hit);
  }
  return hit;
}

/** A latin query word that can be pinyin: letters only, two or more. */
export const isLatinWord = (w: string) => /^[a-z]{2,}$/.test(w);
