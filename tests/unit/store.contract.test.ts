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
