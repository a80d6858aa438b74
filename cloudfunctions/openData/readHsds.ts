/**
 * The HSDS 3.0 read API over the public directory: services, organizations, taxonomies, taxonomy terms and services at
 * locations, each a list (paginated, or all at once as NDJSON) and a record by id. The mapping to HSDS is
 * types/hsdsMapping.ts; this file chooses and pages the records.
 */
import type { OrganizationsQuery, ServiceAtLocationsQuery, ServicesQuery, TaxonomyTermsQuery } from '../../types/actions/openData';
import { CATEGORY_LABELS, PURCHASE_METHOD_LABELS } from '../../types/domain';
import { HSDS_PAGE, type HsdsPageOf } from '../../types/hsds';
import {
  allTaxonomyTerms,
  audienceOfTerm,
  categoryOfTerm,
  hsdsId,
  lastModifiedOf,
  organizationOf,
  purchaseMethodOfTerm,
  serviceAtLocationOf,
  serviceListItemOf,
  serviceOf,
  TAXONOMIES,
  TAXONOMY_KEYS,
  taxonomyOf,
  type ServiceContext,
} from '../../types/hsdsMapping';
import type { ProductDoc } from '../../types/product';
import type { Directory } from './directory';

/** A list answer: a page, or every item (NDJSON). */
export type Listed<T> = { page: HsdsPageOf<T> } | { all: T[] };

/**
 * The page `q` asks for (or every item, as NDJSON), each rendered by `render`: only the records on the page are rendered,
 * so a page costs its own size whatever the catalogue's.
 */
export function paged<S, T>(items: S[], q: { page?: number; per_page?: number; format?: 'json' | 'ndjson' }, render: (item: S) => T): Listed<T> {
  if (q.format === 'ndjson') return { all: items.map(render) };
  const size = q.per_page ?? HSDS_PAGE.default;
  const number = q.page ?? 1;
  const totalPages = Math.ceil(items.length / size);
  const contents = items.slice((number - 1) * size, number * size).map(render);
  return {
    page: {
      total_items: items.length,
      total_pages: totalPages,
      page_number: number,
      size: contents.length,
      first_page: number === 1,
      last_page: number >= totalPages,
      empty: contents.length === 0,
      contents,
    },
  };
}

const contextOf = (dir: Directory, p: ProductDoc, base: string | null): ServiceContext => ({
  org: (p.orgId && dir.orgs.get(p.orgId)) || null,
  changes: dir.changes.get(p._id) ?? [],
  base,
});

/** Every search word (space-separated) somewhere in the product's public words: name, summary, audience, provider, category, cost. */
function matches(p: ProductDoc, search: string): boolean {
  const text = [p.name, p.spec.summary, p.spec.content.audience, p.providerName, p.district, CATEGORY_LABELS[p.category], PURCHASE_METHOD_LABELS[p.purchaseMethod], p.spec.content.problemSolved]
    .join(' ')
    .toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w));
}

/** The public products a services (or services-at-locations) query selects, in catalogue order (newest first). */
export function selectProducts(dir: Directory, q: Partial<ServicesQuery>): ProductDoc[] {
  let list = dir.products;
  if (q.organization_id) {
    const orgId = [...dir.orgs.keys()].find((id) => hsdsId('organization', id) === q.organization_id);
    list = orgId ? list.filter((p) => p.orgId === orgId) : [];
  }
  if (q.taxonomy_term_id) {
    const id = q.taxonomy_term_id;
    const category = categoryOfTerm(id);
    const method = purchaseMethodOfTerm(id);
    const group = audienceOfTerm(id);
    list = list.filter((p) => p.category === category || p.purchaseMethod === method || (group !== null && p.audienceGroups.includes(group)));
  }
  // Every product carries a term of every taxonomy: a known taxonomy selects all, an unknown one none.
  if (q.taxonomy_id && !TAXONOMY_KEYS.some((k) => hsdsId('taxonomy', k) === q.taxonomy_id)) list = [];
  if (q.search) list = list.filter((p) => matches(p, q.search!));
  if (q.modified_after) {
    const after = Date.parse(q.modified_after);
    list = list.filter((p) => Date.parse(lastModifiedOf(p, dir.changes.get(p._id) ?? [])) >= after);
  }
  return list;
}

export function listServices(dir: Directory, q: ServicesQuery, base: string | null): Listed<unknown> {
  const products = selectProducts(dir, q);
  if (q.minimal) return paged(products, q, (p) => ({ id: hsdsId('service', p._id), last_modified: lastModifiedOf(p, dir.changes.get(p._id) ?? []) }));
  return paged(products, q, (p) => (q.full ? serviceOf(p, contextOf(dir, p, base)) : serviceListItemOf(p, contextOf(dir, p, base))));
}

export function getService(dir: Directory, id: string, base: string | null) {
  const p = dir.byServiceId.get(id);
  return p ? serviceOf(p, contextOf(dir, p, base)) : null;
}

export function listServiceAtLocations(dir: Directory, q: ServiceAtLocationsQuery, base: string | null) {
  return paged(selectProducts(dir, q), q, (p) => serviceAtLocationOf(p, contextOf(dir, p, base)));
}

export function getServiceAtLocation(dir: Directory, id: string, base: string | null) {
  const p = dir.byServiceAtLocationId.get(id);
  return p ? serviceAtLocationOf(p, contextOf(dir, p, base)) : null;
}

/** Verified organisations providing public products, by name. */
function organizations(dir: Directory) {
  return [...dir.orgs.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

function organizationWithServices(dir: Directory, orgId: string, full: boolean, base: string | null) {
  const org = dir.orgs.get(orgId)!;
  const products = dir.products.filter((p) => p.orgId === orgId);
  return {
    ...organizationOf(org),
    ...(full ? { services: products.map((p) => ({ ...serviceOf(p, contextOf(dir, p, base)), organization: undefined })) } : {}),
  };
}

export function listOrganizations(dir: Directory, q: OrganizationsQuery, base: string | null) {
  let orgs = organizations(dir);
  if (q.search) orgs = orgs.filter((o) => o.name.includes(q.search!));
  return paged(orgs, q, (o) => (q.full || q.full_service ? organizationWithServices(dir, o._id, Boolean(q.full_service), base) : organizationOf(o)));
}

export function getOrganization(dir: Directory, id: string, fullService: boolean, base: string | null) {
  const org = organizations(dir).find((o) => hsdsId('organization', o._id) === id);
  return org ? organizationWithServices(dir, org._id, fullService, base) : null;
}

export function listTaxonomies(q: { page?: number; per_page?: number; format?: 'json' | 'ndjson'; search?: string }) {
  const all = TAXONOMY_KEYS.map(taxonomyOf).filter((t) => !q.search || t.name.includes(q.search) || t.description.includes(q.search));
  return paged(all, q, (t) => t);
}

export function getTaxonomy(id: string) {
  const key = TAXONOMY_KEYS.find((k) => hsdsId('taxonomy', k) === id);
  return key ? taxonomyOf(key) : null;
}

export function listTaxonomyTerms(q: TaxonomyTermsQuery) {
  let terms = allTaxonomyTerms();
  if (q.taxonomy_id) terms = terms.filter((t) => t.taxonomy_id === q.taxonomy_id);
  // The terms are flat: every term is a top-level one, and none has children.
  if (q.parent_id) terms = [];
  if (q.search) terms = terms.filter((t) => t.name.includes(q.search!) || t.description.includes(q.search!));
  return paged(terms, q, (t) => t);
}

export function getTaxonomyTerm(id: string) {
  return allTaxonomyTerms().find((t) => t.id === id) ?? null;
}

export { TAXONOMIES };
