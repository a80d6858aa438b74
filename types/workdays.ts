/**
 * China's working days (工作日): weekends and statutory holidays are off, make-up working days (调休) are on.
 * The `chinese-days` package knows the State Council's calendar for the years it covers. For a later year we do
 * not silently treat holidays as working days: the statutory holidays fixed by the national rules (since 2025) are
 * taken off, without make-up days, and a warning says so. The bureau can enter the published calendar for a year,
 * which then overrides both.
 *
 * The package's lunar conversion uses the process's time zone: run in Asia/Shanghai (the local server and the tests
 * set TZ; CloudBase functions and phones in China already are).
 */
import { getDayDetail, getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';

export interface CalendarOverride {
  year: number;
  /** Days off that would otherwise be working days. */
  holidays: string[];
  /** Make-up working days (调休) that would otherwise be off. */
  workdays: string[];
}

export type CalendarSource = 'published' | 'override' | 'statutory';

const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
/** Day of week from the calendar date itself (0 = Sunday), independent of the machine's time zone. */
function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const covered = new Map<number, boolean>();
/** Whether the package holds the published calendar for a year (New Year's Day is marked in every covered year). */
export function packageCovers(year: number): boolean {
  if (!covered.has(year)) covered.set(year, !WEEKDAY_NAMES.has(getDayDetail(`${year}-01-01`).name));
  return covered.get(year)!;
}

const statutory = new Map<number, Set<string>>();
/** 《全国年节及纪念日放假办法》 since 2025: the 13 statutory days, without the make-up arrangements. */
export function statutoryHolidays(year: number): Set<string> {
  if (!statutory.has(year)) {
    const springFestival = getSolarDateFromLunar(`${year}-01-01`).date;
    const days = [
      `${year}-01-01`,
      addDays(springFestival, -1), // 除夕
      springFestival,
      addDays(springFestival, 1),
      addDays(springFestival, 2),
      getSolarTermDate(year, 4, 'pure_brightness'),
      `${year}-05-01`,
      `${year}-05-02`,
      getSolarDateFromLunar(`${year}-05-05`).date,
      getSolarDateFromLunar(`${year}-08-15`).date,
      `${year}-10-01`,
      `${year}-10-02`,
      `${year}-10-03`,
    ];
    statutory.set(year, new Set(days));
  }
  return statutory.get(year)!;
}

export class WorkingDayCalendar {
  private readonly overrides = new Map<number, CalendarOverride>();

  constructor(overrides: CalendarOverride[] = []) {
    for (const o of overrides) this.overrides.set(o.year, o);
  }

  source(year: number): CalendarSource {
    if (this.overrides.has(year)) return 'override';
    return packageCovers(year) ? 'published' : 'statutory';
  }

  isWorkday(date: string): boolean {
    const year = parts(date)[0];
    const weekend = weekday(date) === 0 || weekday(date) === 6;
    const override = this.overrides.get(year);
    if (override) {
      if (override.workdays.includes(date)) return true;
      if (override.holidays.includes(date)) return false;
      return !weekend;
    }
    if (packageCovers(year)) {
      const detail = getDayDetail(date);
      return WEEKDAY_NAMES.has(detail.name) ? !weekend : detail.work;
    }
    return !weekend && !statutoryHolidays(year).has(date);
  }

  /** The years in [from, to] whose calendar is not published here, so counts there are estimates. */
  warnings(from: string, to: string): string[] {
    const out: string[] = [];
    for (let y = parts(from)[0]; y <= parts(to)[0]; y++)
      if (this.source(y) === 'statutory') out.push(`${y} 年的放假安排尚未录入，已按法定节假日计算（未计调休）。国务院公布后，请在节假日设置中录入。`);
    return out;
  }

  /**
   * The last day of a window of `n` working days starting on `startsOn` (counted as day 1 when it is a working day).
   */
  endOfWindow(startsOn: string, n: number): { endsOn: string; warnings: string[] } {
    if (!Number.isInteger(n) || n < 1) throw new Error('n must be a positive whole number');
    let day = startsOn;
    let counted = this.isWorkday(day) ? 1 : 0;
    while (counted < n) {
      day = addDays(day, 1);
      if (this.isWorkday(day)) counted++;
    }
    return { endsOn: day, warnings: this.warnings(startsOn, day) };
  }

  /** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
  countBetween(from: string, to: string): number {
    let n = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkday(day)) n++;
    return n;
  }
}
