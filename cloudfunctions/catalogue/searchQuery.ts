/**
 * A citizen's query as search terms (searchText.ts does the analysis; types/searchSynonyms.ts holds the concepts):
 * - the query's own words (segmented, stop words dropped), the two-character pieces of its longer words, and each run
 *   typed without spaces as a phrase;
 * - latin words as pinyin (falvyuanzhu, flyz), matched against names and categories;
 * - the legal terms of every concept the query fires (拿不到工资 → 劳动报酬, 工资 …), weighted below its own words;
 * - the categories it names (调解 → 人民调解) or hints at through a concept (邻居吵架 → 人民调解).
 */
import { CATEGORIES, type Category } from '../../types/domain';
import { QUERY_LIMITS, TERM_WEIGHTS } from '../../types/searchRanking';
import { CATEGORY_NAMES, SEARCH_CONCEPTS, type SearchConcept } from '../../types/searchSynonyms';
import { bigramsOf, contentWords, isHan, isLatinWord, isStopWord, normalise, pinyinOf, segment, stem } from './searchText';

export type TermKind = 'word' | 'char' | 'piece' | 'phrase';

export interface QueryTerm {
  text: string;
  weight: number;
  kind: TermKind;
  /** The query words it stands for (a piece for its word, a phrase for all of its words): see `aspects`. */
  covers: string[];
}

/**
 * A concept the query fired: its legal terms searched as one term (a product's frequencies of them summed, their
 * products counted once for rarity), so a concept with many terms counts no more than one word.
 */
export interface ConceptTerm {
  concept: string;
  terms: string[];
  /** The query's words (or latin words) that fired it: when one of them is found in no product, the concept stands in for it at a word's weight. */
  firedBy: string[];
}

export interface AnalysedQuery {
  /**
   * The query's words and latin words: what a product may cover. Among products that score alike, one that covers more
   * of them ranks first (searchIndex.ts, coordination).
   */
  aspects: string[];
  /** Matched inside the products' texts. */
  terms: QueryTerm[];
  concepts: ConceptTerm[];
  /** Latin words, matched against the pinyin of names and categories. */
  pinyin: string[];
  /** Categories a word of the query names. */
  named: Category[];
  /** Categories of the concepts the query fired. */
  hinted: Category[];
}

interface Phrase {
  /** Normalised, without spaces. */
  text: string;
  /**
   * The phrase said with a word or two put inside it, as Chinese does with separable words (离婚 → 离了婚, 打官司 →
   * 打不起官司, 婆媳 → 婆婆和儿媳): its characters in order, with at most two others at one place between them.
   */
  apart: RegExp | null;
  /** Its content words: all of them in a query fire the phrase, in any order (when there are two or more). */
  words: string[];
}

const GAP = '[\\p{Script=Han}]{1,2}';
function apart(text: string): RegExp | null {
  const chars = [...text];
  if (chars.length < 2 || !chars.every(isHan)) return null;
  const esc = (xs: string[]) => xs.join('');
  return new RegExp(chars.slice(1).map((_, k) => `${esc(chars.slice(0, k + 1))}${GAP}${esc(chars.slice(k + 1))}`).join('|'), 'u');
}

interface PreparedConcept {
  concept: SearchConcept;
  says: Phrase[];
  terms: string[];
  /** Full pinyin of its words and terms, and initials of its terms (3 letters or more), for latin queries. */
  pinyin: Set<string>;
}

const compact = (s: string) => normalise(s).replace(/ /g, '');

let prepared: PreparedConcept[] | null = null;
/** The concepts analysed once per instance (segmenting a few hundred phrases takes milliseconds). */
function conceptList(): PreparedConcept[] {
  if (!prepared) {
    prepared = SEARCH_CONCEPTS.map((concept) => {
      const says = concept.says.map((s) => ({ text: compact(s), apart: apart(compact(s)), words: contentWords(s) }));
      const terms = concept.terms.map(compact);
      const pinyin = new Set<string>();
      for (const w of [...concept.says, ...concept.terms]) if (pinyinOf(w).full.length >= 4) pinyin.add(pinyinOf(w).full);
      for (const t of concept.terms) if (pinyinOf(t).initials.length >= 3) pinyin.add(pinyinOf(t).initials);
      return { concept, says, terms, pinyin };
    });
  }
  return prepared;
}

const CATEGORY_NAME_LIST = CATEGORIES.flatMap((c) => CATEGORY_NAMES[c].map((name) => ({ c, name: compact(name), pinyin: pinyinOf(name).full })));

export function analyseQuery(q: string | undefined): AnalysedQuery {
  const text = normalise(q ?? '').slice(0, QUERY_LIMITS.chars);
  const runs = text.split(' ').filter(Boolean);
  const words: string[] = [];
  const latin: string[] = [];
  const phrases: string[] = [];
  const phraseWords: string[][] = [];
  for (const run of runs) {
    const runWords: string[] = [];
    // Single characters in a row are a word the segmenter's dictionary lacks (回放 → 回, 放): kept together.
    let singles = '';
    const flush = () => {
      if (singles) runWords.push(singles);
      singles = '';
    };
    for (const raw of segment(run)) {
      const w = stem(raw);
      if (isLatinWord(w)) {
        flush();
        latin.push(w);
      } else if (isStopWord(w)) flush();
      else if (w.length === 1 && isHan(w)) singles += w;
      else {
        flush();
        runWords.push(w);
      }
    }
    flush();
    words.push(...runWords);
    // A run of several words, also found whole (stripped of what no product says, such as a trailing 怎么办).
    if (runWords.length >= 2) {
      phrases.push(runWords.join(''));
      phraseWords.push(runWords);
    }
  }
  const wordList = [...new Set(words)].slice(0, QUERY_LIMITS.words);
  const wordSet = new Set(wordList);
  const joined = runs.join('');
  const pinyin = [...new Set(latin)].slice(0, QUERY_LIMITS.pinyin);
  /** The query's words that take part in `text` (inside it, or holding it). */
  const wordsOf = (text: string) => wordList.filter((w) => text.includes(w) || w.includes(text));

  const concepts: ConceptTerm[] = [];
  const fired: PreparedConcept[] = [];
  for (const c of conceptList()) {
    const by = new Set<string>();
    for (const p of c.says) {
      const said = joined.includes(p.text) ? p.text : joined.match(p.apart ?? /$^/)?.[0];
      if (said) wordsOf(said).forEach((w) => by.add(w));
      else if (p.words.length >= 2 && p.words.every((w) => wordSet.has(w))) p.words.forEach((w) => by.add(w));
    }
    for (const t of c.terms) if (wordSet.has(t) || (t.length >= 3 && joined.includes(t))) wordsOf(t).forEach((w) => by.add(w));
    for (const l of pinyin) if (c.pinyin.has(l)) by.add(l);
    // A phrase can fire with none of the query's words inside it (its words split across the segmenter's): it still fired.
    const phraseFired = c.says.some((p) => joined.includes(p.text) || (p.apart && p.apart.test(joined)));
    if (!by.size && !phraseFired) continue;
    fired.push(c);
    concepts.push({ concept: c.concept.concept, terms: c.terms.slice(0, QUERY_LIMITS.conceptTerms), firedBy: [...by] });
  }

  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: TermKind, weight: number, covers: string[]) => {
    if (!text || seen.has(text)) return;
    seen.add(text);
    terms.push({ text, kind, weight, covers });
  };
  for (const w of wordList) add(w, [...w].length === 1 ? 'char' : 'word', [...w].length === 1 ? TERM_WEIGHTS.char : TERM_WEIGHTS.word, [w]);
  phrases.forEach((p, k) => wordSet.has(p) || add(p, 'phrase', TERM_WEIGHTS.phrase, phraseWords[k].filter((w) => wordSet.has(w))));
  for (const w of wordList) for (const piece of bigramsOf(w)) if (terms.filter((t) => t.kind === 'piece').length < QUERY_LIMITS.pieces) add(piece, 'piece', TERM_WEIGHTS.piece, [w]);

  const named = [...new Set(CATEGORY_NAME_LIST.filter((n) => joined.includes(n.name) || pinyin.includes(n.pinyin)).map((n) => n.c))];
  const hinted = [...new Set(fired.map((c) => c.concept.category).filter((c): c is Category => !!c))].filter((c) => !named.includes(c));
  return { aspects: [...wordList, ...pinyin], terms, concepts, pinyin, named, hinted };
}

/** Whether the query has anything to search by (a word, a latin word, a concept or a category it names). */
export function saysSomething(q: AnalysedQuery): boolean {
  return q.terms.length + q.concepts.length + q.pinyin.length + q.named.length > 0;
}

/**
 * For the box as one types: the everyday words and legal terms of the concepts that begin with, or hold, what was
 * typed (latin: whose pinyin begins with it), the typed word itself first when it is one of them.
 */
export function suggestWords(typed: string, n: number): string[] {
  const t = compact(typed);
  if (!t) return [];
  const all = [...new Set(SEARCH_CONCEPTS.flatMap((c) => [...c.says, ...c.terms]))];
  if (isLatinWord(t)) return all.filter((w) => pinyinOf(w).full.startsWith(t) || (t.length >= 2 && pinyinOf(w).initials === t)).slice(0, n);
  const exact = all.filter((w) => compact(w) === t);
  const starts = all.filter((w) => compact(w) !== t && compact(w).startsWith(t));
  const holds = all.filter((w) => !compact(w).startsWith(t) && compact(w).includes(t));
  return [...exact, ...starts, ...holds].slice(0, n);
}
