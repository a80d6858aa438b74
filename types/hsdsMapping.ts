/**
 * Our catalogue as HSDS 3.0 (types/hsds.ts), field by field; docs/hsds.md has the table. Pure: it maps stored
 * records that the caller has already read and filtered to public ones (listed, suspended or exited products; verified
 * organisations), and never reads a field that is not public — no contact person, no contact phone, no internal
 * spec field. Server-side only (it hashes with Node's crypto); the app never imports it.
 *
 * Ids are UUID version 5 (RFC 4122 §4.3) of `<kind>:<our id>` in one namespace of this catalogue, so they are stable
 * across exports, machines and the cloud, and a consumer can sync by them.
 */
import crypto from 'crypto';
import type { CatalogueChangeDoc } from './credit';
import { costInWords } from './cost';
import { AUDIENCE_GROUP_LABELS, AUDIENCE_GROUPS, CATEGORIES, CATEGORY_LABELS, PURCHASE_METHOD_LABELS, PURCHASE_METHODS, type AudienceGroup, type Category, type PurchaseMethod } from './domain';
import type { HsdsAttribute, HsdsMetadata, HsdsOrganization, HsdsSchedule, HsdsService, HsdsServiceAtLocation, HsdsServiceListItem, HsdsTaxonomy, HsdsTaxonomyTerm } from './hsds';
import { ORG_KIND_LABELS, type OrgDoc } from './org';
import type { ProductDoc } from './product';

/** This catalogue's namespace for UUID v5 (itself a fixed random UUID). */
export const HSDS_NAMESPACE = '3b9e6c1e-5d0b-4c47-9a55-7f1f2b8d4e21';
export const PUBLISHER = '杭州市司法局';

export function uuidV5(name: string, namespace = HSDS_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = crypto.createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type HsdsKind = 'service' | 'organization' | 'location' | 'service_at_location' | 'taxonomy' | 'taxonomy_term' | 'phone' | 'schedule' | 'service_area' | 'cost_option' | 'required_document' | 'attribute' | 'metadata' | 'identifier' | 'address';
export const hsdsId = (kind: HsdsKind, id: string) => uuidV5(`${kind}:${id}`);

// ---- taxonomies: the category (产品类别), the purchase method (购买方式) and the groups served (服务指向群体) ----

export const TAXONOMIES = {
  category: { name: '杭州市公共法律服务产品类别', description: '《杭州市公共法律服务产品申报认定工作管理办法》附件1 备注1：法律服务、法治宣传、法律援助、人民调解、其他类别', codes: CATEGORIES, labels: CATEGORY_LABELS as Record<string, string> },
  purchaseMethod: { name: '杭州市公共法律服务产品购买方式', description: '附件1 备注2：政府补贴、政府购买、免费服务、按标准付费、其他方式', codes: PURCHASE_METHODS, labels: PURCHASE_METHOD_LABELS as Record<string, string> },
  audience: { name: '杭州市公共法律服务产品服务指向群体', description: '市司法局推介产品时面向的群体', codes: AUDIENCE_GROUPS, labels: AUDIENCE_GROUP_LABELS as Record<string, string> },
} as const;
export type TaxonomyKey = keyof typeof TAXONOMIES;
export const TAXONOMY_KEYS = Object.keys(TAXONOMIES) as TaxonomyKey[];

export function taxonomyOf(key: TaxonomyKey): HsdsTaxonomy {
  const t = TAXONOMIES[key];
  return { id: hsdsId('taxonomy', key), name: t.name, description: t.description, version: '2018' };
}

export function taxonomyTermOf(key: TaxonomyKey, code: string): HsdsTaxonomyTerm {
  const t = TAXONOMIES[key];
  return { id: hsdsId('taxonomy_term', `${key}:${code}`), code, name: t.labels[code], description: `${t.name}：${t.labels[code]}`, taxonomy: t.name, taxonomy_id: hsdsId('taxonomy', key), language: 'zh' };
}

export function allTaxonomyTerms(): HsdsTaxonomyTerm[] {
  return TAXONOMY_KEYS.flatMap((k) => (TAXONOMIES[k].codes as readonly string[]).map((c) => taxonomyTermOf(k, c)));
}

/** The category a taxonomy term id names, or null. */
export function categoryOfTerm(termId: string): Category | null {
  return CATEGORIES.find((c) => hsdsId('taxonomy_term', `category:${c}`) === termId) ?? null;
}
export function purchaseMethodOfTerm(termId: string): PurchaseMethod | null {
  return PURCHASE_METHODS.find((m) => hsdsId('taxonomy_term', `purchaseMethod:${m}`) === termId) ?? null;
}
export function audienceOfTerm(termId: string): AudienceGroup | null {
  return AUDIENCE_GROUPS.find((g) => hsdsId('taxonomy_term', `audience:${g}`) === termId) ?? null;
}

// ---- services ----

export const STATUS_OF: Record<ProductDoc['status'], HsdsService['status']> = { listed: 'active', suspended: 'temporarily closed', exited: 'defunct' };

const DAYS: Record<string, string> = { 一: 'MO', 二: 'TU', 三: 'WE', 四: 'TH', 五: 'FR', 六: 'SA', 日: 'SU', 天: 'SU' };
const ORDER = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const hm = (t: string) => {
  const [h, m] = t.split(':');
  return `${h.padStart(2, '0')}:${m}`;
};

/**
 * Opening hours as HSDS schedules: every "周一至周五 9:00-17:00" (or 周六 …) in the text becomes a weekly rule; the
 * text itself is always kept in `description`, so nothing the provider wrote is lost when it does not parse.
 */
export function schedulesOf(hours: string, serviceId: string, productId: string): HsdsSchedule[] {
  const rules: HsdsSchedule[] = [];
  const re = /周([一二三四五六日天])(?:\s*(?:至|到|-|—|–|~)\s*周([一二三四五六日天]))?\s*(\d{1,2}:\d{2})\s*(?:-|—|–|~|至|到)\s*(\d{1,2}:\d{2})/g;
  for (const m of hours.matchAll(re)) {
    const from = ORDER.indexOf(DAYS[m[1]]);
    const to = m[2] ? ORDER.indexOf(DAYS[m[2]]) : from;
    if (from < 0 || to < from) continue;
    const opens = hm(m[3]);
    const closes = hm(m[4]);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(opens) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(closes)) continue;
    rules.push({ id: hsdsId('schedule', `${productId}:${rules.length}`), service_id: serviceId, freq: 'WEEKLY', wkst: 'MO', byday: ORDER.slice(from, to + 1).join(','), opens_at: opens, closes_at: closes, timezone: 8, description: hours });
  }
  return rules.length ? rules : [{ id: hsdsId('schedule', `${productId}:0`), service_id: serviceId, description: hours }];
}

/** An amount in yuan when the price names exactly one (`300 元/次`), else none. */
function amountOf(price: string): number | undefined {
  const all = [...price.matchAll(/(\d+(?:\.\d+)?)\s*元/g)];
  return all.length === 1 ? Number(all[0][1]) : undefined;
}

const changeWords: Record<CatalogueChangeDoc['change'], { action: string; status: string }> = {
  added: { action: 'create', status: 'active' },
  changed: { action: 'update', status: 'active' },
  reinstated: { action: 'update', status: 'active' },
  suspended: { action: 'update', status: 'temporarily closed' },
  left: { action: 'update', status: 'defunct' },
};

/** The catalogue's recorded changes of a product as HSDS metadata, oldest first (each a change of `status`). */
export function metadataOf(changes: CatalogueChangeDoc[], serviceId: string): HsdsMetadata[] {
  let previous = '';
  return [...changes]
    .sort((a, b) => a.version - b.version)
    .map((c) => {
      const w = changeWords[c.change];
      const m: HsdsMetadata = {
        id: hsdsId('metadata', c._id),
        resource_id: serviceId,
        resource_type: 'service',
        last_action_date: c.on,
        last_action_type: w.action,
        field_name: 'status',
        previous_value: previous,
        replacement_value: w.status + (c.documentNumber ? `（${c.documentNumber}）` : ''),
        updated_by: PUBLISHER,
      };
      previous = w.status;
      return m;
    });
}

/** When the product last changed: its newest recorded change, or its publication (Shanghai midnight). */
export function lastModifiedOf(p: ProductDoc, changes: CatalogueChangeDoc[]): string {
  const stamps = [`${p.publishedOn}T00:00:00+08:00`, ...changes.map((c) => c.at ?? `${c.on}T00:00:00+08:00`)];
  return stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

export interface ServiceContext {
  /** The product's organisation when it is verified (else null: no organisation is published). */
  org: OrgDoc | null;
  /** Its recorded catalogue changes. */
  changes: CatalogueChangeDoc[];
  /** The public H5 site's base (absolute), for `url`; null: no link. */
  base: string | null;
}

function alertOf(p: ProductDoc): string | undefined {
  if (p.status === 'suspended' && p.suspension) return `暂停提供（自 ${p.suspension.since}）：${p.suspension.reason}`;
  if (p.status === 'exited' && p.exit) return `已退出杭州市公共法律服务产品目录（${p.exit.documentNumber}，${p.exit.on}）：${p.exit.reason}`;
  return undefined;
}

export function serviceListItemOf(p: ProductDoc, c: ServiceContext): HsdsServiceListItem {
  const id = hsdsId('service', p._id);
  const cost = costInWords(p.purchaseMethod, p.spec.price);
  const alert = alertOf(p);
  return {
    id,
    ...(c.org ? { organization_id: hsdsId('organization', c.org._id) } : {}),
    name: p.name,
    description: p.spec.summary,
    ...(c.base ? { url: `${c.base}/#/pages/product/index?id=${encodeURIComponent(p._id)}` } : {}),
    status: STATUS_OF[p.status],
    application_process: p.spec.content.channels,
    fees_description: `${cost.headline}${cost.detail ? `（${cost.detail}）` : ''}；购买方式：${cost.term}`,
    accreditations: `杭州市公共法律服务产品（${p.documentNumber}，${p.publishedOn} 公布）`,
    eligibility_description: p.spec.content.audience,
    assured_date: lastModifiedOf(p, c.changes).slice(0, 10),
    ...(alert ? { alert } : {}),
    last_modified: lastModifiedOf(p, c.changes),
  };
}

export function attributesOf(p: ProductDoc, serviceId: string): HsdsAttribute[] {
  const terms: [TaxonomyKey, string][] = [['category', p.category], ['purchaseMethod', p.purchaseMethod], ...p.audienceGroups.map((g) => ['audience', g] as [TaxonomyKey, string])];
  return terms.map(([key, code]) => {
    const term = taxonomyTermOf(key, code);
    return { id: hsdsId('attribute', `${p._id}:${key}:${code}`), link_id: serviceId, link_type: key, link_entity: 'service', taxonomy_term_id: term.id, taxonomy_term: term };
  });
}

export function serviceAtLocationOf(p: ProductDoc, c: ServiceContext): HsdsServiceAtLocation {
  const serviceId = hsdsId('service', p._id);
  const info = p.spec.publicInfo as ProductDoc['spec']['publicInfo'] & { latitude?: number; longitude?: number };
  const locationId = hsdsId('location', p._id);
  const salId = hsdsId('service_at_location', p._id);
  return {
    id: salId,
    service_id: serviceId,
    location_id: locationId,
    description: `${p.providerName}：${info.address}`,
    schedules: schedulesOf(info.hours, serviceId, p._id).map((s) => ({ ...s, service_at_location_id: salId })),
    location: {
      id: locationId,
      location_type: 'physical',
      ...(c.org ? { organization_id: hsdsId('organization', c.org._id) } : {}),
      name: `${p.providerName}服务点`,
      description: info.address,
      ...(typeof info.latitude === 'number' && typeof info.longitude === 'number' ? { latitude: info.latitude, longitude: info.longitude } : {}),
      // Postal codes are not declared; HSDS requires the field, so it is empty rather than guessed.
      addresses: [{ id: hsdsId('address', p._id), location_id: locationId, address_1: info.address, city: '杭州市', region: info.district, state_province: '浙江省', postal_code: '', country: 'CN', address_type: 'physical' }],
      phones: [{ id: hsdsId('phone', `${p._id}:location`), location_id: locationId, number: info.servicePhone, type: 'voice', description: '服务电话' }],
    },
  };
}

export function organizationOf(org: OrgDoc): HsdsOrganization {
  const id = hsdsId('organization', org._id);
  const kind = org.kind ? ORG_KIND_LABELS[org.kind] : null;
  return {
    id,
    name: org.name,
    description: [kind, org.district].filter(Boolean).join('，') || '杭州市公共法律服务产品提供主体',
    ...(kind ? { legal_status: kind } : {}),
    organization_identifiers: org.creditCode
      ? [{ id: hsdsId('identifier', org._id), organization_id: id, identifier_type: '统一社会信用代码（GB 32100-2015）', identifier: org.creditCode }]
      : [],
  };
}

/** A fully nested service (`GET /services/{id}`). */
export function serviceOf(p: ProductDoc, c: ServiceContext): HsdsService {
  const item = serviceListItemOf(p, c);
  const id = item.id;
  const info = p.spec.publicInfo;
  const cost = costInWords(p.purchaseMethod, p.spec.price);
  const amount = cost.kind === 'free' ? 0 : amountOf(p.spec.price);
  return {
    ...item,
    ...(c.org ? { organization: organizationOf(c.org) } : {}),
    phones: [{ id: hsdsId('phone', p._id), service_id: id, number: info.servicePhone, type: 'voice', description: '服务电话' }],
    schedules: schedulesOf(info.hours, id, p._id),
    service_areas: [{ id: hsdsId('service_area', p._id), service_id: id, name: info.district, description: `杭州市${info.district === '市本级' ? '（全市）' : info.district}` }],
    service_at_locations: [serviceAtLocationOf(p, c)],
    languages: [],
    cost_options: [
      {
        id: hsdsId('cost_option', p._id),
        service_id: id,
        option: `${cost.headline}（${cost.term}）`,
        currency: 'CNY',
        ...(amount !== undefined ? { amount } : {}),
        amount_description: p.spec.price,
      },
    ],
    required_documents: info.materials ? [{ id: hsdsId('required_document', p._id), service_id: id, document: info.materials }] : [],
    attributes: attributesOf(p, id),
    metadata: metadataOf(c.changes, id),
  };
}
