/**
 * Issue 23: the pure mappings behind the open-data endpoints, field by field — UUID v5 against RFC 4122's method
 * (the Python standard library's published value), opening hours into RFC 5545 weekly rules at both ends of the
 * parser, cost in words for every purchase method, and the Atom renderer's escaping and entry rules.
 */
import { atomDate, atomXml, xmlEscape, type FeedEntry } from '../../types/atom';
import { costInWords, costLine } from '../../types/cost';
import { PURCHASE_METHODS } from '../../types/domain';
import { hsdsSchedule, hsdsTaxonomyTerm } from '../../types/hsds';
import { allTaxonomyTerms, categoryOfTerm, hsdsId, metadataOf, schedulesOf, uuidV5 } from '../../types/hsdsMapping';

test('UUID v5 is RFC 4122’s name-based SHA-1 UUID (python: uuid5(NAMESPACE_DNS, "python.org"))', () => {
  expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  const a = hsdsId('service', 'p0001demo');
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(hsdsId('service', 'p0001demo')).toBe(a);
  expect(hsdsId('organization', 'p0001demo')).not.toBe(a);
  expect(hsdsId('service', 'p0002demo')).not.toBe(a);
});

describe('opening hours become weekly rules; the words are always kept', () => {
  const rules = (hours: string) => schedulesOf(hours, hsdsId('service', 'x'), 'x').map(({ byday, opens_at, closes_at }) => ({ byday, opens_at, closes_at }));
  test.each([
    ['周一至周五 9:00-17:00', [{ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }]],
    ['周一至周日 8:30-20:30', [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '08:30', closes_at: '20:30' }]],
    ['周六 9:00-12:00', [{ byday: 'SA', opens_at: '09:00', closes_at: '12:00' }]],
    ['周一至周五 9:00-17:00，周六 9:00-12:00', [{ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }, { byday: 'SA', opens_at: '09:00', closes_at: '12:00' }]],
    ['周一到周三 0:00—23:59', [{ byday: 'MO,TU,WE', opens_at: '00:00', closes_at: '23:59' }]],
  ])('%s', (hours, expected) => {
    expect(rules(hours)).toEqual(expected);
    for (const s of schedulesOf(hours, hsdsId('service', 'x'), 'x')) expect(hsdsSchedule.parse(s).description).toBe(hours);
  });
  test.each([['预约后上门，时间另约'], ['周五至周一 9:00-17:00'], ['周一至周五 24:00-25:00'], ['']])('%s: no rule, only the words', (hours) => {
    expect(rules(hours)).toEqual([{ byday: undefined, opens_at: undefined, closes_at: undefined }]);
    expect(schedulesOf(hours, hsdsId('service', 'x'), 'x')[0].description).toBe(hours);
  });
});

test('cost in words: free and government-paid say 免费; a subsidy says what the citizen pays; a fee says its standard', () => {
  expect(costInWords('free', '免费')).toEqual({ kind: 'free', headline: '免费', detail: null, term: '免费服务' });
  expect(costInWords('government-purchase', '免费（政府购买）')).toMatchObject({ kind: 'free', headline: '免费', term: '政府购买' });
  expect(costInWords('subsidy', '政府补贴后每家企业 300 元/次')).toEqual({ kind: 'part', headline: '部分费用由政府补贴', detail: '您付：政府补贴后每家企业 300 元/次', term: '政府补贴' });
  expect(costInWords('standard-fee', '按物价部门核定标准收费')).toEqual({ kind: 'paid', headline: '收费', detail: '标准：按物价部门核定标准收费', term: '按标准付费' });
  expect(costInWords('other', '免费')).toMatchObject({ kind: 'free', term: '其他方式' });
  expect(costInWords('other', '视情况而定')).toMatchObject({ kind: 'see', headline: '费用见说明', detail: '视情况而定' });
  // Every method has words, and the regulation's term comes second.
  for (const m of PURCHASE_METHODS) expect(costLine(m, '100 元').split('｜')[1]).toBe(costInWords(m, '').term);
});

test('taxonomy terms are valid HSDS terms with unique stable ids, and a term id names its category', () => {
  const terms = allTaxonomyTerms();
  for (const t of terms) hsdsTaxonomyTerm.parse(t);
  expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
  expect(categoryOfTerm(hsdsId('taxonomy_term', 'category:mediation'))).toBe('mediation');
  expect(categoryOfTerm(hsdsId('taxonomy_term', 'purchaseMethod:free'))).toBeNull();
});

test('metadata follows the recorded changes in version order, each with the status before and after', () => {
  const m = metadataOf(
    [
      { _id: '3:p', version: 3, on: '2026-11-02', productId: 'p', productName: 'x', change: 'left', documentNumber: '杭司〔2026〕99号' },
      { _id: '1:p', version: 1, on: '2026-01-02', productId: 'p', productName: 'x', change: 'added', documentNumber: '杭司〔2026〕1号' },
      { _id: '2:p', version: 2, on: '2026-06-02', productId: 'p', productName: 'x', change: 'suspended' },
    ],
    hsdsId('service', 'p'),
  );
  expect(m.map((x) => [x.last_action_date, x.previous_value, x.replacement_value])).toEqual([
    ['2026-01-02', '', 'active（杭司〔2026〕1号）'],
    ['2026-06-02', 'active', 'temporarily closed'],
    ['2026-11-02', 'temporarily closed', 'defunct（杭司〔2026〕99号）'],
  ]);
});

describe('Atom', () => {
  const entry = (over: Partial<FeedEntry>): FeedEntry => ({ id: 'urn:uuid:1', kind: 'call', title: 't', updated: '2026-12-01T08:00:00+08:00', summary: 's', link: null, ...over });
  const head = { id: 'urn:uuid:f', title: '公告', subtitle: '', author: '杭州市司法局', self: null, site: null, now: '2026-12-05T10:00:00+08:00' };

  test('text is escaped and characters XML cannot carry are dropped', () => {
    expect(xmlEscape(`<a href="x">&'\u0001\u0008\uFFFE</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    const xml = atomXml(head, [entry({ title: '公示：<script>alert(1)</script> & 调解' })]);
    expect(xml).toContain('<title type="text">公示：&lt;script&gt;alert(1)&lt;/script&gt; &amp; 调解</title>');
    expect(xml).not.toContain('<script>');
  });

  test('dates are RFC 3339 in UTC; the feed is as new as its newest entry; entries newest first', () => {
    expect(atomDate('2026-12-01T08:00:00+08:00')).toBe('2026-12-01T00:00:00Z');
    const xml = atomXml(head, [entry({ id: 'urn:uuid:old', updated: '2026-01-01T00:00:00Z' }), entry({ id: 'urn:uuid:new', updated: '2026-12-02T00:00:00Z' })]);
    expect(xml.match(/<updated>([^<]+)<\/updated>/)![1]).toBe('2026-12-02T00:00:00Z');
    expect(xml.indexOf('urn:uuid:new')).toBeLessThan(xml.indexOf('urn:uuid:old'));
  });

  test('an entry without a link carries its text as content (RFC 4287 §4.1.2); with one, an alternate link', () => {
    const without = atomXml(head, [entry({})]);
    expect(without).toContain('<content type="text">s</content>');
    const withLink = atomXml(head, [entry({ link: 'https://fw.example.gov.cn/#/pages/call/index' })]);
    expect(withLink).toContain('<link rel="alternate" type="text/html" href="https://fw.example.gov.cn/#/pages/call/index"/>');
    expect(withLink).not.toContain('<content');
  });

  test('an empty feed is as new as now', () => {
    expect(atomXml(head, []).match(/<updated>([^<]+)<\/updated>/)![1]).toBe('2026-12-05T02:00:00Z');
  });

  test('at most 100 entries', () => {
    const many = Array.from({ length: 130 }, (_, i) => entry({ id: `urn:uuid:${i}`, updated: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }));
    expect(atomXml(head, many).match(/<entry>/g)).toHaveLength(100);
  });
});
