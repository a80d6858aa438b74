import type { SearchCatalogueResult } from '../../types/actions/catalogue';
import type { AudienceGroup, Category, District, PurchaseMethod, SearchSort } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import type { Grade } from '../../types/assessment';
import { SEARCH_FALLBACK } from '../../types/searchRanking';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { MAX_PAGE, type Store, type Where } from '../_lib/store/port';
import { toListItem } from './productView';
import { distanceFrom, distanceKey, placeOf } from './nearest';
import { distanceKm, type Point } from '../../types/geo';
import { cursorGone, decodeCursor, encodeCursor, type Cursor } from './searchCursor';
import { topAfter, type Scored, type SearchIndex, type StableFilters } from './searchIndex';
import { catalogueGeneration, keptIndex, searchIndexFor, sortKeysFor } from './searchIndexCache';
import { analyseQuery, saysSomething, type AnalysedQuery } from './searchQuery';

interface Input {
  q?: string;
  category?: Category;
  purchaseMethod?: PurchaseMethod;
  audience?: AudienceGroup;
  district?: District;
  grade?: Grade;
  sort?: SearchSort;
  /** Issue 24: where the citizen is, for this answer only (never stored). */
  near?: Point;
  cursor?: string;
  limit?: number;
}

/**
 * Products now in the catalogue, with keyset paging in five orders (newest; best rated; best graded; relevance; issue
 * 24's nearest first, from the `near` point the request carries, which also puts each item's distance on it).
 * Without words (or with only words that say nothing: 怎么办, 服务) it is one store query. With words it understands a sentence (searchQuery.ts, searchIndex.ts): every
 * product that shares a meaningful word with the query, or one of its concepts, is found, ranked by BM25F in relevance
 * order. A first page that finds nothing comes with `related`: when the query names a category, that category's
 * products (`relatedCategory`); otherwise what matches without the filters, or the newest free products. The page
 * shows the 12348 hotline beside them.
 *
 * Store round trips with words: the catalogue's generation (version and listed count, together; with a grade filter,
 * the ids of that grade too), then the page's products (by id, filters checked on them) — 2; 3 when this instance
 * builds its index first; in rating or grade order, every listed product's keys when this instance's are more than a
 * minute old (+1; the build reads them too).
 */
export async function searchCatalogue(input: Input, ctx: Ctx): Promise<SearchCatalogueResult> {
  const limit = input.limit ?? 20;
  const q = input.q ? analyseQuery(input.q) : null;
  const sort: SearchSort = input.sort ?? (q ? 'relevance' : 'newest');
  const cursor = input.cursor ? decodeCursor(input.cursor, sort) : null;
  // Words that say nothing about the matter (怎么办, 服务) search for nothing: the catalogue, as browsing lists it.
  const words = q && saysSomething(q) ? q : null;
  if (sort === 'distance') return nearestFirst(words, input, cursor, limit, ctx);
  return words ? searchByWords(words, input, sort, cursor, limit, ctx) : browse(input, sort, cursor, limit, ctx);
}

/** A list item, with its distance from the search's `near` point when it carries one. */
const itemOf = (input: Input) => (d: ProductDoc) => (input.near ? { ...toListItem(d), distance: distanceFrom(input.near, placeOf(d)) } : toListItem(d));

/** The store conditions of the filters. */
function filtersWhere(input: Input): Where {
  const base: Where = { status: 'listed' };
  if (input.category) base.category = input.category;
  if (input.purchaseMethod) base.purchaseMethod = input.purchaseMethod;
  if (input.district) base.district = input.district;
  if (input.audience) base.audienceGroups = { $has: input.audience };
  if (input.grade) base['grade.grade'] = input.grade;
  return base;
}

const keyField = (sort: SearchSort) => (sort === 'rating' ? 'ratingKey' : sort === 'grade' ? 'gradeKey' : 'sortKey');

/** No words: one keyset query on the store in the order's key (relevance without words is newest). */
async function browse(input: Input, sort: SearchSort, cursor: Cursor | null, limit: number, ctx: Ctx): Promise<SearchCatalogueResult> {
  const key = keyField(sort);
  const base = filtersWhere(input);
  const docs = await ctx.store.find<ProductDoc>(COLLECTIONS.products, { where: cursor ? { ...base, [key]: { $lt: cursor.k } } : base, orderBy: [[key, 'desc']], limit: limit + 1 });
  const shown = docs.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown.map(itemOf(input)), nextCursor: docs.length > limit && last ? encodeCursor({ s: sort, k: (last[key] as string | undefined) ?? '' }) : null };
}

/**
 * Issue 24, nearest first: the products the words find (or, without words, every product passing the filters), in
 * order of distance from `near`, nearest first (ties newest first), paged by that distance. The candidates and their
 * places come from the index (one per catalogue generation), so the order costs no store read; the page's products
 * are then read by id as for any search. A first page with words that finds nothing answers as a search does.
 */
async function nearestFirst(q: AnalysedQuery | null, input: Input, cursor: Cursor | null, limit: number, ctx: Ctx): Promise<SearchCatalogueResult> {
  const store = ctx.store;
  const near = input.near!;
  const [gen, gradeIds] = await Promise.all([catalogueGeneration(store), input.grade ? idsOfGrade(store, input.grade) : null]);
  const kept = cursor?.g ? keptIndex(store, cursor.g) : null;
  const index = kept ?? (await searchIndexFor(store, gen.generation, gen.listed)).index;
  const stable: StableFilters = { category: input.category, purchaseMethod: input.purchaseMethod, district: input.district, audience: input.audience };
  const found = q ? index.score(q, stable, gradeIds) : index.matching(stable, gradeIds);
  if (q && found.length === 0 && !cursor) return searchByWords(q, input, 'relevance', null, limit, ctx);
  const keys = new Map<number, string>();
  const keyOf = (s: Scored) => keys.get(s.i) ?? keys.set(s.i, distanceKey(distanceKm(near, index.places[s.i].point), index.sortKeys[s.i])).get(s.i)!;
  // Nearest first; at the same distance the newer (a larger sort key) first, so the key compares the inverse of sortKey.
  const before = (a: Scored, b: Scored) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    const [da, db] = [ka.slice(0, 9), kb.slice(0, 9)];
    return da < db || (da === db && ka > kb);
  };
  const after = !cursor ? () => true : (s: Scored) => isAfter(keyOf(s), cursor.k);
  const page = topAfter(found, limit + 1, before, after);
  const shown = page.slice(0, limit);
  const docs = await byIds(store, shown.map((s) => index.ids[s.i]), input);
  const last = shown[shown.length - 1];
  const next: Cursor | null = page.length > limit && last ? { s: 'distance', k: keyOf(last), g: index.generation } : null;
  return { items: docs.map(itemOf(input)), nextCursor: next ? encodeCursor(next) : null };
}

/** In nearest-first order, whether key `k` comes after the cursor's `c` (farther, or as far and older). */
function isAfter(k: string, c: string): boolean {
  const [dk, dc] = [k.slice(0, 9), c.slice(0, 9)];
  return dk > dc || (dk === dc && k < c);
}

async function searchByWords(q: AnalysedQuery, input: Input, sort: SearchSort, cursor: Cursor | null, limit: number, ctx: Ctx): Promise<SearchCatalogueResult> {
  const store = ctx.store;
  if (sort === 'relevance' && cursor && cursor.sc === undefined) throw cursorGone();
  const [gen, gradeIds] = await Promise.all([catalogueGeneration(store), input.grade ? idsOfGrade(store, input.grade) : null]);
  // A later page ranks as its first page did, while this instance keeps that index; otherwise in today's.
  const kept = cursor?.g ? keptIndex(store, cursor.g) : null;
  const index = kept ?? (await searchIndexFor(store, gen.generation, gen.listed)).index;
  const stable: StableFilters = { category: input.category, purchaseMethod: input.purchaseMethod, district: input.district, audience: input.audience };
  const found = index.score(q, stable, gradeIds);

  const keys: string[] | Map<string, string> = sort === 'rating' || sort === 'grade' ? await sortKeysFor(store, sort === 'rating' ? 'ratingKey' : 'gradeKey', gen.listed) : index.sortKeys;
  const keyOf = (s: Scored) => (Array.isArray(keys) ? keys[s.i] : (keys.get(index.ids[s.i]) ?? ''));
  const before =
    sort === 'relevance' ? (a: Scored, b: Scored) => a.score > b.score || (a.score === b.score && keyOf(a) > keyOf(b)) : (a: Scored, b: Scored) => keyOf(a) > keyOf(b);
  const after = !cursor
    ? () => true
    : sort === 'relevance'
      ? (s: Scored) => s.score < cursor.sc! || (s.score === cursor.sc && keyOf(s) < cursor.k)
      : (s: Scored) => keyOf(s) < cursor.k;
  const page = topAfter(found, limit + 1, before, after);
  const shown = page.slice(0, limit);

  if (shown.length === 0 && !cursor) {
    const { ids, category } = related(index, q);
    const docs = await byIds(store, ids.map((i) => index.ids[i]), {});
    return { items: [], nextCursor: null, related: docs.map(itemOf(input)), ...(category ? { relatedCategory: category } : {}) };
  }
  const docs = await byIds(store, shown.map((s) => index.ids[s.i]), input);
  const last = shown[shown.length - 1];
  const next: Cursor | null = page.length > limit && last ? { s: sort, k: keyOf(last), g: index.generation, ...(sort === 'relevance' ? { sc: last.score } : {}) } : null;
  return { items: docs.map(itemOf(input)), nextCursor: next ? encodeCursor(next) : null };
}

/**
 * Nothing found on a first page. A query that names a category (or fires a concept of one): that category's products,
 * those the query matches first. Otherwise what the query matches without the filters; else the newest free ones.
 */
function related(index: SearchIndex, q: AnalysedQuery): { ids: number[]; category?: Category } {
  const n = SEARCH_FALLBACK.related;
  const best = (xs: Scored[]) => topAfter(xs, n, (a, b) => a.score > b.score || (a.score === b.score && index.sortKeys[a.i] > index.sortKeys[b.i]), () => true).map((s) => s.i);
  const categories = [...q.named, ...q.hinted];
  if (categories.length) {
    const matched = best(index.score(q, {}).filter((s) => categories.includes(index.categories[s.i])));
    const ids = [...new Set([...matched, ...index.inCategories(categories)])].slice(0, n);
    if (ids.length) return { ids, category: index.categories[ids[0]] };
  }
  const any = best(index.score(q, {}));
  return { ids: any.length ? any : index.newest({ purchaseMethod: 'free' }, n) };
}

/**
 * The products with these ids that are listed and pass the filters now (the index may be a generation behind), in the
 * order of `ids`: one query by id (≤ 51 ids, one round trip), the filters checked on what it returns — by id alone, so
 * no store picks a status index over the primary key.
 */
async function byIds(store: Store, ids: string[], input: Input): Promise<ProductDoc[]> {
  if (!ids.length) return [];
  const docs = await store.find<ProductDoc>(COLLECTIONS.products, { where: { _id: { $in: ids } }, limit: ids.length });
  const byId = new Map(docs.filter((d) => passesNow(d, input)).map((d) => [d._id, d]));
  return ids.map((id) => byId.get(id)).filter((d): d is ProductDoc => !!d);
}

function passesNow(d: ProductDoc, input: Input): boolean {
  return (
    d.status === 'listed' &&
    (!input.category || d.category === input.category) &&
    (!input.purchaseMethod || d.purchaseMethod === input.purchaseMethod) &&
    (!input.district || d.district === input.district) &&
    (!input.audience || d.audienceGroups.includes(input.audience)) &&
    (!input.grade || d.grade?.grade === input.grade)
  );
}

/** The ids of the listed products holding this grade (pages of 1,000: one round trip below 1,000 such products). */
async function idsOfGrade(store: Store, grade: Grade): Promise<Set<string>> {
  const out = new Set<string>();
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find(COLLECTIONS.products, { where: { status: 'listed', 'grade.grade': grade }, orderBy: [['sortKey', 'asc']], skip, limit: MAX_PAGE, fields: ['_id'] });
    for (const d of page) out.add(d._id);
    if (page.length < MAX_PAGE) return out;
  }
}
