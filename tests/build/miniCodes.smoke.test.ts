/**
 * Issue 15: on CloudBase the poster's and the rating code's QR codes are WeChat mini-program codes. The built catalogue and
 * ratings bundles run as CloudBase runs them, their wx-server-sdk talking to the fake gateway (tests/support/fakeGateway.ts),
 * which answers `wxacode.getUnlimited` with a PNG: what is sent on the wire, the code kept in cloud storage and reused, and
 * the fallback to the H5-link QR code when WeChat refuses.
 */
import fs from 'fs';
import path from 'path';
import { seedDemo } from '../../server/seedDemo';
import { CloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { shanghaiDate } from '../../types/time';
import { DIST, startBundleHost, type BundleHost } from '../support/bundleHost';
import { fakePng, startFakeGateway, type FakeGateway } from '../support/fakeGateway';

const ADMIN = 'oAdmin000000000000000000000';
const CITIZEN = 'oWang000000000000000000000';

let gw: FakeGateway;
let host: BundleHost;
const saved = { ...process.env };

async function ok(fn: string, action: string, payload: Record<string, unknown> = {}, openid?: string): Promise<any> {
  const { result } = await host.call(fn, { action, ...payload }, openid);
  if (!result?.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(result)}`);
  return result.data;
}
const codeCalls = () => gw.requests.filter((r) => r.action === 'wx.openApi' && r.body.apiName === 'wxacode.getUnlimited');
const pngIn = (svg: string) => Buffer.from(/data:image\/png;base64,([A-Za-z0-9+/=]+)/.exec(svg)![1], 'base64');

beforeAll(async () => {
  for (const n of ['catalogue', 'ratings']) if (!fs.existsSync(path.join(DIST, n, 'index.js'))) throw new Error(`run npm run build:functions first (no ${n} bundle)`);
  gw = await startFakeGateway();
  Object.assign(process.env, gw.env());
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const tcb = require('@cloudbase/node-sdk');
  await seedDemo(new CloudbaseStore(tcb.init({ env: 'test-env' }).database()));
  host = startBundleHost(gw, { ADMIN_OPENIDS: ADMIN, H5_BASE_URL: 'https://fw.example.gov.cn/h5' });
});
afterAll(async () => {
  await host?.stop();
  await gw?.stop();
  process.env = saved;
});

test('a poster carries a mini-program code of the product page, drawn once and then read from cloud storage', async () => {
  gw.clearLog();
  const first = await ok('catalogue', 'poster', { productId: 'p0001demo' }, CITIZEN);
  expect(first.codeKind).toBe('wxacode');
  expect(first.codeNote).toBeUndefined();
  // What went to WeChat: the product id as the scene, the product page, the released version checked, 280 px.
  const calls = codeCalls();
  expect(calls).toHaveLength(1);
  const sent = calls[0].body.requestText as string;
  expect(sent).toContain('"p0001demo"');
  expect(sent).toContain('"pages/product/index"');
  expect(sent).toContain('"release"');
  expect(sent).toMatch(/check_path[\s\S]{1,3}true/);
  expect(sent).toMatch(/width[\s\S]{1,3}280/);
  // The PNG WeChat drew is on the poster, saved in cloud storage, and remembered for the product.
  expect(pngIn(first.svg)).toEqual(fakePng('p0001demo'));
  expect(gw.files.get('miniCodes/product/p0001demo.png')).toEqual(fakePng('p0001demo'));
  expect(gw.doc('miniCodes', 'product:p0001demo')).toMatchObject({ page: 'pages/product/index', scene: 'p0001demo', fileId: 'cloud://test-env.7465/miniCodes/product/p0001demo.png', envVersion: 'release' });
  expect(first.codeUrl).toBe(`${gw.url}/files/${encodeURIComponent('miniCodes/product/p0001demo.png')}?sign=x`);
  expect(first.svg).not.toContain('<path d=');

  // The second poster of the same product asks WeChat nothing: the same code, read back from storage.
  gw.clearLog();
  const second = await ok('catalogue', 'poster', { productId: 'p0001demo' }, ADMIN);
  expect(codeCalls()).toHaveLength(0);
  expect(second.codeKind).toBe('wxacode');
  expect(pngIn(second.svg)).toEqual(fakePng('p0001demo'));
  expect(gw.requests.filter((r) => r.action === 'storage.getUploadMetadata')).toHaveLength(0);

  // The stored file gone (a lifecycle rule, a hand in the console): the next poster draws it again and keeps it again.
  gw.files.delete('miniCodes/product/p0001demo.png');
  gw.clearLog();
  const redrawn = await ok('catalogue', 'poster', { productId: 'p0001demo' }, CITIZEN);
  expect(redrawn.codeKind).toBe('wxacode');
  expect(codeCalls()).toHaveLength(1);
  expect(gw.files.get('miniCodes/product/p0001demo.png')).toEqual(fakePng('p0001demo'));
}, 30_000);

test('when WeChat refuses, the poster falls back to the H5 link QR code and says so; the refusal is not remembered', async () => {
  gw.clearLog();
  gw.wxacode = () => ({ errcode: 41030, errmsg: 'invalid page rid: 6540a1b2-0c1d2e3f' });
  const poster = await ok('catalogue', 'poster', { productId: 'p0002demo' }, CITIZEN);
  expect(codeCalls()).toHaveLength(1);
  expect(poster.codeKind).toBe('link');
  expect(poster.codeNote).toContain('网页链接二维码');
  expect(poster.link).toBe('https://fw.example.gov.cn/h5/#/pages/product/index?id=p0002demo');
  expect(poster.svg).toContain('<path d=');
  expect(poster.svg).not.toContain('data:image/png');
  expect(gw.doc('miniCodes', 'product:p0002demo')).toBeUndefined();
  expect(gw.files.has('miniCodes/product/p0002demo.png')).toBe(false);

  // WeChat answers again: the next poster has the code (and only then is it kept).
  gw.wxacode = ({ scene }) => fakePng(scene);
  const again = await ok('catalogue', 'poster', { productId: 'p0002demo' }, CITIZEN);
  expect(again.codeKind).toBe('wxacode');
  expect(codeCalls()).toHaveLength(2);
  expect(gw.doc('miniCodes', 'product:p0002demo')?.scene).toBe('p0002demo');
}, 30_000);

test('a product listed waits for its code, the catalogue’s timer draws it ahead, and its first poster only reads it; a code WeChat keeps refusing is given up', async () => {
  // What catalogue.publish writes beside a new product (cloudfunctions/catalogue/publishProducts.ts).
  const waiting = (scene: string) => ({ _id: `product:${scene}`, page: 'pages/product/index', scene, fileId: null, envVersion: null, createdAt: '2026-01-05T02:00:00.000Z', pending: true, attempts: 0 });
  gw.seed('miniCodes', [waiting('p0003demo'), waiting('p0004demo')]);
  gw.wxacode = ({ scene }) => (scene === 'p0004demo' ? { errcode: 45009, errmsg: 'reach max api daily quota limit' } : fakePng(scene));
  const tick = async () => (await host.call('catalogue', { Type: 'Timer', TriggerName: 'codes', Time: new Date().toISOString(), Message: '' })).result;
  try {
    gw.clearLog();
    expect(await tick()).toEqual({ ok: true, data: { drawn: 1, refused: 1, waiting: 2 } });
    expect(codeCalls().map((c) => /"(p000[34]demo)"/.exec(c.body.requestText)![1]).sort()).toEqual(['p0003demo', 'p0004demo']);
    expect(gw.files.get('miniCodes/product/p0003demo.png')).toEqual(fakePng('p0003demo'));
    const drawn = gw.doc('miniCodes', 'product:p0003demo')!;
    expect(drawn).toMatchObject({ fileId: 'cloud://test-env.7465/miniCodes/product/p0003demo.png', envVersion: 'release' });
    expect(drawn.pending).toBeUndefined();
    expect(gw.doc('miniCodes', 'product:p0004demo')).toMatchObject({ pending: true, attempts: 1, fileId: null });

    // The product's first poster: its code read back from storage, WeChat not asked, nothing uploaded.
    gw.clearLog();
    const poster = await ok('catalogue', 'poster', { productId: 'p0003demo' }, CITIZEN);
    expect(poster.codeKind).toBe('wxacode');
    expect(pngIn(poster.svg)).toEqual(fakePng('p0003demo'));
    expect(codeCalls()).toHaveLength(0);
    expect(gw.requests.filter((r) => r.action === 'storage.getUploadMetadata')).toHaveLength(0);

    // Refused at two more ticks, the code leaves the line (the third refusal): the fourth tick asks WeChat nothing.
    expect((await tick()).data).toEqual({ drawn: 0, refused: 1, waiting: 1 });
    expect(gw.doc('miniCodes', 'product:p0004demo')).toMatchObject({ pending: true, attempts: 2 });
    expect((await tick()).data).toEqual({ drawn: 0, refused: 1, waiting: 1 });
    expect(gw.doc('miniCodes', 'product:p0004demo')).toMatchObject({ pending: false, attempts: 3 });
    gw.clearLog();
    expect((await tick()).data).toEqual({ drawn: 0, refused: 0, waiting: 0 });
    expect(codeCalls()).toHaveLength(0);

    // Its poster still serves (the link's QR code while WeChat refuses), and draws the code once WeChat answers.
    gw.wxacode = ({ scene }) => fakePng(scene);
    const late = await ok('catalogue', 'poster', { productId: 'p0004demo' }, CITIZEN);
    expect(late.codeKind).toBe('wxacode');
    expect(codeCalls()).toHaveLength(1);
    expect(gw.doc('miniCodes', 'product:p0004demo')).toMatchObject({ fileId: 'cloud://test-env.7465/miniCodes/product/p0004demo.png' });
  } finally {
    gw.wxacode = ({ scene }) => fakePng(scene);
  }
}, 30_000);

test('a timer event only counts from the platform: a signed-in caller sending one is answered as an unknown action', async () => {
  gw.seed('miniCodes', [{ _id: 'product:p0005demo', page: 'pages/product/index', scene: 'p0005demo', fileId: null, envVersion: null, createdAt: '2026-01-05T02:00:00.000Z', pending: true, attempts: 0 }]);
  gw.clearLog();
  const { result } = await host.call('catalogue', { Type: 'Timer', TriggerName: 'codes', Time: new Date().toISOString(), Message: '' }, CITIZEN);
  expect(result.ok).toBe(false);
  expect(codeCalls()).toHaveLength(0);
  expect(gw.doc('miniCodes', 'product:p0005demo')).toMatchObject({ pending: true, attempts: 0 });
});

test('a rating code is a mini-program code whose scene is the token, opening the rating page', async () => {
  gw.clearLog();
  const today = shanghaiDate(Date.now());
  const issued = await ok('ratings', 'issueToken', { productId: 'p0001demo', servedOn: today, channel: 'counter' }, ADMIN);
  expect(issued.codeKind).toBe('wxacode');
  expect(issued.token.length).toBeLessThanOrEqual(32);
  const calls = codeCalls();
  expect(calls).toHaveLength(1);
  expect(calls[0].body.requestText).toContain(`"${issued.token}"`);
  expect(calls[0].body.requestText).toContain('"pages/rate/index"');
  expect(pngIn(issued.qrCode)).toEqual(fakePng(issued.token));
  expect(issued.url).toBe(`https://fw.example.gov.cn/h5/#/pages/rate/index?t=${issued.token}`);
  expect(gw.files.has(`miniCodes/rate/${issued.token}.png`)).toBe(true);
  // The token the code names opens the same rating as the link.
  expect((await ok('ratings', 'tokenInfo', { token: issued.token }, CITIZEN)).usable).toBe(true);

  // Refused: the link's QR code (an SVG drawing, no image) and the note.
  gw.wxacode = () => ({ errcode: 45009, errmsg: 'reach max api daily quota limit' });
  const fallback = await ok('ratings', 'issueToken', { productId: 'p0001demo', servedOn: today, channel: 'counter' }, ADMIN);
  gw.wxacode = ({ scene }) => fakePng(scene);
  expect(fallback.codeKind).toBe('link');
  expect(fallback.codeNote).toContain('网页链接二维码');
  expect(fallback.qrCode).toContain('<path');
  expect(fallback.qrCode).not.toContain('data:image/png');
}, 30_000);

test('the functions that draw codes ship the wxacode.getUnlimited permission', () => {
  const config = (n: string) => JSON.parse(fs.readFileSync(path.join(DIST, n, 'config.json'), 'utf8'));
  expect(config('catalogue')).toEqual({ permissions: { openapi: ['wxacode.getUnlimited'] }, triggers: [{ name: 'codes', type: 'timer', config: '0 */10 * * * * *' }] });
  expect(config('ratings')).toEqual({ permissions: { openapi: ['security.msgSecCheck', 'wxacode.getUnlimited'] } });
});
