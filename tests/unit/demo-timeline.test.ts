/**
 * The demo year's calendar (server/demo/timeline.ts) for every day of sixteen months (a year and a new year's spring), holidays and 调休 included: each
 * stage in order, nothing after today, and today inside what must be happening now (the call open, a publicity window,
 * a scoring deadline and a meeting still ahead). The seeder dates every act from it.
 */
import { addDays } from '../../types/workdays';
import { addWorkdays, demoTimeline, isWorkday, roundFrom, workdayOnOrAfter, workdayOnOrBefore, type RoundDates } from '../../server/demo/timeline';

const ROUND_ORDER: (keyof RoundDates)[] = ['registerOn', 'verifyOn', 'callOpensOn', 'draftFrom', 'submitBy', 'drawOn', 'scoreFrom', 'scoreTo', 'panelConfirmOn', 'confirmOn', 'publicityStartsOn', 'publicityEndsOn', 'closeOn', 'publishOn'];

function inOrder(r: RoundDates): string[] {
  const out: string[] = [];
  for (let i = 1; i < ROUND_ORDER.length; i++) if (!(r[ROUND_ORDER[i - 1]] < r[ROUND_ORDER[i]])) out.push(`${ROUND_ORDER[i - 1]} ${r[ROUND_ORDER[i - 1]]} !< ${ROUND_ORDER[i]} ${r[ROUND_ORDER[i]]}`);
  return out;
}

/** Every broken expectation for one day, as words (empty when the day's calendar is right). */
function problems(today: string): string[] {
  const t = demoTimeline(today);
  const p: string[] = [];
  const check = (ok: boolean, what: string) => ok || p.push(`${today}: ${what}`);
  check(t.workday <= today && isWorkday(t.workday) && addWorkdays(t.workday, 1) > today, 'workday is the last working day on or before today');
  for (const [name, r] of [['first', t.firstRound], ['second', t.secondRound], ['earlier', t.earlierRound]] as const) for (const x of inOrder(r)) p.push(`${today}: ${name} round ${x}`);
  check(t.firstRound.callOpensOn.startsWith(String(t.lastYear - 1)) && t.secondRound.callOpensOn.startsWith(String(t.lastYear)), 'the first two calls are the year before last and last year');
  check(t.firstRound.publishOn < t.secondRound.registerOn, 'the first round ends before the second');
  const a = t.assessment;
  check(t.secondRound.publishOn < a.startsOn && a.startsOn.startsWith(String(t.lastYear)), 'both rounds are listed when last year\'s assessment starts');
  check(a.opensOn <= a.startsOn && a.startsOn < a.assignOn && a.assignOn < a.findingsFrom && a.findingsFrom < a.findingsTo && a.findingsTo < a.endsOn, 'assessment: open, assign, inspect, end');
  check(a.opinionOn > a.startsOn && a.opinionOn <= a.endsOn && a.selfReportOn <= a.endsOn && a.selfReportOn > a.assignOn, 'opinions and self-reports inside the campaign');
  check(a.endsOn < a.computeOn && a.computeOn < a.appealsOn[0] && a.appealsOn[0] < a.appealsOn[1] && a.appealsOn[1] <= a.appealBy, 'appeals inside the appeal window');
  check(a.appealBy < a.decideOn && a.decideOn < a.confirmOn && a.confirmOn < a.publishOn, 'decide, confirm, publish');
  check(a.publishOn <= addDays(today, -21) && a.publishOn <= `${t.year}-04-15` && a.publishOn >= `${t.lastYear}-12-01`, 'published this spring, or last December early in the year');
  check(t.ratingsLastYear.from.startsWith(String(t.lastYear)) && t.ratingsLastYear.to.startsWith(String(t.lastYear)) && t.ratingsLastYear.to < a.computeOn, 'last year\'s ratings in last year, before the compute');
  check(t.ratingsThisYear.to < today, 'this year\'s ratings before today');
  const adj = t.adjustment;
  check(a.publishOn < adj.proposeOn && adj.proposeOn < adj.decideOn && adj.decideOn < adj.rectifyOn && adj.rectifyOn < adj.exitOn && adj.exitOn < today, 'the adjustment follows the published grades');
  const c = t.credit;
  check(c.commendationOn.startsWith(String(t.lastYear)) && c.criticismOn < c.responseOn && c.complaintOn < c.suspendOn && c.suspendOn < today, 'credit events before today');
  check(t.call.opensOn <= today && today <= t.call.closesOn && (t.call.opensOn.startsWith(String(t.year)) || t.call.closesOn.startsWith(String(t.year))), 'this year\'s call is open today');
  check(t.secondRound.callClosesOn < t.call.opensOn, 'this year\'s call opens after last year\'s closed');
  check(t.earlierRound.callOpensOn === t.call.opensOn && t.earlierRound.publishOn < t.publicityRound.submitOn, 'the earlier round is published before the next is submitted');
  const pr = t.publicityRound;
  check(pr.submitOn < pr.drawOn && pr.drawOn < pr.scoreFrom && pr.scoreFrom <= pr.scoreTo && pr.scoreTo < pr.panelConfirmOn && pr.panelConfirmOn < pr.confirmOn && pr.confirmOn < pr.startsOn, 'the publicity round reviewed before it starts');
  check(pr.startsOn <= today && today <= pr.endsOn && pr.startsOn <= t.workday, 'the publicity window holds today');
  check(pr.startsOn < t.proposed.confirmOn && t.proposed.confirmOn <= today && t.proposed.drawOn < t.proposed.confirmOn, 'proposed after this batch went to publicity');
  const ir = t.inReview;
  check(ir.submitOn < ir.drawOn && ir.drawOn < ir.askOn && ir.askOn < ir.suppliedOn && ir.suppliedOn < today && ir.meetingAt.slice(0, 10) > today, 'in review: drawn, asked, supplied; the meeting ahead');
  check(t.call.opensOn <= t.draftOn && t.draftOn <= today && t.submittedOn <= today && t.submittedOn >= t.call.opensOn, 'drafts and submissions inside the call');
  check(t.needsFrom < t.earlierRound.draftFrom && addDays(t.needsFrom, 24) > t.secondRound.publishOn, 'needs posted before the call, after the catalogue began');
  check(t.featureOn <= today && t.featureUntil > today, 'featured until after today');
  return p;
}

test('every day of sixteen months gets a calendar in order around today', () => {
  const found: string[] = [];
  for (let d = '2026-01-01'; d <= '2027-04-30'; d = addDays(d, 1)) found.push(...problems(d));
  expect(found).toEqual([]);
});

test('a round runs in the bureau\'s rhythm: publicity seven working days, publication after it', () => {
  const r = roundFrom('2026-03-02');
  expect(inOrder(r)).toEqual([]);
  // 7 working days from the start (both ends counted), then the close on the next working day.
  let n = 0;
  for (let d = r.publicityStartsOn; d <= r.publicityEndsOn; d = addDays(d, 1)) if (isWorkday(d)) n++;
  expect(n).toBe(7);
  expect(r.closeOn).toBe(addWorkdays(r.publicityEndsOn, 1));
});

test('working-day helpers step over weekends and holidays', () => {
  // 2026-10-01..07: National Day; 2026-10-10 (Saturday) a make-up working day.
  expect(workdayOnOrAfter('2026-10-01')).toBe('2026-10-08');
  expect(workdayOnOrBefore('2026-10-07')).toBe('2026-09-30');
  expect(addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
  expect(addWorkdays('2026-10-08', -1)).toBe('2026-09-30');
  expect(addWorkdays('2026-10-09', 1)).toBe(isWorkday('2026-10-10') ? '2026-10-10' : '2026-10-12');
  expect(addWorkdays('2026-03-04', 0)).toBe('2026-03-04');
});
