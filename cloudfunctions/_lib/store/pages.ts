import { MAX_PAGE, type HasId, type Query, type Store } from './port';

/**
 * Every document a query matches, read a page of at most 1000 at a time (CloudBase's limit), in `_id` order unless the
 * query orders otherwise. For the bureau's jobs and exports, which need all of them; `cap` stops a runaway read.
 */
export async function findAll<T extends HasId>(store: Store, collection: string, query: Omit<Query, 'skip' | 'limit'> = {}, cap = 100_000): Promise<T[]> {
  const out: T[] = [];
  const orderBy = query.orderBy ?? [['_id', 'asc']];
  for (let skip = 0; skip < cap; skip += MAX_PAGE) {
    const page = await store.find<T>(collection, { ...query, orderBy, skip, limit: MAX_PAGE });
    out.push(...page);
    if (page.length < MAX_PAGE) break;
  }
  return out;
}

/** The documents with these ids: chunks of 100 (the store's `$in` limit) read together, so one round trip. */
export async function findByIds<T extends HasId>(store: Store, collection: string, ids: string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  return (await Promise.all(chunks.map((chunk) => store.find<T>(collection, { where: { _id: { $in: chunk } }, limit: 100 })))).flat();
}

/**
 * Every document a query matches, in `_id` order unless the query orders otherwise, in two round trips whatever the
 * size: a count, then all its pages of 1000 together. For public reads that must not grow in sequential rounds.
 */
export async function findAllTogether<T extends HasId>(store: Store, collection: string, query: Omit<Query, 'skip' | 'limit'> = {}, cap = 100_000): Promise<T[]> {
  const total = Math.min(await store.count(collection, query.where ?? {}), cap);
  const orderBy = query.orderBy ?? [['_id', 'asc']];
  const skips: number[] = [];
  for (let skip = 0; skip < total; skip += MAX_PAGE) skips.push(skip);
  return (await Promise.all(skips.map((skip) => store.find<T>(collection, { ...query, orderBy, skip, limit: MAX_PAGE })))).flat();
}
