/**
 * The embedded adapter of the store port: better-sqlite3 in WAL mode, one table per collection,
 * documents as JSON. It refuses what CloudBase would refuse (queries inside a transaction, pages
 * over 1000, operators outside the subset), so a use case that passes here also runs in the cloud.
 */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'async_hooks';
import fs from 'fs';
import path from 'path';
import { newId } from '../cloudfunctions/_lib/ids';
import {
  applyPatch,
  checkCollection,
  checkField,
  checkPatch,
  checkQuery,
  DuplicateKeyError,
  isIncrement,
  isOperators,
  MissingDocumentError,
  UnsupportedQueryError,
  type Condition,
  type Doc,
  type HasId,
  type Patch,
  type Query,
  type Scalar,
  type Store,
  type Tx,
  type Where,
} from '../cloudfunctions/_lib/store/port';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:'. */
  filename: string;
  indexes?: Record<string, string[][]>;
  appendOnly?: string[];
  /**
   * SQLite's `synchronous` setting. Default FULL (SQLITE_SYNC=normal: NORMAL). OFF also acknowledges a transaction
   * before its batch commits (the batch commits when the event loop next turns, or at close): only for a file whose
   * loss in a crash costs nobody anything — the demo seeder's, moved into place once complete (server/demo/seedYear.ts).
   */
  synchronous?: 'full' | 'normal' | 'off';
  /** SQLite's page cache in MiB (its default is 2): the demo seeder, which writes a whole year in one go, takes more. */
  cacheMiB?: number;
  /** How 'full' puts the write-ahead log on disk (fs.promises.open + fsync by default); tests pass their own to watch it. */
  syncWal?: (walPath: string) => Promise<void>;
}

/**
 * The write-ahead log's data on disk: its file opened, fsync'd (in libuv's thread pool, off the event loop), closed.
 * No file, nothing to sync: SQLite creates the log before writing a frame to it and removes it only when the last
 * connection closes, after checkpointing it into the database file and syncing that.
 */
async function fsyncFile(file: string): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const json = (field: string) => `json_extract(doc, '$.${field}')`;
const sqlValue = (v: Scalar): Scalar => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** Serialises access so an open transaction never interleaves with another request's reads or writes. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly tables = new Set<string>();
  private readonly mutex = new Mutex();
  private readonly inTx = new AsyncLocalStorage<boolean>();
  private readonly indexes: Record<string, string[][]>;
  private readonly appendOnly: Set<string>;
  /** Prepared statements by SQL text: parsing SQL costs more than running a small query. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Acknowledge before the commit (synchronous OFF). */
  private readonly deferCommits: boolean;
  /**
   * 'full' on a WAL file: the log fsync'd by us after each batch's commit, off the event loop, before any of its
   * transactions is acknowledged (null: SQLite syncs, or nobody does).
   */
  private readonly walSync: { path: string; sync: (walPath: string) => Promise<void> } | null;
  private commitFailed: unknown = null;

  constructor(options: SqliteStoreOptions) {
    if (options.filename !== ':memory:') fs.mkdirSync(path.dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    const wal = String(this.db.pragma('journal_mode = WAL', { simple: true })).toLowerCase() === 'wal' && options.filename !== ':memory:';
    // FULL: a commit is on disk before the caller is told it succeeded. In WAL mode SQLite's FULL is NORMAL plus an
    // fsync of the log at each commit (sqlite.org/pragma.html#pragma_synchronous), made on the event loop, where it
    // stops every other request for a disk's flush (1.5–2 ms here, issue 25). So on a WAL file, SQLite runs NORMAL and
    // the store makes that fsync itself in the thread pool, acknowledging a batch only once it is done: the same
    // guarantee (an acknowledged write is on disk), while the next requests are served and the next batch fills.
    const synchronous = options.synchronous ?? (process.env.SQLITE_SYNC === 'normal' ? 'normal' : 'full');
    this.walSync = synchronous === 'full' && wal ? { path: `${options.filename}-wal`, sync: options.syncWal ?? fsyncFile } : null;
    this.db.pragma(`synchronous = ${this.walSync ? 'NORMAL' : synchronous.toUpperCase()}`);
    this.deferCommits = synchronous === 'off';
    this.db.pragma('busy_timeout = 5000');
    if (options.cacheMiB) this.db.pragma(`cache_size = ${-Math.round(options.cacheMiB * 1024)}`);
    this.indexes = options.indexes ?? {};
    this.appendOnly = new Set(options.appendOnly ?? []);
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= 500) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private table(collection: string): string {
    checkCollection(collection);
    const name = `c_${collection}`;
    if (!this.tables.has(name)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
      for (const fields of this.indexes[collection] ?? []) {
        fields.forEach(checkField);
        const idx = `i_${collection}_${fields.join('_').replace(/\./g, '_')}`;
        const cols = fields.map((f) => (f === '_id' ? 'id' : json(f))).join(', ');
        this.db.exec(`CREATE INDEX IF NOT EXISTS "${idx}" ON "${name}" (${cols})`);
      }
      if (this.appendOnly.has(collection)) {
        for (const op of ['UPDATE', 'DELETE'])
          this.db.exec(
            `CREATE TRIGGER IF NOT EXISTS "${name}_no_${op.toLowerCase()}" BEFORE ${op} ON "${name}" BEGIN SELECT RAISE(ABORT, '${collection} is append-only'); END`,
          );
      }
      this.tables.add(name);
    }
    return name;
  }

  private refuseInsideTx(what: string): void {
    if (this.inTx.getStore()) throw new UnsupportedQueryError(`${what} inside a transaction (CloudBase transactions allow single-document operations only)`);
  }

  // --- single-document operations, synchronous, shared by Store and Tx ---

  private getSync<T extends HasId>(collection: string, id: string): T | null {
    const row = this.stmt(`SELECT doc FROM "${this.table(collection)}" WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  private insertSync(collection: string, doc: object): string {
    const id = (doc as { _id?: string })._id ?? newId();
    if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw new UnsupportedQueryError('bad _id');
    try {
      this.stmt(`INSERT INTO "${this.table(collection)}" (id, doc) VALUES (?, ?)`).run(id, JSON.stringify({ ...doc, _id: id }));
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError(collection, id);
      throw e;
    }
    return id;
  }

  private setSync(collection: string, id: string, doc: object): void {
    if (this.appendOnly.has(collection)) throw new UnsupportedQueryError(`${collection} is append-only`);
    this.stmt(`INSERT INTO "${this.table(collection)}" (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`)
      .run(id, JSON.stringify({ ...doc, _id: id }));
  }

  private updateSync(collection: string, id: string, patch: Patch): boolean {
    checkPatch(patch);
    const keys = Object.keys(patch);
    if (keys.every((k) => !k.includes('.'))) {
      // Top-level fields: set in place with json_set, without reading and rewriting the whole document.
      const sets = keys.map((k) => (isIncrement(patch[k]) ? `'$.${k}', coalesce(json_extract(doc, '$.${k}'), 0) + ?` : `'$.${k}', json(?)`));
      const params = keys.map((k) => {
        const v = patch[k];
        return isIncrement(v) ? v.$inc : JSON.stringify(v === undefined ? null : v);
      });
      return this.stmt(`UPDATE "${this.table(collection)}" SET doc = json_set(doc, ${sets.join(', ')}) WHERE id = ?`).run(...params, id).changes > 0;
    }
    const current = this.getSync<Doc>(collection, id);
    if (!current) return false;
    this.stmt(`UPDATE "${this.table(collection)}" SET doc = ? WHERE id = ?`).run(JSON.stringify(applyPatch(current, patch)), id);
    return true;
  }

  private removeSync(collection: string, id: string): void {
    if (this.appendOnly.has(collection)) throw new UnsupportedQueryError(`${collection} is append-only`);
    this.stmt(`DELETE FROM "${this.table(collection)}" WHERE id = ?`).run(id);
  }

  // --- Store ---

  async get<T extends HasId = Doc>(collection: string, id: string): Promise<T | null> {
    this.refuseInsideTx('store.get');
    return this.mutex.run(() => this.getSync<T>(collection, id));
  }

  async find<T extends HasId = Doc>(collection: string, query: Query = {}): Promise<T[]> {
    this.refuseInsideTx('a query');
    const { skip, limit } = checkQuery(query);
    const { clause, params } = whereSql(query.where ?? {});
    const order = (query.orderBy ?? []).map(([f, d]) => `${f === '_id' ? 'id' : json(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`);
    const tail = `FROM "${this.table(collection)}"${clause}${order.length ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ? OFFSET ?`;
    if (query.fields) {
      // A projection picked by SQLite (each field's JSON type, to tell a missing field from null, and its value), so the
      // rest of a large document is never parsed in JavaScript.
      const fields = query.fields;
      const sql = `SELECT id, json_array(${fields.map((f) => `json_type(doc, '$.${f}'), ${json(f)}`).join(', ')}) AS v ${tail}`;
      return this.mutex.run(() => (this.stmt(sql).all(...params, limit, skip) as { id: string; v: string }[]).map((r) => projected(r.id, fields, JSON.parse(r.v)) as unknown as T));
    }
    const sql = `SELECT doc ${tail}`;
    return this.mutex.run(() => (this.stmt(sql).all(...params, limit, skip) as { doc: string }[]).map((r) => JSON.parse(r.doc) as T));
  }

  async count(collection: string, where: Where = {}): Promise<number> {
    this.refuseInsideTx('a count');
    checkQuery({ where });
    const { clause, params } = whereSql(where);
    return this.mutex.run(() => (this.stmt(`SELECT COUNT(*) AS n FROM "${this.table(collection)}"${clause}`).get(...params) as { n: number }).n);
  }

  async insert<T extends object>(collection: string, doc: T): Promise<string> {
    this.refuseInsideTx('store.insert');
    return this.transaction(async (tx) => tx.insert(collection, doc as unknown as HasId));
  }

  async update(collection: string, id: string, patch: Patch): Promise<boolean> {
    this.refuseInsideTx('store.update');
    if (this.appendOnly.has(collection)) throw new UnsupportedQueryError(`${collection} is append-only`);
    return this.transaction(async () => this.updateSync(collection, id, patch));
  }

  /**
   * Group commit: each transaction runs in a savepoint of a batch that stays open while more work is queued, and
   * the batch commits (one fsync) before any of its transactions is acknowledged. A transaction that fails rolls
   * back to its savepoint alone. So concurrent writers share the cost of durability, and an acknowledged write is
   * always on disk.
   */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    this.refuseInsideTx('a nested transaction');
    if (this.commitFailed) throw this.commitFailed;
    const result = await this.mutex.run(async () => {
      if (!this.batchOpen) {
        this.db.exec('BEGIN IMMEDIATE');
        this.batchOpen = true;
      }
      this.db.exec('SAVEPOINT tx');
      let open = true;
      const guard = () => {
        if (!open) throw new UnsupportedQueryError('transaction used after it ended');
      };
      const tx: Tx = {
        get: async <T extends HasId>(c: string, id: string) => (guard(), this.getSync<T>(c, id)),
        insert: async (c, doc) => (guard(), this.insertSync(c, doc)),
        set: async (c, id, doc) => (guard(), this.setSync(c, id, doc)),
        update: async (c, id, patch) => {
          guard();
          if (this.appendOnly.has(c)) throw new UnsupportedQueryError(`${c} is append-only`);
          if (!this.updateSync(c, id, patch)) throw new MissingDocumentError(c, id);
        },
        remove: async (c, id) => (guard(), this.removeSync(c, id)),
      };
      try {
        const value = await this.inTx.run(true, () => fn(tx));
        this.db.exec('RELEASE tx');
        return value;
      } catch (e) {
        this.db.exec('ROLLBACK TO tx');
        this.db.exec('RELEASE tx');
        // Tables created inside the transaction were rolled back too (and statements prepared on them).
        this.tables.clear();
        this.statements.clear();
        throw e;
      } finally {
        open = false;
      }
    });
    // Deferred: a batch that fails to commit fails every later transaction (nothing goes on over lost writes).
    if (this.deferCommits) void this.durable().catch((e) => (this.commitFailed ??= e));
    else await this.durable();
    return result;
  }

  private batchOpen = false;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushScheduled = false;

  /** Resolves once everything written so far is committed to disk. */
  private durable(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    await this.mutex.run(() => {
      this.flushScheduled = false;
      const waiters = this.waiters.splice(0);
      if (!this.batchOpen) return this.acknowledge(waiters);
      try {
        this.db.exec('COMMIT');
        this.batchOpen = false;
        this.acknowledge(waiters);
      } catch (e) {
        try {
          this.db.exec('ROLLBACK');
        } catch {
          // already rolled back by SQLite
        }
        this.batchOpen = false;
        this.tables.clear();
        this.statements.clear();
        waiters.forEach((w) => w.reject(e));
      }
    });
  }

  /** Committed transactions waiting for the log's fsync, and whether one is under way. */
  private unsynced: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private syncing = false;

  /**
   * Tells committed transactions they are done: at once unless the store syncs the log itself ('full' on a WAL file);
   * then after an fsync begun after their commit. While one fsync runs, the batches committed meanwhile wait for the
   * next, one fsync for all of them. A failed fsync fails them and every later transaction (nothing goes on over
   * writes that may not be on disk).
   */
  private acknowledge(waiters: { resolve: () => void; reject: (e: unknown) => void }[]): void {
    if (!this.walSync) return waiters.forEach((w) => w.resolve());
    this.unsynced.push(...waiters);
    if (!this.syncing) void this.syncLog(this.walSync);
  }

  private async syncLog(wal: { path: string; sync: (walPath: string) => Promise<void> }): Promise<void> {
    this.syncing = true;
    while (this.unsynced.length) {
      const waiters = this.unsynced.splice(0);
      try {
        await wal.sync(wal.path);
        waiters.forEach((w) => w.resolve());
      } catch (e) {
        this.commitFailed ??= e;
        waiters.forEach((w) => w.reject(e));
      }
    }
    this.syncing = false;
  }

  /**
   * The stored layout's version (SQLite's `user_version`): stamps `version` on a database that has none or an older
   * one, and refuses a database written by a newer version of this system (its documents may not read here).
   */
  stampSchemaVersion(version: number): void {
    const found = this.db.pragma('user_version', { simple: true }) as number;
    if (found > version) throw new Error(`the database was written by a newer version of this system (schema ${found}; this code knows ${version})`);
    if (found < version) this.db.pragma(`user_version = ${Math.trunc(version)}`);
  }

  /** Raw SQL for benchmarks that compare against the bare query. Not part of the port. */
  rawAll(sql: string, ...params: unknown[]): unknown[] {
    return this.stmt(sql).all(...params);
  }

  /** Bulk rows for benchmarks (one transaction). Not part of the port. */
  rawBulk(sql: string, rows: unknown[][]): void {
    const st = this.db.prepare(sql);
    this.db.transaction((all: unknown[][]) => {
      for (const r of all) st.run(...r);
    })(rows);
  }

  close(): void {
    if (this.db.open) {
      if (this.batchOpen) this.db.exec('COMMIT');
      this.batchOpen = false;
      this.db.close();
    }
  }
}

/** A projected document from `[type, value, type, value …]` in the order of `fields` (see find). */
function projected(id: string, fields: string[], row: unknown[]): Doc {
  const flat: Doc = { _id: id };
  fields.forEach((f, k) => {
    const type = row[2 * k];
    if (type !== null) flat[f] = type === 'true' ? true : type === 'false' ? false : row[2 * k + 1];
  });
  return unflatten(flat);
}

function unflatten(flat: Doc): Doc {
  const out: Doc = { _id: flat._id };
  for (const [path, value] of Object.entries(flat)) {
    if (path === '_id') continue;
    const parts = path.split('.');
    let node = out as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

function whereSql(where: Where): { clause: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [field, cond] of Object.entries(where)) {
    const col = field === '_id' ? 'id' : json(field);
    for (const [op, value] of conditionEntries(cond)) {
      switch (op) {
        case '$eq':
          if (value === null) parts.push(`${col} IS NULL`);
          else (parts.push(`${col} = ?`), params.push(sqlValue(value as Scalar)));
          break;
        case '$ne':
          if (value === null) parts.push(`${col} IS NOT NULL`);
          else (parts.push(`(${col} IS NULL OR ${col} != ?)`), params.push(sqlValue(value as Scalar)));
          break;
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte':
          parts.push(`${col} ${{ $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]} ?`);
          params.push(value);
          break;
        case '$in': {
          const values = value as Scalar[];
          if (values.length === 0) parts.push('0');
          else (parts.push(`${col} IN (${values.map(() => '?').join(', ')})`), params.push(...values.map(sqlValue)));
          break;
        }
        case '$contains':
          for (const term of Array.isArray(value) ? value : [value]) {
            parts.push(`instr(${col}, ?) > 0`);
            params.push(term);
          }
          break;
        case '$notContains':
          parts.push(`(${col} IS NULL OR instr(${col}, ?) = 0)`);
          params.push(value);
          break;
        case '$has':
          parts.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') WHERE value = ?)`);
          params.push(sqlValue(value as Scalar));
          break;
      }
    }
  }
  return { clause: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

function conditionEntries(cond: Condition): [string, unknown][] {
  return isOperators(cond) ? Object.entries(cond).filter(([, v]) => v !== undefined) : [['$eq', cond]];
}
