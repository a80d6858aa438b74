/**
 * Dates are real dates everywhere (issue 10): one schema for every `YYYY-MM-DD` input, refusing impossible days
 * (`2026-13-45`, `2026-02-30`, `2026-03-00`) and years outside a sensible range, with a Chinese message naming the
 * field. Years given as numbers use `yearField` with the same bounds.
 */
import * as z from 'zod';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a `YYYY-MM-DD` day that exists in the calendar. */
export function isRealDate(text: string): boolean {
  const m = SHAPE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** What is wrong with a date input, in words for the person who typed it; null when it is fine. */
export function dateProblem(text: string, label: string, example = '2026-03-15'): string | null {
  const m = SHAPE.exec(text);
  if (!m) return `${label}应为日期，如 ${example}`;
  if (!isRealDate(text)) return `${label}不是真实存在的日期（${text}），请核对月份和日`;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return `${label}的年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 年之间`;
  return null;
}

/** A required `YYYY-MM-DD` field: a real day between MIN_YEAR and MAX_YEAR. */
export function dateField(label: string, example = '2026-03-15') {
  return z.string({ error: `请填写${label}` }).superRefine((text, ctx) => {
    const problem = dateProblem(text, label, example);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A year as a number, within [min, MAX_YEAR]. */
export function yearField(label = '年度', min = MIN_YEAR) {
  return z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能早于 ${min} 年`)
    .max(MAX_YEAR, `${label}不能晚于 ${MAX_YEAR} 年`);
}
