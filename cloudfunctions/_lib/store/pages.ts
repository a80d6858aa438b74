import { MAX_PAGE, type HasId, type Query, type Store, type Tx } from './port';

/**
 * Every document a query matches, in `_id` order unless the query orders otherwise, for the bureau's jobs and exports.
 * Two round trips however many there are (issue 25): the count, then every page of at most 1000 (CloudBase's limit)
 * together. `cap` stops a runaway read.
 */
export async function findAll<T extends HasId>(store: Store, collection: string, query: Omit<Query, 'skip' | 'limit'> = {}, cap = 100_000): Promise<T[]> {
  const orderBy = query.orderBy ?? [['_id', 'asc']];
  const total = Math.min(await store.count(collection, query.where ?? {}), cap);
  // One page more than the count asks for when the count is a whole number of pages: what arrives between the two
  // round trips is read too (the last page's limit takes up to a page of newcomers).
  const pages = Math.floor(total / MAX_PAGE) + 1;
  const read = await Promise.all(Array.from({ length: pages }, (_, i) => store.find<T>(collection, { ...query, orderBy, skip: i * MAX_PAGE, limit: MAX_PAGE })));
  return read.flat().slice(0, cap);
}

/** The documents with these ids (only `fields` of them, when given): chunks of 100 (the store's `$in` limit) read together, so one round trip. */
export async function findByIds<T extends HasId>(store: Store, collection: string, ids: string[], fields?: string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  return (await Promise.all(chunks.map((chunk) => store.find<T>(collection, { where: { _id: { $in: chunk } }, limit: 100, ...(fields ? { fields } : {}) })))).flat();
}

/** Items per transaction and transactions at once for `inTransactions` (CloudBase caps the operations in one). */
export const TX_ITEMS = 20;
export const TX_PARALLEL = 25;

/**
 * Writes many records in transactions of at most `perTx` items, `parallel` transactions at a time (issue 25): inside a
 * transaction CloudBase takes single-document operations one after another, so 500 items written in one transaction
 * are 500 sequential round trips, and 25 transactions of 20 side by side are 20. Each transaction is whole or nothing;
 * a failure leaves the transactions already committed, so callers write what a rerun completes (idempotent writes,
 * the record's own state changed last). Returns what each call of `write` returned, in order.
 */
export async function inTransactions<T, R>(store: Store, items: T[], write: (tx: Tx, item: T) => Promise<R>, { perTx = TX_ITEMS, parallel = TX_PARALLEL } = {}): Promise<R[]> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += perTx) batches.push(items.slice(i, i + perTx));
  const out: R[][] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches.length; b = next++) {
      out[b] = await store.transaction(async (tx) => {
        const done: R[] = [];
        for (const item of batches[b]) done.push(await write(tx, item));
        return done;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
  return out.flat();
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
