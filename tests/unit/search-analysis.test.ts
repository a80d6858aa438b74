/** Issue 24: the search's analysis (query → terms and concepts) and its ranking (BM25F over the in-memory index). */
import { SEGMENTS_CHINESE, bigramsOf, contentWords, foldText, normalise, pinyinOf, segment, stem } from '../../cloudfunctions/catalogue/searchText';
import { analyseQuery } from '../../cloudfunctions/catalogue/searchQuery';
import { SearchIndex, topAfter, type IndexedDoc } from '../../cloudfunctions/catalogue/searchIndex';
import { keptIndex, searchIndexFor, sortKeysFor } from '../../cloudfunctions/catalogue/searchIndexCache';
import { SORT_KEYS_TTL_MS } from '../../types/searchRanking';
import type { Store } from '../../cloudfunctions/_lib/store/port';
import { seeded } from '../support/searchMethodSet';

describe('text', () => {
  test('this Node segments Chinese with its ICU dictionary (every official build; the cloud runs Node 24)', () => {
    expect(SEGMENTS_CHINESE).toBe(true);
    expect(segment('老板拖欠工资怎么办')).toEqual(['老板', '拖欠', '工资', '怎么', '办']);
  });

  test('normalise: full width to half width, lower case, punctuation to single spaces', () => {
    expect(normalise('ＦａＬｖ，“老娘舅”！  １２３４８')).toBe('falv 老娘舅 12348');
    expect(foldText('１２３４８热线，ABC')).toBe('12348热线,abc');
  });

  test('particles left on a word are stripped; function words are not content', () => {
    expect([stem('借了'), stem('打工的'), stem('了'), stem('调解')]).toEqual(['借', '打工', '了', '调解']);
    expect(contentWords('我想问一下怎么办')).toEqual([]);
  });

  test('pieces of longer words, never of function characters; pinyin without tones, ü as v', () => {
    expect(bigramsOf('老娘舅')).toEqual(['老娘', '娘舅']);
    expect(bigramsOf('拿不到')).toEqual([]);
    expect(bigramsOf('调解')).toEqual([]);
    expect(pinyinOf('法律援助')).toEqual({ full: 'falvyuanzhu', initials: 'flyz' });
    expect(pinyinOf('人民调解').full).toBe('renmintiaojie');
  });
});

describe('query analysis', () => {
  const concepts = (q: string) => analyseQuery(q).concepts.map((c) => c.concept);

  test('a phrase fires its concept in any word order (拿不到工资 and 工资拿不到)', () => {
    for (const q of ['拿不到工资', '工资拿不到', '工资 拿不到']) expect({ q, c: concepts(q) }).toEqual({ q, c: expect.arrayContaining(['劳动报酬']) });
    expect(concepts('拿不到')).not.toContain('劳动报酬');
  });

  test('a saying said with words put inside it still fires (离了婚, 打不起官司, 婆婆和儿媳), not with more than two', () => {
    expect(concepts('离了婚以后')).toContain('离婚');
    expect(concepts('家里穷打不起官司')).toContain('诉讼');
    expect(concepts('婆婆和儿媳天天吵')).toContain('家庭矛盾');
    expect(concepts('婆婆和她的儿媳')).not.toContain('家庭矛盾');
  });

  test('a concept knows the words that fired it', () => {
    const c = analyseQuery('被公司辞退').concepts.find((x) => x.concept === '劳动合同解除')!;
    expect(c.firedBy).toEqual(['辞退']);
    expect(c.terms).toEqual(expect.arrayContaining(['劳动合同', '劳动争议']));
  });

  test('a one-word saying fires only when it is said (请律师 is not legal aid; 请不起律师 is)', () => {
    expect(concepts('村里请律师看合同')).not.toContain('法律援助');
    expect(concepts('请不起律师')).toContain('法律援助');
    expect(analyseQuery('请不起律师').hinted).toEqual(['legal-aid']);
  });

  test('category names and pinyin name categories; latin words are pinyin, not text', () => {
    expect(analyseQuery('人民调解').named).toEqual(['mediation']);
    expect(analyseQuery('tiaojie').named).toEqual(['mediation']);
    const q = analyseQuery('falvyuanzhu');
    expect(q.pinyin).toEqual(['falvyuanzhu']);
    expect(q.terms).toEqual([]);
    expect(q.named).toEqual(['legal-aid']);
    expect(concepts('flyz')).toContain('法律援助');
  });

  test('words the segmenter split into characters stay one word (回放, not 回 and 放)', () => {
    expect(analyseQuery('回放').terms.map((t) => t.text)).toEqual(['回放']);
  });

  test('stop words alone leave nothing to search', () => {
    const q = analyseQuery('请问我想问一下怎么办');
    expect([q.terms, q.concepts, q.pinyin, q.named]).toEqual([[], [], [], []]);
  });
});

const doc = (id: string, name: string, summary: string, extra: Partial<IndexedDoc> = {}): IndexedDoc => ({
  _id: id,
  name,
  category: 'legal-service',
  purchaseMethod: 'free',
  district: '西湖区',
  providerName: '某中心',
  audienceGroups: [],
  sortKey: `2026-01-01|${id}`,
  ratingKey: `0|00000|000000000|2026-01-01|${id}`,
  spec: { summary, content: { audience: '市民', problemSolved: '', channels: '' } },
  ...extra,
});
const ranked = (index: SearchIndex, q: string) =>
  topAfter(index.score(analyseQuery(q), {}), 50, (a, b) => a.score > b.score || (a.score === b.score && index.sortKeys[a.i] > index.sortKeys[b.i]), () => true).map((s) => index.ids[s.i]);

describe('ranking', () => {
  const filler = Array.from({ length: 20 }, (_, k) => doc(`f${k}`, `其他服务${k}`, `提供其他方面的帮助${k}`));

  test('a word in the name counts more than in the summary; a rarer word more than a common one', () => {
    const index = new SearchIndex('1:3', [doc('a', '遗嘱见证', '为市民提供服务'), doc('b', '公证服务', '办理遗嘱和委托'), ...filler]);
    expect(ranked(index, '遗嘱').slice(0, 2)).toEqual(['a', 'b']);
    // 帮助 is in 20 products, 委托 in one: the product holding the rare word comes first.
    expect(ranked(index, '帮助 委托')[0]).toBe('b');
  });

  test('a product holding every word of the query outranks one holding one word strongly (coordination)', () => {
    const index = new SearchIndex('1:2', [doc('strong', '未成年人监护 未成年人', '未成年人 未成年人'), doc('both', '家事调解', '保护妇女和未成年人'), ...filler]);
    expect(ranked(index, '妇女 未成年人')[0]).toBe('both');
  });

  test('a concept counts as one term however many of its terms a product holds; it stands in for a word no product uses', () => {
    // 劳动合同解除's terms: 劳动合同, 解除劳动合同, 劳动争议, 经济补偿, 用工.
    const many = doc('many', '用工指导', '劳动合同、经济补偿、用工、劳动争议');
    const word = doc('word', '公司体检', '为公司提供法律体检');
    const index = new SearchIndex('1:2', [many, word, ...filler]);
    // 公司 is found, 辞退 is not: the concept carries 辞退's weight and its product comes first.
    expect(ranked(index, '被公司辞退')[0]).toBe('many');
    const withWord = new SearchIndex('1:3', [many, word, doc('says', '辞退咨询', '被辞退了来问'), ...filler]);
    // Once a product says 辞退, the concept counts below it.
    expect(ranked(withWord, '辞退')[0]).toBe('says');
  });

  test('every product sharing a meaningful word is found, none other; filters hold', () => {
    const index = new SearchIndex('1:3', [doc('a', '模拟法庭', '学生体验', { district: '余杭区' }), doc('b', '直播普法', '回放可看'), doc('c', '茶园调解', '茶叶收购')]);
    expect(ranked(index, '回放 模拟法庭 怎么办').sort()).toEqual(['a', 'b']);
    expect(index.score(analyseQuery('回放 模拟法庭'), { district: '余杭区' }).map((s) => index.ids[s.i])).toEqual(['a']);
    expect(ranked(index, '咖啡')).toEqual([]);
  });

  test('pinyin finds the name in full and by initials', () => {
    const index = new SearchIndex('1:2', [doc('a', '“老娘舅”人民调解上门服务', '上门调解'), doc('b', '法律援助快速通道', '指派律师'), ...filler]);
    expect(ranked(index, 'laoniangjiu')[0]).toBe('a');
    expect(ranked(index, 'lnj')[0]).toBe('a');
    expect(ranked(index, 'falvyuanzhu')[0]).toBe('b');
  });

  test('topAfter gives what sorting and slicing after the cursor would, for any data', () => {
    const r = seeded(7);
    for (let round = 0; round < 50; round++) {
      const xs = Array.from({ length: 1 + Math.floor(r() * 300) }, (_, i) => ({ i, score: Math.floor(r() * 20) }));
      const before = (a: (typeof xs)[0], b: (typeof xs)[0]) => a.score > b.score || (a.score === b.score && a.i > b.i);
      const cut = { i: Math.floor(r() * 300), score: Math.floor(r() * 20) };
      const after = (x: (typeof xs)[0]) => before(cut, x);
      const n = 1 + Math.floor(r() * 30);
      const expected = xs.filter(after).sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, n);
      expect(topAfter(xs, n, before, after)).toEqual(expected);
    }
  });
});

describe('the index per store and generation', () => {
  const store = (docs: IndexedDoc[]) => {
    const reads: unknown[] = [];
    const s = { find: async (_c: string, q: unknown) => (reads.push(q), docs), reads } as unknown as Store & { reads: unknown[] };
    return s;
  };

  test('kept while the generation stands, rebuilt when it moves, the previous one kept for cursors', async () => {
    const s = store([doc('a', '调解', '调解')]);
    const first = await searchIndexFor(s, '1:1', 1);
    expect(first.built).toBe(true);
    expect((s as unknown as { reads: { fields: string[]; limit: number }[] }).reads).toHaveLength(1);
    expect((s as unknown as { reads: { fields: string[] }[] }).reads[0].fields).toContain('spec.summary');
    const again = await searchIndexFor(s, '1:1', 1);
    expect(again).toEqual({ index: first.index, built: false });
    const next = await searchIndexFor(s, '2:1', 1);
    expect(next.built).toBe(true);
    expect(next.index).not.toBe(first.index);
    expect(keptIndex(s, '1:1')).toBe(first.index);
    expect(keptIndex(s, '2:1')).toBe(next.index);
    await searchIndexFor(s, '3:1', 1);
    expect(keptIndex(s, '1:1')).toBeNull();
  });

  test('a rebuild reads the listed products in pages of 1,000, all at once', async () => {
    const s = store([]);
    await searchIndexFor(s, '1:2500', 2500);
    const reads = (s as unknown as { reads: { skip: number; limit: number; where: unknown }[] }).reads;
    expect(reads.map((q) => [q.skip, q.limit])).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 1000],
    ]);
    expect(reads.every((q) => JSON.stringify(q.where) === '{"status":"listed"}')).toBe(true);
  });

  test('rating keys: those the build read serve for a minute, then every listed product’s are read again, at once', async () => {
    const s = store([doc('a', '调解', '调解', { ratingKey: '1|09000|a' }), doc('b', '调解', '调解', { ratingKey: '1|08000|b' })]);
    const reads = (s as unknown as { reads: { fields: string[] }[] }).reads;
    await searchIndexFor(s, '1:2', 2);
    const t = Date.now();
    expect([...(await sortKeysFor(s, 'ratingKey', 2, t)).entries()]).toEqual([
      ['a', '1|09000|a'],
      ['b', '1|08000|b'],
    ]);
    expect(reads).toHaveLength(1);
    await sortKeysFor(s, 'ratingKey', 2, t + SORT_KEYS_TTL_MS);
    expect(reads).toHaveLength(1);
    await sortKeysFor(s, 'ratingKey', 2, t + SORT_KEYS_TTL_MS + 1000);
    expect(reads).toHaveLength(2);
    expect(reads[1].fields).toEqual(['ratingKey', 'sortKey']);
  });
});
