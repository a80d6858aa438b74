/**
 * CloudBase entry of the `openData` function, reached through HTTP access (HTTP 访问服务) at the trigger paths `/hsds`
 * and `/feed.atom` (https://docs.cloudbase.net/service/access-cloud-function): the event carries the request (`path`,
 * `httpMethod`, `headers`, `queryStringParameters`) and the answer is an integration response (`statusCode`,
 * `headers`, `body`). No WeChat identity is involved: the data is public.
 */
import * as tcb from '@cloudbase/node-sdk';
import { systemClock } from '../_lib/clock';
import { h5Base } from '../_lib/links';
import { CloudbaseStore } from '../_lib/store/cloudbase';
import { Throttle } from '../_lib/throttle';
import { handleOpenData } from './handleRequest';

interface HttpEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined> | null;
}

let store: CloudbaseStore | null = null;
const throttle = new Throttle('strict');

/** OPEN_DATA_BASE_URL: where this function's HTTP access answers (its own links); absent: taken as unknown. */
function apiBase(): string | null {
  return h5Base({ H5_BASE_URL: process.env.OPEN_DATA_BASE_URL });
}

export async function main(event: HttpEvent) {
  store ??= new CloudbaseStore(tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database());
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) headers[k.toLowerCase()] = v;
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) if (typeof v === 'string') query[k] = v;
  const res = await handleOpenData(
    {
      method: (event.httpMethod ?? 'GET').toUpperCase(),
      path: event.path ?? '/hsds',
      query,
      headers,
      clientAddress: headers['x-forwarded-for']?.split(',')[0]?.trim() || headers['x-real-ip'] || null,
    },
    { store, clock: systemClock, throttle, siteBase: h5Base(), apiBase: apiBase(), log: (e) => console.error('[openData]', e) },
  );
  return { statusCode: res.status, headers: res.headers, body: res.body, isBase64Encoded: false };
}
