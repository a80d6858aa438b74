/**
 * The search index of each store, per function instance: kept while the catalogue's generation stands, rebuilt when it
 * moves. The generation is the catalogue version (`counters/catalogueVersion`, bumped by every publication, suspension,
 * reinstatement and exit) and the number of listed products (which also catches a product added or removed without a
 * version, as a data repair or a test fixture would). Both are read on every search, together, in one round trip; a
 * rebuild reads the listed products' search fields (a projection) in pages of 1,000, all at once: one more round trip.
 * The previous generation's index is kept too, so a citizen paging through results ranked before a publication goes
 * on in that ranking: no product twice, none skipped.
 */
import { COLLECTIONS } from '../_lib/collections';
import { MAX_PAGE, type Store } from '../_lib/store/port';
import { CATALOGUE_VERSION_COUNTER } from './catalogueChanges';
import { INDEX_FIELDS, SearchIndex, type IndexedDoc } from './searchIndex';

interface Held {
  current: SearchIndex | null;
  previous: SearchIndex | null;
  building: Map<string, Promise<SearchIndex>>;
}

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
  if (!h) held.set(store, (h = { current: null, previous: null, building: new Map() }));
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
