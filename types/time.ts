/** Dates as the bureau reads them: calendar days in Asia/Shanghai (UTC+8, no daylight saving). */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** `YYYY-MM-DD` of an instant in Shanghai. */
export function shanghaiDate(instant: Date | string | number): string {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD');
}

/** `YYYY-MM-DD HH:mm` of an instant in Shanghai. */
export function shanghaiDateTime(instant: Date | string | number): string {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm');
}

/** A readable Chinese date: 2026年10月8日. */
export function chineseDate(date: string): string {
  const d = dayjs(date);
  return `${d.year()}年${d.month() + 1}月${d.date()}日`;
}
