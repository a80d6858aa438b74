/**
 * The built bundles (dist/cloudfunctions/<name>/index.js, from `npm run build:functions`) run their happy paths as CloudBase
 * would run them: `main(event, context)` in a bare Node process, the caller's openid injected per invocation, the real SDKs
 * inside talking to a loopback stand-in for the CloudBase gateway (tests/support/fakeGateway.ts) over its in-memory store.
 * A bundling fault (a module esbuild could not resolve, an SDK that needs a file it left behind) or a runtime fault of the
 * cloud path (an SDK call the local SQLite mode never makes) shows here.
 */
import fs from 'fs';
import path from 'path';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec, seedDemo } from '../../server/seedDemo';
import { CloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { shanghaiDate } from '../../types/time';
import { DIST, startBundleHost, type BundleHost } from '../support/bundleHost';
import { startFakeGateway, type FakeGateway } from '../support/fakeGateway';
import type { ProductDoc } from '../../types/product';

const ADMIN = 'oAdmin000000000000000000000';
const APPLICANT = 'oZhang00000000000000000000';
const CITIZEN = 'oWang000000000000000000000';
const EXPERTS = [1, 2, 3, 4, 5].map((i) => `oExpert${i}0000000000000000000`);
const FUNCTIONS = ['auth', 'admin', 'declarations', 'reviews', 'publicity', 'catalogue', 'ratings', 'orgs', 'notify'];

let gw: FakeGateway;
let host: BundleHost;
const saved = { ...process.env };
const coldMs: Record<string, number> = {};

async function ok(fn: string, action: string, payload: Record<string, unknown> = {}, openid?: string): Promise<any> {
  const { result, coldMs: cold } = await host.call(fn, { action, ...payload }, openid);
  if (cold !== undefined) coldMs[fn] = cold;
  if (!result?.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(result)}`);
  return result.data;
}
async function fails(fn: string, action: string, payload: Record<string, unknown>, openid?: string): Promise<{ code: string; message: string }> {
  const { result } = await host.call(fn, { action, ...payload }, openid);
  expect(result.ok).toBe(false);
  return result.error;
}

beforeAll(async () => {
  for (const n of FUNCTIONS) if (!fs.existsSync(path.join(DIST, n, 'index.js'))) throw new Error(`run npm run build:functions first (no ${n} bundle)`);
  gw = await startFakeGateway();
  // The demo catalogue, written through the CloudBase adapter in this process (the same SDK, the same gateway).
  Object.assign(process.env, gw.env());
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const tcb = require('@cloudbase/node-sdk');
  expect(await seedDemo(new CloudbaseStore(tcb.init({ env: 'test-env' }).database()))).toBe(DEMO_PRODUCTS.length);
  host = startBundleHost(gw, { ADMIN_OPENIDS: ADMIN, NOTIFY_TEMPLATE_TASK: 'tmpl-task', NOTIFY_TEMPLATE_DEADLINE: 'tmpl-deadline', NOTIFY_TEMPLATE_RESULT: 'tmpl-result' });
  // Seeding through the SDK takes seconds on a busy machine: past jest's 5 s default, afterAll would pull the gateway's
  // credentials from under it.
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await gw?.stop();
  process.env = saved;
});

test('every function’s happy path runs through its bundle against the gateway', async () => {
  const today = shanghaiDate(Date.now());
  const year = Number(today.slice(0, 4));

  // auth: the caller is the openid injected for this invocation, not the previous one's.
  expect((await ok('auth', 'me', {}, CITIZEN)).roles).toEqual(['citizen']);
  expect((await ok('auth', 'me', {}, ADMIN)).roles).toEqual(expect.arrayContaining(['admin']));
  // The newer runtime's way: the identity in the context's `environment`.
  expect((await host.call('auth', { action: 'me' }, ADMIN, true)).result.data.roles).toEqual(expect.arrayContaining(['admin']));

  // admin + auth: an applicant joins through an invite.
  const invite = await ok('admin', 'createInvite', { role: 'applicant', orgName: '杭州测试律师事务所' }, ADMIN);
  expect((await ok('auth', 'redeemInvite', { code: invite.inviteCode }, APPLICANT)).roles).toEqual(expect.arrayContaining(['applicant']));

  // declarations: a call for the year; a second one for the same year is a conflict (the SDK's thrown duplicate key),
  // not 系统暂时出了点问题.
  await ok('declarations', 'openCall', { year, title: `${year} 年度申报公告`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` }, ADMIN);
  expect((await fails('declarations', 'openCall', { year, title: '再发一次', opensOn: `${year}-01-01`, closesOn: `${year}-12-31` }, ADMIN)).code).toBe('CONFLICT');

  // An uploaded PDF is registered (inspected with two Range requests: its first and its last bytes); it lies under the
  // uploading account's path (issue 10: only that account's organisation may register it); an over-limit one is refused and deleted.
  const { userId } = await ok('auth', 'me', {}, APPLICANT);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF\n')]);
  gw.files.set(`attachments/${userId}/seal.pdf`, pdf);
  expect((await fails('declarations', 'registerFile', { fileId: `cloud://test-env.7465/attachments/${userId}/seal.pdf`, name: '盖章页.pdf' }, CITIZEN)).code).toBe('FORBIDDEN');
  const file = await ok('declarations', 'registerFile', { fileId: `cloud://test-env.7465/attachments/${userId}/seal.pdf`, name: '盖章页.pdf' }, APPLICANT);
  expect(file).toEqual({ fileId: `cloud://test-env.7465/attachments/${userId}/seal.pdf`, name: '盖章页.pdf', size: pdf.length });
  gw.files.set('uploads/someone-else.pdf', pdf);
  expect((await fails('declarations', 'registerFile', { fileId: 'cloud://test-env.7465/uploads/someone-else.pdf', name: '别人的.pdf' }, APPLICANT)).code).toBe('NOT_FOUND');
  gw.files.set(`attachments/${userId}/big.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]));
  expect((await fails('declarations', 'registerFile', { fileId: `cloud://test-env.7465/attachments/${userId}/big.pdf`, name: '大文件.pdf' }, APPLICANT)).code).toBe('INVALID_INPUT');
  expect(gw.files.has(`attachments/${userId}/big.pdf`)).toBe(false);
  // Never a large file whole: the first 32 bytes, and the last bytes only of files within the limit.
  expect(gw.fileRequests.filter((r) => r.path.endsWith('big.pdf')).map((r) => r.range)).toEqual(['bytes=0-31']);

  // A draft saved twice: a field cleared the second time stays cleared (object values replace, not merge).
  const spec = demoSpec(DEMO_PRODUCTS[0], 0);
  const { declarationId } = await ok('declarations', 'saveDraft', { spec: { ...spec, attachments: [{ name: '盖章页.pdf', fileId: file.fileId }] } }, APPLICANT);
  const { hours: _hours, ...publicInfoWithoutHours } = spec.publicInfo;
  await ok('declarations', 'saveDraft', { declarationId, spec: { ...spec, publicInfo: publicInfoWithoutHours } }, APPLICANT);
  expect((await ok('declarations', 'get', { declarationId }, APPLICANT)).spec.publicInfo).toEqual(publicInfoWithoutHours);
  await ok('declarations', 'saveDraft', { declarationId, spec }, APPLICANT);
  expect((await ok('declarations', 'submit', { declarationId }, APPLICANT)).status).toBe('submitted');

  // reviews: five experts join, a panel is drawn, every expert scores, the panel and then the bureau confirm.
  for (const [i, openid] of EXPERTS.entries()) {
    const { inviteCode } = await ok('reviews', 'addExpert', { name: `专家${i + 1}`, organisation: `浙江某大学法学院${i + 1}`, kind: 'academic', phone: '13900000000' }, ADMIN);
    await ok('auth', 'redeemInvite', { code: inviteCode }, openid);
  }
  await ok('reviews', 'drawPanel', { declarationId, size: 5 }, ADMIN);
  const items = Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, DEMO_PRODUCTS[0].purchaseMethod).max]));
  for (const openid of EXPERTS) await ok('reviews', 'submitScoresheet', { declarationId, items, attributes: { public: 'meets', legal: 'meets', service: 'meets' } }, openid);
  // 经评审组最终确认: a majority of the panel agrees before the bureau confirms.
  for (const openid of EXPERTS) await ok('reviews', 'panelConfirm', { declarationId, agree: true }, openid);
  await ok('reviews', 'confirm', { declarationId }, ADMIN);

  // publicity: open today; a citizen's comment passes WeChat's check (wx-server-sdk → wx.openApi) and shows; one WeChat
  // calls risky is held; the same comment twice is a conflict.
  await ok('publicity', 'start', { declarationIds: [declarationId], startsOn: today, workingDays: 7 }, ADMIN);
  expect((await ok('publicity', 'comment', { declarationId, text: '希望增加周末服务时间' }, CITIZEN)).status).toBe('shown');
  const check = gw.requests.filter((r) => r.action === 'wx.openApi').pop()!;
  expect(check.body.apiName).toBe('security.msgSecCheck');
  expect(check.body.requestText).toContain('希望增加周末服务时间');
  expect(check.body.requestText).toContain(CITIZEN);
  gw.msgSecCheck = (text) => (text.includes('广告') ? 'risky' : 'pass');
  expect((await ok('publicity', 'comment', { declarationId, text: '这里有广告请看' }, CITIZEN)).status).toBe('pending');
  expect((await fails('publicity', 'comment', { declarationId, text: '希望增加周末服务时间' }, CITIZEN)).code).toBe('CONFLICT');
  expect((await ok('publicity', 'comments', { declarationId })).comments.map((c: { text: string }) => c.text)).toEqual(['希望增加周末服务时间']);

  // catalogue: a keyword search builds the bundle's index from the listed products' search fields (a projection through
  // the gateway) and finds every product holding the word — name matches first; a sentence finds its product too.
  const word = '调解';
  const docs = [...gw.collections.get('products')!.values()] as unknown as ProductDoc[];
  const holds = (d: ProductDoc) => [d.name, d.spec.summary, d.spec.content.audience, d.spec.content.problemSolved, d.providerName, d.spec.content.channels, d.category === 'mediation' ? '人民调解' : ''].some((t) => String(t ?? '').includes(word));
  const listed = docs.filter((d) => d.status === 'listed' && holds(d));
  const found: { productId: string; name: string }[] = (await ok('catalogue', 'search', { q: word, limit: 50 })).items;
  expect(found.map((p) => p.productId).sort()).toEqual(listed.map((d) => d._id).sort());
  const firstWithout = found.findIndex((p) => !p.name.includes(word));
  expect(firstWithout).toBeGreaterThan(0);
  expect(found.slice(firstWithout).every((p) => !p.name.includes(word))).toBe(true);
  expect(gw.requests.some((r) => r.action === 'database.getDocument' && r.body.projection && (r.body.projection as Record<string, number>)['spec.summary'] === 1)).toBe(true);
  expect((await ok('catalogue', 'search', { q: '工资拿不到怎么办', limit: 3 })).items.map((p: { name: string }) => p.name)).toContain('劳动争议法律援助快速通道');
  expect((await ok('catalogue', 'get', { productId: found[0].productId })).name).toBe(found[0].name);

  // ratings: the bureau issues a code for a served case; a citizen rates it; the summary counts it.
  const productId = 'p0001demo';
  const { token } = await ok('ratings', 'issueToken', { productId, servedOn: today, channel: 'counter' }, ADMIN);
  const checksBefore = gw.requests.filter((r) => r.action === 'wx.openApi').length;
  await ok('ratings', 'rate', { token, level: 5, text: '窗口服务很耐心' }, CITIZEN);
  const ratingCheck = gw.requests.filter((r) => r.action === 'wx.openApi');
  expect(ratingCheck).toHaveLength(checksBefore + 1);
  expect(ratingCheck.pop()!.body.requestText).toContain('窗口服务很耐心');
  expect((await ok('ratings', 'summary', { productId })).count).toBe(1);

  // notify: the applicant's inbox holds what happened to its declaration; the timer trigger (no caller) runs the jobs and
  // sends the pending messages through wx-server-sdk's subscribeMessage.send; a caller posing as the timer is refused.
  const inbox = await ok('notify', 'inbox', {}, APPLICANT);
  expect(inbox.messages.map((m: { kind: string }) => m.kind).sort()).toEqual(['publicityStarted', 'resultConfirmed']);
  expect((await fails('notify', 'inbox', { Type: 'Timer', TriggerName: 'deadlines' }, APPLICANT)).code).toBe('INVALID_INPUT');
  const timer = (await host.call('notify', { Type: 'Timer', TriggerName: 'deadlines', Time: new Date().toISOString(), Message: '' })).result;
  expect(timer.ok).toBe(true);
  expect(timer.data.jobs.today).toBe(today);
  expect(timer.data.sent.sent).toBeGreaterThanOrEqual(7); // 5 experts' tasks, the applicant's result and publicity
  const sends = gw.requests.filter((r) => r.action === 'wx.openApi' && r.body.apiName === 'subscribeMessage.send');
  expect(sends.length).toBe(timer.data.sent.sent);
  expect(sends.some((r) => r.body.requestText.includes(APPLICANT) && r.body.requestText.includes('tmpl-result'))).toBe(true);
  expect((await ok('notify', 'outbox', { status: 'pending' }, ADMIN)).messages).toEqual([]);

  // orgs: a citizen registers an organisation with a checked credit code; the bureau verifies it.
  const org = await ok('orgs', 'register', { name: '杭州西溪律师事务所', creditCode: '91330000142916567N', kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '13905710001' }, CITIZEN);
  expect(org.status).toBe('pending');
  expect((await ok('orgs', 'verify', { orgId: org.orgId, approve: true }, ADMIN)).status).toBe('verified');

  // Every bundle was loaded and dispatched at least once.
  expect(Object.keys(coldMs).sort()).toEqual([...FUNCTIONS].sort());
  console.log(`cold load (require + first dispatch), ms: ${FUNCTIONS.map((f) => `${f} ${coldMs[f]}`).join(', ')}`);
}, 60_000);

test('the functions that check citizens’ text ship the openapi permission, notify its sender’s and its timer, the catalogue its codes’ and their timer, the others none', () => {
  for (const n of FUNCTIONS) {
    const config = path.join(DIST, n, 'config.json');
    if (n === 'ratings') expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual({ permissions: { openapi: ['security.msgSecCheck', 'wxacode.getUnlimited'] } });
    else if (n === 'catalogue')
      expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual({ permissions: { openapi: ['wxacode.getUnlimited'] }, triggers: [{ name: 'codes', type: 'timer', config: '0 */10 * * * * *' }] });
    else if (['publicity', 'needs'].includes(n)) expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual({ permissions: { openapi: ['security.msgSecCheck'] } });
    else if (n === 'notify')
      expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual({ permissions: { openapi: ['subscribeMessage.send'] }, triggers: [{ name: 'deadlines', type: 'timer', config: '0 */10 * * * * *' }] });
    else expect(fs.existsSync(config)).toBe(false);
  }
});

test('cloudbaserc.json runs every function on the runtime the bundles target', () => {
  const rc = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../cloudbaserc.json'), 'utf8'));
  const script = fs.readFileSync(path.resolve(__dirname, '../../scripts/build-functions.mjs'), 'utf8');
  const major = /NODE_TARGET = 'node(\d+)'/.exec(script)![1];
  for (const f of rc.functions) expect({ name: f.name, runtime: f.runtime }).toEqual({ name: f.name, runtime: expect.stringMatching(new RegExp(`^Nodejs${major}\\.\\d+$`)) });
});
