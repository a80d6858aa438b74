/**
 * How search ranks (cloudfunctions/catalogue/searchIndex.ts), as numbers in one place. BM25F: each field's term
 * frequency is weighted by the field's boost and normalised by the field's length, the sum saturates with K1, and a
 * term counts by its inverse document frequency times its weight in the query.
 */

/** BM25's saturation and length normalisation (the usual values). */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** The product's texts search looks in, and how much a match in each counts. */
export const SEARCH_FIELDS = [
  { key: 'name', boost: 4 },
  /** The category's label, the groups it serves, its district. */
  { key: 'tags', boost: 2.5 },
  /** 产品服务的对象 */
  { key: 'audience', boost: 1.5 },
  { key: 'summary', boost: 1 },
  /** 产品解决的问题 */
  { key: 'problem', boost: 0.7 },
  { key: 'provider', boost: 0.7 },
  /** 产品获得的渠道 (12348, 上门 …) */
  { key: 'channels', boost: 0.3 },
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number]['key'];

/** The weight of each kind of query term: the citizen's own words count most, what search adds less. */
export const TERM_WEIGHTS = {
  /** A word of the query (segmented; stop words dropped). */
  word: 1,
  /** A word of one character (房, 债): weaker on its own. */
  char: 0.5,
  /** A two-character piece of a longer word (老娘舅 → 老娘, 娘舅): finds words the segmenter split otherwise. */
  piece: 0.3,
  /** A run the citizen typed without spaces, found whole (医疗纠纷 in 医疗纠纷人民调解). */
  phrase: 0.5,
  /** A latin word as pinyin, full or initials, against names and categories. */
  pinyin: 1,
  /** A legal term from a concept the query fired (types/searchSynonyms.ts): below the citizen's own words. */
  concept: 0.6,
  /** Products of a category the query names (调解, 法律援助). */
  namedCategory: 1,
  /** Products of the category of a concept the query fired (邻居吵架 → 人民调解). */
  hintedCategory: 0.4,
} as const;

/** At most this many words, pieces and concept terms are searched for one query. */
export const QUERY_LIMITS = { words: 8, pieces: 8, conceptTerms: 16, pinyin: 4, chars: 60 } as const;

/**
 * Best rated and best graded order of a keyword search: the listed products' rating and grade keys, read all at once
 * and kept this long per instance (they move with every rating), so the order may lag that much — the page's products,
 * their 满意率 and grade, are always read fresh.
 */
export const SORT_KEYS_TTL_MS = 60_000;

/** What a search that found nothing offers instead, and how many suggestions the box shows. */
export const SEARCH_FALLBACK = { related: 3, suggestWords: 5, suggestProducts: 5 } as const;

/**
 * What an index keeps of the terms it has computed, counted in (product, term) entries: about 8 bytes each, so 32 MB
 * at most; the terms computed longest ago go first.
 */
export const TERM_CACHE_ENTRIES = 4_000_000;
