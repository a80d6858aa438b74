import { MIN_PUBLICITY_WORKING_DAYS, type CalendarView, type PublicityDoc } from '../../types/publicity';
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

/**
 * The bureau enters the State Council's calendar for a year (holidays and make-up days); it overrides everything else.
 * A publicity window that has not started yet is counted again on the new calendar in the same transaction (issue 22:
 * its end day, shown from the day it is announced, stays startsOn + its working days); a window already running keeps
 * the end day that was announced.
 */
export async function setCalendar(input: { year: number; holidays: string[]; workdays: string[] }, ctx: Ctx): Promise<CalendarView> {
  const holidays = [...new Set(input.holidays.filter((d) => d.startsWith(`${input.year}-`)))].sort();
  const workdays = [...new Set(input.workdays.filter((d) => d.startsWith(`${input.year}-`)))].sort();
  const today = ctx.clock.today();
  const [others, open] = await Promise.all([
    ctx.store.find<CalendarOverride & { _id: string }>(COLLECTIONS.calendars, { limit: 200 }),
    ctx.store.find<PublicityDoc>(COLLECTIONS.publicity, { where: { status: 'open' }, limit: 1000 }),
  ]);
  const cal = new WorkingDayCalendar([...others.filter((o) => o.year !== input.year), { year: input.year, holidays, workdays }]);
  const upcoming = open.filter((p) => p.windows[p.windows.length - 1].startsOn > today);
  await ctx.store.transaction(async (tx) => {
    await tx.set(COLLECTIONS.calendars, calendarId(input.year), { year: input.year, holidays, workdays });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.calendars, recordId: calendarId(input.year), change: { holidays, workdays } });
    for (const { _id } of upcoming) {
      const p = await tx.get<PublicityDoc>(COLLECTIONS.publicity, _id);
      const w = p?.windows[p.windows.length - 1];
      if (!p || p.status !== 'open' || !w || w.startsOn <= today) continue;
      const { endsOn, warnings } = cal.endOfWindow(w.startsOn, Math.max(w.workingDays, MIN_PUBLICITY_WORKING_DAYS));
      if (endsOn === w.endsOn) continue;
      await tx.update(COLLECTIONS.publicity, _id, { windows: [...p.windows.slice(0, -1), { ...w, endsOn, warnings }] });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.declarations, recordId: _id, change: { publicityRecounted: { startsOn: w.startsOn, endsOn, was: w.endsOn }, calendar: input.year } });
    }
  });
  return readCalendar({ year: input.year }, ctx);
}
