/** Issue 14: the device cache of public answers is keyed by query and version, bounded, and forgets old entries. */
const storage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (storage.has(k) ? structuredClone(storage.get(k)) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, structuredClone(v)),
    removeStorageSync: (k: string) => void storage.delete(k),
  },
}));
import { clearCache, MAX_ENTRY_CHARS, queryKey, readCache, savedAgo, writeCache, type CachePolicy } from '../../src/utils/deviceCache';

const DAY = 24 * 3600_000;
const policy: CachePolicy = { version: 1, maxEntries: 3, maxAgeMs: 7 * DAY };
const now = Date.parse('2026-11-28T08:00:00Z');
beforeEach(() => storage.clear());

test('the same query in any field order is one entry; undefined and empty fields do not count', () => {
  expect(queryKey({ q: '调解', category: undefined, sort: 'newest' })).toBe(queryKey({ sort: 'newest', q: '调解' }));
  expect(queryKey({ q: '' })).toBe(queryKey({}));
  expect(queryKey({ q: '调解' })).not.toBe(queryKey({ q: '调解', freeOnly: true }));
  writeCache('list', policy, { sort: 'newest', q: '调解' }, ['a'], now);
  expect(readCache('list', policy, { q: '调解', sort: 'newest', category: undefined }, now)).toEqual({ data: ['a'], at: now });
  expect(readCache('list', policy, { q: '劳动' }, now)).toBeNull();
});

test('a different version or area never reads the entry', () => {
  writeCache('list', policy, {}, ['v1'], now);
  expect(readCache('list', { ...policy, version: 2 }, {}, now)).toBeNull();
  expect(readCache('other', policy, {}, now)).toBeNull();
  expect(readCache('list', policy, {}, now)?.data).toEqual(['v1']);
});

test('entries older than maxAge (or from the future) are treated as absent', () => {
  writeCache('list', policy, {}, ['x'], now);
  expect(readCache('list', policy, {}, now + 7 * DAY)?.data).toEqual(['x']);
  expect(readCache('list', policy, {}, now + 7 * DAY + 1)).toBeNull();
  expect(readCache('list', policy, {}, now - 2 * 60_000)).toBeNull();
});

test('an area keeps its most recent maxEntries queries and refuses oversized entries', () => {
  for (const q of ['a', 'b', 'c', 'd']) writeCache('list', policy, { q }, [q], now);
  expect(['a', 'b', 'c', 'd'].map((q) => readCache('list', policy, { q }, now)?.data ?? null)).toEqual([null, ['b'], ['c'], ['d']]);
  // Rewriting b makes it the newest: the next write drops c.
  writeCache('list', policy, { q: 'b' }, ['b2'], now);
  writeCache('list', policy, { q: 'e' }, ['e'], now);
  expect(['b', 'c', 'd', 'e'].map((q) => readCache('list', policy, { q }, now)?.data ?? null)).toEqual([['b2'], null, ['d'], ['e']]);
  expect([...storage.keys()].filter((k) => k.startsWith('hzlp.cache.list.v1:'))).toHaveLength(3);
  expect(writeCache('list', policy, { q: 'big' }, 'x'.repeat(MAX_ENTRY_CHARS), now)).toBe(false);
  expect(readCache('list', policy, { q: 'big' }, now)).toBeNull();
  clearCache('list', policy);
  expect([...storage.keys()]).toEqual([]);
});

test('garbage in storage reads as absent and is written over', () => {
  storage.set(`hzlp.cache.list.v1:${queryKey({})}`, 'not an entry');
  expect(readCache('list', policy, {}, now)).toBeNull();
  storage.set('hzlp.cache.list.v1', { not: 'a list' });
  expect(writeCache('list', policy, {}, ['ok'], now)).toBe(true);
  expect(readCache('list', policy, {}, now)?.data).toEqual(['ok']);
});

test('the hint says how old a saved copy is in plain words', () => {
  expect(savedAgo(now - 30_000, now)).toBe('刚刚');
  expect(savedAgo(now - 5 * 60_000, now)).toBe('5 分钟前');
  expect(savedAgo(now - 3 * 3600_000, now)).toBe('3 小时前');
  expect(savedAgo(now - 2 * DAY, now)).toBe('2 天前');
});
