/**
 * Issue 21, item 5: one name normaliser (`sameNameKey`, cloudfunctions/_lib/normalizeText.ts) for every uniqueness and
 * ban check. Each invisible or filler character the issue names (and the rest of Unicode's default-ignorables), full
 * and half width, and traditional spellings fold to the same key; different names stay different.
 */
import { sameNameKey, toSimplified } from '../../cloudfunctions/_lib/normalizeText';
import { conflictOf } from '../../cloudfunctions/reviews/draw';

const NAME = '小微企业法律体检';

/** The characters the issue and `_lib/normalizeText.ts` list: zero-width, joiners, marks, bidi, fillers, selectors, BOM. */
const INVISIBLES: [string, string][] = [
  ['U+200B zero-width space', '\u200b'],
  ['U+200C zero-width non-joiner', '\u200c'],
  ['U+200D zero-width joiner', '\u200d'],
  ['U+200E left-to-right mark', '\u200e'],
  ['U+200F right-to-left mark', '\u200f'],
  ['U+2060 word joiner', '\u2060'],
  ['U+2061 function application', '\u2061'],
  ['U+2062 invisible times', '\u2062'],
  ['U+2063 invisible separator', '\u2063'],
  ['U+2064 invisible plus', '\u2064'],
  ['U+00AD soft hyphen', '\u00ad'],
  ['U+3164 Hangul filler', '\u3164'],
  ['U+115F Hangul choseong filler', '\u115f'],
  ['U+1160 Hangul jungseong filler', '\u1160'],
  ['U+FFA0 half-width Hangul filler', '\uffa0'],
  ['U+034F combining grapheme joiner', '\u034f'],
  ['U+061C Arabic letter mark', '\u061c'],
  ['U+17B4 Khmer vowel inherent aq', '\u17b4'],
  ['U+17B5 Khmer vowel inherent aa', '\u17b5'],
  ['U+180E Mongolian vowel separator', '\u180e'],
  ['U+202A left-to-right embedding', '\u202a'],
  ['U+202E right-to-left override', '\u202e'],
  ['U+2066 left-to-right isolate', '\u2066'],
  ['U+2069 pop directional isolate', '\u2069'],
  ['U+FE00 variation selector-1', '\ufe00'],
  ['U+FE0F variation selector-16', '\ufe0f'],
  ['U+FEFF byte order mark', '\ufeff'],
  ['U+2800 braille blank', '\u2800'],
  ['U+E0041 tag latin capital A', '\u{e0041}'],
];

test.each(INVISIBLES)('%s inside, before or after a name changes nothing', (_label, ch) => {
  const key = sameNameKey(NAME);
  expect(sameNameKey(`小微${ch}企业法律体检`)).toBe(key);
  expect(sameNameKey(`${ch}${NAME}${ch}`)).toBe(key);
  expect(sameNameKey([...NAME].join(ch))).toBe(key);
});

test('full and half width, case, spaces and punctuation fold; different names stay different', () => {
  expect(sameNameKey('ＡＢＣ法律体检（2026版）')).toBe('abc法律体检2026版');
  expect(sameNameKey('ABC法律体检(2026版)')).toBe('abc法律体检2026版');
  expect(sameNameKey('ｈｂ－２０２６－００３')).toBe(sameNameKey('HB-2026-003'));
  expect(sameNameKey('ﾃｽﾄ')).toBe(sameNameKey('テスト'));
  expect(sameNameKey(' “老娘舅” 人民调解 上门服务 ')).toBe(sameNameKey('老娘舅人民调解上门服务'));
  expect(sameNameKey(NAME)).not.toBe(sameNameKey('小微企业法律顾问'));
  expect(sameNameKey('HB-2026-003')).not.toBe(sameNameKey('HB-2026-004'));
});

test('traditional spellings (and Hong Kong / Taiwan variants) fold to the simplified name, by OpenCC', () => {
  expect(sameNameKey('「老孃舅」人民調解上門服務')).toBe(sameNameKey('“老娘舅”人民调解上门服务'));
  expect(sameNameKey('勞動爭議法律援助快速通道')).toBe(sameNameKey('劳动争议法律援助快速通道'));
  expect(sameNameKey('小微企業法律體檢')).toBe(sameNameKey(NAME));
  expect(sameNameKey('杭州之江律師事務所')).toBe(sameNameKey('杭州之江律师事务所'));
  expect(toSimplified('裡 裏 綫 衞 爲')).toBe('里 里 线 卫 为');
  // Both at once: traditional characters with a zero-width space and full-width brackets.
  expect(sameNameKey('小微企業\u200b法律體檢（２０２６）')).toBe(sameNameKey('小微企业法律体检(2026)'));
  // Simplified text is left as it is.
  expect(toSimplified('劳动争议法律援助快速通道')).toBe('劳动争议法律援助快速通道');
});

test('the draw compares workplaces by the same key: a traditional or dressed-up workplace name is still a conflict', () => {
  expect(conflictOf('浙江之江律師事務所', ['浙江之江律师事务所'])).toBe('与“浙江之江律师事务所”存在关联，应当回避');
  expect(conflictOf('浙江之江\u200b律师事务所', ['浙江之江律师事务所'])).toBe('与“浙江之江律师事务所”存在关联，应当回避');
  expect(conflictOf('浙江大学', ['浙江之江律师事务所'])).toBeNull();
  // A workplace that folds to nothing is compared with nobody (it would otherwise "contain" every name).
  expect(conflictOf('（）\u200b', ['浙江之江律师事务所'])).toBeNull();
});
