/**
 * Issue 22's one table, as data (src/components/desk/table.ts) and the desk's navigation (sections.ts): the view an
 * address names and the address a view writes, search, filters, sorting, paging, bulk selections and batches.
 */
import { activeSection, BUREAU_DESK, deskGroups, deskHome, hasDesk, ROLE_DESKS } from '../../src/components/desk/sections';
import {
  applyView,
  BULK_BATCH,
  clearedFilters,
  compareValues,
  inBatches,
  isNarrowed,
  nextSort,
  outcomesFor,
  pageCount,
  pageOf,
  paramsOfView,
  splitApplicable,
  viewFromParams,
  workingDaysText,
  type Column,
  type Filter,
} from '../../src/components/desk/table';

interface Row {
  id: string;
  name: string;
  org: string;
  status: 'submitted' | 'proposed' | 'draft';
  score: number | null;
}
const rows: Row[] = [
  { id: 'd1', name: '劳动争议调解', org: '西湖律师事务所', status: 'submitted', score: 82 },
  { id: 'd2', name: '企业合规体检', org: '钱江律师事务所', status: 'proposed', score: 91 },
  { id: 'd3', name: '法律援助快速通道', org: '拱墅区法律援助中心', status: 'submitted', score: null },
  { id: 'd4', name: '社区调解室', org: '西湖区人民调解委员会', status: 'draft', score: 64 },
  { id: 'd5', name: '婚姻家事咨询', org: '西湖律师事务所', status: 'submitted', score: 82 },
];
const columns: Column<Row>[] = [
  { key: 'name', header: '产品名称', value: (r) => r.name },
  { key: 'org', header: '申报单位', value: (r) => r.org },
  { key: 'score', header: '得分', value: (r) => r.score, align: 'end' },
  { key: 'id', header: '编号', value: (r) => r.id, sort: false, searchable: false },
];
const filters: Filter<Row>[] = [
  { key: 'status', label: '状态', all: '全部状态', options: ['submitted', 'proposed', 'draft'].map((s) => ({ value: s, label: s })), test: (r, v) => r.status === v },
  { key: 'year', label: '年度', options: [{ value: '2026', label: '2026 年' }, { value: '2025', label: '2025 年' }], initial: '2026' },
];
const ids = (list: Row[]) => list.map((r) => r.id);

describe('the view in the address', () => {
  test('an empty address is the defaults: no search, initial filters, the default sort, page 1', () => {
    expect(viewFromParams({}, columns, filters, { sort: 'score', dir: 'desc' })).toEqual({ q: '', sort: 'score', dir: 'desc', filters: { status: '', year: '2026' }, page: 1 });
    expect(viewFromParams({}, columns, filters)).toEqual({ q: '', sort: null, dir: 'asc', filters: { status: '', year: '2026' }, page: 1 });
  });

  test('a view written to the address reads back the same (percent-encoded Chinese included)', () => {
    const view = { q: '西湖 调解', sort: 'org', dir: 'desc' as const, filters: { status: 'submitted', year: '2025' }, page: 3 };
    const params = paramsOfView(view, filters);
    expect(params).toEqual({ q: '西湖 调解', sort: 'org', dir: 'desc', page: '3', status: 'submitted', year: '2025' });
    const encoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v!)]));
    expect(viewFromParams(encoded, columns, filters)).toEqual(view);
    // URLSearchParams writes a space as '+'.
    expect(viewFromParams({ q: '%E8%A5%BF%E6%B9%96+%E8%B0%83%E8%A7%A3' }, columns, filters).q).toBe('西湖 调解');
  });

  test('what equals the defaults is left out of the address; 全部 against a non-empty initial is written as empty', () => {
    const params = paramsOfView({ q: '', sort: 'score', dir: 'desc', filters: { status: '', year: '2026' }, page: 1 }, filters, { sort: 'score', dir: 'desc' });
    expect(params).toEqual({ q: null, sort: null, dir: null, page: null, status: null, year: null });
    // The same sort the other way round is not the default: both are written.
    expect(paramsOfView({ q: '', sort: 'score', dir: 'asc', filters: { status: '', year: '2026' }, page: 1 }, filters, { sort: 'score', dir: 'desc' })).toMatchObject({ sort: 'score', dir: 'asc' });
  });

  test('a column named without a direction sorts ascending; the default column keeps its own direction', () => {
    expect(viewFromParams({ sort: 'org' }, columns, filters, { sort: 'score', dir: 'desc' })).toMatchObject({ sort: 'org', dir: 'asc' });
    expect(viewFromParams({ sort: 'score' }, columns, filters, { sort: 'score', dir: 'desc' })).toMatchObject({ sort: 'score', dir: 'desc' });
    expect(viewFromParams({ sort: 'org', dir: 'desc' }, columns, filters, { sort: 'score', dir: 'desc' })).toMatchObject({ sort: 'org', dir: 'desc' });
  });

  test('an address naming what does not exist falls back: unknown or unsortable column, bad direction, page, option', () => {
    expect(viewFromParams({ sort: 'nope', dir: 'sideways', page: '0', status: 'approved', year: '1999' }, columns, filters)).toEqual({ q: '', sort: null, dir: 'asc', filters: { status: '', year: '2026' }, page: 1 });
    expect(viewFromParams({ sort: 'id' }, columns, filters).sort).toBeNull();
    expect(viewFromParams({ page: '2.5' }, columns, filters).page).toBe(1);
    expect(viewFromParams({ page: '2' }, columns, filters).page).toBe(2);
    expect(viewFromParams({ q: 'x'.repeat(80) }, columns, filters).q).toHaveLength(50);
  });
});

describe('search, filters and sorting', () => {
  const view = (over: Partial<ReturnType<typeof viewFromParams>>) => ({ ...viewFromParams({}, columns, filters), ...over });

  test('every search word must appear in some searchable column, case aside', () => {
    expect(ids(applyView(rows, columns, filters, view({ q: '西湖' })))).toEqual(['d1', 'd4', 'd5']);
    expect(ids(applyView(rows, columns, filters, view({ q: '西湖 调解' })))).toEqual(['d1', 'd4']);
    expect(ids(applyView(rows, columns, filters, view({ q: '  ' })))).toEqual(ids(rows));
    // The id column is not searchable.
    expect(ids(applyView(rows, columns, filters, view({ q: 'd2' })))).toEqual([]);
  });

  test('a browser-side filter applies; one without a test is the server’s and changes nothing here', () => {
    expect(ids(applyView(rows, columns, filters, view({ filters: { status: 'submitted', year: '2025' } })))).toEqual(['d1', 'd3', 'd5']);
    expect(ids(applyView(rows, columns, filters, view({ filters: { status: '', year: '2025' } })))).toEqual(ids(rows));
  });

  test('sorting: numbers as numbers, equal keys keep the loaded order, empty values last in both directions', () => {
    expect(ids(applyView(rows, columns, filters, view({ sort: 'score', dir: 'asc' })))).toEqual(['d4', 'd1', 'd5', 'd2', 'd3']);
    expect(ids(applyView(rows, columns, filters, view({ sort: 'score', dir: 'desc' })))).toEqual(['d2', 'd1', 'd5', 'd4', 'd3']);
    const byName = applyView(rows, columns, filters, view({ sort: 'name', dir: 'asc' })).map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => compareValues(a, b)));
    expect(compareValues(2, 10)).toBeLessThan(0);
    expect(compareValues('', 'a')).toBeGreaterThan(0);
    expect(compareValues(null, null)).toBe(0);
  });

  test('a header click sorts by its column ascending, a second click descending, then ascending again', () => {
    const v0 = view({});
    const v1 = { ...v0, ...nextSort(v0, 'org') };
    expect([v1.sort, v1.dir]).toEqual(['org', 'asc']);
    const v2 = { ...v1, ...nextSort(v1, 'org') };
    expect([v2.sort, v2.dir]).toEqual(['org', 'desc']);
    expect(nextSort(v2, 'org')).toEqual({ sort: 'org', dir: 'asc' });
    expect(nextSort(v2, 'name')).toEqual({ sort: 'name', dir: 'asc' });
  });

  test('clearing goes back to 全部, or to a filter’s initial value when it has no 全部', () => {
    expect(clearedFilters(filters)).toEqual({ status: '', year: '2026' });
    expect(isNarrowed(view({}), filters)).toBe(false);
    expect(isNarrowed(view({ q: 'x' }), filters)).toBe(true);
    expect(isNarrowed(view({ filters: { status: '', year: '2025' } }), filters)).toBe(true);
  });
});

describe('paging', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => i);
  test('10,000 rows are 200 pages of 50; a page past either end shows the nearest page', () => {
    expect(pageCount(many.length, 50)).toBe(200);
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageOf(many, 1, 50)).toEqual(many.slice(0, 50));
    expect(pageOf(many, 200, 50)).toEqual(many.slice(9950));
    expect(pageOf(many, 201, 50)).toEqual(many.slice(9950));
    expect(pageOf(many, 0, 50)).toEqual(many.slice(0, 50));
    expect(pageOf([1, 2, 3], 2, 2)).toEqual([3]);
  });
});

describe('bulk actions', () => {
  test('a selection splits into the records the action applies to and the rest with the reason', () => {
    const { take, skip } = splitApplicable(rows, { applies: (r) => r.status === 'submitted' || `状态为 ${r.status}` });
    expect(ids(take)).toEqual(['d1', 'd3', 'd5']);
    expect(skip.map((s) => [s.row.id, s.why])).toEqual([
      ['d2', '状态为 proposed'],
      ['d4', '状态为 draft'],
    ]);
    expect(ids(splitApplicable(rows, {}).take)).toEqual(ids(rows));
  });

  test('every record gets an outcome, in the order selected; one the server did not name is refused', () => {
    const got = outcomesFor(['a', 'b', 'c'], [{ id: 'c', ok: false, message: '已有评审组' }, { id: 'a', ok: true }]);
    expect(got).toEqual([
      { id: 'a', ok: true },
      { id: 'b', ok: false, message: '没有收到处理结果，请刷新后查看' },
      { id: 'c', ok: false, message: '已有评审组' },
    ]);
  });

  test('a selection larger than one request goes in turns of BULK_BATCH, every record once', async () => {
    const all = Array.from({ length: 2 * BULK_BATCH + 20 }, (_, i) => `d${i}`);
    const calls: number[] = [];
    const out = await inBatches(all, async (batch) => {
      calls.push(batch.length);
      return batch.map((id) => ({ id, ok: true }));
    });
    expect(calls).toEqual([BULK_BATCH, BULK_BATCH, 20]);
    expect(out.map((o) => o.id)).toEqual(all);
    expect(await inBatches([], async () => [{ id: 'x', ok: true }])).toEqual([]);
  });

  test('working-day deadlines read as the to-do list says them', () => {
    expect(workingDaysText(2)).toBe('还剩 2 个工作日');
    expect(workingDaysText(0)).toBe('今天到期');
    expect(workingDaysText(-1)).toBe('已逾期 1 个工作日');
  });
});

describe('the desk navigation', () => {
  test('the bureau reaches every stage of the regulation, in order, each section once', () => {
    expect(BUREAU_DESK.map((g) => g.title)).toEqual(['工作台', '申报', '评审', '公示', '公布', '测评', '监管与调整', '数据与设置']);
    const keys = BUREAU_DESK.flatMap((g) => g.sections.map((s) => s.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(deskHome(['citizen', 'admin'])).toBe('/packages/admin/pages/todo/index');
  });

  test('each role sees its own sections; citizens have no desk', () => {
    expect(hasDesk(['citizen'])).toBe(false);
    expect(deskGroups(['citizen', 'assessor']).map((g) => g.title)).toEqual(['测评机构']);
    expect(deskGroups(['applicant', 'association']).map((g) => g.title)).toEqual(['行业协会', '申报单位']);
    expect(deskHome(['purchaser'])).toBe(ROLE_DESKS.purchaser!.sections[0].url);
    expect(deskGroups(['admin', 'expert']).slice(-1)[0].title).toBe('评审专家');
  });

  test('the section of an address: a filtered view beats its plain list; another status is the plain list', () => {
    const groups = deskGroups(['admin']);
    expect(activeSection(groups, '/packages/admin/pages/declarations/index', {})).toBe('申报/declarations');
    expect(activeSection(groups, 'packages/admin/pages/declarations/index?stamp=1', { status: 'in-review' })).toBe('评审/in-review');
    expect(activeSection(groups, '/packages/admin/pages/declarations/index', { status: 'withdrawn' })).toBe('申报/declarations');
    expect(activeSection(groups, '/pages/catalogue/index', {})).toBeNull();
  });
});
