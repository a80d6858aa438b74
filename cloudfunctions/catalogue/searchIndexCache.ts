/**
 * The search index of each store, per function instance: kept while the catalogue's generation stands, rebuilt when it
 * moves. The generation is the catalogue version (`counters/catalogueVersion`, bumped by every publication, suspension,
 * reinstatement and exit) and the number of listed products (which also catches a product added or removed without a
 * version, as a data repair or a test fixture would). Both are read on every search, together, in one round trip; a
 * rebuild reads the listed products' search fields (a projection) in pages of 1,000, all at once: one more round trip.
 * The previous generation's index is kept too, so a citizen paging through results ranked before a publication goes
 * on in that ranking: no product twice, none skipped. Rating and grade keys, which move without a new version, are kept
 * apart for a minute (sortKeysFor).
 */
import { SORT_KEYS_TTL_MS } from '../../types/searchRanking';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import { MAX_PAGE, type Store } from '../_lib/store/port';
import { CATALOGUE_VERSION_COUNTER } from './catalogueChanges';
import { INDEX_FIELDS, SearchIndex, type IndexedDoc } from './searchIndex';

interface Held {
  current: SearchIndex | null;
  previous: SearchIndex | null;
  building: Map<string, Promise<SearchIndex>>;
  /** Rating and grade keys by product id, and when they were read. */
  keys: Partial<Record<SortKeyField, { at: number; byId: Map<string, string> }>>;
}

export type SortKeyField = 'ratingKey' | 'gradeKey';

const held = new WeakMap<Store, Held>();

/** The current generation of the catalogue: version and listed count, read together. */
export async function catalogueGeneration(store: Store): Promise<{ generation: string; listed: number }> {
  const [counter, listed] = await Promise.all([
    store.get<{ _id: string; value: number }>(COLLECTIONS.counters, CATALOGUE_VERSION_COUNTER),
    store.count(COLLECTIONS.products, { status: 'listed' }),
  ]);
  return { generation: `${counter?.value ?? 0}:${listed}`, listed };
}

async function build(store: Store, generation: string, listed: number): Promise<SearchIndex> {
  const pages = Math.ceil(listed / MAX_PAGE);
  const docs = (
    await Promise.all(
      Array.from({ length: pages }, (_, p) =>
        store.find<IndexedDoc>(COLLECTIONS.products, { where: { status: 'listed' }, orderBy: [['sortKey', 'asc']], skip: p * MAX_PAGE, limit: MAX_PAGE, fields: INDEX_FIELDS }),
      ),
    )
  ).flat();
  return new SearchIndex(generation, docs);
}

/**
 * The index of this generation: kept, or built now (`built: true`, and then its rating and grade keys are as fresh as
 * the store's).
 */
export async function searchIndexFor(store: Store, generation: string, listed: number): Promise<{ index: SearchIndex; built: boolean }> {
  let h = held.get(store);
  if (!h) held.set(store, (h = { current: null, previous: null, building: new Map(), keys: {} }));
  if (h.current?.generation === generation) return { index: h.current, built: false };
  let pending = h.building.get(generation);
  const mine = !pending;
  if (!pending) {
    pending = build(store, generation, listed);
    h.building.set(generation, pending);
  }
  try {
    const index = await pending;
    if (mine && h.current?.generation !== generation) {
      h.previous = h.current;
      h.current = index;
      // The build read every listed product's keys: as fresh as a read of them would be.
      const at = Date.now();
      for (const field of ['ratingKey', 'gradeKey'] as const) h.keys[field] = { at, byId: new Map(index.ids.map((id, i) => [id, field === 'ratingKey' ? index.ratingKeys[i] : index.gradeKeys[i]])) };
    }
    return { index, built: mine };
  } finally {
    if (mine) h.building.delete(generation);
  }
}

/** The kept index of an earlier generation, for a cursor ranked in it; null when this instance no longer has it. */
export function keptIndex(store: Store, generation: string): SearchIndex | null {
  const h = held.get(store);
  if (h?.current?.generation === generation) return h.current;
  if (h?.previous?.generation === generation) return h.previous;
  return null;
}

/**
 * Every listed product's rating or grade key, read at most SORT_KEYS_TTL_MS ago (in pages of 1,000, all at once: one
 * round trip when they are older). `now` is wall time in milliseconds.
 */
export async function sortKeysFor(store: Store, field: SortKeyField, listed: number, now = Date.now()): Promise<Map<string, string>> {
  let h = held.get(store);
  if (!h) held.set(store, (h = { current: null, previous: null, building: new Map(), keys: {} }));
  const kept = h.keys[field];
  if (kept && Math.abs(now - kept.at) <= SORT_KEYS_TTL_MS) return kept.byId;
  const pages = await Promise.all(
    Array.from({ length: Math.ceil(listed / MAX_PAGE) }, (_, p) =>
      store.find<ProductDoc>(COLLECTIONS.products, { where: { status: 'listed' }, orderBy: [['sortKey', 'asc']], skip: p * MAX_PAGE, limit: MAX_PAGE, fields: [field, 'sortKey'] }),
    ),
  );
  const byId = new Map<string, string>();
  for (const d of pages.flat()) byId.set(d._id, (d[field] as string | undefined) ?? `0|00000|${d.sortKey}`);
  h.keys[field] = { at: now, byId };
  return byId;
}
