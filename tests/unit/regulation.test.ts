/**
 * Clause by clause (docs/regulation.md): the rules that are pure data, compared with the regulation's own words where
 * no other unit test read them from the seed, and the one pure rule of 调整 whose bounds nothing pinned.
 * 《杭州市公共法律服务产品申报认定工作管理办法》(杭司〔2018〕125号) is quoted in each test's name.
 */
import { lowSatisfactionOrgs } from '../../cloudfunctions/supervision/proposeAdjustment';
import { GRADES, GRADE_LABELS, METHODS, METHOD_LABELS } from '../../types/assessment';
import { DEFAULT_ADJUSTMENT_RULES, type AssessmentResultContract } from '../../types/credit';
import { EXPERT_KINDS, EXPERT_KIND_LABELS } from '../../types/rubric';
import { SPEC_FIELDS, specSchema } from '../../types/spec';
import { issuesOf } from '../../types/validation';
import { SEED, normSeed } from '../support/seed';

/** The seed without spaces, in full-width punctuation: the phrase the pattern names, split at its 、 (and 和). */
const phrase = (re: RegExp): string[] => {
  const m = re.exec(normSeed(SEED!));
  if (!m) throw new Error(`the seed has no ${re}`);
  return m[1].split(/、|和/);
};
const field = (key: string) => SPEC_FIELDS.find((f) => f.key === key)!;

(SEED ? describe : describe.skip)('against the seed', () => {
  test('三、评估 "由法律服务行业主管部门负责人、院校专家教授、政府部门绩效管理专家等专业人士组成": the pool’s three kinds, in its words', () => {
    expect(EXPERT_KINDS.map((k) => EXPERT_KIND_LABELS[k])).toEqual(phrase(/由(.{0,60}?)等专业人士组成/));
  });

  test('三、测评 "查看工作台帐、抽查办案卷宗、电话回访、第三方社会评价机构调查、明查暗访、听取采购单位意见等形式": the six methods, in order', () => {
    expect(METHODS.map((m) => METHOD_LABELS[m])).toEqual(phrase(/测评主要采用(.+?)等形式进行/));
  });

  test('三、测评 "分别给出优秀、良好、合格和不合格等四个等次评定": four grades, best first', () => {
    expect(GRADES.map((g) => GRADE_LABELS[g])).toEqual(phrase(/分别给出(.+?)等四个等次/));
  });

  test('三、申报 "填写产品名称、提供主体、服务对象、资金来源、服务流程、服务标准、服务价格、评价办法等内容": each is a field, and submission requires it', () => {
    // The form's field for each item the paragraph names (提供主体 is the declaring organisation on the cover).
    const FIELD_FOR: Record<string, string> = {
      产品名称: 'name',
      提供主体: 'cover.applicantName',
      服务对象: 'content.audience',
      资金来源: 'fundingSource',
      服务流程: 'management.process',
      服务标准: 'serviceStandard',
      服务价格: 'price',
      评价办法: 'evaluationMethod',
    };
    const named = phrase(/填写(.+?)等内容/);
    expect(named).toEqual(Object.keys(FIELD_FOR));
    const missing = issuesOf(specSchema.safeParse({ attachments: [] }).error!).map((i) => i.path);
    for (const item of named) {
      const key = FIELD_FOR[item];
      expect([item, key, !!field(key), missing.includes(key)]).toEqual([item, key, true, true]);
    }
    // Where the form's label is not the paragraph's word, it is the table's own words for the same thing.
    expect(named.filter((item) => field(FIELD_FOR[item]).label !== item).map((item) => [item, field(FIELD_FOR[item]).label])).toEqual([
      ['提供主体', '申报单位'],
      ['服务对象', '产品服务的对象'],
    ]);
  });

  test('附件1 备注2 "政府补贴是指……部分市场价格；政府购买指……全部市场价格": the purchase method’s hint carries both definitions', () => {
    const m = /其中政府补贴是指(.+?)；政府购买指(.+?)。/.exec(normSeed(SEED!))!;
    expect(field('purchaseMethod').hint).toBe(`政府补贴指${m[1]}；政府购买指${m[2]}`);
  });

  test('附件1 备注3 "依据、制度等内容只需填写文件名称，具体文件可作为说明书附件提供": said under 产品设计的依据 and 管理制度', () => {
    expect(normSeed(SEED!)).toContain('表格内有关依据、制度等内容只需填写文件名称，具体文件可作为说明书附件提供');
    expect([field('content.basis').hint, field('management.rules').hint]).toEqual(['只需填写文件名称，具体文件可作为附件提供', '只需填写制度文件名称，具体文件可作为附件提供']);
  });
});

describe('三、调整 "向社会公示……测评满意度较低的法律服务机构": the line and the fewest ratings, both ends', () => {
  const result = (orgId: string, satisfied: number, n: number): AssessmentResultContract => ({
    _id: `${orgId}:${n}`, year: 2026, productId: `p${orgId}`, orgId, score: 80, grade: 'pass', status: 'published', components: [], methodsUsed: [],
    satisfaction: { rate: 0.99, n, satisfied },
  });
  const low = (results: AssessmentResultContract[]) => lowSatisfactionOrgs(results, DEFAULT_ADJUSTMENT_RULES).map((l) => [l.orgId, l.reason]);

  test('the rules as they stand: below 80% over at least 5 ratings (fewer than ten institutions: no bottom decile)', () => {
    expect([DEFAULT_ADJUSTMENT_RULES.satisfactionBelow, DEFAULT_ADJUSTMENT_RULES.satisfactionMinRatings, DEFAULT_ADJUSTMENT_RULES.satisfactionBottomShare]).toEqual([0.8, 5, 0.1]);
  });
  test('exactly 80% is not low; 79.5% is', () => {
    expect(low([result('a', 160, 200)])).toEqual([]);
    expect(low([result('a', 159, 200)])).toEqual([['a', '机构满意率 79.5%，低于 80%']]);
  });
  test('5 ratings are judged; 4 are too few, however poor', () => {
    expect(low([result('a', 3, 5)])).toEqual([['a', '机构满意率 60%，低于 80%']]);
    expect(low([result('a', 0, 4)])).toEqual([]);
  });
});
