/**
 * Cold load of each built function bundle (all 14) on the local Node: a fresh process per round requires
 * dist/cloudfunctions/<name>/index.js and dispatches one read (require + first dispatch, the SDK's first request included),
 * against the loopback stand-in for the CloudBase gateway over the demo catalogue. Prints one JSON line.
 */
import { CloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { seedDemo } from '../../server/seedDemo';
import { startBundleHost } from '../../tests/support/bundleHost';
import { startFakeGateway } from '../../tests/support/fakeGateway';
import { stats } from './stats';

const ADMIN = 'oBenchAdmin';
const FIRST_CALL: Record<string, [Record<string, unknown>, string?]> = {
  auth: [{ action: 'me' }, 'oBenchCitizen'],
  admin: [{ action: 'auditTrail', recordId: 'demo-seed' }, ADMIN],
  declarations: [{ action: 'listCalls' }],
  reviews: [{ action: 'listExperts' }, ADMIN],
  publicity: [{ action: 'list' }],
  catalogue: [{ action: 'search' }],
  ratings: [{ action: 'summary', productId: 'p0001demo' }],
  assessments: [{ action: 'results', year: 2026 }],
  supervision: [{ action: 'rules' }],
  orgs: [{ action: 'list' }, ADMIN],
  procurement: [{ action: 'productSummary', productId: 'p0001demo' }],
  needs: [{ action: 'list' }],
  notify: [{ action: 'outbox' }, ADMIN],
  // HTTP access (path /hsds, /feeds): CloudBase's integration event, and an HTTP answer.
  openData: [{ path: '/hsds/services', httpMethod: 'GET', headers: { 'X-Forwarded-For': '203.0.113.9' }, queryStringParameters: { per_page: '10' } }],
};
/** A call went well: the envelope says ok, or (HTTP access) the answer is 200. */
const answered = (result: any) => result?.ok === true || result?.statusCode === 200;
const ROUNDS = 5;

async function main() {
  const gw = await startFakeGateway();
  Object.assign(process.env, gw.env());
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const tcb = require('@cloudbase/node-sdk');
  await seedDemo(new CloudbaseStore(tcb.init({ env: 'test-env' }).database()));
  const results: Record<string, { median: number; min: number; max: number; ok: boolean }> = {};
  for (const [fn, [event, openid]] of Object.entries(FIRST_CALL)) {
    const times: number[] = [];
    let ok = true;
    for (let i = 0; i < ROUNDS; i++) {
      const host = startBundleHost(gw, { ADMIN_OPENIDS: ADMIN }, process.cwd());
      const { result, coldMs } = await host.call(fn, event, openid);
      ok &&= answered(result);
      times.push(coldMs ?? NaN);
      await host.stop();
    }
    results[fn] = { median: stats(times).median, min: Math.min(...times), max: Math.max(...times), ok };
  }
  await gw.stop();
  console.log(JSON.stringify({ rounds: ROUNDS, results }));
}

void main();
