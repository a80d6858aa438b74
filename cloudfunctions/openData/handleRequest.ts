/**
 * The open-data endpoints as plain HTTP GETs, the same for the local server (`/hsds/…`, `/feed.atom`) and for CloudBase's
 * HTTP access (the `openData` function, trigger paths `/hsds` and `/feed.atom`): the HSDS 3.0 read API and the Atom
 * feed of announcements. Public and read-only: no caller identity, `Access-Control-Allow-Origin: *`, an `ETag` on every
 * answer (304 when unchanged), throttled per client address like catalogue search, bad parameters answered 400 with
 * the parameter named, an unknown id 404, always in a JSON body.
 */
import crypto from 'crypto';
import * as z from 'zod';
import { feedQuery, noQuery, organizationQuery, organizationsQuery, serviceAtLocationsQuery, servicesQuery, taxonomiesQuery, taxonomyTermsQuery } from '../../types/actions/openData';
import { atomXml } from '../../types/atom';
import { HSDS_VERSION } from '../../types/hsds';
import { HSDS_NAMESPACE, PUBLISHER, uuidV5 } from '../../types/hsdsMapping';
import { retryMessage } from '../../types/limits';
import { issuesOf, summaryOf } from '../../types/validation';
import type { Clock } from '../_lib/clock';
import type { Store } from '../_lib/store/port';
import { RateLimitedError, type Throttle } from '../_lib/throttle';
import { loadDirectory, type Directory } from './directory';
import { openApiDocument } from './openApi';
import { feedEntries, feedLinks } from './readFeed';
import * as hsds from './readHsds';

export interface OpenRequest {
  method: string;
  /** The path as received (`/hsds/services/…`, `/feed.atom`), without the query. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  clientAddress: string | null;
}

export interface OpenResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface OpenDataDeps {
  store: Store;
  clock: Clock;
  throttle?: Throttle;
  /** Absolute address of the public H5 site (links in the data), or null. */
  siteBase: string | null;
  /** Absolute address this API is served at (its own links: openapi_url, the feed's self link), or null. */
  apiBase: string | null;
  log?: (error: unknown) => void;
}

export const OPEN_DATA_LIMIT = 'openData' as const;
/** Whole-catalogue answers (every service rendered): NDJSON lists, organisations with all their services. */
export const OPEN_DATA_BULK_LIMIT = 'openDataBulk' as const;
const isBulk = (q: Record<string, string>) => q.format === 'ndjson' || q.full_service === 'true' || q.full_service === '1';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match',
  'Access-Control-Expose-Headers': 'ETag, Retry-After',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `没有这个${what}`);

function parse<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const r = schema.safeParse(query);
  if (!r.success) {
    const issues = issuesOf(r.error).map((i) => ({ ...i, path: i.path || '(参数)' }));
    throw new HttpError(400, 'INVALID_INPUT', summaryOf(issues), issues);
  }
  return r.data;
}

type Body = { json: unknown } | { ndjson: unknown[] } | { atom: string };

/** An answer's text, type and entity tag, rendered once and kept with the directory it was read from. */
interface Rendered {
  text: string;
  type: string;
  etag: string;
}

function render(body: Body): Rendered {
  const [text, type] =
    'json' in body
      ? [JSON.stringify(body.json), 'application/json; charset=utf-8']
      : 'ndjson' in body
        ? [body.ndjson.map((x) => JSON.stringify(x) + '\n').join(''), 'application/x-ndjson; charset=utf-8']
        : [body.atom, 'application/atom+xml; charset=utf-8'];
  return { text, type, etag: `"${crypto.createHash('sha256').update(text).digest('base64url').slice(0, 27)}"` };
}

function answer(req: OpenRequest, r: Rendered): OpenResponse {
  const headers = { ...CORS, 'Content-Type': r.type, 'Cache-Control': 'public, max-age=60', ETag: r.etag };
  const seen = req.headers['if-none-match'];
  if (seen && seen.split(',').some((t) => t.trim().replace(/^W\//, '') === r.etag)) return { status: 304, headers, body: '' };
  return { status: 200, headers, body: req.method === 'HEAD' ? '' : r.text };
}

/**
 * Answers kept per directory (so for at most its lifetime, DIRECTORY_MAX_AGE_MS, and never across a catalogue
 * version): the same request again — a sync polling, a client revalidating its ETag, a crawler repeating itself —
 * costs a lookup, not a rendering of the catalogue. Bounded in entries and bytes; past the bound answers are rendered
 * each time (and the bulk ones are limited per address anyway).
 */
export const KEPT_ANSWERS = { entries: 64, chars: 64 * 1024 * 1024 } as const;
const keptAnswers = new WeakMap<Directory, { chars: number; answers: Map<string, Rendered> }>();

function requestKey(req: OpenRequest): string {
  const q = Object.keys(req.query)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(req.query[k])}`)
    .join('&');
  return `${req.path}?${q}`;
}

async function renderKept(req: OpenRequest, deps: OpenDataDeps): Promise<Rendered> {
  const dir = await loadDirectory(deps.store, deps.clock);
  let kept = keptAnswers.get(dir);
  if (!kept) keptAnswers.set(dir, (kept = { chars: 0, answers: new Map() }));
  const key = requestKey(req);
  const hit = kept.answers.get(key);
  if (hit) return hit;
  const fresh = render(await route(req, deps, dir));
  if (kept.answers.size < KEPT_ANSWERS.entries && kept.chars + fresh.text.length <= KEPT_ANSWERS.chars) {
    kept.answers.set(key, fresh);
    kept.chars += fresh.text.length;
  }
  return fresh;
}

function failure(e: HttpError, retryAfter?: number): OpenResponse {
  return {
    status: e.status,
    headers: { ...CORS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...(retryAfter ? { 'Retry-After': String(retryAfter) } : {}) },
    body: JSON.stringify({ error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } }),
  };
}

/** `{ page }` as JSON, `{ all }` as NDJSON. */
const listed = (l: hsds.Listed<unknown>): Body => ('page' in l ? { json: l.page } : { ndjson: l.all });

async function route(req: OpenRequest, deps: OpenDataDeps, directory: Directory): Promise<Body> {
  if (req.path === '/feed.atom') {
    const q = parse(feedQuery, req.query);
    const dir = directory;
    const entries = (await feedEntries(deps.store, dir, feedLinks(deps.siteBase))).filter((e) => !q.kind || e.kind === q.kind);
    const self = deps.apiBase ? `${deps.apiBase}/feed.atom${q.kind ? `?kind=${q.kind}` : ''}` : null;
    return {
      atom: atomXml(
        { id: `urn:uuid:${uuidV5(`feed:${q.kind ?? 'all'}`, HSDS_NAMESPACE)}`, title: `杭州市公共法律服务产品公告${q.kind ? `（${q.kind}）` : ''}`, subtitle: '征集公告、公示、认定公布、测评结果、暂停与退出、目录版本', author: PUBLISHER, self, site: deps.siteBase ? `${deps.siteBase}/` : null, now: deps.clock.now().toISOString() },
        entries,
      ),
    };
  }
  const rest = req.path.replace(/^\/hsds/, '').replace(/\/+$/, '');
  const [, collection = '', id, extra] = rest.split('/');
  if (extra !== undefined) throw notFound('接口');
  if (collection === '') {
    parse(noQuery, req.query);
    const base = deps.apiBase ?? '';
    return { json: { version: HSDS_VERSION, profile: `${base}/hsds/profile`, openapi_url: `${base}/hsds/openapi.json` } };
  }
  if (collection === 'openapi.json' && id === undefined) return { json: openApiDocument(deps.apiBase) };
  if (collection === 'profile' && id === undefined) return { json: { name: 'hangzhou-legal-products', title: '杭州市公共法律服务产品目录 HSDS 3.0 配置说明', description: '字段对照见项目文档 docs/hsds.md', version: HSDS_VERSION } };
  const dir = () => directory;
  const site = deps.siteBase;
  switch (collection) {
    case 'services':
      if (id === undefined) return listed(hsds.listServices(dir(), parse(servicesQuery, req.query), site));
      parse(noQuery, req.query);
      return { json: hsds.getService(dir(), id.toLowerCase(), site) ?? raise(notFound('服务')) };
    case 'service_at_locations':
      if (id === undefined) return listed(hsds.listServiceAtLocations(dir(), parse(serviceAtLocationsQuery, req.query), site));
      parse(noQuery, req.query);
      return { json: hsds.getServiceAtLocation(dir(), id.toLowerCase(), site) ?? raise(notFound('服务地点')) };
    case 'organizations':
      if (id === undefined) return listed(hsds.listOrganizations(dir(), parse(organizationsQuery, req.query), site));
      return { json: hsds.getOrganization(dir(), id.toLowerCase(), Boolean(parse(organizationQuery, req.query).full_service), site) ?? raise(notFound('机构')) };
    case 'taxonomies':
      if (id === undefined) return listed(hsds.listTaxonomies(parse(taxonomiesQuery, req.query)));
      parse(noQuery, req.query);
      return { json: hsds.getTaxonomy(id.toLowerCase()) ?? raise(notFound('分类体系')) };
    case 'taxonomy_terms':
      if (id === undefined) return listed(hsds.listTaxonomyTerms(parse(taxonomyTermsQuery, req.query)));
      parse(noQuery, req.query);
      return { json: hsds.getTaxonomyTerm(id.toLowerCase()) ?? raise(notFound('分类')) };
    default:
      throw notFound('接口');
  }
}

function raise(e: Error): never {
  throw e;
}

export async function handleOpenData(req: OpenRequest, deps: OpenDataDeps): Promise<OpenResponse> {
  if (req.method === 'OPTIONS') return { status: 204, headers: { ...CORS, 'Access-Control-Max-Age': '86400' }, body: '' };
  if (req.method !== 'GET' && req.method !== 'HEAD') return failure(new HttpError(405, 'INVALID_INPUT', '开放数据接口只接受 GET'));
  try {
    if (deps.throttle) {
      const key = `ip:${req.clientAddress ?? 'unknown'}`;
      const now = deps.clock.now().getTime();
      const limits = isBulk(req.query) ? [OPEN_DATA_LIMIT, OPEN_DATA_BULK_LIMIT] : [OPEN_DATA_LIMIT];
      for (const name of limits) deps.throttle.check(name, key, now);
      for (const name of limits) deps.throttle.take(name, key, now);
    }
  } catch (e) {
    if (e instanceof RateLimitedError) {
      const s = e.retryAfterSeconds ?? 60;
      return failure(new HttpError(429, 'RATE_LIMITED', retryMessage(s)), s);
    }
    throw e;
  }
  try {
    return answer(req, await renderKept(req, deps));
  } catch (e) {
    if (e instanceof HttpError) return failure(e);
    deps.log?.(e);
    return failure(new HttpError(500, 'INTERNAL', '系统暂时出了点问题，请稍后再试'));
  }
}
