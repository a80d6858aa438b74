import type { CalendarView } from '../../types/publicity';
import { WorkingDayCalendar, type CalendarOverride } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';

export const calendarId = (year: number) => `cal-${year}`;

/** The working-day calendar with every year the bureau has entered. */
export async function loadCalendar(ctx: Ctx): Promise<WorkingDayCalendar> {
  const overrides = await ctx.store.find<CalendarOverride & { _id: string }>(COLLECTIONS.calendars, { limit: 200 });
  return new WorkingDayCalendar(overrides);
}

export async function readCalendar(input: { year: number }, ctx: Ctx): Promise<CalendarView> {
  const cal = await loadCalendar(ctx);
  const entered = await ctx.store.get<CalendarOverride & { _id: string }>(COLLECTIONS.calendars, calendarId(input.year));
  const [warning] = cal.warnings(`${input.year}-01-01`, `${input.year}-12-31`);
  return { year: input.year, source: cal.source(input.year), holidays: entered?.holidays ?? [], workdays: entered?.workdays ?? [], warning: warning ?? null };
}

/** The bureau enters the State Council's calendar for a year (holidays and make-up days); it overrides everything else. */
export async function setCalendar(input: { year: number; holidays: string[]; workdays: string[] }, ctx: Ctx): Promise<CalendarView> {
  const holidays = [...new Set(input.holidays.filter((d) => d.startsWith(`${input.year}-`)))].sort();
  const workdays = [...new Set(input.workdays.filter((d) => d.startsWith(`${input.year}-`)))].sort();
  await ctx.store.transaction(async (tx) => {
    await tx.set(COLLECTIONS.calendars, calendarId(input.year), { year: input.year, holidays, workdays });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.calendars, recordId: calendarId(input.year), change: { holidays, workdays } });
  });
  return readCalendar({ year: input.year }, ctx);
}
