/**
 * Issue 23: the catalogue as HSDS 3.0 and the announcements as Atom, through the real server over SQLite. Every response
 * is validated against the zod schemas written from the published HSDS 3.0 JSON schemas (types/hsds.ts); paging,
 * `modified_after`, `search`, NDJSON, ETag/304, CORS and the 400/404 answers are pinned; nothing private (a contact
 * person's phone, an unverified organisation) ever appears.
 */
import * as z from 'zod';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { forgetDirectory } from '../../cloudfunctions/openData/directory';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { hsdsOrganization, hsdsPage, hsdsRoot, hsdsService, hsdsServiceAtLocation, hsdsServiceListItem, hsdsTaxonomy, hsdsTaxonomyTerm } from '../../types/hsds';
import { creditCodeCheckChar } from '../../types/creditCode';
import { hsdsId } from '../../types/hsdsMapping';
import type { ProductDoc } from '../../types/product';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { startPipeline } from '../support/pipeline';

let h: Harness;
let orgId: string;
let published: string;
let suspendedAt: string;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await h.raw(path, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
};
/** GET, expect 200 and a body the schema accepts; returns the parsed body. */
async function valid<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  const r = await get(path);
  expect({ path, status: r.status }).toEqual({ path, status: 200 });
  const parsed = schema.safeParse(r.json());
  if (!parsed.success) throw new Error(`${path}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  return parsed.data;
}

beforeAll(async () => {
  h = await startHarness({ seed: true });
  await at('2026-09-25T09:00:00+08:00');
  const pipe = await startPipeline(h);
  orgId = pipe.applicant.orgId;
  // One product of a verified organisation through the whole year: review, publicity, publication.
  const declarationId = await pipe.proposed(1);
  await h.ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-20T10:00:00+08:00');
  await h.ok('publicity', 'close', { declarationId, outcome: 'recognised' }, ADMIN_TOKEN);
  const pub = await h.ok('catalogue', 'publish', { declarationIds: [declarationId], documentNumber: '杭司〔2026〕88号', publishedOn: '2026-10-21' }, ADMIN_TOKEN);
  published = pub.published[0].productId;
  // A demo product suspended later, another exited.
  suspendedAt = '2026-11-02T09:30:00+08:00';
  await at(suspendedAt);
  await h.ok('supervision', 'suspend', { productId: 'p0003demo', reason: '服务电话长期无人接听，核查期间暂停' }, ADMIN_TOKEN);
  await h.ok('supervision', 'exit', { productIds: ['p0004demo'], documentNumber: '杭司〔2026〕99号', on: '2026-11-02', reason: '提供主体注销' }, ADMIN_TOKEN);
  // A product whose organisation is still waiting for verification (as if written before the rule): never an organisation.
  const first17 = '91330106MA2GL0BT4';
  const creditCode = first17 + creditCodeCheckChar(first17)!;
  const pending = await h.ok('orgs', 'register', { name: '待核验律师事务所', creditCode, kind: 'law-firm', district: '西湖区', contactName: '周先生', contactPhone: '13900001111' }, await h.citizen());
  const template = (await h.app.store.get<ProductDoc>('products', 'p0005demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId: 'ppending01', declarationId: null, orgId: pending.orgId, documentNumber: '杭司〔2026〕5号', publishedOn: '2026-01-05' }));
  forgetDirectory(h.app.store);
});
afterAll(() => h.close());

test('GET /hsds/ says the version, the profile and where the OpenAPI description is', async () => {
  const root = await valid('/hsds/', hsdsRoot);
  expect(root.version).toBe('3.0');
  expect(root.openapi_url).toBe(`${h.url}/hsds/openapi.json`);
  const api = await get('/hsds/openapi.json');
  expect(api.status).toBe(200);
  expect(Object.keys(api.json().paths)).toEqual(expect.arrayContaining(['/services', '/services/{id}', '/organizations', '/organizations/{id}', '/taxonomies', '/taxonomy_terms', '/service_at_locations']));
});

test('services page through every public product exactly once, with HSDS page fields that add up', async () => {
  const total = (await h.app.store.count('products')) as number;
  const seen: string[] = [];
  let last = false;
  for (let page = 1; !last; page++) {
    const p = await valid(`/hsds/services?per_page=7&page=${page}`, hsdsPage(hsdsServiceListItem));
    expect(p).toMatchObject({ total_items: total, total_pages: Math.ceil(total / 7), page_number: page, first_page: page === 1, size: p.contents.length });
    expect(p.size).toBe(page < p.total_pages ? 7 : total - 7 * (p.total_pages - 1));
    seen.push(...p.contents.map((s) => s.id));
    last = p.last_page;
    expect(page).toBeLessThanOrEqual(p.total_pages);
  }
  expect(new Set(seen).size).toBe(total);
  // Beyond the last page: an empty page, not an error.
  const beyond = await valid(`/hsds/services?per_page=7&page=${Math.ceil(total / 7) + 1}`, hsdsPage(hsdsServiceListItem));
  expect([beyond.empty, beyond.size, beyond.last_page]).toEqual([true, 0, true]);
  // per_page bounds: 1 and 200 accepted, 0 and 201 refused with the parameter named.
  expect((await valid('/hsds/services?per_page=1', hsdsPage(hsdsServiceListItem))).size).toBe(1);
  expect((await valid('/hsds/services?per_page=200', hsdsPage(hsdsServiceListItem))).size).toBe(total);
  for (const bad of ['per_page=0', 'per_page=201', 'page=0', 'page=x', 'colour=red', 'minimal=yes', 'format=xml', 'modified_after=yesterday', 'organization_id=123']) {
    const r = await get(`/hsds/services?${bad}`);
    expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
    expect(r.json().error.code).toBe('INVALID_INPUT');
    expect(r.json().error.issues[0].path).toBe(bad.split('=')[0] === 'colour' ? '(参数)' : bad.split('=')[0]);
  }
});

test('a full service carries its organisation with the credit code, phones, hours, area, cost in words, documents, category and history', async () => {
  const s = await valid(`/hsds/services/${hsdsId('service', published)}`, hsdsService);
  const org = await h.app.store.get<{ _id: string; name: string }>('orgs', orgId);
  expect(s.organization?.name).toBe(org!.name);
  expect(s.organization_id).toBe(hsdsId('organization', orgId));
  expect(s.status).toBe('active');
  const spec = demoSpec(DEMO_PRODUCTS[1], 1);
  expect(s.phones.map((p) => p.number)).toEqual([spec.publicInfo.servicePhone]);
  expect(s.service_areas[0].name).toBe(spec.publicInfo.district);
  expect(s.fees_description).toMatch(/^免费/);
  expect(s.required_documents[0].document).toBe(spec.publicInfo.materials);
  expect(s.attributes.find((a) => a.link_type === 'category')?.taxonomy_term?.name).toBe('法律援助');
  expect(s.metadata).toEqual([expect.objectContaining({ last_action_type: 'create', field_name: 'status', replacement_value: 'active（杭司〔2026〕88号）' })]);
  // Opening hours parse into weekly rules, and the words are kept.
  expect(s.schedules[0]).toMatchObject({ freq: 'WEEKLY', description: spec.publicInfo.hours });
  // The organisation's own page, with its identifier.
  const o = await valid(`/hsds/organizations/${hsdsId('organization', orgId)}?full_service=true`, hsdsOrganization.extend({ services: z.array(hsdsService.omit({ organization: true })) }));
  expect(o.services.map((x) => x.id)).toEqual([s.id]);
  // Nothing private, anywhere in the answer.
  const text = (await get(`/hsds/services/${s.id}`)).text + (await get(`/hsds/services?format=ndjson&full=true`)).text;
  expect(text).not.toContain(spec.cover.contactPhone);
  expect(text).not.toContain('（内部）');
  expect(text).not.toContain('13900001111');
  expect(text).not.toContain('周先生');
});

test('statuses: a suspended product is temporarily closed, an exited one defunct with its document in the alert', async () => {
  const suspended = await valid(`/hsds/services/${hsdsId('service', 'p0003demo')}`, hsdsService);
  expect([suspended.status, suspended.alert]).toEqual(['temporarily closed', expect.stringContaining('服务电话长期无人接听')]);
  const exited = await valid(`/hsds/services/${hsdsId('service', 'p0004demo')}`, hsdsService);
  expect([exited.status, exited.alert]).toEqual(['defunct', expect.stringContaining('杭司〔2026〕99号')]);
  expect(exited.metadata.map((m) => m.replacement_value)).toEqual(['defunct（杭司〔2026〕99号）']);
});

test('modified_after returns exactly what changed on or after the instant (incremental sync)', async () => {
  const changed = await valid(`/hsds/services?minimal=true&per_page=200&modified_after=${encodeURIComponent(suspendedAt)}`, hsdsPage(z.object({ id: z.string(), last_modified: z.string() })));
  expect(changed.contents.map((s) => s.id).sort()).toEqual([hsdsId('service', 'p0003demo'), hsdsId('service', 'p0004demo')].sort());
  const sinceOctober = await valid('/hsds/services?minimal=true&per_page=200&modified_after=2026-10-20', hsdsPage(z.object({ id: z.string() })));
  expect(sinceOctober.contents.map((s) => s.id).sort()).toEqual([published, 'p0003demo', 'p0004demo'].map((p) => hsdsId('service', p)).sort());
  const future = await valid('/hsds/services?modified_after=2030-01-01T00:00:00Z', hsdsPage(hsdsServiceListItem));
  expect(future.total_items).toBe(0);
});

test('search, organisation and taxonomy filters; NDJSON streams every result', async () => {
  const product = DEMO_PRODUCTS[6];
  const word = product.name.slice(0, 4);
  const found = await valid(`/hsds/services?search=${encodeURIComponent(word)}`, hsdsPage(hsdsServiceListItem));
  expect(found.contents.map((s) => s.name)).toContain(product.name);
  expect(found.total_items).toBeLessThan(await h.app.store.count('products'));
  const nothing = await valid(`/hsds/services?search=${encodeURIComponent('不存在的词语组合')}`, hsdsPage(hsdsServiceListItem));
  expect(nothing.total_items).toBe(0);

  const mine = await valid(`/hsds/services?organization_id=${hsdsId('organization', orgId)}`, hsdsPage(hsdsServiceListItem));
  expect(mine.contents.map((s) => s.id)).toEqual([hsdsId('service', published)]);

  const terms = await valid('/hsds/taxonomy_terms?per_page=200', hsdsPage(hsdsTaxonomyTerm));
  const mediation = terms.contents.find((t) => t.code === 'mediation')!;
  const byTerm = await valid(`/hsds/services?per_page=200&taxonomy_term_id=${mediation.id}`, hsdsPage(hsdsServiceListItem));
  const mediationCount = await h.app.store.count('products', { category: 'mediation' });
  expect(byTerm.total_items).toBe(mediationCount);
  const taxonomies = await valid('/hsds/taxonomies', hsdsPage(hsdsTaxonomy));
  expect(taxonomies.contents.map((t) => t.name)).toEqual(expect.arrayContaining(['杭州市公共法律服务产品类别']));
  expect((await valid(`/hsds/taxonomy_terms?taxonomy_id=${taxonomies.contents[0].id}`, hsdsPage(hsdsTaxonomyTerm))).contents.every((t) => t.taxonomy_id === taxonomies.contents[0].id)).toBe(true);

  const nd = await get('/hsds/services?format=ndjson');
  expect(nd.headers.get('content-type')).toMatch(/application\/x-ndjson/);
  const lines = nd.text.trimEnd().split('\n');
  expect(lines).toHaveLength(await h.app.store.count('products'));
  for (const l of lines) expect(hsdsServiceListItem.safeParse(JSON.parse(l)).success).toBe(true);

  const sal = await valid('/hsds/service_at_locations?per_page=3', hsdsPage(hsdsServiceAtLocation));
  expect(sal.contents[0].location?.addresses?.[0]).toMatchObject({ country: 'CN', state_province: '浙江省', city: '杭州市' });
  await valid(`/hsds/service_at_locations/${sal.contents[0].id}`, hsdsServiceAtLocation);
});

test('organisations are only the verified ones; unknown ids are 404; answers are cacheable and open to any origin', async () => {
  const orgs = await valid('/hsds/organizations', hsdsPage(hsdsOrganization));
  expect(orgs.contents.map((o) => o.name)).not.toContain('待核验律师事务所');
  expect(orgs.contents.map((o) => o.id)).toContain(hsdsId('organization', orgId));
  const pendingService = await valid(`/hsds/services/${hsdsId('service', 'ppending01')}`, hsdsService);
  expect([pendingService.organization, pendingService.organization_id]).toEqual([undefined, undefined]);
  for (const path of [`/hsds/services/${hsdsId('service', 'nosuch')}`, '/hsds/organizations/00000000-0000-5000-8000-000000000000', '/hsds/taxonomies/x', '/hsds/nothing', '/hsds/services/a/b']) {
    const r = await get(path);
    expect({ path, status: r.status, code: r.json().error.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
  }
  const first = await get('/hsds/services');
  expect(first.headers.get('access-control-allow-origin')).toBe('*');
  const etag = first.headers.get('etag')!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  const again = await get('/hsds/services', { 'If-None-Match': etag });
  expect([again.status, again.text]).toEqual([304, '']);
  const other = await get('/hsds/services?page=2', { 'If-None-Match': etag });
  expect(other.status).toBe(200);
  expect((await h.raw('/hsds/services', { method: 'POST' })).status).toBe(405);
});

test('the open-data endpoints are throttled per address like search, in a window of their own', async () => {
  const strict = await startHarness({ seed: true, rateLimits: 'strict' });
  try {
    const codes: number[] = [];
    for (let i = 0; i < 121; i++) codes.push((await strict.raw('/hsds/taxonomies')).status);
    expect(codes.slice(0, 120).every((c) => c === 200)).toBe(true);
    const refused = await strict.raw('/feed.atom');
    expect([codes[120], refused.status]).toEqual([429, 429]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Catalogue search counts separately.
    expect((await strict.call('catalogue', 'search', {})).status).toBe(200);
  } finally {
    await strict.close();
  }
});
