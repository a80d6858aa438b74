/**
 * The catalogue's versions (目录版本): every publication, exit, suspension and reinstatement bumps one counter and
 * records what changed, product by product, in `catalogueChanges` — in the same transaction as the change itself.
 * The catalogue as it stood on a date is replayed from these records.
 */
import type { CatalogueVersionResult, CatalogueVersionView } from '../../types/actions/catalogue';
import type { CatalogueChangeDoc, CatalogueChangeKind } from '../../types/credit';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { toListItem } from './productView';
import { findAll, findByIds } from '../_lib/store/pages';
import type { Store, Tx } from '../_lib/store/port';

export const CATALOGUE_VERSION_COUNTER = 'catalogueVersion';

export type ChangeInput = Omit<CatalogueChangeDoc, '_id' | 'version' | 'at'>;

/**
 * Bumps the version counter and records the changes under the new version, stamped `at` (the use case's clock). Call
 * inside the changing transaction.
 */
export async function recordCatalogueChanges(tx: Tx, changes: ChangeInput[], at: Date): Promise<number> {
  const counter = await tx.get<{ _id: string; value: number }>(COLLECTIONS.counters, CATALOGUE_VERSION_COUNTER);
  const version = (counter?.value ?? 0) + 1;
  await tx.set(COLLECTIONS.counters, CATALOGUE_VERSION_COUNTER, { value: version });
  for (const c of changes) {
    const doc: CatalogueChangeDoc = { _id: `${version}:${c.productId}`, version, ...c, at: at.toISOString() };
    for (const k of ['documentNumber', 'reason'] as const) if (doc[k] === undefined) delete doc[k];
    await tx.insert(COLLECTIONS.catalogueChanges, doc);
  }
  return version;
}

export function allChanges(store: Store): Promise<CatalogueChangeDoc[]> {
  return findAll<CatalogueChangeDoc>(store, COLLECTIONS.catalogueChanges, { orderBy: [['version', 'asc'], ['_id', 'asc']] });
}

/** What deciding a product's place in a past catalogue needs of it: a few fields of every product (issue 25). */
type ProductState = Pick<ProductDoc, '_id' | 'publishedOn' | 'status'>;
function allProductStates(store: Store): Promise<ProductState[]> {
  return findAll<ProductState>(store, COLLECTIONS.products, { orderBy: [['_id', 'asc']], fields: ['publishedOn', 'status'] });
}

const SHOWN_AFTER: Record<CatalogueChangeKind, boolean> = { added: true, reinstated: true, changed: true, suspended: false, left: false };

/**
 * The products in the catalogue at the end of a date, sorted by id. A product's state is its last change on or before
 * that date; a product with no recorded change (published before versions were kept) counts from its publication date.
 */
export async function catalogueAsOf(ctx: Ctx, on: string): Promise<string[]> {
  // The changes and the products' states together; the products themselves only for the page a caller shows.
  const [changes, states] = await Promise.all([allChanges(ctx.store), allProductStates(ctx.store)]);
  const last = new Map<string, CatalogueChangeDoc>();
  const hasAny = new Set<string>();
  for (const c of changes) {
    hasAny.add(c.productId);
    if (c.on <= on) last.set(c.productId, c);
  }
  return states
    .filter((p) => {
      const c = last.get(p._id);
      if (c) return SHOWN_AFTER[c.change];
      return !hasAny.has(p._id) && p.publishedOn <= on && p.status === 'listed';
    })
    .map((p) => p._id);
}

/** Products by id, in the order of `ids` (one round trip: $in chunks together). */
export async function productsInOrder(ctx: Ctx, ids: string[]): Promise<ProductDoc[]> {
  const byId = new Map((await findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, ids)).map((p) => [p._id, p]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** The versions, newest first, each with its difference from the previous one. */
export async function listVersions(_input: unknown, ctx: Ctx): Promise<{ current: number; versions: CatalogueVersionView[] }> {
  const changes = await allChanges(ctx.store);
  const byVersion = new Map<number, CatalogueVersionView>();
  for (const c of changes) {
    let v = byVersion.get(c.version);
    if (!v) byVersion.set(c.version, (v = { version: c.version, on: c.on, documentNumbers: [], added: [], left: [], changed: [] }));
    if (c.documentNumber && !v.documentNumbers.includes(c.documentNumber)) v.documentNumbers.push(c.documentNumber);
    const item = { productId: c.productId, name: c.productName };
    if (c.change === 'added') v.added.push(item);
    else if (c.change === 'left') v.left.push({ ...item, documentNumber: c.documentNumber ?? null, reason: c.reason ?? null });
    else v.changed.push({ ...item, change: c.change, reason: c.reason ?? null });
  }
  const versions = [...byVersion.values()].sort((a, b) => b.version - a.version);
  return { current: versions[0]?.version ?? 0, versions };
}

const VERSION_PAGE = 200;

/** The catalogue as it stood at the end of a date: which version was in force, and its products (pages of 200 by id). */
export async function readVersion(input: { on: string; cursor?: string }, ctx: Ctx): Promise<CatalogueVersionResult> {
  const [ids, changes] = await Promise.all([
    catalogueAsOf(ctx, input.on),
    ctx.store.find<CatalogueChangeDoc>(COLLECTIONS.catalogueChanges, { where: { on: { $lte: input.on } }, orderBy: [['version', 'desc']], limit: 1 }),
  ]);
  const rest = input.cursor ? ids.filter((id) => id > input.cursor!) : ids;
  const page = rest.slice(0, VERSION_PAGE);
  return {
    on: input.on,
    version: changes[0]?.version ?? 0,
    count: ids.length,
    items: (await productsInOrder(ctx, page)).map(toListItem),
    nextCursor: rest.length > VERSION_PAGE ? page[page.length - 1] : null,
  };
}
