/**
 * Issue 26: moving a bureau's data between the local store and CloudBase. The export (JSON Lines + manifest) of a
 * local store goes into a CloudBase environment through the real @cloudbase/node-sdk against the loopback gateway,
 * comes back out of it identical, and goes into an empty local store identical; the CLI does the same with `--env`,
 * and without credentials only checks (a dry run). Also the daily backup's schedule, at both ends of its bounds.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { APPEND_ONLY, INDEXES } from '../../cloudfunctions/_lib/collections';
import { CloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import type { Doc, Store } from '../../cloudfunctions/_lib/store/port';
import { cloudFileSource, cloudFileTarget, FILES_LIST, localFileSource, localFileTarget } from '../../server/data/attachments';
import { runDataCommand } from '../../server/data/cli';
import { backupDue, backupScheduleFromEnv, DEFAULT_BACKUP_SCHEDULE, startDailyBackup } from '../../server/data/dailyBackup';
import { DUMP_COLLECTIONS, exportData, MANIFEST_FILE, type Manifest } from '../../server/data/exportData';
import { importData, parseLine } from '../../server/data/importData';
import { listBackups, pruneBackups } from '../../server/data/takeBackup';
import { seedDemo } from '../../server/seedDemo';
import { SqliteStore } from '../../server/sqliteStore';
import { startFakeGateway, type FakeGateway } from '../support/fakeGateway';

let gw: FakeGateway;
let cloud: CloudbaseStore;
let root: string;
const saved = { ...process.env };

const sqlite = (file: string) => new SqliteStore({ filename: file, indexes: INDEXES, appendOnly: APPEND_ONLY });
async function everything(store: Store): Promise<Record<string, Doc[]>> {
  const out: Record<string, Doc[]> = {};
  for (const c of DUMP_COLLECTIONS) {
    const docs = await store.find<Doc>(c, { orderBy: [['_id', 'asc']], limit: 1000 });
    if (docs.length) out[c] = docs;
  }
  return out;
}
/** The collections' files of an export (the uploaded files' list, uploads.jsonl, is compared on its own). */
const files = (dir: string) => Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl') && f !== FILES_LIST).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

beforeAll(async () => {
  gw = await startFakeGateway();
  Object.assign(process.env, gw.env());
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  cloud = new CloudbaseStore(require('@cloudbase/node-sdk').init({ env: 'test-env' }).database());
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-moves-'));
});
afterAll(async () => {
  await gw.stop();
  process.env = saved;
  fs.rmSync(root, { recursive: true, force: true });
});
beforeEach(() => gw.reset());

describe('local → CloudBase → local', () => {
  let local: SqliteStore;
  let dump: string;
  beforeAll(async () => {
    local = sqlite(path.join(root, 'source.sqlite'));
    await seedDemo(local);
    // Documents with nested values, arrays, nulls and numbers, beside the demo catalogue.
    await local.insert('meta', { _id: 'note', text: '希望有上门调解', tags: ['调解', '老人'], answer: null, supportKey: '000012', score: 3.5, at: { on: '2026-10-08' } });
    dump = path.join(root, 'dump');
    await exportData(local, dump, { source: 'local:test' });
  });
  afterAll(() => local.close());

  test('the export names every collection with its count and checksum', () => {
    const m = JSON.parse(fs.readFileSync(path.join(dump, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(Object.keys(m.collections).sort()).toEqual([...DUMP_COLLECTIONS].sort());
    expect(m.collections.products.count).toBe(34);
    expect(m.collections.meta.count).toBe(2);
    expect(fs.readFileSync(path.join(dump, 'products.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(34);
  });

  test('into CloudBase through the SDK, and back out identical', async () => {
    const report = await importData(dump, cloud, { batchSize: 10, concurrency: 4 });
    expect(report.collections.find((c) => c.collection === 'products')).toEqual({ collection: 'products', inFile: 34, written: 34, skipped: 0 });
    // The documents went over the wire as inserts (inside transactions), and the cloud now holds exactly the source.
    expect(gw.requests.some((r) => r.action.includes('Transaction') || r.action.includes('transaction'))).toBe(true);
    expect(await everything(cloud)).toEqual(await everything(local));
    const back = path.join(root, 'back');
    await exportData(cloud, back, { source: 'cloudbase:test-env' });
    expect(files(back)).toEqual(files(dump));
    // A second import into the now non-empty environment is refused, and writes nothing.
    const before = gw.requests.length;
    await expect(importData(dump, cloud)).rejects.toThrow(/不是空的.*products 34 条/);
    expect(gw.requests.slice(before).filter((r) => /add|insert|set|update/i.test(r.action))).toEqual([]);
    // With force, what is there is skipped, and nothing is written twice.
    const again = await importData(dump, cloud, { force: true, batchSize: 10 });
    expect(again.collections.find((c) => c.collection === 'products')).toEqual({ collection: 'products', inFile: 34, written: 0, skipped: 34 });
  }, 60_000);

  test('the CLI with --env imports through the same path, and without credentials only checks', async () => {
    const lines: string[] = [];
    const noCreds = { ...process.env, TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' };
    const secretId = process.env.TENCENTCLOUD_SECRETID;
    const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
    process.env.TENCENTCLOUD_SECRETID = '';
    process.env.TENCENTCLOUD_SECRETKEY = '';
    try {
      expect(await runDataCommand(['import', dump, '--env', 'test-env'], (l) => lines.push(l), noCreds)).toBe(0);
    } finally {
      process.env.TENCENTCLOUD_SECRETID = secretId;
      process.env.TENCENTCLOUD_SECRETKEY = secretKey;
    }
    expect(lines.join('\n')).toMatch(/试运行/);
    expect(await cloud.count('products')).toBe(0);

    lines.length = 0;
    expect(await runDataCommand(['import', dump, '--env', 'test-env'], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/products: 文件中 34 条，写入 34/);
    expect(await cloud.count('products')).toBe(34);

    // And out of CloudBase with the CLI.
    const out = path.join(root, 'cli-out');
    expect(await runDataCommand(['export', '--out', out, '--env', 'test-env'], () => {})).toBe(0);
    expect(files(out)).toEqual(files(dump));
  }, 60_000);

  test('into an empty local store, identical; a line that is not a document is named by file and line, and nothing is written', async () => {
    const target = sqlite(path.join(root, 'target.sqlite'));
    try {
      await importData(dump, target);
      expect(await everything(target)).toEqual(await everything(local));
    } finally {
      target.close();
    }

    const bad = path.join(root, 'bad');
    fs.cpSync(dump, bad, { recursive: true });
    const lines = fs.readFileSync(path.join(bad, 'products.jsonl'), 'utf8').split('\n');
    lines[2] = lines[2].slice(0, -3);
    fs.writeFileSync(path.join(bad, 'products.jsonl'), lines.join('\n'));
    const empty = sqlite(path.join(root, 'empty.sqlite'));
    try {
      await expect(importData(bad, empty)).rejects.toThrow(/^products\.jsonl 第 3 行：不是有效的 JSON/);
      expect(await everything(empty)).toEqual({});
      // Well-formed lines that break the system's rules (a need without its fields) are refused as a whole too.
      const rules = path.join(root, 'rules');
      fs.cpSync(dump, rules, { recursive: true });
      const line = JSON.stringify({ _id: 'n1', text: '希望有上门调解' }) + '\n';
      fs.writeFileSync(path.join(rules, 'needs.jsonl'), line);
      const m = JSON.parse(fs.readFileSync(path.join(rules, MANIFEST_FILE), 'utf8')) as Manifest;
      m.collections.needs = { file: 'needs.jsonl', count: 1, sha256: crypto.createHash('sha256').update(line).digest('hex') };
      fs.writeFileSync(path.join(rules, MANIFEST_FILE), JSON.stringify(m));
      await expect(importData(rules, empty)).rejects.toThrow(/不满足本系统的规则[\s\S]*need n1/);
      // An edited value keeps the line valid but not the checksum.
      fs.writeFileSync(path.join(rules, 'needs.jsonl'), line.replace('上门', '到家'));
      await expect(importData(rules, empty)).rejects.toThrow(/needs\.jsonl 的校验值与清单不符/);
      expect(await everything(empty)).toEqual({});
    } finally {
      empty.close();
    }
  }, 30_000);
});

describe('uploaded files move with the documents that name them', () => {
  const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(`附件 ${n} `.repeat(200)), Buffer.from('\n%%EOF\n')]);
  const hexes = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'];
  let source: string;
  let dump: string;

  beforeAll(async () => {
    // A local data folder: two uploads with their uploaders' records, named by documents (one nested, one twice).
    source = path.join(root, 'files-source');
    const uploads = path.join(source, 'uploads');
    fs.mkdirSync(uploads, { recursive: true });
    hexes.forEach((hex, i) => {
      fs.writeFileSync(path.join(uploads, hex), pdf(i));
      fs.writeFileSync(path.join(uploads, `${hex}.json`), JSON.stringify({ userId: `u_uploader${i}`, orgId: `o${i}`, uploadedAt: '2026-03-01T02:00:00.000Z', size: pdf(i).length }));
    });
    const store = sqlite(path.join(source, 'store.sqlite'));
    try {
      await store.insert('meta', { _id: 'decl-like', spec: { attachments: [{ name: '盖章页.pdf', fileId: `local/${hexes[0]}` }] }, answer: { attachments: [{ name: '台账.pdf', fileId: `local/${hexes[1]}` }] } });
      await store.insert('meta', { _id: 'again', fileId: `local/${hexes[0]}`, gone: `local/${'9'.repeat(32)}`, text: 'local/not-a-file-id' });
      dump = path.join(root, 'files-dump');
      const m = await exportData(store, dump, { source: 'local:test', files: localFileSource(uploads) });
      expect(m.files).toMatchObject({ file: FILES_LIST, count: 2, missing: [`local/${'9'.repeat(32)}`] });
    } finally {
      store.close();
    }
  });

  test('local → CloudBase: each file uploaded under its uploader, every reference renamed; back home: local ids again, the same bytes', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const app = require('@cloudbase/node-sdk').init({ env: 'test-env' });
    const report = await importData(dump, cloud, { batchSize: 10, files: cloudFileTarget(app) });
    expect(report.files).toEqual({ inExport: 2, written: 2, missing: [`local/${'9'.repeat(32)}`] });
    const cloudId = (i: number) => expect.stringMatching(new RegExp(`^cloud://test-env\\.[^/]+/attachments/u_uploader${i}/${hexes[i]}$`));
    const decl = (await cloud.get<Doc>('meta', 'decl-like')) as any;
    expect(decl.spec.attachments[0]).toEqual({ name: '盖章页.pdf', fileId: cloudId(0) });
    expect(decl.answer.attachments[0]).toEqual({ name: '台账.pdf', fileId: cloudId(1) });
    const again = (await cloud.get<Doc>('meta', 'again')) as any;
    expect(again.fileId).toBe(decl.spec.attachments[0].fileId);
    // What names no file it has is left as it was.
    expect([again.gone, again.text]).toEqual([`local/${'9'.repeat(32)}`, 'local/not-a-file-id']);
    expect(gw.files.get(`attachments/u_uploader0/${hexes[0]}`)).toEqual(pdf(0));
    expect(gw.files.get(`attachments/u_uploader1/${hexes[1]}`)).toEqual(pdf(1));

    // Out of CloudBase with its files, into a fresh local data folder.
    const fromCloud = path.join(root, 'files-from-cloud');
    const m = await exportData(cloud, fromCloud, { source: 'cloudbase:test-env', files: cloudFileSource(app) });
    expect(m.files?.count).toBe(2);
    const home = path.join(root, 'files-home');
    const target = sqlite(path.join(root, 'files-home.sqlite'));
    try {
      const back = await importData(fromCloud, target, { files: localFileTarget(path.join(home, 'uploads')) });
      expect(back.files.written).toBe(2);
      const d = (await target.get<Doc>('meta', 'decl-like')) as any;
      const local = localFileSource(path.join(home, 'uploads'));
      for (const [i, ref] of [d.spec.attachments[0].fileId, d.answer.attachments[0].fileId].entries()) {
        expect(ref).toMatch(/^local\/[a-f0-9]{32}$/);
        const file = await local.read(ref);
        expect(file?.bytes).toEqual(pdf(i));
        // The uploader read off the cloud path owns it again.
        expect(file?.userId).toBe(`u_uploader${i}`);
      }
    } finally {
      target.close();
    }
  }, 60_000);

  test('a file changed after the export is refused by name before anything is written; a dry run checks the files too', async () => {
    const bad = path.join(root, 'files-bad');
    fs.cpSync(dump, bad, { recursive: true });
    fs.appendFileSync(path.join(bad, 'uploads', '2'), 'x');
    const target = sqlite(path.join(root, 'files-bad.sqlite'));
    const uploads = path.join(root, 'files-bad-uploads');
    try {
      await expect(importData(bad, target, { files: localFileTarget(uploads) })).rejects.toThrow(/^附件文件 uploads\/2 与 uploads\.jsonl 第 2 行不符/);
      await expect(importData(bad, target, { dryRun: true })).rejects.toThrow(/附件文件 uploads\/2/);
      expect(await everything(target)).toEqual({});
      expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
      fs.rmSync(path.join(bad, 'uploads', '1'));
      await expect(importData(bad, target, { dryRun: true })).rejects.toThrow(/缺少附件文件 uploads\/1/);
    } finally {
      target.close();
    }
  });

  test('the CLI exports a data folder with its uploads and imports them into another', async () => {
    const out = path.join(root, 'files-cli-out');
    const lines: string[] = [];
    expect(await runDataCommand(['export', '--out', out, '--data-dir', source], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/附件文件：2 个；记录中提到但找不到的 1 个/);
    const dest = path.join(root, 'files-cli-dest');
    lines.length = 0;
    expect(await runDataCommand(['import', out, '--data-dir', dest], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/放入附件目录 2 个/);
    // Free in the new folder, each keeps its id: the documents are as they were.
    expect(fs.readFileSync(path.join(dest, 'uploads', hexes[1]))).toEqual(pdf(1));
    expect(JSON.parse(fs.readFileSync(path.join(dest, 'uploads', `${hexes[1]}.json`), 'utf8')).userId).toBe('u_uploader1');
  }, 30_000);
});

test('a document line is a JSON object with a usable _id and field names CloudBase takes', () => {
  expect(parseLine('{"_id":"a","x":1}')).toEqual({ _id: 'a', x: 1 });
  expect(parseLine('[1,2]')).toMatch(/JSON 对象/);
  expect(parseLine('{"x":1}')).toMatch(/_id/);
  expect(parseLine('{"_id":""}')).toMatch(/_id/);
  expect(parseLine(JSON.stringify({ _id: 'x'.repeat(128) }))).toEqual({ _id: 'x'.repeat(128) });
  expect(parseLine(JSON.stringify({ _id: 'x'.repeat(129) }))).toMatch(/_id/);
  expect(parseLine('{"_id":"a","b":{"$where":"1"}}')).toMatch(/b\.\$where/);
  expect(parseLine('{"_id":"a","c":[{"d.e":1}]}')).toMatch(/c\[0\]\.d\.e/);
  expect(parseLine('{"_id":"a",')).toMatch(/不是有效的 JSON/);
});

describe('the daily backup', () => {
  const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

  test('is due once a Shanghai day, from its time of day on', () => {
    expect(backupDue(at('2026-12-05T02:59:59'), null, '03:00')).toBe(false);
    expect(backupDue(at('2026-12-05T03:00:00'), null, '03:00')).toBe(true);
    expect(backupDue(at('2026-12-05T23:59:00'), { date: '2026-12-04' }, '03:00')).toBe(true);
    expect(backupDue(at('2026-12-05T23:59:00'), { date: '2026-12-05' }, '03:00')).toBe(false);
    // 00:30 in Shanghai is the previous day in UTC: the Shanghai date decides.
    expect(backupDue(at('2026-12-06T00:30:00'), { date: '2026-12-05' }, '00:00')).toBe(true);
  });

  test('settings from the environment, with the documented defaults and clear refusals', () => {
    expect(backupScheduleFromEnv({})).toEqual(DEFAULT_BACKUP_SCHEDULE);
    expect(DEFAULT_BACKUP_SCHEDULE).toEqual({ at: '03:00', keep: 14 });
    expect(backupScheduleFromEnv({ BACKUP_AT: 'off' })).toBeNull();
    expect(backupScheduleFromEnv({ BACKUP_AT: '23:59', BACKUP_KEEP: '1' })).toEqual({ at: '23:59', keep: 1 });
    expect(() => backupScheduleFromEnv({ BACKUP_AT: '24:00' })).toThrow(/BACKUP_AT/);
    expect(() => backupScheduleFromEnv({ BACKUP_AT: '3:00' })).toThrow(/BACKUP_AT/);
    expect(() => backupScheduleFromEnv({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
    expect(backupScheduleFromEnv({ BACKUP_KEEP: '3650' })).toEqual({ at: '03:00', keep: 3650 });
    expect(() => backupScheduleFromEnv({ BACKUP_KEEP: '3651' })).toThrow(/BACKUP_KEEP/);
    expect(() => backupScheduleFromEnv({ BACKUP_KEEP: '2.5' })).toThrow(/BACKUP_KEEP/);
  });

  test('a running server takes it when due, keeps the newest ones, and not twice a day', async () => {
    const dataDir = path.join(root, 'daily');
    const store = sqlite(path.join(dataDir, 'store.sqlite'));
    await seedDemo(store);
    const dir = path.join(dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    for (const day of ['01', '02', '03']) fs.writeFileSync(path.join(dir, `2026-12-${day}T03-00-00.sqlite`), 'old');
    const logs: string[] = [];
    let now = at('2026-12-05T09:15:00');
    const stop = startDailyBackup({ dataDir, schedule: { at: '03:00', keep: 2 }, log: (l) => logs.push(l), now: () => now, checkEveryMs: 20 });
    try {
      for (let i = 0; i < 200 && !logs.length; i++) await new Promise((r) => setTimeout(r, 10));
      expect(logs[0]).toMatch(/每日备份完成.*2026-12-05T09-15-00\.sqlite.*删除旧备份 2 个/);
      expect(listBackups(dir).map((b) => path.basename(b.file))).toEqual(['2026-12-05T09-15-00.sqlite', '2026-12-03T03-00-00.sqlite']);
      now = at('2026-12-05T18:00:00');
      await new Promise((r) => setTimeout(r, 100));
      expect(logs).toHaveLength(1);
    } finally {
      stop();
      store.close();
    }
    expect(pruneBackups(dir, 1).map((f) => path.basename(f))).toEqual(['2026-12-03T03-00-00.sqlite']);
  });
});
