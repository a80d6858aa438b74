/**
 * The catalogue's search index: one per function instance and catalogue generation (searchIndexCache.ts), built in
 * memory from the listed products' texts as stored — nothing search-specific is stored, so nothing can go stale.
 *
 * Ranking is BM25F (numbers in types/searchRanking.ts): a term's frequency in each field (name, tags, audience,
 * summary, problem, provider, channels) is weighted by the field's boost and normalised by the field's length; the sum
 * saturates; the term counts by its rarity (idf) and its weight in the query (the citizen's words above the concepts
 * search adds). A product's score is the sum over the query's terms, plus a term for the category the query names.
 * Every product with a score above zero is found: one shared meaningful word is enough.
 *
 * A term is matched inside the texts, not against a stored segmentation: the candidates are the products holding every
 * character of the term (one bitset per character), then each candidate's fields are searched for it. What a term
 * matches is computed once per index and kept (TERM_CACHE_ENTRIES).
 */
import type { AudienceGroup, Category, PurchaseMethod } from '../../types/domain';
import { AUDIENCE_GROUP_LABELS, CATEGORY_LABELS } from '../../types/domain';
import type { ProductDoc } from '../../types/product';
import { BM25, SEARCH_FIELDS, TERM_CACHE_ENTRIES, TERM_WEIGHTS } from '../../types/searchRanking';
import type { AnalysedQuery } from './searchQuery';
import { foldText, pinyinByWords, pinyinOf } from './searchText';
import { placeOf, type Place } from './nearest';

/** What the index reads of each listed product (a projection: the rest of the specification stays in the store). */
export const INDEX_FIELDS = [
  'name',
  'category',
  'purchaseMethod',
  'district',
  'providerName',
  'audienceGroups',
  'sortKey',
  'ratingKey',
  'gradeKey',
  'spec.summary',
  'spec.content.audience',
  'spec.content.problemSolved',
  'spec.content.channels',
  // Issue 24: the service point, for nearest first.
  'spec.publicInfo.latitude',
  'spec.publicInfo.longitude',
];

export type IndexedDoc = Pick<ProductDoc, '_id' | 'name' | 'category' | 'purchaseMethod' | 'district' | 'providerName' | 'audienceGroups' | 'sortKey' | 'ratingKey' | 'gradeKey'> & {
  spec?: { summary?: string; content?: { audience?: string; problemSolved?: string; channels?: string }; publicInfo?: { latitude?: number; longitude?: number } };
};

/** The filters of `catalogue.search` that never change while a product is listed (the grade does: see searchCatalogue). */
export interface StableFilters {
  category?: Category;
  purchaseMethod?: PurchaseMethod;
  district?: string;
  audience?: AudienceGroup;
}

export interface Scored {
  /** The product's position in the index. */
  i: number;
  score: number;
}

interface Posting {
  docs: Int32Array;
  /** Per doc: the field-weighted, length-normalised term frequency (before saturation). */
  tf: Float32Array;
  idf: number;
}

const FIELD_COUNT = SEARCH_FIELDS.length;
const EMPTY: Posting = { docs: new Int32Array(0), tf: new Float32Array(0), idf: 0 };

function fieldTexts(d: IndexedDoc): string[] {
  const tags = [CATEGORY_LABELS[d.category], ...(d.audienceGroups ?? []).map((g) => AUDIENCE_GROUP_LABELS[g]), d.district].join(' ');
  const c = d.spec?.content ?? {};
  const byKey: Record<(typeof SEARCH_FIELDS)[number]['key'], string> = {
    name: d.name,
    tags,
    audience: c.audience ?? '',
    summary: d.spec?.summary ?? '',
    problem: c.problemSolved ?? '',
    provider: d.providerName ?? '',
    channels: c.channels ?? '',
  };
  return SEARCH_FIELDS.map((f) => foldText(byKey[f.key] ?? ''));
}

function count(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

function popcount(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}

const idfOf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

export class SearchIndex {
  readonly n: number;
  readonly ids: string[];
  readonly names: string[];
  readonly sortKeys: string[];
  readonly categories: Category[];
  /** As read when the index was built: current only for the request that built it (ratings and grades move). */
  readonly ratingKeys: string[];
  readonly gradeKeys: string[];
  /** Issue 24: each product's service point (its district's centre when it declared none). */
  readonly places: Place[];
  private readonly purchase: PurchaseMethod[];
  private readonly districts: string[];
  private readonly groups: AudienceGroup[][];
  private readonly texts: string[][];
  private readonly norms: Float32Array[];
  private readonly chars = new Map<number, Uint32Array>();
  private readonly words: number;
  private readonly cache = new Map<string, Posting>();
  private cached = 0;
  private pinyinTexts: { name: string; initials: string; tags: string }[] | null = null;
  private scratch: Float64Array;
  private masks: Int32Array;

  constructor(
    /** `<catalogue version>:<listed count>`: what the cursor names to page on in the same ranking. */
    readonly generation: string,
    docs: IndexedDoc[],
  ) {
    this.n = docs.length;
    this.ids = docs.map((d) => d._id);
    this.names = docs.map((d) => d.name);
    this.sortKeys = docs.map((d) => d.sortKey);
    this.categories = docs.map((d) => d.category);
    this.ratingKeys = docs.map((d) => d.ratingKey);
    this.gradeKeys = docs.map((d) => d.gradeKey ?? `0|00000|${d.sortKey}`);
    this.places = docs.map(placeOf);
    this.purchase = docs.map((d) => d.purchaseMethod);
    this.districts = docs.map((d) => d.district);
    this.groups = docs.map((d) => d.audienceGroups ?? []);
    this.texts = docs.map(fieldTexts);
    this.words = Math.ceil(this.n / 32) || 1;
    this.scratch = new Float64Array(this.n);
    this.masks = new Int32Array(this.n);
    // Each field's lengths, as BM25's normaliser (1 - b + b * len / average).
    this.norms = SEARCH_FIELDS.map((_, f) => {
      const lens = this.texts.map((t) => t[f].length);
      const avg = lens.reduce((a, b) => a + b, 0) / (this.n || 1) || 1;
      return Float32Array.from(lens, (len) => 1 - BM25.b + (BM25.b * len) / avg);
    });
    for (let i = 0; i < this.n; i++) {
      const bit = 1 << (i & 31);
      const word = i >>> 5;
      for (const t of this.texts[i])
        for (let k = 0; k < t.length; k++) {
          const c = t.charCodeAt(k);
          let bits = this.chars.get(c);
          if (!bits) this.chars.set(c, (bits = new Uint32Array(this.words)));
          bits[word] |= bit;
        }
    }
  }

  /** The products whose texts hold `term`, with its weighted frequency in each. */
  private posting(term: string): Posting {
    const hit = this.cache.get(term);
    if (hit) return hit;
    const codes = [...new Set([...term].map((c) => c.charCodeAt(0)))];
    const sets = codes.map((c) => this.chars.get(c));
    let result = EMPTY;
    if (sets.every(Boolean)) {
      const docs: number[] = [];
      const tfs: number[] = [];
      for (let w = 0; w < this.words; w++) {
        let m = sets[0]![w];
        for (let s = 1; s < sets.length && m; s++) m &= sets[s]![w];
        while (m) {
          const low = m & -m;
          const i = (w << 5) + 31 - Math.clz32(low);
          m ^= low;
          let tf = 0;
          const t = this.texts[i];
          for (let f = 0; f < FIELD_COUNT; f++) {
            const c = t[f].length >= term.length ? count(t[f], term) : 0;
            if (c) tf += (SEARCH_FIELDS[f].boost * c) / this.norms[f][i];
          }
          if (tf > 0) {
            docs.push(i);
            tfs.push(tf);
          }
        }
      }
      result = { docs: Int32Array.from(docs), tf: Float32Array.from(tfs), idf: idfOf(this.n, docs.length) };
    }
    this.remember(term, result);
    return result;
  }

  /** Latin letters against the pinyin of names (full, then initials) and of the category and groups. */
  private pinyinPosting(latin: string): Posting {
    const key = `py:${latin}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.pinyinTexts ??= this.texts.map((t) => {
      const name = pinyinByWords(t[0]);
      return { name: name.full, initials: name.initials, tags: pinyinOf(t[1]).full };
    });
    const name = SEARCH_FIELDS[0].boost;
    const tags = SEARCH_FIELDS[1].boost;
    const docs: number[] = [];
    const tfs: number[] = [];
    for (let i = 0; i < this.n; i++) {
      const p = this.pinyinTexts[i];
      const tf = p.name.includes(latin) ? name : p.initials.includes(latin) ? name * 0.75 : p.tags.includes(latin) ? tags : 0;
      if (tf) {
        docs.push(i);
        tfs.push(tf);
      }
    }
    const result = { docs: Int32Array.from(docs), tf: Float32Array.from(tfs), idf: idfOf(this.n, docs.length) };
    this.remember(key, result);
    return result;
  }

  /** A concept's terms as one term: frequencies summed per product, rarity from the products holding any of them. */
  private conceptPosting(terms: string[]): Posting {
    const key = `concept:${terms.join('|')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const tf = new Map<number, number>();
    for (const t of terms) {
      const p = this.posting(t);
      for (let k = 0; k < p.docs.length; k++) tf.set(p.docs[k], (tf.get(p.docs[k]) ?? 0) + p.tf[k]);
    }
    const docs = Int32Array.from(tf.keys());
    const result = { docs, tf: Float32Array.from(docs, (i) => tf.get(i)!), idf: idfOf(this.n, docs.length) };
    this.remember(key, result);
    return result;
  }

  /** Whether a query word (or latin word) is found in any product. */
  private found(word: string): boolean {
    return (/^[a-z]+$/.test(word) ? this.pinyinPosting(word) : this.posting(word)).docs.length > 0;
  }

  private categoryPosting(c: Category): Posting {
    const key = `cat:${c}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const docs: number[] = [];
    for (let i = 0; i < this.n; i++) if (this.categories[i] === c) docs.push(i);
    const result = { docs: Int32Array.from(docs), tf: new Float32Array(docs.length).fill(SEARCH_FIELDS[1].boost), idf: idfOf(this.n, docs.length) };
    this.remember(key, result);
    return result;
  }

  private remember(key: string, p: Posting) {
    this.cached += p.docs.length + 1;
    this.cache.set(key, p);
    for (const [old, q] of this.cache) {
      if (this.cached <= TERM_CACHE_ENTRIES) break;
      this.cache.delete(old);
      this.cached -= q.docs.length + 1;
    }
  }

  passes(i: number, f: StableFilters): boolean {
    return (
      (!f.category || this.categories[i] === f.category) &&
      (!f.purchaseMethod || this.purchase[i] === f.purchaseMethod) &&
      (!f.district || this.districts[i] === f.district) &&
      (!f.audience || this.groups[i].includes(f.audience))
    );
  }

  /**
   * Every product the query finds (score above zero) that passes the filters (and `only`, when given); unordered.
   * The BM25F sum is multiplied by coordination: the share of the query's aspects (its words, latin words) the product
   * covers, of those any product covers — so a product holding 妇女 and 未成年 outranks one holding 未成年人 alone, however
   * strongly. A product found only through its category covers none and keeps a small share.
   */
  score(q: AnalysedQuery, filters: StableFilters, only?: Set<string> | null): Scored[] {
    const scores = this.scratch;
    const masks = this.masks;
    const touched: number[] = [];
    const bit = (words: string[]) => words.reduce((m, w) => (q.aspects.indexOf(w) >= 0 ? m | (1 << q.aspects.indexOf(w)) : m), 0);
    const add = (p: Posting, weight: number, mask: number) => {
      const w = weight * p.idf;
      if (w <= 0) return;
      for (let k = 0; k < p.docs.length; k++) {
        const i = p.docs[k];
        const tf = p.tf[k];
        if (scores[i] === 0) touched.push(i);
        scores[i] += (w * tf * (BM25.k1 + 1)) / (tf + BM25.k1);
        masks[i] |= mask;
      }
    };
    for (const t of q.terms) add(this.posting(t.text), t.weight, bit(t.covers));
    // A concept counts below the citizen's words, unless it stands in for a word no product uses (辞退 → 劳动合同解除).
    for (const c of q.concepts) add(this.conceptPosting(c.terms), c.firedBy.some((w) => !this.found(w)) ? TERM_WEIGHTS.word : TERM_WEIGHTS.concept, bit(c.firedBy));
    for (const l of q.pinyin) add(this.pinyinPosting(l), TERM_WEIGHTS.pinyin, bit([l]));
    for (const c of q.named) add(this.categoryPosting(c), TERM_WEIGHTS.namedCategory, 0);
    for (const c of q.hinted) add(this.categoryPosting(c), TERM_WEIGHTS.hintedCategory, 0);
    let coverable = 0;
    for (const i of touched) coverable |= masks[i];
    const total = popcount(coverable);
    const out: Scored[] = [];
    for (const i of touched) {
      const score = scores[i] * (total ? Math.max(popcount(masks[i]), 0.5) / total : 1);
      scores[i] = 0;
      masks[i] = 0;
      if (score > 0 && this.passes(i, filters) && (!only || only.has(this.ids[i]))) out.push({ i, score });
    }
    return out;
  }

  /** Every product of the categories, newest first (the answer when a query that names a category finds nothing). */
  inCategories(cs: Category[]): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) if (cs.includes(this.categories[i])) out.push(i);
    return out.sort((a, b) => (this.sortKeys[a] < this.sortKeys[b] ? 1 : -1));
  }

  /** Every product passing the filters (and `only`), unscored: the candidates of an order other than relevance (nearest first). */
  matching(filters: StableFilters, only?: Set<string> | null): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.n; i++) if (this.passes(i, filters) && (!only || only.has(this.ids[i]))) out.push({ i, score: 0 });
    return out;
  }

  /** Newest first, those passing the filters. */
  newest(filters: StableFilters, n: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) if (this.passes(i, filters)) out.push(i);
    return out.sort((a, b) => (this.sortKeys[a] < this.sortKeys[b] ? 1 : -1)).slice(0, n);
  }
}

/**
 * The `n` best after a position, in order: `before(a, b)` says a comes first. A bounded insertion, O(items · log n),
 * so a page of 20 out of 10,000 matches costs no full sort.
 */
export function topAfter<T>(items: T[], n: number, before: (a: T, b: T) => boolean, after: (x: T) => boolean): T[] {
  const top: T[] = [];
  for (const x of items) {
    if (!after(x)) continue;
    if (top.length === n && !before(x, top[n - 1])) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(x, top[mid])) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, x);
    if (top.length > n) top.pop();
  }
  return top;
}
