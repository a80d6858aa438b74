/** The working-day clock (issue 5): China's calendar with its make-up days, and an honest fallback for unpublished years. */
import { WorkingDayCalendar, packageCovers, statutoryHolidays } from '../../types/workdays';

const cal = new WorkingDayCalendar();

test('2026 National Day: 1–7 October off, Saturday 10 October a make-up working day', () => {
  for (let d = 1; d <= 7; d++) expect(cal.isWorkday(`2026-10-0${d}`)).toBe(false);
  expect(cal.isWorkday('2026-09-20')).toBe(true); // Sunday, make-up day
  expect(cal.isWorkday('2026-10-10')).toBe(true); // Saturday, make-up day
  expect(cal.isWorkday('2026-10-11')).toBe(false);
  // The example: 7 working days from 2026-10-08 end on 2026-10-15.
  expect(cal.endOfWindow('2026-10-08', 7)).toEqual({ endsOn: '2026-10-15', warnings: [] });
});

test('a window starting on a holiday begins counting at the next working day', () => {
  // 8, 9, 10 (make-up Saturday), 12, 13, 14, 15 October.
  expect(cal.endOfWindow('2026-10-03', 7).endsOn).toBe('2026-10-15');
  // 28, 29, 30 September; 8, 9, 10, 12 October.
  expect(cal.countBetween('2026-09-28', '2026-10-12')).toBe(7);
});

test('2026 Spring Festival: 15–23 February off, 14 and 28 February worked', () => {
  for (let d = 15; d <= 23; d++) expect(cal.isWorkday(`2026-02-${d}`)).toBe(false);
  expect(cal.isWorkday('2026-02-14')).toBe(true);
  expect(cal.isWorkday('2026-02-28')).toBe(true);
  expect(cal.isWorkday('2026-02-24')).toBe(true);
  // 12, 13, 14 (make-up Saturday), then 24, 25, 26, 27 February.
  expect(cal.endOfWindow('2026-02-12', 7).endsOn).toBe('2026-02-27');
});

test('a year the package does not cover falls back to the statutory holidays, and says so', () => {
  expect(packageCovers(2026)).toBe(true);
  expect(packageCovers(2027)).toBe(false);
  expect(cal.source(2027)).toBe('statutory');
  expect([...statutoryHolidays(2027)].sort()).toEqual([
    '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03',
  ]);
  // 28–31 Dec 2026, then 1 Jan 2027 is off: 4, 5, 6 Jan complete seven.
  const w = cal.endOfWindow('2026-12-28', 7);
  expect(w.endsOn).toBe('2027-01-06');
  expect(w.warnings).toEqual(['2027 年的放假安排尚未录入，已按法定节假日计算（未计调休）。国务院公布后，请在节假日设置中录入。']);
  expect(cal.isWorkday('2027-02-05')).toBe(false); // 除夕
  expect(cal.isWorkday('2027-02-09')).toBe(true);
});

test('the bureau’s entry of the published calendar overrides both', () => {
  const entered = new WorkingDayCalendar([{ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-02'] }]);
  expect(entered.source(2027)).toBe('override');
  expect(entered.isWorkday('2027-01-02')).toBe(true); // a make-up Saturday
  expect(entered.isWorkday('2027-02-05')).toBe(true); // not entered as a holiday: the override is the whole calendar for the year
  expect(entered.endOfWindow('2026-12-28', 7)).toEqual({ endsOn: '2027-01-05', warnings: [] });
  // An entered year replaces the package's calendar for that year entirely.
  const past = new WorkingDayCalendar([{ year: 2026, holidays: ['2026-10-08'], workdays: [] }]);
  expect(past.isWorkday('2026-10-05')).toBe(true);
  expect(past.endOfWindow('2026-10-08', 7).endsOn).toBe('2026-10-19'); // 9, 12, 13, 14, 15, 16, 19
});
