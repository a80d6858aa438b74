/**
 * Cost in words (issue 24 item 2): the person's side of the price decides the headline. The cases below are prices
 * the demo catalogue does not hold (written for this test), one per way a declared price can read.
 */
import { PURCHASE_METHODS } from '../../types/domain';
import { costInWords, paysNothing } from '../../types/cost';
import { DEMO_PRODUCTS } from '../../server/demoProducts';

test.each([
  ['subsidy', '居民免费，经费由区财政补贴', 'free', '免费'],
  ['subsidy', '老年人不收费，其余按成本价 50 元/次', 'part', '部分费用由政府补贴'],
  ['subsidy', '补贴后每小时 120 元', 'part', '部分费用由政府补贴'],
  ['subsidy', '补贴 30%，余下自付', 'part', '部分费用由政府补贴'],
  ['other', '无偿服务', 'free', '免费'],
  ['other', '公益项目，不收取费用', 'free', '免费'],
  ['other', '初次免费，之后按协商', 'see', '费用见说明'],
  ['other', '材料工本费 5 元', 'see', '费用见说明'],
  ['free', '免费', 'free', '免费'],
  ['government-purchase', '群众零收费', 'free', '免费'],
  ['standard-fee', '每件 600 元', 'paid', '收费'],
] as const)('%s “%s” → %s', (method, price, kind, headline) => {
  expect(costInWords(method, price)).toMatchObject({ kind, headline });
});

test('a subsidy says what the person pays only when the price names an amount; free ones never repeat the price', () => {
  expect(costInWords('subsidy', '补贴后每小时 120 元').detail).toBe('您付：补贴后每小时 120 元');
  expect(costInWords('subsidy', '补贴 30%，余下自付').detail).toBe('补贴 30%，余下自付');
  expect(costInWords('subsidy', '居民免费，经费由区财政补贴').detail).toBe('费用由政府补贴，您不用付费');
  expect(costInWords('free', '免费').detail).toBeNull();
  expect(costInWords('free', '免费，节假日照常').detail).toBeNull();
  expect(costInWords('free', '免费；复印材料 1 元/页').detail).toBe('免费；复印材料 1 元/页');
});

test('paysNothing reads "不收费" as free and any fee, amount or negotiation as paying', () => {
  expect([paysNothing('不收费'), paysNothing('免费'), paysNothing('零收费')]).toEqual([true, true, true]);
  expect([paysNothing('免费咨询，代理收费'), paysNothing('免费 3 次后 100 元'), paysNothing('协商确定'), paysNothing('')]).toEqual([false, false, false, false]);
});

test('every purchase method has words and keeps its regulation term second', () => {
  for (const m of PURCHASE_METHODS) expect(costInWords(m, '').term.length).toBeGreaterThan(1);
});

test('the demo catalogue: no product whose price says the person pays nothing is headed otherwise', () => {
  for (const p of DEMO_PRODUCTS) {
    const c = costInWords(p.purchaseMethod, p.price);
    if (paysNothing(p.price)) expect({ name: p.name, headline: c.headline }).toEqual({ name: p.name, headline: '免费' });
    if (p.purchaseMethod === 'standard-fee') expect(c.headline).toBe('收费');
  }
});
