/** Issue 14: search understands plain words, pinyin and initials; ranks name over tags over the rest; suggests; never ends empty. */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { EVERYDAY_WORDS } from '../../types/searchVocabulary';
import { runSearchTestSet, SEARCH_TEST_SET } from '../support/searchTestSet';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: true });
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

const names = async (q: string) => (await h.ok('catalogue', 'search', { q, limit: 10 })).items.map((p: { name: string }) => p.name) as string[];

test('the everyday test set: at least 90% find their product in the top 3', async () => {
  const demo = new Set(DEMO_PRODUCTS.map((p) => p.name));
  // Every expected product exists, so a miss is a miss of search, not of the set.
  for (const t of SEARCH_TEST_SET) for (const n of [t.expect].flat()) expect({ q: t.q, n, exists: demo.has(n) }).toEqual({ q: t.q, n, exists: true });
  expect(SEARCH_TEST_SET.length).toBeGreaterThanOrEqual(40);
  const r = await runSearchTestSet(names);
  console.log(`search test set: ${r.found}/${r.total} (${(r.share * 100).toFixed(1)}%) found in the top 3; misses: ${JSON.stringify(r.misses)}`);
  expect(r.share).toBeGreaterThanOrEqual(0.9);
});

test('欠薪, 讨薪 and 老板不给工资 reach the labour products, which never said those words', async () => {
  for (const q of ['欠薪', '讨薪', '老板不给工资']) {
    const top = (await names(q)).slice(0, 3);
    expect({ q, top: top.filter((n) => ['劳动争议法律援助快速通道', '农民工工资争议速裁调解'].includes(n)).length }).toEqual({ q, top: 2 });
  }
  expect(JSON.stringify(DEMO_PRODUCTS.filter((p) => p.name.includes('劳动争议')))).not.toMatch(/欠薪|讨薪/);
});

test('relevance: name matches, then tag matches, then the rest', async () => {
  const items = (await h.searchAll({ q: '调解' }, 4)) as { name: string; category: string }[];
  const tier = (p: { name: string; category: string }) => (p.name.includes('调解') ? 0 : p.category === 'mediation' ? 1 : 2);
  const tiers = items.map(tier);
  expect([...tiers].sort()).toEqual(tiers);
  expect(tiers[0]).toBe(0);
  expect(tiers).toContain(1);
  expect(tiers).toContain(2);
  expect(new Set(items.map((p) => p.name)).size).toBe(items.length);
});

test('pinyin and initials find the name', async () => {
  expect((await names('laoniangjiu'))[0]).toBe('“老娘舅”人民调解上门服务');
  expect(await names('tj')).toEqual(expect.arrayContaining(['“老娘舅”人民调解上门服务', '医疗纠纷人民调解']));
  expect((await names('TIAOJIE')).length).toBeGreaterThanOrEqual(7);
});

test('an empty result offers related products', async () => {
  const none = await h.ok('catalogue', 'search', { q: '调解 外籍人士' });
  expect(none.items).toEqual([]);
  expect(none.related.length).toBeGreaterThan(0);
  expect(none.related.every((p: { name: string }) => p.name.length > 0)).toBe(true);
  const nothing = await h.ok('catalogue', 'search', { q: 'zzzqqq' });
  expect(nothing.related.every((p: { purchaseMethod: string }) => p.purchaseMethod === 'free')).toBe(true);
  expect((await h.ok('catalogue', 'search', { q: '调解' })).related).toBeUndefined();
});

test('suggestions: everyday words and product names as one types', async () => {
  const s = await h.ok('catalogue', 'suggest', { q: '欠' });
  expect(s.words).toEqual(expect.arrayContaining(['欠薪', '欠钱不还']));
  expect(s.words.length).toBeLessThanOrEqual(5);
  const p = await h.ok('catalogue', 'suggest', { q: '老娘' });
  // 老娘舅 is Hangzhou's word for any mediator: the named service and the other mediation services.
  expect(p.products.map((x: { name: string }) => x.name)).toContain('“老娘舅”人民调解上门服务');
  expect((await h.ok('catalogue', 'suggest', { q: 'lnj' })).products[0].name).toBe('“老娘舅”人民调解上门服务');
  for (const bad of [{}, { q: '' }, { q: 'x'.repeat(21) }, { q: '欠', extra: 1 }]) expect((await h.call('catalogue', 'suggest', bad)).status).toBe(400);
  // An object's inherited names are not everyday words (found by the hostile probe: they were echoed back).
  for (const q of ['__proto__', 'constructor', 'toString']) expect((await h.ok('catalogue', 'suggest', { q })).words).toEqual([]);
});

test('the vocabulary has its shape: ≥150 everyday words, each to specific catalogue terms', () => {
  const entries = Object.entries(EVERYDAY_WORDS);
  expect(entries.length).toBeGreaterThanOrEqual(150);
  for (const [word, terms] of entries) {
    expect({ word, ok: word.trim() === word && word.length > 0 && word.length <= 10 }).toEqual({ word, ok: true });
    expect({ word, ok: terms.length >= 1 && terms.every((t) => t.length >= 2 && t.trim() === t && !['服务', '法律', '纠纷'].includes(t)) }).toEqual({ word, ok: true });
  }
  expect(EVERYDAY_WORDS['欠薪']).toEqual(expect.arrayContaining(['劳动报酬', '工资']));
  expect(EVERYDAY_WORDS['讨薪']).toEqual(expect.arrayContaining(['劳动报酬', '工资']));
  expect(EVERYDAY_WORDS['老板不给工资']).toEqual(expect.arrayContaining(['劳动报酬', '工资']));
  expect(EVERYDAY_WORDS['借钱不还']).toContain('民间借贷');
  expect(EVERYDAY_WORDS['车祸']).toContain('交通事故');
  expect(EVERYDAY_WORDS['离婚']).toContain('婚姻家庭');
});
