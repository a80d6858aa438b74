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
import { loadDirectory } from './directory';
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

export const OPEN_DATA_LIMIT = 'openData';

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

function answer(req: OpenRequest, body: Body, status = 200): OpenResponse {
  const [text, type] =
    'json' in body
      ? [JSON.stringify(body.json), 'application/json; charset=utf-8']
      : 'ndjson' in body
        ? [body.ndjson.map((x) => JSON.stringify(x) + '\n').join(''), 'application/x-ndjson; charset=utf-8']
        : [body.atom, 'application/atom+xml; charset=utf-8'];
  const etag = `"${crypto.createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = { ...CORS, 'Content-Type': type, 'Cache-Control': 'public, max-age=60', ETag: etag };
  const seen = req.headers['if-none-match'];
  if (status === 200 && seen && seen.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return { status: 304, headers, body: '' };
  return { status, headers, body: req.method === 'HEAD' ? '' : text };
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

async function route(req: OpenRequest, deps: OpenDataDeps): Promise<Body> {
  if (req.path === '/feed.atom') {
    const q = parse(feedQuery, req.query);
    const dir = await loadDirectory(deps.store, deps.clock);
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
  const dir = () => loadDirectory(deps.store, deps.clock);
  const site = deps.siteBase;
  switch (collection) {
    case 'services':
      if (id === undefined) return listed(hsds.listServices(await dir(), parse(servicesQuery, req.query), site));
      parse(noQuery, req.query);
      return { json: hsds.getService(await dir(), id.toLowerCase(), site) ?? raise(notFound('服务')) };
    case 'service_at_locations':
      if (id === undefined) return listed(hsds.listServiceAtLocations(await dir(), parse(serviceAtLocationsQuery, req.query), site));
      parse(noQuery, req.query);
      return { json: hsds.getServiceAtLocation(await dir(), id.toLowerCase(), site) ?? raise(notFound('服务地点')) };
    case 'organizations':
      if (id === undefined) return listed(hsds.listOrganizations(await dir(), parse(organizationsQuery, req.query), site));
      return { json: hsds.getOrganization(await dir(), id.toLowerCase(), Boolean(parse(organizationQuery, req.query).full_service), site) ?? raise(notFound('机构')) };
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
    if (deps.throttle) deps.throttle.take(OPEN_DATA_LIMIT, `ip:${req.clientAddress ?? 'unknown'}`, deps.clock.now().getTime());
  } catch (e) {
    if (e instanceof RateLimitedError) {
      const s = e.retryAfterSeconds ?? 60;
      return failure(new HttpError(429, 'RATE_LIMITED', retryMessage(s)), s);
    }
    throw e;
  }
  try {
    return answer(req, await route(req, deps));
  } catch (e) {
    if (e instanceof HttpError) return failure(e);
    deps.log?.(e);
    return failure(new HttpError(500, 'INTERNAL', '系统暂时出了点问题，请稍后再试'));
  }
}
