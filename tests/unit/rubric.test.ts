/** The rubric as data, checked number by number against the seed's attachment 2 (and its floors against its bands). */
import { PURCHASE_METHODS, PURCHASE_METHOD_LABELS } from '../../types/domain';
import { SPEC_FIELDS } from '../../types/spec';
import { ATTRIBUTES, ATTRIBUTE_LABELS, PASS_MARK, RUBRIC, RUBRIC_TOTAL, allowedRange, itemMin } from '../../types/rubric';
import { SEED, normSeed as norm } from '../support/seed';

interface SeedBand {
  text: string;
  min: number;
  max: number;
}
interface SeedItem {
  label: string;
  hint?: string;
  max: number;
  bands: SeedBand[];
}

/**
 * Reads attachment 2's table: each row is `aspect (N 分)` ⇥ `n、label (提示: hint) (N 分)` ⇥ `bands`, where the aspect
 * cell is empty under its first row (or split over two lines), and bands are `text (a-b 分)` one after the other.
 */
function parseAttachment2(seed: string) {
  const text = seed.slice(seed.indexOf('附件 2'));
  const lines = text.split('\n').filter((l) => l.includes('\t'));
  const items: SeedItem[] = [];
  const aspects: { aspect: string; max: number }[] = [];
  let pendingAspect = '';
  for (const line of lines) {
    const cells = line.split('\t').map(norm);
    if (cells[0] === '项目内容') continue;
    const [first, second, bandCell] = cells;
    if (first) {
      const whole = pendingAspect + first;
      const m = /^(.+?)（(\d+)分）$/.exec(whole);
      if (m) {
        aspects.push({ aspect: m[1], max: Number(m[2]) });
        pendingAspect = '';
      } else pendingAspect = whole;
    }
    const lm = /^(?:\d[、.])?(.+?)(?:（提示：(.+?)）)?（(\d+)分）$/.exec(second || first);
    if (!lm || !bandCell) continue;
    const bands = [...bandCell.matchAll(/[；]?([^（）；]+)（(\d+)(?:-(\d+))?分?）/g)].map((b) => ({ text: b[1], min: Number(b[2]), max: Number(b[3] ?? b[2]) }));
    items.push({ label: lm[1], ...(lm[2] ? { hint: lm[2] } : {}), max: Number(lm[3]), bands });
  }
  const total = Number(/（总分(\d+)分）/.exec(norm(text))![1]);
  return { items, aspects, total };
}

const parsed = SEED ? parseAttachment2(SEED) : null;

test('the items add up to 100 points', () => {
  expect(RUBRIC_TOTAL).toBe(100);
});

test('every item scores a field of the specification (or the whole declaration)', () => {
  const fields = new Set(SPEC_FIELDS.map((f) => f.key));
  for (const item of RUBRIC) expect(item.key === 'completeness' || fields.has(item.key)).toBe(true);
  expect(new Set(RUBRIC.map((i) => i.key)).size).toBe(RUBRIC.length);
});

test('bands lie within their item, and the purchase method allows only its own band', () => {
  for (const item of RUBRIC) for (const band of item.bands) expect(band.min >= 0 && band.min <= band.max && band.max <= item.max).toBe(true);
  const pm = RUBRIC[0];
  expect(PURCHASE_METHODS.map((m) => allowedRange(pm, m))).toEqual([
    { min: 12, max: 12 },
    { min: 4, max: 10 },
    { min: 4, max: 8 },
    { min: 2, max: 4 },
    { min: 0, max: 6 },
  ]);
  expect(allowedRange(RUBRIC[1], 'free')).toEqual({ min: 0, max: 5 });
});

test('each item’s floor is its lowest band’s lower bound: seven items never score 0', () => {
  const floors = Object.fromEntries(RUBRIC.filter((i) => !i.byPurchaseMethod).map((i) => [i.key, allowedRange(i, 'free').min]));
  expect(Object.entries(floors).filter(([, min]) => min > 0)).toEqual([
    ['content.frequency', 1],
    ['management.records', 1],
    ['management.qualityControl', 1],
    ['efficiency.indicators', 1],
    ['satisfaction.satisfaction', 1],
    ['satisfaction.benefit', 1],
    ['completeness', 1],
  ]);
  for (const item of RUBRIC) expect(itemMin(item)).toBe(Math.min(...item.bands.map((b) => b.min)));
});

(parsed ? describe : describe.skip)('against the seed (attachment 2)', () => {
  test('the parser read the whole table: 19 items under 7 headings, 100 points', () => {
    expect(parsed!.items).toHaveLength(19);
    expect(parsed!.total).toBe(100);
    expect(parsed!.aspects.map((a) => a.aspect)).toEqual(['购买方式', '提供主体的专业性', '服务内容的实用性', '服务管理的规范性', '服务过程的高效性', '服务结果的满意度', '申报材料的完整度']);
  });

  test('every item, in order: label, hint, maximum, and every band’s words and bounds — nothing missing, nothing extra', () => {
    const ours = RUBRIC.map((i) => ({ label: norm(i.label), ...(i.hint ? { hint: norm(i.hint) } : {}), max: i.max, bands: i.bands.map((b) => ({ text: norm(b.text), min: b.min, max: b.max })) }));
    expect(ours).toEqual(parsed!.items);
  });

  test('each aspect’s points are the sum of its items, as the seed heads them', () => {
    const sums = new Map<string, number>();
    for (const i of RUBRIC) sums.set(i.aspect, (sums.get(i.aspect) ?? 0) + i.max);
    expect([...sums.entries()].map(([aspect, max]) => ({ aspect, max }))).toEqual(parsed!.aspects);
    expect(RUBRIC_TOTAL).toBe(parsed!.total);
  });

  test('the purchase-method bands are the seed’s, one per method, both ways', () => {
    const pm = RUBRIC.find((i) => i.byPurchaseMethod)!;
    const seedBands = parsed!.items.find((i) => i.label === '购买方式')!.bands;
    const labelToMethod = new Map(PURCHASE_METHODS.map((m) => [PURCHASE_METHOD_LABELS[m], m]));
    expect(seedBands.map((b) => b.text).sort()).toEqual(Object.values(PURCHASE_METHOD_LABELS).sort());
    for (const b of seedBands) expect(pm.byPurchaseMethod![labelToMethod.get(b.text)!]).toEqual({ min: b.min, max: b.max });
    expect(Object.keys(pm.byPurchaseMethod!).sort()).toEqual([...PURCHASE_METHODS].sort());
  });

  test('the pass mark is the seed’s 达标分数线', () => {
    const m = /达标分数线为(\d+)分/.exec(norm(SEED!));
    expect(Number(m![1])).toBe(PASS_MARK);
  });

  test('the three attributes are the seed’s, with its words', () => {
    const section = norm(SEED!.slice(SEED!.indexOf('四、评审标准'), SEED!.indexOf('评审方式采用')));
    const seedAttrs = [...section.matchAll(/(\S{2})属性：着重审查产品(.+?)；?(?=\n|$|\S{2}属性：)/g)];
    expect(seedAttrs.map((m) => `${m[1]}属性`)).toEqual(ATTRIBUTES.map((a) => ATTRIBUTE_LABELS[a].label));
    for (const [i, a] of ATTRIBUTES.entries()) expect(seedAttrs[i][2].replace(/[；。]$/, '')).toBe(norm(ATTRIBUTE_LABELS[a].hint));
  });
});
