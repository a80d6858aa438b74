import fs from 'fs';
import os from 'os';
import path from 'path';
import { SqliteStore } from '../../server/sqliteStore';
import { storeContract } from '../support/storeContract';

describe('store contract: SQLite', () => {
  storeContract(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const store = new SqliteStore({ filename: path.join(dir, 'db.sqlite') });
    return {
      store,
      collection: (name) => name,
      cleanup: async () => {
        store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

const cloud = process.env.TCB_ENV_ID && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY;
if (!cloud) {
  // Said out loud, so nobody takes a green run for a cloud check.
  console.log('store contract: CloudBase skipped (set TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run it)');
}
(cloud ? describe : describe.skip)('store contract: CloudBase', () => {
  storeContract(async () => {
    // Real SDK, real database: each test works in collections of its own and drops them after.
    delete process.env.TENCENTCLOUD;
    const tcb = await import('@cloudbase/node-sdk');
    const { CloudbaseStore } = await import('../../cloudfunctions/_lib/store/cloudbase');
    const app = tcb.init({ env: process.env.TCB_ENV_ID, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY });
    const db = app.database();
    const run = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const made: string[] = [];
    return {
      store: new CloudbaseStore(db),
      collection: (name) => {
        const full = `${run}_${name}`;
        if (!made.includes(full)) made.push(full);
        void db.createCollection(full);
        return full;
      },
      cleanup: async () => {
        for (const c of made) {
          const docs = await db.collection(c).limit(1000).get();
          for (const d of docs.data ?? []) await db.collection(c).doc(d._id).remove();
        }
      },
    };
  });
});

describe('SQLite specifics', () => {
  test('the audit collection is append-only, even to raw SQL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const store = new SqliteStore({ filename: path.join(dir, 'db.sqlite'), appendOnly: ['audit'] });
    await store.insert('audit', { _id: 'a1', what: 'created' });
    await expect(store.update('audit', 'a1', { what: 'forged' })).rejects.toThrow(/append-only/);
    await expect(store.transaction((tx) => tx.remove('audit', 'a1'))).rejects.toThrow(/append-only/);
    expect(() => store.rawAll(`UPDATE c_audit SET doc = '{}' WHERE id = 'a1' RETURNING id`)).toThrow(/append-only/);
    expect((await store.get('audit', 'a1'))?.what).toBe('created');
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('full durability on a WAL file: a transaction is acknowledged only after an fsync of the log begun after its commit, made off the event loop (issue 25)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const file = path.join(dir, 'db.sqlite');
    const syncs: { path: string; committed: unknown; release: () => void }[] = [];
    const reader = () => new SqliteStore({ filename: file, synchronous: 'normal' });
    let peek: SqliteStore | null = null;
    const store = new SqliteStore({
      filename: file,
      syncWal: (walPath) =>
        new Promise<void>((release) => {
          // What another connection sees when the fsync begins: the batch is committed already.
          peek ??= reader();
          syncs.push({ path: walPath, committed: (peek.rawAll(`SELECT id FROM c_docs ORDER BY id`) as { id: string }[]).map((r) => r.id), release });
        }),
    });
    let acked = 0;
    const first = store.transaction((tx) => tx.insert('docs', { _id: 'a', v: 1 })).then(() => acked++);
    await new Promise((r) => setTimeout(r, 30));
    expect(syncs.map((x) => [x.path, x.committed])).toEqual([[`${file}-wal`, ['a']]]);
    expect(acked).toBe(0);
    // Committed while the first fsync runs: both wait, the second for an fsync of its own, begun after its commit.
    const second = store.transaction((tx) => tx.insert('docs', { _id: 'b', v: 2 })).then(() => acked++);
    const third = store.transaction((tx) => tx.insert('docs', { _id: 'c', v: 3 })).then(() => acked++);
    await new Promise((r) => setTimeout(r, 30));
    expect([syncs.length, acked]).toEqual([1, 0]);
    syncs[0].release();
    await first;
    await new Promise((r) => setTimeout(r, 30));
    expect(acked).toBe(1);
    expect(syncs.map((x) => x.committed)).toEqual([['a'], ['a', 'b', 'c']]);
    syncs[1].release();
    await Promise.all([second, third]);
    expect(acked).toBe(3);
    // SQLite itself runs NORMAL then (the store makes the commit's fsync); a store asked for NORMAL makes none.
    expect(store.rawAll('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
    (peek as SqliteStore | null)?.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a failed fsync of the log fails its transactions and every later one (nothing goes on over writes that may be lost)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const store = new SqliteStore({ filename: path.join(dir, 'db.sqlite'), syncWal: async () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })) });
    await expect(store.transaction((tx) => tx.insert('docs', { _id: 'a' }))).rejects.toThrow(/EIO/);
    await expect(store.transaction((tx) => tx.insert('docs', { _id: 'b' }))).rejects.toThrow(/EIO/);
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an acknowledged write survives the process: data is on disk when the call returns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const file = path.join(dir, 'db.sqlite');
    const bundle = path.join(dir, 'store.js');
    const script = `
      const { SqliteStore } = require(${JSON.stringify(bundle)});
      const s = new SqliteStore({ filename: ${JSON.stringify(file)} });
      s.transaction((tx) => tx.insert('docs', { _id: 'kept', v: 42 })).then(() => { process.stdout.write('acked'); process.kill(process.pid, 'SIGKILL'); });
    `;
    const { buildSync } = await import('esbuild');
    buildSync({ entryPoints: [path.resolve(__dirname, '../../server/sqliteStore.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, external: ['better-sqlite3'], logLevel: 'silent' });
    const { spawnSync } = await import('child_process');
    const root = path.resolve(__dirname, '../..');
    const child = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
    expect(child.stdout).toBe('acked');
    expect(child.signal).toBe('SIGKILL');
    const store = new SqliteStore({ filename: file });
    expect(await store.get('docs', 'kept')).toEqual({ _id: 'kept', v: 42 });
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
