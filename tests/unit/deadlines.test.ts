/**
 * Issue 22: the deadline decisions the reminder jobs and the to-do list share (cloudfunctions/notify/deadlines.ts), and
 * whether the bureau's confirmation can succeed (reviews/panelConfirm.ts canConfirm): both ends of every bound.
 */
import { casesDue, deadlineOf, dueSoon, publicityEnding, rectificationsDue, scoringDue, workingDaysAfter } from '../../cloudfunctions/notify/deadlines';
import { canConfirm, majorityOf } from '../../cloudfunctions/reviews/panelConfirm';
import { REMIND_BEFORE } from '../../types/notify';
import type { PublicityDoc } from '../../types/publicity';
import type { CaseDoc } from '../../types/rating';
import type { PanelDoc } from '../../types/review';
import type { RectificationDoc } from '../../types/credit';
import { WorkingDayCalendar } from '../../types/workdays';

// A year the bureau entered itself, so the test does not lean on the package's data: 1–7 October off, Saturday 10 on.
const cal = new WorkingDayCalendar([{ year: 2031, holidays: ['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-06', '2031-10-07'], workdays: ['2031-10-11'] }]);
// 2031-09-29 is a Monday; 30 Tuesday; 1–3 Oct Wed–Fri off; 4, 5 weekend; 6, 7 off; 8 Wed; 11 Saturday make-up.

test('deadlineOf: due today is 0 left; tomorrow 1; across the holiday only working days count; past due is negative, at least 1', () => {
  expect(deadlineOf(cal, '2031-09-29', '2031-09-29')).toEqual({ dueOn: '2031-09-29', workingDaysLeft: 0, overdue: false });
  expect(deadlineOf(cal, '2031-09-29', '2031-09-30')).toEqual({ dueOn: '2031-09-30', workingDaysLeft: 1, overdue: false });
  expect(deadlineOf(cal, '2031-09-30', '2031-10-08')).toEqual({ dueOn: '2031-10-08', workingDaysLeft: 1, overdue: false });
  expect(deadlineOf(cal, '2031-09-30', '2031-10-11')).toEqual({ dueOn: '2031-10-11', workingDaysLeft: 4, overdue: false });
  expect(deadlineOf(cal, '2031-10-08', '2031-09-30')).toEqual({ dueOn: '2031-09-30', workingDaysLeft: -1, overdue: true });
  expect(deadlineOf(cal, '2031-10-09', '2031-09-30')).toEqual({ dueOn: '2031-09-30', workingDaysLeft: -2, overdue: true });
  // Due Tuesday 30 September, read on Saturday 4 October (a day off): overdue, by at least one.
  expect(deadlineOf(cal, '2031-10-04', '2031-09-30')).toEqual({ dueOn: '2031-09-30', workingDaysLeft: -1, overdue: true });
});

test('dueSoon: at most n working days left, never when overdue', () => {
  expect(dueSoon(deadlineOf(cal, '2031-09-30', '2031-10-08'), 1)).toBe(true);
  expect(dueSoon(deadlineOf(cal, '2031-09-30', '2031-10-09'), 1)).toBe(false);
  expect(dueSoon(deadlineOf(cal, '2031-09-30', '2031-10-09'), 2)).toBe(true);
  expect(dueSoon(deadlineOf(cal, '2031-09-30', '2031-10-10'), 2)).toBe(false);
  expect(dueSoon(deadlineOf(cal, '2031-10-08', '2031-09-30'), 5)).toBe(false);
});

test('workingDaysAfter: the next working day is day 1', () => {
  expect(workingDaysAfter(cal, '2031-09-29', 1)).toBe('2031-09-30');
  expect(workingDaysAfter(cal, '2031-09-29', 2)).toBe('2031-10-08');
  expect(workingDaysAfter(cal, '2031-09-29', 5)).toBe('2031-10-11');
});

test('the watch lists keep what is due within REMIND_BEFORE or overdue, and nothing further out', () => {
  const caseDoc = (id: string, dueOn: string, status: CaseDoc['status'] = 'open') => ({ _id: id, dueOn, status, orgId: 'o1' }) as CaseDoc;
  const cases = [caseDoc('soon', '2031-10-08'), caseDoc('far', '2031-10-09'), caseDoc('late', '2031-09-29'), caseDoc('answered', '2031-09-29', 'responded')];
  expect(REMIND_BEFORE.caseDue).toBe(1);
  expect(casesDue(cal, '2031-09-30', cases).map((x) => [x.c._id, x.deadline.overdue])).toEqual([
    ['soon', false],
    ['late', true],
  ]);
  const notice = (id: string, endsOn: string) => ({ _id: id, status: 'open', windows: [{ startsOn: '2031-09-20', endsOn, workingDays: 7, warnings: [] }] }) as unknown as PublicityDoc;
  expect(publicityEnding(cal, '2031-09-30', [notice('two', '2031-10-09'), notice('three', '2031-10-10'), notice('ended', '2031-09-29')]).map((x) => x.p._id)).toEqual(['two', 'ended']);
  const panel = (id: string, dueOn: string, submitted: string[]) => ({ _id: id, members: ['e1', 'e2'], submitted, dueOn, drawnAt: '2031-09-01T00:00:00Z' }) as PanelDoc;
  expect(scoringDue(cal, '2031-09-30', [panel('p2', '2031-10-09', ['e1']), panel('p3', '2031-10-10', []), panel('done', '2031-09-29', ['e1', 'e2'])]).map((x) => [x.panel._id, x.waiting])).toEqual([['p2', ['e2']]]);
  const rect = (id: string, dueOn: string) => ({ _id: id, dueOn, status: 'open', orgId: 'o1' }) as RectificationDoc;
  expect(rectificationsDue(cal, '2031-09-30', [rect('r1', '2031-10-08'), rect('r2', '2031-10-09'), rect('r0', '2031-09-26')]).map((x) => x.r._id)).toEqual(['r1', 'r0']);
});

test('majorityOf: more than half of 5, 6 and 7 members', () => {
  expect([5, 6, 7].map(majorityOf)).toEqual([3, 4, 4]);
});

test('canConfirm: in review, every sheet in, and a majority agreeing — otherwise why not, with the count', () => {
  const agree = (ids: string[], agreeing: boolean) => ids.map((expertId) => ({ expertId, agree: agreeing, note: agreeing ? '' : '分数偏高', at: '2031-09-29T01:00:00Z' }));
  const panel = (confirmations: ReturnType<typeof agree>, members = ['a', 'b', 'c', 'd', 'e']) => ({ _id: 'd1', members, submitted: members, confirmations }) as unknown as PanelDoc;
  expect(canConfirm('in-review', panel(agree(['a', 'b', 'c'], true)), true)).toEqual({ ok: true, agreed: 3, needed: 3 });
  expect(canConfirm('in-review', panel([...agree(['a', 'b'], true), ...agree(['c'], false)]), true)).toEqual({ ok: false, reason: '评审组过半数同意后才能确认（目前 2/5 位同意），请等待评审组成员确认', agreed: 2, needed: 3 });
  // A replaced member's agreement no longer counts.
  expect(canConfirm('in-review', panel(agree(['a', 'b', 'x'], true)), true)).toMatchObject({ ok: false, agreed: 2 });
  expect(canConfirm('in-review', { ...panel([]), submitted: ['a', 'b'] } as PanelDoc, false)).toEqual({ ok: false, reason: '评分尚未全部提交（2/5），全部提交后评审组才能确认结果', agreed: 0, needed: 3 });
  expect(canConfirm('proposed', panel(agree(['a', 'b', 'c'], true)), true)).toMatchObject({ ok: false, reason: '这份申报的评审已经确认过了' });
  expect(canConfirm('in-review', panel(agree(['a', 'b', 'c'], true), ['a', 'b', 'c', 'd', 'e', 'f']), true)).toMatchObject({ ok: false, agreed: 3, needed: 4 });
});
