/**
 * Issue 21 item 8 at the level of the rules as data: the pass mark at 79.99 / 80 / 80.01, "more than half" for every
 * panel size, the attribute finding, the values attachment 2 allows item by item, and the last day of notice.
 */
import { PURCHASE_METHODS } from '../../types/domain';
import { lastNoticeDay, noticeOver } from '../../types/publicity';
import { attributeFound, isMajority, majorityOf, PANEL_SIZE, REVIEW_RULES } from '../../types/review';
import { allowedValues, describeValues, meetsPassMark, PASS_MARK, RUBRIC, SCORE_STEP, scoreProblem } from '../../types/rubric';
import { addDays, WorkingDayCalendar } from '../../types/workdays';

const item = (key: string) => RUBRIC.find((i) => i.key === key)!;

describe('达标分数线为80分 (四): an average of at least 80 passes', () => {
  test.each([
    [79.99, false],
    [80, true],
    [80.01, true],
  ])('a panel of 100 averaging %p: %p', (average, passes) => {
    // Sums of 100 totals, so the average is exact: 7999, 8000, 8001.
    expect(meetsPassMark(Math.round(average * 100), 100)).toBe(passes);
  });
  test('on panels of 5 to 7, the nearest half-point sums either side of the mark', () => {
    for (let n = PANEL_SIZE.min; n <= PANEL_SIZE.max; n++) {
      expect(meetsPassMark(PASS_MARK * n - SCORE_STEP, n)).toBe(false);
      expect(meetsPassMark(PASS_MARK * n, n)).toBe(true);
      expect(meetsPassMark(PASS_MARK * n + SCORE_STEP, n)).toBe(true);
    }
  });
});

describe('过半数: strictly more than half', () => {
  test('the panel sizes the regulation allows are 5, 6 and 7', () => {
    expect(PANEL_SIZE).toEqual({ min: 5, max: 7 });
  });
  test.each([
    [5, 3],
    [6, 4],
    [7, 4],
  ])('a panel of %p needs %p', (n, needed) => {
    expect(majorityOf(n)).toBe(needed);
    expect(isMajority(needed, n)).toBe(true);
    expect(isMajority(needed - 1, n)).toBe(false);
  });
  test('half of an even panel is not more than half', () => {
    expect(isMajority(3, 6)).toBe(false);
    expect(isMajority(2, 4)).toBe(false);
    expect(isMajority(1, 1)).toBe(true);
    expect(isMajority(0, 0)).toBe(false);
  });
});

describe('严格审查属性: an attribute is found when more than half of the panel judges it 符合', () => {
  test.each([
    [{ meets: 4, doubtful: 0, fails: 1 }, 5, true], // one 不符合 does not veto
    [{ meets: 3, doubtful: 2, fails: 0 }, 5, true],
    [{ meets: 2, doubtful: 3, fails: 0 }, 5, false], // 存疑 is not 符合
    [{ meets: 3, doubtful: 3, fails: 0 }, 6, false],
    [{ meets: 4, doubtful: 0, fails: 2 }, 6, true],
    [{ meets: 3, doubtful: 0, fails: 4 }, 7, false],
    [{ meets: 4, doubtful: 0, fails: 3 }, 7, true],
  ])('%p of %p: %p', (counts, n, found) => {
    expect(attributeFound(counts, n)).toBe(found);
  });
});

describe('附件2 bands exactly', () => {
  test('the values of each item are the half points inside its bands, nothing between them', () => {
    const values = Object.fromEntries(RUBRIC.filter((i) => !i.byPurchaseMethod).map((i) => [i.key, describeValues(allowedValues(i, undefined))]));
    expect(values).toEqual({
      'provider.expertise': '0–5 分（整数或 0.5 分）',
      'provider.serviceRequirements': '0–3、4–5 分（整数或 0.5 分）',
      'provider.coverage': '0–2、3 分（整数或 0.5 分）',
      'provider.training': '0、1、2 分',
      'content.audience': '0–1、2–4 分（整数或 0.5 分）',
      'content.basis': '0、1、2 分',
      'content.problemSolved': '0–4、5–6 分（整数或 0.5 分）',
      'content.channels': '0–4 分（整数或 0.5 分）',
      'content.frequency': '1、2–4 分（整数或 0.5 分）',
      'management.rules': '0、1、2 分',
      'management.process': '0、1、2 分',
      'management.publicGuide': '0、1、2 分',
      'management.records': '1–4、5–6 分（整数或 0.5 分）',
      'management.qualityControl': '1–5、6–8 分（整数或 0.5 分）',
      'efficiency.indicators': '1–4、5–9、10–14 分（整数或 0.5 分）',
      'satisfaction.satisfaction': '1–2、3–5、6–7 分（整数或 0.5 分）',
      'satisfaction.benefit': '1–2、3–5、6–7 分（整数或 0.5 分）',
      completeness: '1–2、3–4、5 分（整数或 0.5 分）',
    });
  });

  test('every allowed value lies in a band and every band’s ends are allowed', () => {
    for (const i of RUBRIC)
      for (const pm of PURCHASE_METHODS) {
        const values = allowedValues(i, pm);
        for (const v of values) expect(i.bands.some((b) => v >= b.min && v <= b.max)).toBe(true);
        for (let v = 0; v <= i.max; v += SCORE_STEP) expect([i.key, v, scoreProblem(i, v, pm) === null]).toEqual([i.key, v, values.includes(v)]);
        if (!i.byPurchaseMethod) for (const b of i.bands) expect(values).toEqual(expect.arrayContaining([b.min, b.max]));
      }
  });

  test('购买方式 by the declared method: free 12 only, 政府补贴 4–10, 其他方式 0–6', () => {
    const pm = item('purchaseMethod');
    expect(allowedValues(pm, 'free')).toEqual([12]);
    expect(describeValues(allowedValues(pm, 'subsidy'))).toBe('4–10 分（整数或 0.5 分）');
    expect(describeValues(allowedValues(pm, 'other'))).toBe('0–6 分（整数或 0.5 分）');
    expect(scoreProblem(pm, 10.5, 'subsidy')).toBe('申报的购买方式只能得 4–10 分');
    expect(scoreProblem(pm, 3.5, 'subsidy')).toBe('申报的购买方式只能得 4–10 分');
    expect(scoreProblem(pm, 4, 'subsidy')).toBeNull();
    expect(scoreProblem(pm, 10, 'subsidy')).toBeNull();
    // Undeclared: the union of the methods' bands, 0–10 and 12 (10.5–11.5 belong to no method).
    expect(describeValues(allowedValues(pm, undefined))).toBe('0–10、12 分（整数或 0.5 分）');
  });

  test('the refusal says what was given and names the allowed values', () => {
    expect(scoreProblem(item('provider.serviceRequirements'), 3.5, 'free')).toBe('“服务要求”的 3.5 分不在附件2的任何一档内，只能打 0–3、4–5 分（整数或 0.5 分）');
    expect(scoreProblem(item('provider.serviceRequirements'), 6, 'free')).toBe('“服务要求”应在 0–5 分之间');
    expect(scoreProblem(item('content.frequency'), 0, 'free')).toBe('“产品服务的周期频次”应在 1–4 分之间');
    expect(scoreProblem(item('content.frequency'), 1.5, 'free')).toBe('“产品服务的周期频次”的 1.5 分不在附件2的任何一档内，只能打 1、2–4 分（整数或 0.5 分）');
  });
});

describe('公示时间不少于七个工作日: the notice runs through its last day', () => {
  const p = { windows: [{ endsOn: '2026-10-14' }] };
  test('closing and publishing come after the last day of the latest window', () => {
    expect(lastNoticeDay(p)).toBe('2026-10-14');
    expect([noticeOver(p, '2026-10-13'), noticeOver(p, '2026-10-14'), noticeOver(p, '2026-10-15')]).toEqual([false, false, true]);
    const extended = { windows: [{ endsOn: '2026-10-14' }, { endsOn: '2026-10-26' }] };
    expect(lastNoticeDay(extended)).toBe('2026-10-26');
    expect([noticeOver(extended, '2026-10-20'), noticeOver(extended, '2026-10-27')]).toEqual([false, true]);
  });
});

test('the rules the pages state are drawn from the numbers: panel size, pass mark, majorities per size', () => {
  expect(REVIEW_RULES.panel).toContain('随机抽取 5 至 7 名专家');
  expect(REVIEW_RULES.attributes).toContain('公共属性、法律属性、服务属性');
  expect(REVIEW_RULES.attributes).toContain('5 人的评审组至少 3 人，6 人的评审组至少 4 人，7 人的评审组至少 4 人');
  expect(REVIEW_RULES.attributes).toContain('个别成员判断“不符合”不单独否决');
  expect(REVIEW_RULES.confirmation).toContain('平均分达到 80 分（含 80 分）');
  expect(REVIEW_RULES.confirmation).toContain('恰好一半不算过半数');
  expect(REVIEW_RULES.scores).toContain('3.5 分');
  expect(scoreProblem(item('provider.serviceRequirements'), 3.5, undefined)).not.toBeNull(); // the example the rule gives is refused
});

describe('工作日: the calendar’s own edges', () => {
  test('a window is a positive whole number of working days, and 1 is the day itself when it works', () => {
    const cal = new WorkingDayCalendar();
    expect(cal.endOfWindow('2026-09-30', 1).endsOn).toBe('2026-09-30');
    expect(cal.endOfWindow('2026-10-01', 1).endsOn).toBe('2026-10-08'); // 国庆: the first working day after
    for (const n of [0, -1, 1.5]) expect(() => cal.endOfWindow('2026-09-30', n)).toThrow('n must be a positive whole number');
  });
  test('dates must be dates', () => {
    expect(() => addDays('2026/10/01', 1)).toThrow('not a date: 2026/10/01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  test('where a year’s calendar comes from: the bureau’s entry, the published one, or the statutory estimate', () => {
    const cal = new WorkingDayCalendar([{ year: 2027, holidays: ['2027-10-01'], workdays: ['2027-10-09'] }]);
    expect([cal.source(2027), cal.source(2026), cal.source(2040)]).toEqual(['override', 'published', 'statutory']);
    expect([cal.isWorkday('2027-10-01'), cal.isWorkday('2027-10-09'), cal.isWorkday('2027-10-10')]).toEqual([false, true, false]);
  });
  test('the last day of notice is the latest window’s end, whatever order the windows are kept in', () => {
    expect(lastNoticeDay({ windows: [{ endsOn: '2026-10-26' }, { endsOn: '2026-10-14' }] })).toBe('2026-10-26');
    expect(lastNoticeDay({ windows: [] })).toBe('');
  });
});
