/**
 * The demo year's calendar, computed from one date: today (Asia/Shanghai). Every act of the story is dated here, in
 * working days of types/workdays.ts, so the demo is always current: the publicity window holds today, last year's
 * assessment was published this spring (or, early in the year, last December), this year's call is open.
 * Pure: the seeder and its tests read the same dates.
 */
import { addDays, WorkingDayCalendar } from '../../types/workdays';

const calendar = new WorkingDayCalendar();

export const isWorkday = (date: string) => calendar.isWorkday(date);

export function workdayOnOrBefore(date: string): string {
  let d = date;
  while (!calendar.isWorkday(d)) d = addDays(d, -1);
  return d;
}

export function workdayOnOrAfter(date: string): string {
  let d = date;
  while (!calendar.isWorkday(d)) d = addDays(d, 1);
  return d;
}

/** The `n`-th working day after `date` (before it when `n` is negative); `date` itself when `n` is 0. */
export function addWorkdays(date: string, n: number): string {
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, Math.sign(n));
    if (calendar.isWorkday(d)) left--;
  }
  return d;
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export const countWorkdays = (from: string, to: string) => calendar.countBetween(from, to);

/** The last day of a window of `n` working days starting on `startsOn` (as publicity and appeals count them). */
export const endOfWindow = (startsOn: string, n: number) => calendar.endOfWindow(startsOn, n).endsOn;

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** One review round: a call's declarations from registration to publication. */
export interface RoundDates {
  /** The providers register and the bureau verifies them. */
  registerOn: string;
  verifyOn: string;
  callOpensOn: string;
  callClosesOn: string;
  /** Declarations are drafted and submitted within these days. */
  draftFrom: string;
  submitBy: string;
  drawOn: string;
  /** Sheets come in on these working days; the panel confirms, then the bureau. */
  scoreFrom: string;
  scoreTo: string;
  panelConfirmOn: string;
  confirmOn: string;
  publicityStartsOn: string;
  publicityEndsOn: string;
  closeOn: string;
  publishOn: string;
}

/**
 * A round from its call's opening day, in the bureau's usual rhythm: declarations for `submitDays`, the panels three
 * working days later. The call itself stays open `callDays` (this year's call outlives its first round).
 */
export function roundFrom(opensOn: string, callDays = 60, submitDays = callDays): RoundDates {
  const callOpensOn = workdayOnOrAfter(opensOn);
  const callClosesOn = addDays(callOpensOn, callDays);
  const submitEnds = addDays(callOpensOn, submitDays);
  const registerOn = addWorkdays(callOpensOn, -15);
  const drawOn = addWorkdays(submitEnds, 3);
  const confirmOn = addWorkdays(drawOn, 9);
  const publicityStartsOn = addWorkdays(confirmOn, 3);
  const publicityEndsOn = endOfWindow(publicityStartsOn, 7);
  const closeOn = addWorkdays(publicityEndsOn, 1);
  return {
    registerOn,
    verifyOn: addWorkdays(registerOn, 2),
    callOpensOn,
    callClosesOn,
    draftFrom: addWorkdays(callOpensOn, 2),
    submitBy: addWorkdays(submitEnds, -2),
    drawOn,
    scoreFrom: addWorkdays(drawOn, 1),
    scoreTo: addWorkdays(drawOn, 6),
    panelConfirmOn: addWorkdays(drawOn, 7),
    confirmOn,
    publicityStartsOn,
    publicityEndsOn,
    closeOn,
    publishOn: addWorkdays(closeOn, 4),
  };
}

export interface DemoTimeline {
  today: string;
  /** The last working day on or before today: "now" for the bureau's acts. */
  workday: string;
  year: number;
  /** The assessed year: last year. */
  lastYear: number;
  /** The catalogue's first two rounds: the year before last, and last year (both assessed last year). */
  firstRound: RoundDates;
  secondRound: RoundDates;
  assessment: {
    opensOn: string;
    startsOn: string;
    endsOn: string;
    assignOn: string;
    findingsFrom: string;
    findingsTo: string;
    opinionOn: string;
    selfReportOn: string;
    computeOn: string;
    appealBy: string;
    appealsOn: [string, string];
    decideOn: string;
    confirmOn: string;
    publishOn: string;
  };
  /** Ratings of the assessed year, and of this year so far. */
  ratingsLastYear: { from: string; to: string };
  ratingsThisYear: { from: string; to: string };
  adjustment: { proposeOn: string; decideOn: string; rectifyOn: string; exitOn: string };
  credit: { commendationOn: string; criticismOn: string; responseOn: string; complaintOn: string; suspendOn: string };
  /** This year's call: one round already published, one in publicity now, and declarations at every earlier stage. */
  call: { opensOn: string; closesOn: string; year: number };
  earlierRound: RoundDates;
  publicityRound: { submitOn: string; drawOn: string; scoreFrom: string; scoreTo: string; panelConfirmOn: string; confirmOn: string; startsOn: string; endsOn: string };
  proposed: { submitOn: string; drawOn: string; confirmOn: string };
  inReview: { submitOn: string; drawOn: string; askOn: string; suppliedOn: string; draftSheetOn: string; meetingAt: string };
  submittedOn: string;
  draftOn: string;
  /** Needs posted before this year's call opened; the one a new product answers. */
  needsFrom: string;
  featureOn: string;
  featureUntil: string;
}

/** Every date of the demo year, from today. */
export function demoTimeline(today: string): DemoTimeline {
  const year = Number(today.slice(0, 4));
  const lastYear = year - 1;
  const workday = workdayOnOrBefore(today);

  // Last year's assessment is published in mid-April, or (early in the year) three weeks ago at the latest.
  const publishOn = workdayOnOrBefore(min(`${year}-04-15`, addDays(today, -21)));
  const computeOn = addWorkdays(publishOn, -12);
  const endsOn = min(`${lastYear}-12-31`, addDays(computeOn, -1));
  const appealBy = endOfWindow(addDays(computeOn, 1), 5);
  const startsOn = `${lastYear}-09-01`;

  // This year's call opened five months ago and is still open; its first round was published some three months ago.
  const callOpensOn = workdayOnOrAfter(addDays(today, -150));
  const callClosesOn = addDays(today, 30);
  const earlierRound = roundFrom(callOpensOn, 180, 15);
  const startsNow = addWorkdays(workday, -2);

  return {
    today,
    workday,
    year,
    lastYear,
    firstRound: roundFrom(`${lastYear - 1}-03-02`),
    secondRound: roundFrom(`${lastYear}-03-02`),
    assessment: {
      opensOn: workdayOnOrBefore(startsOn),
      startsOn,
      endsOn,
      assignOn: addWorkdays(startsOn, 2),
      findingsFrom: `${lastYear}-10-08`,
      findingsTo: addDays(min(`${lastYear}-12-20`, endsOn), -1),
      opinionOn: workdayOnOrBefore(`${lastYear}-11-05`),
      selfReportOn: workdayOnOrBefore(addDays(endsOn, -4)),
      computeOn,
      appealBy,
      appealsOn: [addWorkdays(computeOn, 2), addWorkdays(computeOn, 3)],
      decideOn: addWorkdays(appealBy, 1),
      confirmOn: addWorkdays(publishOn, -1),
      publishOn,
    },
    ratingsLastYear: { from: `${lastYear}-01-05`, to: min(`${lastYear}-12-24`, addDays(computeOn, -2)) },
    ratingsThisYear: { from: `${year}-01-04`, to: addDays(today, -2) },
    adjustment: { proposeOn: addWorkdays(publishOn, 1), decideOn: addWorkdays(publishOn, 2), rectifyOn: addWorkdays(publishOn, 3), exitOn: addWorkdays(publishOn, 5) },
    credit: {
      commendationOn: workdayOnOrBefore(`${lastYear}-12-10`),
      criticismOn: workdayOnOrBefore(addDays(today, -60)),
      responseOn: addWorkdays(workdayOnOrBefore(addDays(today, -60)), 3),
      complaintOn: workdayOnOrBefore(addDays(today, -40)),
      suspendOn: addWorkdays(workdayOnOrBefore(addDays(today, -40)), 2),
    },
    call: { opensOn: callOpensOn, closesOn: callClosesOn, year },
    earlierRound,
    publicityRound: {
      submitOn: addWorkdays(startsNow, -16),
      drawOn: addWorkdays(startsNow, -11),
      scoreFrom: addWorkdays(startsNow, -10),
      scoreTo: addWorkdays(startsNow, -6),
      panelConfirmOn: addWorkdays(startsNow, -4),
      confirmOn: addWorkdays(startsNow, -3),
      startsOn: startsNow,
      endsOn: endOfWindow(startsNow, 7),
    },
    proposed: { submitOn: addWorkdays(startsNow, -14), drawOn: addWorkdays(startsNow, -7), confirmOn: addWorkdays(startsNow, 1) },
    inReview: {
      submitOn: addWorkdays(workday, -12),
      drawOn: addWorkdays(workday, -4),
      askOn: addWorkdays(workday, -3),
      suppliedOn: addWorkdays(workday, -1),
      draftSheetOn: addWorkdays(workday, -1),
      meetingAt: `${addWorkdays(workday, 3)}T14:30:00+08:00`,
    },
    submittedOn: max(addDays(today, -1), callOpensOn),
    draftOn: addWorkdays(workday, -3),
    needsFrom: addDays(callOpensOn, -60),
    featureOn: addWorkdays(workday, -20),
    featureUntil: addDays(today, 180),
  };
}
