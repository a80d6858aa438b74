/** Issue 15: the export registry as data, and the assessments dataset (issue 11's results) written and read back. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import * as XLSX from 'xlsx';
import { SettableClock } from '../../cloudfunctions/_lib/clock';
import { APPEND_ONLY, COLLECTIONS, INDEXES } from '../../cloudfunctions/_lib/collections';
import type { Ctx } from '../../cloudfunctions/_lib/context';
import { toCsv, toXlsx } from '../../cloudfunctions/admin/exportFile';
import { exportRows } from '../../cloudfunctions/admin/exportRows';
import { SqliteStore } from '../../server/sqliteStore';
import { EXPORT_DATASETS, EXPORT_REGISTRY, DOWNLOAD_SECONDS } from '../../types/exports';

test('every dataset has columns with unique keys, Chinese headers, widths and a known type; links last ten minutes', () => {
  expect(EXPORT_DATASETS).toEqual(['declarations', 'scoresheets', 'results', 'comments', 'ratings', 'cases', 'assessments', 'events', 'valueForMoney']);
  for (const d of EXPORT_DATASETS) {
    const cols = EXPORT_REGISTRY[d].columns;
    expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
    for (const c of cols) {
      expect(c.header).toMatch(/[\u4e00-\u9fff]/);
      expect(c.width).toBeGreaterThan(0);
      expect(['text', 'number', 'date', 'datetime']).toContain(c.type);
    }
  }
  // Ratings never carry who rated.
  expect(EXPORT_REGISTRY.ratings.columns.map((c) => c.key).join(',')).not.toMatch(/rater|token|user/i);
  expect(DOWNLOAD_SECONDS).toBe(600);
});

test('the assessments dataset: each stored result as a row, read back from the .xlsx and the csv', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-'));
  const store = new SqliteStore({ filename: path.join(dir, 's.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
  try {
    await store.insert(COLLECTIONS.assessmentResults, {
      _id: '2026:p1', year: 2026, productId: 'p1', orgId: 'o1', productName: '劳动争议法律援助', category: 'legal-aid', score: 86.5, grade: 'good', status: 'published',
      documentNumber: '杭司〔2027〕3号', publishedAt: '2027-01-20T02:00:00.000Z', satisfaction: { rate: 0.93, n: 120, satisfied: 108 }, components: [], methodsUsed: ['ledger', 'mystery'], computedAt: '2027-01-10T02:00:00.000Z',
      scoreGrade: 'good', insufficient: false, evidence: { ratings: 120, findings: 3, methods: ['ledger', 'mystery'], use: 'accepted' }, shortfalls: [], decision: null,
    });
    await store.insert(COLLECTIONS.assessmentResults, {
      _id: '2025:p1', year: 2025, productId: 'p1', orgId: 'o1', productName: '劳动争议法律援助', category: 'legal-aid', score: 70, grade: 'pass', status: 'draft',
      satisfaction: { rate: null, n: 0 }, components: [], methodsUsed: [], computedAt: '2026-01-10T02:00:00.000Z',
    });
    // 证据不足 and decided 不定等次: no grade, said so.
    await store.insert(COLLECTIONS.assessmentResults, {
      _id: '2026:p2', year: 2026, productId: 'p2', orgId: 'o1', productName: '邻里调解', category: 'mediation', score: 77, grade: null, status: 'published', documentNumber: '杭司〔2027〕3号', publishedAt: '2027-01-20T02:00:00.000Z',
      satisfaction: { rate: null, n: 0, satisfied: 0 }, components: [], methodsUsed: [], computedAt: '2027-01-10T02:00:00.000Z', scoreGrade: 'pass', insufficient: true,
      evidence: { ratings: 0, findings: 0, methods: [], use: 'none' }, shortfalls: [{ grade: 'pass', methods: { have: 0, need: 1 } }],
      decision: { decision: 'no-grade', reason: '全年未开展服务', decidedOn: '2026-12-20', decidedAt: '', basis: { score: 77, scoreGrade: 'pass', evidence: { ratings: 0, findings: 0, methods: [], use: 'none' } } },
    });
    const clock = new SettableClock();
    const ctx = { store, clock } as unknown as Ctx;
    const rows = await exportRows('assessments', ctx, 2026);
    expect(rows).toEqual([
      // 满意率 by the one definition: 108 of 120 (not the shrunk 0.93 the score used).
      { year: 2026, productId: 'p1', product: '劳动争议法律援助', category: expect.any(String), score: 86.5, grade: '良好', status: '已公布', satisfactionRate: 0.9, satisfactionN: 120, documentNumber: '杭司〔2027〕3号', publishedAt: '2027-01-20T02:00:00.000Z', evidence: '基于 120 条评价、3 次检查' },
      { year: 2026, productId: 'p2', product: '邻里调解', category: expect.any(String), score: 77, grade: '证据不足，本年度不定等次', status: '已公布', satisfactionRate: null, satisfactionN: 0, documentNumber: '杭司〔2027〕3号', publishedAt: '2027-01-20T02:00:00.000Z', evidence: '本年度没有群众评价，没有检查记录，没有自评报告' },
    ]);
    expect(await exportRows('assessments', ctx)).toHaveLength(3);
    const { title, columns } = EXPORT_REGISTRY.assessments;
    const wb = XLSX.read(await toXlsx(title, columns, rows), { type: 'buffer' });
    const sheet = XLSX.utils.sheet_to_json(wb.Sheets['年度测评'], { header: 1, raw: false }) as string[][];
    expect(sheet[0]).toEqual(columns.map((c) => c.header));
    expect(sheet[0][7]).toBe('满意率（满意及以上）');
    expect(sheet[1].slice(0, 7)).toEqual(['2026', 'p1', '劳动争议法律援助', rows[0].category, '86.5', '良好', '已公布']);
    expect(sheet[1][10]).toBe('2027-01-20 10:00'); // Shanghai time
    const csv = toCsv(columns, rows).toString('utf8');
    expect(csv).toContain('"2027-01-20 10:00"');
    expect(csv).toContain('"杭司〔2027〕3号"');
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the events dataset: credit events with their kind in Chinese, revoked ones marked', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-'));
  const store = new SqliteStore({ filename: path.join(dir, 's.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
  try {
    const base = { orgId: 'o1', orgName: '杭州某律师事务所', practitionerName: null, polarity: 'negative', severity: 2, rulesVersion: 1, publicityMonths: 12, publicUntil: '2027-03-01', documentNumber: '杭司罚〔2026〕1号', evidence: '', recordedBy: 'admin-local', recordedByOrgId: null, recordedByName: '市司法局', recordedAt: '2026-03-02T01:00:00.000Z', statement: null };
    await store.insert(COLLECTIONS.creditEvents, { ...base, _id: 'ev1', kind: 'warning', occurredOn: '2026-03-01', title: '=未按规定公示收费标准', revoked: null });
    await store.insert(COLLECTIONS.creditEvents, { ...base, _id: 'ev2', kind: 'criticism', occurredOn: '2025-06-01', title: '通报', revoked: { reason: '复核撤销', at: '2025-07-01T00:00:00.000Z', by: null } });
    const ctx = { store, clock: new SettableClock() } as unknown as Ctx;
    const rows = await exportRows('events', ctx, 2026);
    expect(rows.map((r) => [r.eventId, r.kind, r.polarity, r.revoked])).toEqual([['ev1', '警告', '负面', '否']]);
    expect((await exportRows('events', ctx)).map((r) => r.revoked)).toEqual(['否', '是']);
    const csv = toCsv(EXPORT_REGISTRY.events.columns, rows).toString('utf8');
    expect(csv).toContain(`"'=未按规定公示收费标准"`);
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('in the cloud an export is uploaded under exports/<day>/ and answered with a ten-minute temporary URL', async () => {
  const { CloudDownloads } = await import('../../cloudfunctions/_lib/downloads');
  const calls: any[] = [];
  const app = {
    uploadFile: async (o: any) => (calls.push(['upload', o.cloudPath, o.fileContent.length]), { fileID: `cloud://env.x/${o.cloudPath}` }),
    getTempFileURL: async (o: any) => (calls.push(['url', o.fileList]), { fileList: [{ fileID: o.fileList[0].fileID, tempFileURL: 'https://x.tcb.qcloud.la/exports/f.xlsx?sign=1', code: 'SUCCESS' }] }),
  };
  const url = await new CloudDownloads(app, () => new Date('2026-03-10T02:00:00Z')).publish('申报-2026.xlsx', Buffer.from('abc'), 'application/octet-stream');
  expect(url).toBe('https://x.tcb.qcloud.la/exports/f.xlsx?sign=1');
  expect(calls[0][1]).toMatch(/^exports\/2026-03-10\/[0-9a-z]+-申报-2026\.xlsx$/);
  expect(calls[0][2]).toBe(3);
  expect(calls[1][1]).toEqual([{ fileID: `cloud://env.x/${calls[0][1]}`, maxAge: 600 }]);
  const broken = { uploadFile: async () => ({}), getTempFileURL: async () => ({}) };
  await expect(new CloudDownloads(broken).publish('x.csv', Buffer.from(''), 'text/csv')).rejects.toThrow('no fileID');
});
