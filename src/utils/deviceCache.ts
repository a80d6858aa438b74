/**
 * A small cache of public answers on the device (issue 14: the catalogue's first page shows at once on a repeat
 * visit, then is refreshed). Taro's storage works the same in WeChat and in the H5 build. Only public data goes
 * here (catalogue lists, recommendations), never anything about a person.
 *
 * Entries are keyed by an area, a version (bump it when the shape of the data changes) and the query; each area
 * keeps its most recent `maxEntries` and nothing bigger than MAX_ENTRY_CHARS; anything older than `maxAgeMs` is
 * not shown at all.
 */
import Taro from '@tarojs/taro';

const PREFIX = 'hzlp.cache';
/** An entry larger than this (in JSON characters) is not kept: the cache is a fast first glance, not a mirror. */
export const MAX_ENTRY_CHARS = 200_000;

export interface CachePolicy {
  /** Part of every key: a new version never reads an old one's data. */
  version: number;
  /** How many queries an area keeps (most recently written first). */
  maxEntries: number;
  /** Older entries are treated as absent. */
  maxAgeMs: number;
}

interface Stored<T> {
  at: number;
  data: T;
}

/** The same key for the same query whatever the order of its fields; undefined fields are left out. */
export function queryKey(query: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(query)
      .filter((k) => query[k] !== undefined && query[k] !== null && query[k] !== '')
      .sort()
      .map((k) => [k, query[k]]),
  );
}

const indexKey = (area: string, policy: CachePolicy) => `${PREFIX}.${area}.v${policy.version}`;
const entryKey = (area: string, policy: CachePolicy, query: Record<string, unknown>) => `${indexKey(area, policy)}:${queryKey(query)}`;

function readIndex(key: string): string[] {
  try {
    const v = Taro.getStorageSync(key);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The cached answer for a query and when it was saved (ms since epoch), or null when absent or too old. */
export function readCache<T>(area: string, policy: CachePolicy, query: Record<string, unknown>, now = Date.now()): { data: T; at: number } | null {
  try {
    const v = Taro.getStorageSync(entryKey(area, policy, query)) as Stored<T> | '' | undefined;
    if (!v || typeof v !== 'object' || typeof v.at !== 'number' || v.data === undefined) return null;
    if (now - v.at > policy.maxAgeMs || v.at > now + 60_000) return null;
    return { data: v.data, at: v.at };
  } catch {
    return null;
  }
}

/** Saves an answer; drops the area's least recently written entries beyond `maxEntries`. Never throws. */
export function writeCache<T>(area: string, policy: CachePolicy, query: Record<string, unknown>, data: T, now = Date.now()): boolean {
  try {
    const stored: Stored<T> = { at: now, data };
    if (JSON.stringify(stored).length > MAX_ENTRY_CHARS) return false;
    const key = entryKey(area, policy, query);
    const ix = indexKey(area, policy);
    const keys = [key, ...readIndex(ix).filter((k) => k !== key)];
    for (const old of keys.splice(policy.maxEntries)) Taro.removeStorageSync(old);
    Taro.setStorageSync(key, stored);
    Taro.setStorageSync(ix, keys);
    return true;
  } catch {
    // Storage full or unavailable (private mode): the page works as without a cache.
    return false;
  }
}

/** Forgets every entry of an area (all versions' indexes are per version, so only this one). */
export function clearCache(area: string, policy: CachePolicy): void {
  try {
    const ix = indexKey(area, policy);
    for (const k of readIndex(ix)) Taro.removeStorageSync(k);
    Taro.removeStorageSync(ix);
  } catch {
    // nothing to do
  }
}

/** What a list shows: the server's answer, a saved copy being updated, or a saved copy that could not be updated. */
export type Freshness = { state: 'fresh' } | { state: 'updating' | 'outdated'; savedAt: number };

/** How old a saved copy is, in plain words: "刚刚", "5 分钟前", "3 小时前", "2 天前". */
export function savedAgo(savedAt: number, now = Date.now()): string {
  const minutes = Math.floor(Math.max(0, now - savedAt) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  return `${Math.floor(minutes / (24 * 60))} 天前`;
}
