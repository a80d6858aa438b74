/**
 * Issue 15: the bureau's exports. Each .xlsx is read back with a second library (SheetJS) and compared with the raw
 * records; the csv too; scoresheets leave only with a result (blind scoring); ratings never carry who rated; only the
 * bureau exports; a forged or expired link is refused.
 */
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { DASHBOARD_ANSWER_BANDS, DASHBOARD_STATUS_GROUPS } from '../../types/actions/admin';
import { DECLARATION_STATUSES, DECLARATION_STATUS_LABELS } from '../../types/declaration';
import { CATEGORIES } from '../../types/domain';
import { EXPORT_DATASETS, EXPORT_REGISTRY } from '../../types/exports';
import type { ProductDoc } from '../../types/product';
import { shanghaiDate, shanghaiDateTime } from '../../types/time';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { addExperts, FIVE_ORGANISATIONS } from '../support/experts';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let zhang: { token: string; orgId: string };
const experts: { expertId: string; token: string }[] = [];
let reviewed: string;
let blind: string;
let caseId: string;
let rater: string;
const meets = { public: 'meets', legal: 'meets', service: 'meets' };
const max = Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, DEMO_PRODUCTS[0].purchaseMethod).max]));
const at = (now: string) => h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);

async function submitted(i: number): Promise<string> {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, zhang.token);
  await h.ok('declarations', 'submit', { declarationId }, zhang.token);
  return declarationId;
}
async function download(payload: Record<string, unknown>): Promise<{ name: string; rows: number; bytes: Buffer; type: string | null }> {
  const res = await h.ok('admin', 'export', payload, ADMIN_TOKEN);
  const file = await h.raw(res.url);
  expect(file.status).toBe(200);
  return { name: res.name, rows: res.rows, bytes: Buffer.from(await file.arrayBuffer()), type: file.headers.get('content-type') };
}
/** The first sheet's rows as SheetJS reads them: dates are date-formatted numbers (serial days), shown here as text. */
function sheetOf(bytes: Buffer): unknown[][] {
  const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null }) as unknown[][];
  return rows.map((row, r) =>
    row.map((v, c) => {
      const cell = ws[XLSX.utils.encode_cell({ r, c })];
      if (!cell || cell.t !== 'n' || !XLSX.SSF.is_date(String(cell.z ?? ''))) return v;
      const d = XLSX.SSF.parse_date_code(cell.v as number);
      const p = (n: number) => String(n).padStart(2, '0');
      return { date: `${d.y}-${p(d.m)}-${p(d.d)}`, time: `${p(d.H)}:${p(d.M)}` };
    }),
  );
}

beforeAll(async () => {
  h = await startHarness({ seed: true });
  zhang = await h.applicant('杭州萧然律师事务所');
  await at('2026-03-10T09:00:00+08:00');
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  experts.push(...(await addExperts(h, FIVE_ORGANISATIONS)));
  reviewed = await submitted(0);
  blind = await submitted(1);
  await submitted(2);
  for (const id of [reviewed, blind]) await h.ok('reviews', 'drawPanel', { declarationId: id, size: 5 }, ADMIN_TOKEN);
  for (const e of experts) await h.ok('reviews', 'submitScoresheet', { declarationId: reviewed, items: max, attributes: meets, comment: '=SUM(A1)' }, e.token);
  for (const e of experts.slice(0, 2)) await h.ok('reviews', 'submitScoresheet', { declarationId: blind, items: max, attributes: meets }, e.token);
  // The panel confirms by majority first (issue 13), then the bureau.
  for (const e of experts) await h.ok('reviews', 'panelConfirm', { declarationId: reviewed, agree: true }, e.token);
  await h.ok('reviews', 'confirm', { declarationId: reviewed }, ADMIN_TOKEN);
  await h.ok('publicity', 'start', { declarationIds: [reviewed], startsOn: '2026-03-10', workingDays: 7 }, ADMIN_TOKEN);
  const { commentId } = await h.ok('publicity', 'comment', { declarationId: reviewed, text: '希望增加周末服务时间' }, await h.citizen());
  await h.ok('publicity', 'dispose', { commentId, disposition: 'adopted', reply: '已增加周六上午服务' }, ADMIN_TOKEN);

  const template = (await h.app.store.get<ProductDoc>('products', 'p0002demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId: 'pexport01', declarationId: null, orgId: zhang.orgId, documentNumber: '杭司〔2026〕9号', publishedOn: '2026-01-10' }));
  rater = await h.citizen();
  const t1 = (await h.ok('ratings', 'issueToken', { productId: 'pexport01', servedOn: '2026-03-10', channel: 'counter' }, zhang.token)).token;
  caseId = (await h.ok('ratings', 'rate', { token: t1, level: 1, text: '=HYPERLINK("http://x")等了很久', dimensions: { attitude: 1 } }, rater)).caseId;
  const t2 = (await h.ok('ratings', 'issueToken', { productId: 'pexport01', servedOn: '2026-03-10', channel: 'phone' }, zhang.token)).token;
  await h.ok('ratings', 'rate', { token: t2, level: 5 }, await h.citizen());
}, 60_000);
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('declarations as .xlsx: Chinese headers, the header row frozen, a filter on, widths, dates as dates, values as stored', async () => {
  const file = await download({ dataset: 'declarations', format: 'xlsx', year: 2026 });
  expect(file.name).toBe('申报-2026-2026-03-10.xlsx');
  expect(file.type).toContain('spreadsheetml');
  const rows = sheetOf(file.bytes);
  const columns = EXPORT_REGISTRY.declarations.columns;
  expect(rows[0]).toEqual(columns.map((c) => c.header));
  const stored = await h.app.store.find<any>('declarations', { orderBy: [['_id', 'asc']], limit: 100 });
  expect(file.rows).toBe(stored.length);
  expect(rows.length - 1).toBe(stored.length);
  const ix = (key: string) => columns.findIndex((c) => c.key === key);
  for (const [i, d] of stored.entries()) {
    const row = rows[i + 1];
    expect(row[ix('declarationId')]).toBe(d._id);
    expect(row[ix('name')]).toBe(d.name);
    expect(row[ix('status')]).toBe(DECLARATION_STATUS_LABELS[d.status as keyof typeof DECLARATION_STATUS_LABELS]);
    expect(row[ix('applicant')]).toBe(d.spec.cover.applicantName);
    // A date-time cell is a date showing Shanghai time (SheetJS reads it as local time; the tests run in Asia/Shanghai).
    expect(row[ix('submittedAt')]).toEqual({ date: shanghaiDate(d.submittedAt), time: shanghaiDateTime(d.submittedAt).slice(11, 16) });
  }
  // Layout, read with exceljs: the frozen header, the filter, the widths.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as any);
  const ws = wb.worksheets[0];
  expect(ws.name).toBe('申报');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.autoFilter).toBeTruthy();
  expect(XLSX.read(file.bytes, { type: 'buffer' }).Sheets['申报']['!autofilter']?.ref).toBe(`A1:${XLSX.utils.encode_col(columns.length - 1)}1`);
  expect(columns.map((_, i) => ws.getColumn(i + 1).width)).toEqual(columns.map((c) => c.width));
  // Another year has none.
  expect((await h.ok('admin', 'export', { dataset: 'declarations', format: 'xlsx', year: 2025 }, ADMIN_TOKEN)).rows).toBe(0);
});

test('scoresheets leave only with a result: the panel still scoring is not in the file', async () => {
  const rows = sheetOf((await download({ dataset: 'scoresheets', format: 'xlsx' })).bytes);
  const columns = EXPORT_REGISTRY.scoresheets.columns;
  expect(rows[0]).toEqual(columns.map((c) => c.header));
  const ids = rows.slice(1).map((r) => r[0]);
  expect(ids).toEqual(Array(5).fill(reviewed));
  expect(ids).not.toContain(blind);
  const total = RUBRIC.reduce((n, r) => n + max[r.key], 0);
  const ix = (key: string) => columns.findIndex((c) => c.key === key);
  for (const r of rows.slice(1)) {
    expect(r[ix('total')]).toBe(total);
    for (const item of RUBRIC) expect(r[ix(`item:${item.key}`)]).toBe(max[item.key]);
    expect(r[ix('comment')]).toBe('=SUM(A1)'); // text, not a formula: .xlsx cells are typed
  }
  const sheets = await h.app.store.find<any>('scoresheets', { where: { declarationId: reviewed }, limit: 100 });
  const names = new Map((await h.app.store.find<any>('experts', { limit: 100 })).map((e: any) => [e._id, e.name]));
  expect(rows.slice(1).map((r) => r[ix('expert')]).sort()).toEqual(sheets.map((s: any) => names.get(s.expertId)).sort());
});

test('results, comments with dispositions, ratings without the rater, cases with their status', async () => {
  const results = sheetOf((await download({ dataset: 'results', format: 'xlsx' })).bytes);
  const stored = (await h.app.store.get<any>('results', reviewed))!;
  expect(results.slice(1).map((r) => [r[0], r[3], r[6]])).toEqual([[reviewed, stored.average, '是']]);

  const comments = sheetOf((await download({ dataset: 'comments', format: 'xlsx' })).bytes);
  expect(comments[0]).toEqual(EXPORT_REGISTRY.comments.columns.map((c) => c.header));
  expect(comments.slice(1).map((r) => [r[1], r[5], r[7], r[8]])).toEqual([[reviewed, '希望增加周末服务时间', '采纳', '已增加周六上午服务']]);

  const ratingsFile = await download({ dataset: 'ratings', format: 'xlsx', year: 2026 });
  const ratings = sheetOf(ratingsFile.bytes);
  expect(ratings.slice(1).map((r) => r[3]).sort()).toEqual([1, 5]);
  expect(ratings[1][9]).toEqual({ date: '2026-03-10', time: '00:00' });
  // Who rated never leaves: no user id anywhere in the file.
  expect(JSON.stringify(ratings)).not.toContain(rater);
  const storedRatings = await h.app.store.find<any>('ratings', { limit: 100 });
  for (const r of storedRatings) expect(JSON.stringify(ratings)).not.toContain(r.raterId);

  const cases = sheetOf((await download({ dataset: 'cases', format: 'xlsx' })).bytes);
  expect(cases.slice(1).map((r) => [r[0], r[3], r[6], r[7]])).toEqual([[caseId, 1, '待答复', '否']]);
});

test('csv: a BOM, the same headers, every cell quoted, a formula defused', async () => {
  const file = await download({ dataset: 'ratings', format: 'csv' });
  expect(file.type).toContain('text/csv');
  const text = file.bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe(EXPORT_REGISTRY.ratings.columns.map((c) => `"${c.header}"`).join(','));
  expect(lines).toHaveLength(3);
  expect(text).toContain(`"'=HYPERLINK(""http://x"")等了很久"`);
  expect(text).toContain('"2026-03-10"');
  // Read back with SheetJS too: the same rows as the .xlsx.
  const fromCsv = XLSX.utils.sheet_to_json(XLSX.read(text.slice(1), { type: 'string', raw: true }).Sheets.Sheet1, { header: 1, raw: true, defval: null }) as unknown[][];
  const fromXlsx = sheetOf((await download({ dataset: 'ratings', format: 'xlsx' })).bytes);
  expect(fromCsv.map((r) => r[0])).toEqual(fromXlsx.map((r) => r[0]));
});

test('every dataset exports in both formats with its registry’s headers', async () => {
  for (const dataset of EXPORT_DATASETS) {
    const rows = sheetOf((await download({ dataset, format: 'xlsx' })).bytes);
    expect({ dataset, headers: rows[0] }).toEqual({ dataset, headers: EXPORT_REGISTRY[dataset].columns.map((c) => c.header) });
  }
});

test('a forged, altered or expired link is refused', async () => {
  const { url } = await h.ok('admin', 'export', { dataset: 'cases', format: 'csv' }, ADMIN_TOKEN);
  expect((await h.raw(url)).status).toBe(200);
  const u = new URL(url, h.url);
  const sig = u.searchParams.get('sig')!;
  const forged = new URL(u);
  forged.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
  expect((await h.raw(forged.pathname + forged.search)).status).toBe(403);
  const longer = new URL(u);
  longer.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 3600));
  expect((await h.raw(longer.pathname + longer.search)).status).toBe(403);
  expect((await h.raw(u.pathname)).status).toBe(403);
  expect((await h.raw(`/api/download/${'0'.repeat(32)}?exp=9999999999&sig=x`)).status).toBe(403);
  // Expired: correctly signed with this server's secret, for a time already past.
  const id = u.pathname.split('/').pop()!;
  const past = Math.floor(Date.now() / 1000) - 1;
  expect((await h.raw(`/api/download/${id}?exp=${past}&sig=${h.app.downloads.sign(id, past)}`)).status).toBe(403);
  const soon = Math.floor(Date.now() / 1000) + 30;
  expect((await h.raw(`/api/download/${id}?exp=${soon}&sig=${h.app.downloads.sign(id, soon)}`)).status).toBe(200);
});

test('bad inputs are refused with Chinese messages on the field', async () => {
  for (const [payload, path] of [
    [{ dataset: 'everything', format: 'xlsx' }, 'dataset'],
    [{ dataset: 'ratings', format: 'pdf' }, 'format'],
    [{ dataset: 'ratings', format: 'csv', year: 1999 }, 'year'],
    [{ dataset: 'ratings', format: 'csv', year: '2026' }, 'year'],
    [{ format: 'csv' }, 'dataset'],
    [{ dataset: 'ratings', format: 'csv', extra: 1 }, ''],
  ] as const) {
    const res = await h.call('admin', 'export', payload, ADMIN_TOKEN);
    expect({ payload, status: res.status }).toEqual({ payload, status: 400 });
    expect((res.body as any).error.message).toMatch(/[\u4e00-\u9fff]/);
    if (path) expect((res.body as any).error.issues.map((i: any) => i.path)).toContain(path);
  }
});

test('only the bureau exports', async () => {
  for (const token of [zhang.token, experts[0].token, await h.citizen()]) expect((await h.call('admin', 'export', { dataset: 'ratings', format: 'csv' }, token)).status).toBe(403);
  expect((await h.call('admin', 'export', { dataset: 'ratings', format: 'csv' })).status).toBe(401);
});

test("the dashboard's status groups hold every declaration status once, and its answer-time bands cover every day once", () => {
  expect(DASHBOARD_STATUS_GROUPS.flatMap((g) => g.statuses).sort()).toEqual([...DECLARATION_STATUSES].sort());
  expect(DASHBOARD_STATUS_GROUPS.map((g) => g.label)).toEqual(['已通过', '办理中', '未通过', '草稿或撤回']);
  expect(DASHBOARD_ANSWER_BANDS.map((b) => [b.from, b.to])).toEqual([[0, 0], [1, 3], [4, 7], [8, null]]);
});

test('dashboard figures equal the same figures computed from the raw records', async () => {
  // A draft saved before its category is chosen still counts in the call (as 类别未选或有误: none chosen, or a value that is not a category).
  await h.ok('declarations', 'saveDraft', { spec: { name: '还没选类别的草稿' } }, zhang.token);
  const d = await h.ok('admin', 'dashboard', { year: 2026 }, ADMIN_TOKEN);
  const all = async (c: string) => h.app.store.find<any>(c, { limit: 1000 });
  const declarations = (await all('declarations')).filter((x) => x.createdAt.startsWith('2026'));
  expect(d.declarations.total).toBe(declarations.length);
  for (const s of d.declarations.byStatus) expect({ s: s.status, n: s.count }).toEqual({ s: s.status, n: declarations.filter((x) => x.status === s.status).length });
  expect(d.declarations.byStatus.find((s: any) => s.status === 'in-review').count).toBe(1); // the blind one
  // The year's call by category, each split by status group (the stacked bars).
  const inCall = (await all('declarations')).filter((x) => x.callId === 'call-2026');
  expect(d.declarations.call.total).toBe(inCall.length);
  expect(d.declarations.call.total).toBeGreaterThan(0);
  for (const c of d.declarations.call.byCategory)
    expect({ c: c.category, counts: c.counts }).toEqual({
      c: c.category,
      counts: DASHBOARD_STATUS_GROUPS.map((g) => inCall.filter((x) => (CATEGORIES.includes(x.spec.category) ? x.spec.category : 'none') === c.category && g.statuses.includes(x.status)).length),
    });
  expect(d.declarations.call.byCategory.map((c: any) => c.category)).toEqual([...CATEGORIES, 'none']);
  expect(d.declarations.call.byCategory.at(-1)).toEqual({ category: 'none', label: '类别未选或有误', counts: [0, 0, 0, 1] });

  const results = await all('results');
  expect(d.review).toMatchObject({ results: results.length, passed: results.filter((r) => r.passed).length });
  expect(d.review.average).toBe(Math.round((results.reduce((n, r) => n + r.average, 0) / results.length) * 100) / 100);
  expect(d.review.bands.reduce((n: number, b: any) => n + b.count, 0)).toBe(results.length);

  const comments = await all('comments');
  expect(d.publicity).toEqual({
    shown: comments.filter((c) => c.status === 'shown').length,
    pending: comments.filter((c) => c.status === 'pending').length,
    hidden: comments.filter((c) => c.status === 'hidden').length,
    answered: comments.filter((c) => c.repliedAt).length,
    answerBands: DASHBOARD_ANSWER_BANDS.map((b) => ({
      band: b.band,
      count: comments.filter((c) => {
        if (!c.repliedAt) return false;
        const days = Math.floor((Date.parse(c.repliedAt) - Date.parse(c.createdAt)) / 86_400_000);
        return days >= b.from && (b.to === null || days <= b.to);
      }).length,
    })),
  });
  expect(d.publicity.answered).toBeGreaterThan(0);
  expect(d.publicity.answerBands.reduce((n: number, b: any) => n + b.count, 0)).toBe(d.publicity.answered);

  const ratings = (await all('ratings')).filter((r) => r.year === 2026);
  expect(d.ratings.count).toBe(ratings.length);
  expect(d.ratings.byMonth).toEqual(Array.from({ length: 12 }, (_, i) => ratings.filter((r) => Number(r.ratedOn.slice(5, 7)) === i + 1).length));
  expect(d.ratings.levels).toEqual([1, 2, 3, 4, 5].map((l) => ratings.filter((r) => r.level === l).length));
  expect(d.ratings.satisfactionRate).toBe(Math.round((ratings.filter((r) => r.level >= 3).length / ratings.length) * 100) / 100);
  const cases = await all('ratingCases');
  expect(d.ratings.casesOpened).toBe(cases.length);
  const products = new Map((await all('products')).map((p) => [p._id, p]));
  for (const g of d.ratings.byDistrict) {
    const mine = ratings.filter((r) => (products.get(r.productId)?.district || '未填写') === g.key);
    expect({ g: g.key, n: g.ratings }).toEqual({ g: g.key, n: mine.length });
  }
  expect(d.ratings.byCategory.reduce((n: number, g: any) => n + g.ratings, 0)).toBe(ratings.length);
  expect(d.assessments.byGrade.map((g: any) => g.grade)).toEqual(['excellent', 'good', 'pass', 'fail']);
  const published = (await all('assessmentResults')).filter((r) => r.year === 2026 && r.status === 'published');
  for (const g of d.assessments.byGrade) expect(g.count).toBe(published.filter((r) => r.grade === g.grade).length);
  // Another year is empty; a bad year is refused; only the bureau reads it.
  expect((await h.ok('admin', 'dashboard', { year: 2025 }, ADMIN_TOKEN)).ratings.count).toBe(0);
  expect((await h.call('admin', 'dashboard', { year: 'this' }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('admin', 'dashboard', { year: 1990 }, ADMIN_TOKEN)).status).toBe(400);
  expect((await h.call('admin', 'dashboard', {}, zhang.token)).status).toBe(403);
  expect((await h.call('admin', 'dashboard', {})).status).toBe(401);
});
