/**
 * The public directory that the open-data endpoints (HSDS, the Atom feed) read: every product in the catalogue's
 * public states (listed, suspended, exited), the verified organisations that provide them, and the catalogue's
 * recorded changes — read in a bounded number of round trips (counts, then every page together) and kept per function
 * instance for as long as the catalogue's version is unchanged and at most a minute (what changes without a new
 * version — an organisation verified, a grade — lags by no more). Only public data ever enters it.
 */
import { PRODUCT_STATUSES } from '../../types/domain';
import type { CatalogueChangeDoc } from '../../types/credit';
import { hsdsId } from '../../types/hsdsMapping';
import { orgStatusOf, type OrgDoc } from '../../types/org';
import type { ProductDoc } from '../../types/product';
import { CATALOGUE_VERSION_COUNTER } from '../catalogue/catalogueChanges';
import { COLLECTIONS } from '../_lib/collections';
import type { Clock } from '../_lib/clock';
import { findAllTogether, findByIds } from '../_lib/store/pages';
import type { Store } from '../_lib/store/port';

export interface Directory {
  version: number;
  /** Public products, newest publication first. */
  products: ProductDoc[];
  /** Verified organisations that provide at least one of them, by id. */
  orgs: Map<string, OrgDoc>;
  /** Each product's recorded changes, oldest first. */
  changes: Map<string, CatalogueChangeDoc[]>;
  /** Every recorded change, newest version first. */
  allChanges: CatalogueChangeDoc[];
  /** Products by their HSDS service id, and by their service-at-location id. */
  byServiceId: Map<string, ProductDoc>;
  byServiceAtLocationId: Map<string, ProductDoc>;
  readAt: number;
}

export const DIRECTORY_MAX_AGE_MS = 60_000;

/** Per store (one in a function instance; several in a test process). */
const kept = new WeakMap<Store, Directory>();
/** A read of the directory under way, per store: requests arriving meanwhile wait for it instead of reading again. */
const reading = new WeakMap<Store, { version: number; read: Promise<Directory> }>();

export async function loadDirectory(store: Store, clock: Clock, maxAgeMs = DIRECTORY_MAX_AGE_MS): Promise<Directory> {
  const counter = await store.get<{ _id: string; value: number }>(COLLECTIONS.counters, CATALOGUE_VERSION_COUNTER);
  const version = counter?.value ?? 0;
  const now = clock.now().getTime();
  const cached = kept.get(store);
  if (cached && cached.version === version && now - cached.readAt >= 0 && now - cached.readAt < maxAgeMs) return cached;
  const under = reading.get(store);
  if (under && under.version === version) return under.read;
  const read = readDirectory(store, version, now).finally(() => {
    if (reading.get(store)?.read === read) reading.delete(store);
  });
  reading.set(store, { version, read });
  return read;
}

async function readDirectory(store: Store, version: number, now: number): Promise<Directory> {
  const [products, changes] = await Promise.all([
    findAllTogether<ProductDoc>(store, COLLECTIONS.products, { where: { status: { $in: [...PRODUCT_STATUSES] } }, orderBy: [['sortKey', 'desc']] }),
    findAllTogether<CatalogueChangeDoc>(store, COLLECTIONS.catalogueChanges, { orderBy: [['version', 'desc']] }),
  ]);
  const orgIds = [...new Set(products.map((p) => p.orgId).filter((id): id is string => !!id))];
  const orgs = new Map((await findByIds<OrgDoc>(store, COLLECTIONS.orgs, orgIds)).filter((o) => orgStatusOf(o) === 'verified').map((o) => [o._id, o]));
  const byProduct = new Map<string, CatalogueChangeDoc[]>();
  for (const c of [...changes].reverse()) {
    const list = byProduct.get(c.productId) ?? [];
    list.push(c);
    byProduct.set(c.productId, list);
  }
  const byServiceId = new Map(products.map((p) => [hsdsId('service', p._id), p]));
  const byServiceAtLocationId = new Map(products.map((p) => [hsdsId('service_at_location', p._id), p]));
  const fresh: Directory = { version, products, orgs, changes: byProduct, allChanges: changes, byServiceId, byServiceAtLocationId, readAt: now };
  kept.set(store, fresh);
  return fresh;
}

/** Forgets the kept directory of a store (tests that change the store behind the counter's back). */
export function forgetDirectory(store: Store): void {
  kept.delete(store);
  reading.delete(store);
}
