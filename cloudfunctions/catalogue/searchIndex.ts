/**
 * What search looks in, computed when a product is stored (so the mini-program never carries a dictionary):
 * - nameKeys: the name, its pinyin in full and by initials (tiaojie, tj), and the everyday words its name stands for;
 * - tagKeys: the category, the groups it serves, who it is for, and their everyday words;
 * - searchText: all of the above plus the summary, the provider and the problem it solves (and their everyday words).
 * Relevance ranks a name match over a tag match over any other (searchCatalogue.ts). The vocabulary is data:
 * types/searchVocabulary.ts.
 */
import type { pinyin as Pinyin } from 'pinyin-pro';
import { AUDIENCE_GROUP_LABELS, CATEGORY_LABELS, type AudienceGroup, type Category } from '../../types/domain';
import { EVERYDAY_WORDS } from '../../types/searchVocabulary';

const ENTRIES = Object.entries(EVERYDAY_WORDS);
/** Longest first, so 老板不给工资 wins over 工资 inside a query. */
const WORDS_BY_LENGTH = Object.keys(EVERYDAY_WORDS).sort((a, b) => b.length - a.length);

/** The everyday words whose catalogue terms occur in `text`. */
export function everydayWordsIn(text: string): string[] {
  return ENTRIES.filter(([, terms]) => terms.some((t) => text.includes(t))).map(([word]) => word);
}

/**
 * pinyin-pro's dictionary (~450 KB) is loaded on the first product stored, not with the function: the bundles keep it
 * beside index.js (scripts/build-functions.mjs LAZY_PACKAGES), so a search or a read never pays for it (issue 25).
 */
let pinyinLib: typeof Pinyin | null = null;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pinyin: typeof Pinyin = ((...args: Parameters<typeof Pinyin>) => (pinyinLib ??= require('pinyin-pro').pinyin as typeof Pinyin)(...args)) as typeof Pinyin;

/** `tiaojie` and `tj` for 调解: letters only, lower case, for the Chinese characters of `text`. */
export function pinyinKeys(text: string): string[] {
  const han = text.replace(/[^\u4e00-\u9fff]/g, '');
  if (!han) return [];
  const full = pinyin(han, { toneType: 'none', type: 'array' }).join('');
  const initials = pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  return [full, initials];
}

export interface SearchKeys {
  nameKeys: string;
  tagKeys: string;
  searchText: string;
}

export function searchKeysOf(p: { name: string; summary: string; providerName: string; audience: string; problemSolved: string; category: Category; audienceGroups: AudienceGroup[] }): SearchKeys {
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean).map((x) => x.toLowerCase()))];
  const nameKeys = uniq([p.name, ...pinyinKeys(p.name), ...everydayWordsIn(p.name)]).join('\n');
  const tags = [CATEGORY_LABELS[p.category], ...p.audienceGroups.map((g) => AUDIENCE_GROUP_LABELS[g]), p.audience];
  const tagKeys = uniq([...tags, ...pinyinKeys(CATEGORY_LABELS[p.category]), ...everydayWordsIn(tags.join('\n'))]).join('\n');
  const rest = [p.summary, p.providerName, p.problemSolved];
  // The original four fields stay first and in order: filters and older readers look for them there.
  const searchText = uniq([p.name, p.summary, p.providerName, p.audience, nameKeys, tagKeys, p.problemSolved, ...everydayWordsIn(rest.join('\n'))]).join('\n');
  return { nameKeys, tagKeys, searchText };
}

/**
 * A query as search words: lower case, punctuation dropped, at most five words; a word that holds an everyday word
 * ("老板不给工资怎么办") is searched by that everyday word.
 */
export function queryWords(q: string | undefined): string[] {
  return (q ?? '')
    .toLowerCase()
    .replace(/[，。、？！,.?!;；:："“”'‘’()（）]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((w) => (Object.hasOwn(EVERYDAY_WORDS, w) ? w : (WORDS_BY_LENGTH.find((k) => w.includes(k)) ?? w)));
}

/** Everyday words that begin with or contain what has been typed so far, for suggestions. */
export function matchingEverydayWords(typed: string, n: number): string[] {
  const t = typed.trim();
  if (!t) return [];
  const starts = Object.keys(EVERYDAY_WORDS).filter((w) => w.startsWith(t) && w !== t);
  const contains = Object.keys(EVERYDAY_WORDS).filter((w) => !w.startsWith(t) && w.includes(t));
  return [...(Object.hasOwn(EVERYDAY_WORDS, t) ? [t] : []), ...starts, ...contains].slice(0, n);
}
