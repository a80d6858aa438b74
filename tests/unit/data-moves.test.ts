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
const files = (dir: string) => Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

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
