/** The rubric as data, checked against the seed's attachment 2. */
import fs from 'fs';
import path from 'path';
import { PURCHASE_METHODS } from '../../types/domain';
import { SPEC_FIELDS } from '../../types/spec';
import { RUBRIC, RUBRIC_TOTAL, allowedRange } from '../../types/rubric';

const seedDir = path.resolve(__dirname, '../../../shared/seed');
const seed = fs.existsSync(seedDir) ? fs.readdirSync(seedDir).map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8')).join('\n') : null;
/** The seed mixes ASCII and full-width punctuation and spaces; compare without them. */
const norm = (t: string) => t.replace(/\s/g, '').replace(/,/g, '，').replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
const attachment2 = seed ? norm(seed.slice(seed.indexOf('附件 2'))) : '';

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

(seed ? test : test.skip)('the maxima and band words are the seed’s', () => {
  for (const item of RUBRIC) {
    expect(attachment2).toContain(norm(`(${item.max}分)`));
    for (const band of item.bands) expect({ item: item.key, text: band.text, found: attachment2.includes(norm(band.text)) }).toEqual({ item: item.key, text: band.text, found: true });
  }
});
