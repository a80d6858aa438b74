/**
 * Hostile-probe findings (issue 15), through the real server with the limits STRICT (as tests/integration/throttle.test.ts
 * runs them): only a verified organisation holds its credit code, so a squatter cannot block the real one, and a pending
 * organisation invites nobody; orgs.register, procurement.record and procurement.requestCustom are throttled
 * (types/limits.ts) and an exact duplicate purchase or tailoring request is a CONFLICT in Chinese.
 */
import http from 'http';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { orgIdForCreditCode } from '../../cloudfunctions/orgs/registerOrg';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RATE_LIMITS } from '../../types/limits';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let port: number;
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);
const A = '127.0.0.1';
const B = '127.0.0.2';
const FIRM_CODE = '91330000142916567N';
const OTHER_CODE = '91110000802100433B';
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);

function callFrom(address: string, fn: string, action: string, payload: Record<string, unknown>, token?: string) {
  const body = JSON.stringify({ action, ...payload });
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', localAddress: address, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const orgForm = (over: Record<string, unknown> = {}) => ({ name: '杭州西溪律师事务所', creditCode: FIRM_CODE, kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '13905710001', ...over });
/** Tokens made with the limits relaxed, then every window forgotten and the limits strict again. */
async function citizens(n: number): Promise<string[]> {
  h.app.throttle.mode = 'relaxed';
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await h.citizen());
  h.app.throttle.mode = 'strict';
  h.app.throttle.reset();
  return out;
}

beforeAll(async () => {
  h = await startHarness({ rateLimits: 'strict' });
  port = Number(new URL(h.url).port);
});
afterAll(() => h.close());
beforeEach(async () => {
  await at('2026-03-10T09:00:00+08:00');
  h.app.throttle.reset();
});
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a squatter blocks nobody: the real organisation registers the same code beside it, the bureau verifies the real one and refuses the other; a pending one invites nobody', async () => {
  const [squatter, real, third, fourth] = await citizens(4);
  const squat = await callFrom(A, 'orgs', 'register', orgForm({ name: '冒名律师事务所' }), squatter);
  expect(squat.body.data).toMatchObject({ orgId: orgIdForCreditCode(FIRM_CODE), status: 'pending' });
  // Pending: it cannot bring anyone in.
  const invite = await callFrom(A, 'orgs', 'addMember', {}, squatter);
  expect([invite.status, invite.body.error.code]).toEqual([409, 'CONFLICT']);
  // A pending registration holds no code: the real organisation registers it at once, under its own id.
  const mine = await callFrom(B, 'orgs', 'register', orgForm(), real);
  expect(mine.status).toBe(200);
  expect(mine.body.data).toMatchObject({ name: '杭州西溪律师事务所', creditCode: FIRM_CODE, status: 'pending' });
  expect(mine.body.data.orgId).not.toBe(squat.body.data.orgId);
  // The bureau verifies the real one; the squatter can then no longer be verified, and is refused.
  await h.ok('orgs', 'verify', { orgId: mine.body.data.orgId, approve: true, reason: '与登记证书一致' }, ADMIN_TOKEN);
  const wrong = await h.call('orgs', 'verify', { orgId: squat.body.data.orgId, approve: true, reason: '误点' }, ADMIN_TOKEN);
  expect([wrong.status, (wrong.body as any).error.code]).toEqual([409, 'CONFLICT']);
  await h.ok('orgs', 'verify', { orgId: squat.body.data.orgId, approve: false, reason: '名称与登记证书不符' }, ADMIN_TOKEN);
  expect(await h.app.store.get<any>('orgs', squat.body.data.orgId)).toMatchObject({ status: 'rejected', registeredBy: expect.any(String) });
  expect((await h.ok('orgs', 'mine', {}, squatter)).org).toMatchObject({ orgId: squat.body.data.orgId, status: 'rejected' });
  // The verified organisation holds the code: new registrations of it are refused with the same Chinese answer, from any account.
  for (const who of [third, fourth]) {
    const again = await callFrom(B, 'orgs', 'register', orgForm({ name: '又一个' }), who);
    expect([again.status, again.body.error.code, again.body.error.message]).toEqual([409, 'CONFLICT', '这个统一社会信用代码已经登记过。请向本单位已登记的同事索取邀请码加入，或联系市司法局']);
  }
  expect((await callFrom(B, 'orgs', 'addMember', {}, real)).status).toBe(200);
});

test('orgs.register: 5 a day per account, 10 a day per address, the next refused with RATE_LIMITED; another address is not affected', async () => {
  expect([RATE_LIMITS.orgRegisterPerIdentity.max, RATE_LIMITS.orgRegisterPerAddress.max]).toEqual([5, 10]);
  const [x, ...others] = await citizens(8);
  // One account: the first registers, the next four are refused as it already represents one (counted), the 6th is throttled.
  expect((await callFrom(A, 'orgs', 'register', orgForm({ creditCode: OTHER_CODE, name: '杭州城西调解中心' }), x)).status).toBe(200);
  for (let i = 2; i <= 5; i++) expect([i, (await callFrom(A, 'orgs', 'register', orgForm({ creditCode: OTHER_CODE }), x)).status]).toEqual([i, 409]);
  const sixth = await callFrom(B, 'orgs', 'register', orgForm({ creditCode: OTHER_CODE }), x);
  expect([sixth.status, sixth.body.error.code]).toEqual([429, 'RATE_LIMITED']);
  // One address: five more accounts registering the code (each waits beside the first) reach its 10; the 11th call from it
  // is refused, whoever makes it.
  for (let i = 6; i <= 10; i++) expect([i, (await callFrom(A, 'orgs', 'register', orgForm({ creditCode: OTHER_CODE }), others[i - 6])).status]).toEqual([i, 200]);
  const eleventh = await callFrom(A, 'orgs', 'register', orgForm({ creditCode: OTHER_CODE }), others[5]);
  expect([eleventh.status, eleventh.body.error.code]).toEqual([429, 'RATE_LIMITED']);
  expect(eleventh.body.error.message).toMatch(/^操作太频繁，请 \d+ 小时后再试$/);
  expect((await callFrom(B, 'orgs', 'register', orgForm({ creditCode: OTHER_CODE }), others[5])).status).toBe(200);
  // A day later the account may try again (and is told it already represents one).
  await at('2026-03-11T09:00:01+08:00');
  expect((await callFrom(A, 'orgs', 'register', orgForm({ creditCode: OTHER_CODE }), x)).status).toBe(409);
});

describe('procurement', () => {
  let buyer: string;
  let evidence: { fileId: string; name: string }[];
  beforeAll(async () => {
    h.app.throttle.mode = 'relaxed';
    const provider = await h.applicant('上城区普法志愿者协会');
    await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[3], 3), { productId: 'pAbuse', declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2025〕23号', publishedOn: '2025-03-01' }));
    const { inviteCode } = await h.ok('admin', 'createInvite', { role: 'purchaser', orgName: '杭州市上城区湖滨街道办事处', unitKind: 'sub-district-office' }, ADMIN_TOKEN);
    buyer = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: inviteCode }, buyer);
    const up = await h.upload(JPG, buyer);
    const f = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '采购合同.jpg' }, buyer);
    evidence = [{ fileId: f.fileId, name: f.name }];
    h.app.throttle.mode = 'strict';
  });

  test('record: the same purchase twice is a CONFLICT and writes nothing; 30 an hour, the 31st RATE_LIMITED', async () => {
    expect(RATE_LIMITS.procurementRecord).toMatchObject({ max: 30, windowSeconds: 3600 });
    const purchase = (quantity: number, over: Record<string, unknown> = {}) => ({ productId: 'pAbuse', from: '2026-03-01', to: '2026-12-31', quantity, amount: 36000.5, contractNumber: 'HB-2026-003', evidence, ...over });
    expect((await callFrom(A, 'procurement', 'record', purchase(1), buyer)).status).toBe(200);
    const before = await h.app.store.count('procurements');
    const dup = await callFrom(A, 'procurement', 'record', purchase(1, { contractNumber: ' hb-2026-003 ' }), buyer);
    expect([dup.status, dup.body.error.code, dup.body.error.message]).toEqual([
      409,
      'CONFLICT',
      '本单位已经登记过这笔购买（同一产品、服务期、数量、金额和合同编号），不用重复登记；如果是另一笔购买，请填写它自己的合同编号',
    ]);
    // The same number written full-width, with another dash, or with invisible characters is the same contract.
    for (const contractNumber of ['ＨＢ－２０２６－００３', 'HB\u20102026\u2010003', 'HB-2026-003\u200b', 'HB-2026\u2060-003']) {
      expect([contractNumber, (await callFrom(A, 'procurement', 'record', purchase(1, { contractNumber }), buyer)).status]).toEqual([contractNumber, 409]);
    }
    expect(await h.app.store.count('procurements')).toBe(before);
    // Another contract number for the same period is another purchase.
    expect((await callFrom(A, 'procurement', 'record', purchase(1, { contractNumber: 'HB-2026-004' }), buyer)).status).toBe(200);
    for (let i = 8; i <= 30; i++) expect([i, (await callFrom(A, 'procurement', 'record', purchase(i), buyer)).status]).toEqual([i, 200]);
    const over = await callFrom(B, 'procurement', 'record', purchase(31), buyer); // per account: another address does not help
    expect([over.status, over.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(await h.app.store.count('procurements')).toBe(before + 24);
  });

  test('requestCustom: the same need twice a day is a CONFLICT (however spaced); 10 a day, the 11th RATE_LIMITED; the next day it may be asked again', async () => {
    expect(RATE_LIMITS.customRequest).toMatchObject({ max: 10, windowSeconds: 86400 });
    const ask = (need: string) => ({ productId: 'pAbuse', need, audience: '湖滨街道餐饮个体户', schedule: '2026 年 5 月至 6 月', budget: 5000 });
    const need = '为辖区 40 家餐饮小店做用工合同体检';
    expect((await callFrom(A, 'procurement', 'requestCustom', ask(need), buyer)).status).toBe(200);
    const dup = await callFrom(A, 'procurement', 'requestCustom', ask(` ${need.replace(/ /g, '  ')}。`), buyer);
    expect([dup.status, dup.body.error.code, dup.body.error.message]).toEqual([409, 'CONFLICT', '本单位今天已经就这个产品提出过相同的定制需求，请等服务单位答复，不用重复提交']);
    const before = await h.app.store.count('customRequests');
    for (let i = 3; i <= 10; i++) expect([i, (await callFrom(A, 'procurement', 'requestCustom', ask(`${need}，第 ${i} 批商户`), buyer)).status]).toEqual([i, 200]);
    const over = await callFrom(A, 'procurement', 'requestCustom', ask(`${need}，第 11 批商户`), buyer);
    expect([over.status, over.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(await h.app.store.count('customRequests')).toBe(before + 8);
    await at('2026-03-11T09:00:01+08:00');
    expect((await callFrom(A, 'procurement', 'requestCustom', ask(need), buyer)).status).toBe(200);
  });
});
