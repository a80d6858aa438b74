/**
 * Issue 10, finding 10: the local content check normalises width, separators and invisible characters before it
 * looks for phone numbers, ID numbers and held words; ordinary dates, prices and case numbers still pass.
 */
import { WordListChecker } from '../../cloudfunctions/_lib/contentCheck';
import { compactText, joinDigits, normalizeText } from '../../cloudfunctions/_lib/normalizeText';

const checker = new WordListChecker();
const ZW = '\u200b';

/** Each evasion must be held for review. */
const EVASIONS: [string, string][] = [
  ['plain mobile', '有问题请打13812345678咨询'],
  ['hyphenated mobile', '电话138-1234-5678欢迎来电'],
  ['spaced mobile', '联系我 138 1234 5678'],
  ['dotted mobile', '号码138.1234.5678'],
  ['en dashes', '138–1234–5678 随时打'],
  ['full-width dash', '138－1234－5678'],
  ['full-width digits', '打１３８１２３４５６７８'],
  ['full-width with spaces', '１３８　１２３４　５６７８'],
  ['+86 prefix', '+86 138 1234 5678'],
  ['86 prefix dashed', '86-138-1234-5678'],
  ['brackets', '(138)1234-5678'],
  ['slashes', '138/1234/5678'],
  ['zero-width inside number', `138${ZW}1234${ZW}5678`],
  ['bidi marks inside number', '138\u202e1234\u202c5678'],
  ['chinese numerals', '电话一三八一二三四五六七八'],
  ['phone numerals with 幺', '幺三八幺二三四五六七八找我'],
  ['circled digits', '①③⑧①②③④⑤⑥⑦⑧'],
  ['mixed separators', '1 3 8 - 1 2 3 4 . 5 6 7 8'],
  ['id number', '我的身份证330106199003071234'],
  ['id number with X', '证件 33010619900307123X'],
  ['hyphenated id number', '330106-19900307-1234'],
  ['spaced id number', '330106 1990 0307 1234'],
  ['full-width id number', '３３０１０６１９９００３０７１２３４'],
  ['full-width X id', '33010619900307123Ｘ'],
  ['blocked word', '这是诈骗'],
  ['zero-width in blocked word', `这是诈${ZW}骗`],
  ['zero-width joiner in word', '这个产品是垃\u200d圾'],
  ['spaced blocked word', '加 微 信 了解详情'],
  ['dotted blocked word', '加.微.信'],
  ['punctuated blocked word', '加-微-信！'],
  ['word joiner in word', '代\u2060开\u2060发\u2060票'],
  ['soft hyphen in word', '赌\u00ad博'],
  ['full-width latin word', '加ＶＸ聊'],
  ['upper-case latin word', '加QQ详谈'],
  ['bidi override in word', '色\u202e情'],
  ['homophone in list', '加威信领红包'],
];

/** Ordinary text that must pass. */
const LEGITIMATE: [string, string][] = [
  ['a date', '我在2026-03-10申请了服务，2026年3月12日就有人联系'],
  ['a dotted date', '2026.03.10 上午办理'],
  ['a date range', '公示期为2026-10-08至2026-10-15'],
  ['a price', '收费标准为每小时1,380.50元，比较合理'],
  ['a case number', '案号（2026）浙0102民初12345号已结案'],
  ['a long reference', '订单编号20261008123456789查询'],
  ['a landline-like count', '已服务 1380 人次，满意率 98.5%'],
  ['times', '工作时间 9:00-17:30，周末 10:00-16:00'],
  ['ordinary comment', '希望增加周末服务时间，老人很需要这个服务'],
  ['chinese numerals in prose', '一二月份人多，三四月份人少'],
];

test('at least 30 evasions in the table', () => {
  expect(EVASIONS.length).toBeGreaterThanOrEqual(30);
});

test.each(EVASIONS)('held: %s', async (_label, text) => {
  expect(await checker.check(text)).toBe('review');
});

test.each(LEGITIMATE)('passes: %s', async (_label, text) => {
  expect(await checker.check(text)).toBe('pass');
});

test('the normaliser: width, invisible characters, separators between digits', () => {
  expect(normalizeText('ＡＢＣ１２３\u200b')).toBe('abc123');
  expect(compactText('加 微\u200b信！')).toBe('加微信');
  expect(joinDigits('138-1234 5678 和 2026 年')).toBe('13812345678 和 2026 年');
});
