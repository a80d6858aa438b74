/** Issue 15: when a mini-program code is asked of WeChat, with what, and when the link QR code stands in (_lib/miniCode.ts). */
import { SettableClock } from '../../cloudfunctions/_lib/clock';
import type { Ctx } from '../../cloudfunctions/_lib/context';
import { CODE_PAGES, envVersionOf, miniProgramCode, type MiniCodes } from '../../cloudfunctions/_lib/miniCode';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function rig(envVersion: MiniCodes['envVersion'], mode: 'cloud' | 'local' = 'cloud', saveFails = false) {
  const docs = new Map<string, unknown>();
  const files = new Map<string, Buffer>();
  const asked: unknown[] = [];
  const store = {
    get: async (c: string, id: string) => (docs.get(`${c}/${id}`) as never) ?? null,
    transaction: async (fn: (tx: unknown) => Promise<unknown>) => fn({ set: async (c: string, id: string, d: unknown) => void docs.set(`${c}/${id}`, d) }),
  };
  const miniCodes: MiniCodes = {
    envVersion,
    api: { openapi: { wxacode: { getUnlimited: async (o) => (asked.push(o), { buffer: PNG, contentType: 'image/png' }) } } },
    storage: {
      save: async (p, b) => {
        if (saveFails) throw new Error('storage down');
        files.set(`cloud://env/${p}`, b);
        return `cloud://env/${p}`;
      },
      read: async (id) => (files.has(id) ? { url: `https://tmp/${id}`, bytes: files.get(id)! } : null),
      url: async (id) => (files.has(id) ? `https://tmp/${id}` : null),
    },
  };
  const clock = new SettableClock();
  const ctx = { store, clock, miniCodes, runtime: { mode, allowTestClock: false } } as unknown as Ctx;
  return { ctx, asked, docs, files };
}

beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));

test('a trial build’s code opens the trial version without WeChat checking the page is published', async () => {
  const { ctx, asked } = rig('trial');
  const code = await miniProgramCode(ctx, CODE_PAGES.product, 'p0001demo');
  expect(code).toMatchObject({ codeKind: 'wxacode', url: 'https://tmp/cloud://env/miniCodes/product/p0001demo.png' });
  expect(asked).toEqual([{ scene: 'p0001demo', page: 'pages/product/index', checkPath: false, envVersion: 'trial', width: 280 }]);
});

test('a code kept for another version is drawn again for this one', async () => {
  const { ctx, asked, docs } = rig('release');
  docs.set('miniCodes/product:p0001demo', { fileId: 'cloud://env/miniCodes/product/p0001demo.png', envVersion: 'trial' });
  await miniProgramCode(ctx, CODE_PAGES.product, 'p0001demo');
  expect(asked).toEqual([expect.objectContaining({ envVersion: 'release', checkPath: true })]);
  expect(docs.get('miniCodes/product:p0001demo')).toMatchObject({ envVersion: 'release', scene: 'p0001demo' });
});

test('locally, or for a scene WeChat would refuse, the link QR code; nothing is asked of WeChat', async () => {
  const local = rig('release', 'local');
  expect(await miniProgramCode(local.ctx, CODE_PAGES.rate, 'tok')).toEqual({ codeKind: 'link' });
  const cloud = rig('release');
  expect(await miniProgramCode(cloud.ctx, CODE_PAGES.rate, 'x'.repeat(33))).toMatchObject({ codeKind: 'link', note: expect.stringContaining('网页链接二维码') });
  expect(await miniProgramCode(cloud.ctx, CODE_PAGES.rate, 'a b')).toMatchObject({ codeKind: 'link' });
  expect([local.asked.length, cloud.asked.length]).toEqual([0, 0]);
});

test('storage down: the code WeChat drew still serves this once, and nothing is remembered', async () => {
  const { ctx, docs } = rig('release', 'cloud', true);
  const code = await miniProgramCode(ctx, CODE_PAGES.product, 'p0001demo');
  expect(code).toMatchObject({ codeKind: 'wxacode', url: '' });
  expect(docs.size).toBe(0);
});

test('a kept code read by the caller is used without reading it again; a new scene is never looked up (issue 25)', async () => {
  const { ctx, asked, docs } = rig('release');
  const reads: string[] = [];
  const get = ctx.store.get.bind(ctx.store);
  (ctx.store as { get: unknown }).get = async (c: string, id: string) => (reads.push(id), get(c, id));
  const first = await miniProgramCode(ctx, CODE_PAGES.rate, 'tok0001', 'new');
  expect(first).toMatchObject({ codeKind: 'wxacode', url: 'https://tmp/cloud://env/miniCodes/rate/tok0001.png' });
  expect([reads, asked.length]).toEqual([[], 1]);
  const kept = docs.get('miniCodes/product:p0001demo') ?? (await miniProgramCode(ctx, CODE_PAGES.product, 'p0001demo', null), docs.get('miniCodes/product:p0001demo'));
  expect(asked.length).toBe(2);
  const again = await miniProgramCode(ctx, CODE_PAGES.product, 'p0001demo', kept as never);
  expect(again).toMatchObject({ codeKind: 'wxacode', url: 'https://tmp/cloud://env/miniCodes/product/p0001demo.png' });
  expect([reads, asked.length]).toEqual([[], 2]);
});

test('WXACODE_ENV_VERSION: release unless trial or develop', () => {
  expect([envVersionOf({}), envVersionOf({ WXACODE_ENV_VERSION: 'trial' }), envVersionOf({ WXACODE_ENV_VERSION: 'develop' }), envVersionOf({ WXACODE_ENV_VERSION: 'beta' })]).toEqual(['release', 'trial', 'develop', 'release']);
});
