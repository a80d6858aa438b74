/** Issue 12: the credit event kinds and the adjustment rules, number by number; the period and name arithmetic. */
import { sameNameKey } from '../../cloudfunctions/_lib/normalizeText';
import { lowSatisfactionOrgs } from '../../cloudfunctions/supervision/proposeAdjustment';
import {
  ACTION_STRENGTH,
  addMonths,
  CREDIT_EVENT_KINDS,
  DEFAULT_ADJUSTMENT_RULES,
  DEFAULT_CREDIT_KINDS,
  DEFAULT_SUPERVISION_RULES,
  isPublicOn,
  publicUntil,
  reentryAllowedFrom,
  type AssessmentResultContract,
} from '../../types/credit';

test('the kinds: polarity, severity, publicity period in months, and whether a practitioner is named', () => {
  expect(CREDIT_EVENT_KINDS).toEqual(['commendation', 'warning', 'criticism', 'penalty', 'sanction', 'complaint']);
  expect(Object.fromEntries(CREDIT_EVENT_KINDS.map((k) => { const r = DEFAULT_CREDIT_KINDS[k]; return [k, [r.label, r.polarity, r.severity, r.publicityMonths, r.namesPractitioner]]; }))).toEqual({
    commendation: ['表彰', 'positive', 0, 36, false],
    warning: ['警告', 'negative', 2, 12, false],
    criticism: ['通报批评', 'negative', 2, 12, false],
    penalty: ['行政处罚', 'negative', 3, 36, true],
    sanction: ['行业处分', 'negative', 3, 24, true],
    complaint: ['查实的投诉', 'negative', 1, 6, false],
  });
});

test('the adjustment rules: 不合格 → exit, serious event → suspension, satisfaction below 80% or in the bottom decile → rectification, 2-year ban', () => {
  expect(DEFAULT_ADJUSTMENT_RULES).toEqual({
    failGrade: 'exit',
    seriousSeverity: 3,
    seriousEvent: 'suspend',
    satisfactionBelow: 0.8,
    satisfactionBottomShare: 0.1,
    satisfactionMinRatings: 5,
    lowSatisfaction: 'rectify',
    rectifyWorkingDays: 20,
    reentryBanYears: 2,
  });
  expect(ACTION_STRENGTH).toEqual({ rectify: 1, suspend: 2, exit: 3 });
  expect(DEFAULT_SUPERVISION_RULES.version).toBe(1);
});

test('periods: a warning of 1 March 2026 is public to 28 February 2027; month ends clamp; revoked is never public', () => {
  expect(publicUntil('2026-03-01', 12)).toBe('2027-02-28');
  expect(publicUntil('2026-03-01', 36)).toBe('2029-02-28');
  expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  const e = { occurredOn: '2026-01-10', publicUntil: '2026-07-09', revoked: null };
  expect([isPublicOn(e, '2026-01-09'), isPublicOn(e, '2026-01-10'), isPublicOn(e, '2026-07-09'), isPublicOn(e, '2026-07-10')]).toEqual([false, true, true, false]);
  expect(isPublicOn({ ...e, revoked: { reason: '法院撤销' } }, '2026-03-01')).toBe(false);
  expect(reentryAllowedFrom('2026-10-08', 2)).toBe('2028-10-08');
});

test('names compare without spaces, punctuation, width or case', () => {
  expect(sameNameKey(' “老娘舅” 人民调解 上门服务 ')).toBe(sameNameKey('老娘舅人民调解上门服务'));
  expect(sameNameKey('ＡＢＣ法律体检（2026版）')).toBe('abc法律体检2026版');
  expect(sameNameKey('小微企业法律体检')).not.toBe(sameNameKey('小微企业法律顾问'));
});

test('low satisfaction: 满意率 (satisfied over all) across an institution’s products; below 80%, or the bottom decile rounded down; too few ratings are not judged', () => {
  // `rate` is the shrunk score's share, which the list must not use (issue 21): only `satisfied` / `n` counts.
  const r = (orgId: string, satisfied: number | null, n: number): AssessmentResultContract => ({
    _id: orgId, year: 2026, productId: `p${orgId}${n}`, orgId, score: 80, grade: 'pass', status: 'published', components: [], methodsUsed: [],
    satisfaction: { rate: 0.99, n, ...(satisfied === null ? {} : { satisfied }) },
  });
  const ten = Array.from({ length: 10 }, (_, i) => r(`o${i}`, 180 + i, 200));
  // o0 is the lowest of ten at 90%: the bottom decile (1 of 10), though above 80%.
  expect(lowSatisfactionOrgs(ten, DEFAULT_ADJUSTMENT_RULES).map((l) => [l.orgId, l.satisfactionRate])).toEqual([['o0', 0.9]]);
  // Nine institutions: no bottom decile (0.9 rounds down to 0).
  expect(lowSatisfactionOrgs(ten.slice(0, 9), DEFAULT_ADJUSTMENT_RULES)).toEqual([]);
  // Two products of one institution: (6 + 27) / 40 = 0.825 — above the line.
  expect(lowSatisfactionOrgs([r('a', 6, 10), r('a', 27, 30)], DEFAULT_ADJUSTMENT_RULES)).toEqual([]);
  expect(lowSatisfactionOrgs([r('a', 18, 30), r('a', 9, 10)], DEFAULT_ADJUSTMENT_RULES)).toEqual([{ orgId: 'a', satisfactionRate: 0.675, ratings: 40, reason: '机构满意率 67.5%，低于 80%' }]);
  // Too few ratings; and a result without its satisfied count (stored before issue 21) is not judged.
  expect(lowSatisfactionOrgs([r('b', 1, 4), r('c', null, 40)], DEFAULT_ADJUSTMENT_RULES)).toEqual([]);
});
