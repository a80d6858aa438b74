/**
 * Issue 26: backups and restore through the real server over SQLite. A backup taken while ratings stream in holds
 * every rating acknowledged before it began; restoring a backup gives back exactly that moment — the catalogue
 * export, the rating summaries and the audit trail — and keeps the replaced database beside it; a restore refuses
 * while the server holds the folder, and refuses a broken file or one from a newer schema.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import Database from 'better-sqlite3';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { STORE_SCHEMA_VERSION } from '../../cloudfunctions/_lib/collections';
import type { ProductDoc } from '../../types/product';
import { runDataCommand } from '../../server/data/cli';
import { listBackups } from '../../server/data/takeBackup';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

const productId = 'pbackup01';
let root: string;
let dataDir: string;

/** Runs a data command as `npm run …` would, collecting what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runDataCommand([...argv, '--data-dir', dataDir], (l) => lines.push(l), {});
  return { code, out: lines.join('\n') };
}

/** The server on `dataDir`; the test clock is set only when asked (setting it writes an audit entry). */
async function open(seed: boolean, setClock = true): Promise<Harness> {
  const h = await startHarness({ seed, dataDir });
  if (setClock) await h.ok('admin', 'setClock', { now: '2026-09-30T10:00:00+08:00' }, ADMIN_TOKEN);
  return h;
}

/** What the public and the bureau can see of the system: the catalogue export, the rating summary, the audit trail. */
async function picture(h: Harness) {
  const rows = JSON.parse((await h.ok('catalogue', 'export', { format: 'json' })).content);
  const summary = await h.ok('ratings', 'summary', { productId });
  const audit = await h.app.store.find('audit', { orderBy: [['_id', 'asc']], limit: 1000 });
  const ratings = await h.app.store.count('ratings');
  return { rows, summary, audit, ratings };
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-backup-'));
});
let n = 0;
beforeEach(() => {
  dataDir = path.join(root, `data-${++n}`);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('backup under a stream of ratings, restore: every acknowledged write is there, and the system is exactly as it was', async () => {
  let h = await open(true);
  const provider = await h.applicant('西湖区法律援助中心');
  const template = (await h.app.store.get<ProductDoc>('products', 'p0002demo'))!;
  await h.app.store.insert('products', buildProductDoc(template.spec, { productId, declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2026〕9号', publishedOn: '2026-01-10' }));
  const citizens = await Promise.all(Array.from({ length: 4 }, () => h.citizen()));

  // Four raters at once, each: a code from the provider, then a rating (levels vary, so some open cases).
  const acked: { ratingId: string; at: number }[] = [];
  let stop = false;
  let failed: unknown = null;
  const lane = async (citizen: string, lane: number) => {
    for (let i = 0; !stop; i++) {
      const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-29', channel: 'counter' }, provider.token);
      const r = await h.ok('ratings', 'rate', { token, level: 1 + ((i + lane) % 5) }, citizen);
      acked.push({ ratingId: r.ratingId, at: Date.now() });
    }
  };
  const stream = Promise.all(citizens.map(lane)).catch((e) => {
    failed = e;
    stop = true;
  });
  /** Waits until `n` ratings are acknowledged (a failed rater fails the test at once). */
  const untilAcked = async (n: number) => {
    while (acked.length < n) {
      if (failed) throw failed;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await untilAcked(40);

  const began = Date.now();
  const ackedBefore = acked.filter((a) => a.at < began).map((a) => a.ratingId);
  const underLoad = path.join(root, 'under-load.sqlite');
  const taken = await cli('backup', '--out', underLoad);
  expect(taken.code).toBe(0);
  expect(taken.out).toMatch(/完整性检查 ok/);
  // The stream went on during the backup, and on after it.
  await untilAcked(acked.length + 10);
  stop = true;
  await stream;
  if (failed) throw failed;

  // Quiet now: what the system shows, then a backup of it, then more changes that the restore must undo.
  const before = await picture(h);
  expect(before.ratings).toBe(acked.length);
  const quiet = await cli('backup');
  expect(quiet.code).toBe(0);
  const [newest] = listBackups(path.join(dataDir, 'backups'));
  expect(newest.file).toBe(quiet.out.match(/备份完成：(\S+)/)![1]);
  for (let i = 0; i < 5; i++) {
    const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-09-29', channel: 'counter' }, provider.token);
    await h.ok('ratings', 'rate', { token, level: 5 }, citizens[0]);
  }
  await h.ok('catalogue', 'feature', { productId, audience: 'elderly', until: '2026-12-31' }, ADMIN_TOKEN);
  const after = await picture(h);
  expect(after.ratings).toBe(acked.length + 5);
  expect(after.audit.length).toBeGreaterThan(before.audit.length);

  // The server holds the folder: a restore is refused and changes nothing.
  const refused = await cli('restore', newest.file);
  expect(refused.code).toBe(1);
  expect(refused.out).toMatch(/正被运行中的服务使用/);
  expect((await picture(h)).ratings).toBe(acked.length + 5);
  await h.close();

  const restored = await cli('restore', newest.file);
  expect(restored.code).toBe(0);
  const kept = fs.readdirSync(dataDir).filter((f) => f.startsWith('store.sqlite.before-restore-'));
  expect(kept).toHaveLength(1);
  // The replaced database is kept whole: it still holds the five later ratings.
  const old = new Database(path.join(dataDir, kept[0]), { readonly: true });
  expect((old.prepare('SELECT COUNT(*) AS n FROM c_ratings').get() as { n: number }).n).toBe(acked.length + 5);
  old.close();

  h = await open(false, false);
  expect(await picture(h)).toEqual(before);
  expect(await h.invariants()).toEqual([]);
  await h.close();

  // The backup taken under load: everything acknowledged before it began, nothing that was never acknowledged.
  expect((await cli('restore', underLoad)).code).toBe(0);
  h = await open(false, false);
  const present = new Set((await h.app.store.find('ratings', { limit: 1000 })).map((r) => r._id));
  expect(ackedBefore.filter((id) => !present.has(id))).toEqual([]);
  expect(present.size).toBeGreaterThanOrEqual(ackedBefore.length);
  expect([...present].every((id) => acked.some((a) => a.ratingId === id))).toBe(true);
  expect(await h.invariants()).toEqual([]);
  // The dashboard tells the bureau when the last backup was made.
  const dash = await h.ok('admin', 'dashboard', { year: 2026 }, ADMIN_TOKEN);
  expect(dash.backup).toEqual({ kind: 'local', last: { takenAt: newest.takenAt, bytes: newest.bytes, file: path.basename(newest.file) }, schedule: null });
  await h.close();
}, 60_000);

test('a restore refuses a broken file, a file that is not this system’s, and a backup from a newer schema — and changes nothing', async () => {
  const h = await open(true);
  const good = path.join(root, 'good.sqlite');
  expect((await cli('backup', '--out', good)).code).toBe(0);
  // Never overwrites a file that exists.
  const again = await cli('backup', '--out', good);
  expect([again.code, again.out]).toEqual([1, expect.stringMatching(/已存在，不会覆盖/)]);
  await h.close();
  const current = fs.readFileSync(path.join(dataDir, 'store.sqlite'));

  const torn = path.join(root, 'torn.sqlite');
  const bytes = fs.readFileSync(good);
  fs.writeFileSync(torn, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const broken = await cli('restore', torn);
  expect(broken.code).toBe(1);
  expect(broken.out).toMatch(/已损坏|不是可用的数据库/);

  const foreign = path.join(root, 'foreign.sqlite');
  const f = new Database(foreign);
  f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'x\')');
  f.close();
  expect(await cli('restore', foreign)).toEqual({ code: 1, out: expect.stringMatching(/不是本系统的数据库备份/) });

  const newer = path.join(root, 'newer.sqlite');
  fs.copyFileSync(good, newer);
  const n = new Database(newer);
  n.pragma(`user_version = ${STORE_SCHEMA_VERSION + 1}`);
  n.close();
  expect(await cli('restore', newer)).toEqual({ code: 1, out: expect.stringMatching(/更新版本/) });

  expect(await cli('restore', path.join(root, 'missing.sqlite'))).toEqual({ code: 1, out: expect.stringMatching(/没有找到备份文件/) });
  expect((await cli('restore')).code).toBe(2);
  // Nothing was touched.
  expect(fs.readFileSync(path.join(dataDir, 'store.sqlite')).equals(current)).toBe(true);
  expect(fs.readdirSync(dataDir).filter((x) => x.includes('restoring') || x.includes('before-restore'))).toEqual([]);

  // And the server refuses a database from a newer schema instead of misreading it.
  const live = new Database(path.join(dataDir, 'store.sqlite'));
  live.pragma(`user_version = ${STORE_SCHEMA_VERSION + 1}`);
  live.close();
  await expect(startHarness({ dataDir })).rejects.toThrow(/newer version/);
});
