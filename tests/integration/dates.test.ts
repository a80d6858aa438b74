/**
 * Issue 10: dates are real dates everywhere. One schema (types/dates.ts) refuses impossible days and far years with a
 * Chinese message naming the field, and no date or year input (at the edges of the range either) produces a 500.
 */
import { dateField, isRealDate, yearField } from '../../types/dates';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { startPipeline, type Pipeline } from '../support/pipeline';

test('the shared schema: impossible days, the range of years, the field named in the message', () => {
  for (const bad of ['2026-13-45', '2026-02-30', '2026-03-00', '2026-00-10', '2026-04-31', '2025-02-29', '2026-1-5', '20260305', ''])
    expect([bad, isRealDate(bad)]).toEqual([bad, false]);
  for (const good of ['2024-02-29', '2026-12-31', '2000-01-01', '2100-12-31']) expect(isRealDate(good)).toBe(true);
  const f = dateField('公示开始日期');
  expect(f.safeParse('2026-02-30').error?.issues[0].message).toBe('公示开始日期不是真实存在的日期（2026-02-30），请核对月份和日');
  expect(f.safeParse('2026-13-45').error?.issues[0].message).toContain('公示开始日期');
  expect(f.safeParse('9999-01-01').error?.issues[0].message).toBe('公示开始日期的年份应在 2000 至 2100 年之间');
  expect(f.safeParse('1999-12-31').success).toBe(false);
  expect(f.safeParse('2100-12-31').success).toBe(true);
  expect(f.safeParse('2026/03/05').error?.issues[0].message).toBe('公示开始日期应为日期，如 2026-03-15');
  expect(f.safeParse(20260305).error?.issues[0].message).toBe('请填写公示开始日期');
  const y = yearField('年度', 2018);
  expect(y.safeParse(9999).error?.issues[0].message).toBe('年度不能晚于 2100 年');
  expect(y.safeParse(2017).error?.issues[0].message).toBe('年度不能早于 2018 年');
  expect(y.safeParse(2100).success).toBe(true);
});

describe('through the API', () => {
  let h: Harness;
  let pipe: Pipeline;
  beforeAll(async () => {
    h = await startHarness({ seed: true });
    await h.ok('admin', 'setClock', { now: '2026-09-25T09:00:00+08:00' }, ADMIN_TOKEN);
    pipe = await startPipeline(h);
  });
  afterAll(() => h.close());
  afterEach(async () => {
    expect(h.drainErrors()).toEqual([]);
    expect(await h.invariants()).toEqual([]);
  });

  const impossible = ['2026-13-45', '2026-02-30', '2026-03-00', '9999-12-31', '0000-01-01'];

  test('every date input refuses impossible days with the field named in the issue path and message', async () => {
    const citizen = await h.citizen();
    const cases: [string, string, (d: string) => Record<string, unknown>, string, string][] = [
      ['declarations', 'openCall', (d) => ({ year: 2027, title: '2027 年度申报公告', opensOn: d, closesOn: '2027-12-31' }), 'opensOn', '开始日期'],
      ['declarations', 'openCall', (d) => ({ year: 2027, title: '2027 年度申报公告', opensOn: '2027-01-01', closesOn: d }), 'closesOn', '截止日期'],
      ['publicity', 'start', (d) => ({ declarationIds: ['d1'], startsOn: d, workingDays: 7 }), 'startsOn', '公示开始日期'],
      ['publicity', 'setCalendar', (d) => ({ year: 2026, holidays: [d], workdays: [] }), 'holidays.0', '放假日期'],
      ['catalogue', 'publish', (d) => ({ declarationIds: ['d1'], documentNumber: '杭司〔2026〕1号', publishedOn: d }), 'publishedOn', '公布日期'],
      ['catalogue', 'feature', (d) => ({ productId: 'p1', audience: 'elderly', until: d }), 'until', '推荐截止日期'],
    ];
    for (const [fn, action, payload, path, label] of cases)
      for (const d of impossible) {
        const { status, body } = await h.call(fn, action, payload(d), ADMIN_TOKEN);
        expect([fn, action, d, status]).toEqual([fn, action, d, 400]);
        const issue = (body as any).error.issues.find((i: any) => i.path === path);
        expect([fn, action, d, issue?.message]).toEqual([fn, action, d, expect.stringContaining(label)]);
      }
    // The citizen's rating form and the specification form's dates use the same schema.
    for (const d of impossible) {
      const r = await h.call('ratings', 'issueToken', { productId: 'p1', servedOn: d }, pipe.applicant.token);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('服务日期');
    }
    expect((await h.call('publicity', 'calendar', { year: 9999 }, citizen)).status).toBe(400);
  });

  test('far years inside the range never give a 500: calendar, publicity window and call at the edges', async () => {
    for (const year of [2004, 2026, 2099, 2100]) {
      const { status, body } = await h.call('publicity', 'calendar', { year });
      expect([year, status]).toEqual([year, 200]);
      expect((body as any).data.year ?? year).toBe(year);
    }
    for (const [year, opensOn, closesOn] of [[2099, '2099-01-01', '2099-12-31'], [2100, '2100-01-01', '2100-12-31']] as const) {
      const r = await h.call('declarations', 'openCall', { year, title: `${year} 年度申报公告`, opensOn, closesOn }, ADMIN_TOKEN);
      expect([year, r.status]).toEqual([year, 200]);
    }
    const d = await pipe.proposed(2);
    // The 500 of issue 10: a window starting in 9999 ran the working-day calendar into year 10000.
    const far = await h.call('publicity', 'start', { declarationIds: [d], startsOn: '9999-12-20', workingDays: 60 }, ADMIN_TOKEN);
    expect([far.status, (far.body as any).error.issues]).toEqual([400, [{ path: 'startsOn', message: '公示开始日期的年份应在 2000 至 2100 年之间' }]]);
    // The test clock is bounded the same way.
    expect((await h.call('admin', 'setClock', { now: '9999-12-31T09:00:00+08:00' }, ADMIN_TOKEN)).status).toBe(400);
    for (const startsOn of ['2100-12-20', '2100-12-31', '2099-12-30']) {
      const r = await h.call('publicity', 'start', { declarationIds: [d], startsOn, workingDays: 60 }, ADMIN_TOKEN);
      expect([startsOn, r.status < 500]).toEqual([startsOn, true]);
      if (r.status === 200) break;
    }
    const setCal = await h.call('publicity', 'setCalendar', { year: 2100, holidays: ['2100-10-01'], workdays: [] }, ADMIN_TOKEN);
    expect(setCal.status).toBeLessThan(500);
  });
});
