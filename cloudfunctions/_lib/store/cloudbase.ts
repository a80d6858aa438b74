/**
 * The CloudBase adapter of the store port, used inside deployed functions.
 * Translates the port's subset into @cloudbase/node-sdk queries, commands and transactions.
 */
import { AsyncLocalStorage } from 'async_hooks';
import {
  checkCollection,
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
  type Store,
  type Tx,
  type Where,
} from './port';
import { newId } from '../ids';

/* The SDK's own .d.ts files do not type-check, and its transaction API is typed `any`. */
type Db = any;

/**
 * node-sdk throws every error reply (dist/utils/tcbapirequester.js:request → utils.js:processReturn): a TcbError carrying the
 * gateway's `code` and `message`. Only a duplicate key becomes the port's DuplicateKeyError; everything else goes on unchanged,
 * so `runTransaction` still sees `code: 'DATABASE_TRANSACTION_CONFLICT'` and retries
 * (@cloudbase/database dist/commonjs/transaction/index.js:runTransaction).
 */
export function isDuplicateKey(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  // https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE; E11000 is MongoDB's own duplicate-key message.
  return err.code === 'DATABASE_DUPLICATE_WRITE' || /E11000|duplicate key/i.test(String(err.message ?? ''));
}

async function writing<T>(op: Promise<T>, collection: string, id: string): Promise<T> {
  try {
    return await op;
  } catch (e) {
    if (isDuplicateKey(e)) throw new DuplicateKeyError(collection, id);
    throw e;
  }
}

/** @cloudbase/database dist/commonjs/const/code.js: the code runTransaction retries on. */
const TX_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const TX_ROUNDS = 8;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class CloudbaseStore implements Store {
  private readonly inTx = new AsyncLocalStorage<boolean>();

  constructor(private readonly db: Db) {}

  /** The same refusal as the SQLite adapter: work inside a transaction goes through `tx` only. */
  private outsideTx(what: string): void {
    if (this.inTx.getStore()) throw new UnsupportedQueryError(`${what} inside a transaction (single-document operations only)`);
  }

  private where(where: Where): Record<string, unknown> {
    const _ = this.db.command;
    const out: Record<string, unknown> = {};
    for (const [field, cond] of Object.entries(where)) out[field] = this.condition(_, cond);
    return out;
  }

  private condition(_: any, cond: Condition): unknown {
    if (!isOperators(cond)) return cond === null ? _.eq(null) : cond;
    const parts: unknown[] = [];
    for (const [op, v] of Object.entries(cond)) {
      if (v === undefined) continue;
      if (op === '$contains') for (const term of Array.isArray(v) ? v : [v]) parts.push(this.db.RegExp({ regexp: escapeRegExp(term as string), options: '' }));
      // The SDK's `_.not` serialises only a native RegExp: `_.not(db.RegExp(...))` goes out as `{}` and matches nothing.
      else if (op === '$notContains') parts.push(_.not(new RegExp(escapeRegExp(v as string))));
      else if (op === '$has') parts.push(_.all([v]));
      else if (op === '$in') parts.push(_.in(v));
      else parts.push(_[op.slice(1) === 'ne' ? 'neq' : op.slice(1)](v));
    }
    return parts.length === 1 ? parts[0] : _.and(...parts);
  }

  private patch(patch: Patch): Record<string, unknown> {
    checkPatch(patch);
    const _ = this.db.command;
    const out: Record<string, unknown> = {};
    // A plain object would be flattened by the SDK into dotted `$set` paths (serializer/update.js) and merged into what is
    // stored; the port replaces the value, so it goes out as `_.set(value)`.
    for (const [k, v] of Object.entries(patch)) out[k] = isIncrement(v) ? _.inc(v.$inc) : v === undefined ? _.remove() : isPlainObject(v) ? _.set(v) : v;
    return out;
  }

  async get<T extends HasId = Doc>(collection: string, id: string): Promise<T | null> {
    this.outsideTx('store.get');
    checkCollection(collection);
    const res = await this.db.collection(collection).doc(id).get();
    return (res.data?.[0] as T) ?? null;
  }

  async find<T extends HasId = Doc>(collection: string, query: Query = {}): Promise<T[]> {
    this.outsideTx('a query');
    checkCollection(collection);
    const { skip, limit } = checkQuery(query);
    let q = this.db.collection(collection).where(this.where(query.where ?? {}));
    for (const [field, dir] of query.orderBy ?? []) q = q.orderBy(field, dir);
    if (skip) q = q.skip(skip);
    if (query.fields) q = q.field(Object.fromEntries(query.fields.map((f) => [f, true])));
    const res = await q.limit(limit).get();
    return res.data as T[];
  }

  async count(collection: string, where: Where = {}): Promise<number> {
    this.outsideTx('a count');
    checkCollection(collection);
    checkQuery({ where });
    const res = await this.db.collection(collection).where(this.where(where)).count();
    return res.total as number;
  }

  async insert<T extends object>(collection: string, doc: T): Promise<string> {
    this.outsideTx('store.insert');
    checkCollection(collection);
    const id = (doc as { _id?: string })._id ?? newId();
    await writing(this.db.collection(collection).add({ ...doc, _id: id }), collection, id);
    return id;
  }

  async update(collection: string, id: string, patch: Patch): Promise<boolean> {
    this.outsideTx('store.update');
    checkCollection(collection);
    const res = await this.db.collection(collection).doc(id).update(this.patch(patch));
    if ((res.updated ?? 0) > 0) return true;
    // `updated` is MongoDB's count of changed documents (the SDK drops `matched`): 0 also when the values were already so.
    return (await this.get(collection, id)) !== null;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    this.outsideTx('a nested transaction');
    // The SDK retries a conflict at once, three times; under contention (many callers on one document) that runs out, so
    // whole rounds are retried here after a random pause, and only conflicts are.
    for (let round = 1; ; round++) {
      try {
        return await this.attempt(fn);
      } catch (e) {
        if (round >= TX_ROUNDS || (e as { code?: unknown } | null)?.code !== TX_CONFLICT) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * round));
      }
    }
  }

  private attempt<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.runTransaction(async (t: any) => {
      // Documents this attempt knows to exist (read, inserted or set in it), so an update of one needs no check read.
      const present = new Set<string>();
      const key = (c: string, id: string) => `${c}/${id}`;
      const tx: Tx = {
        get: async <D extends HasId>(c: string, id: string): Promise<D | null> => {
          checkCollection(c);
          const res = await t.collection(c).doc(id).get();
          const doc = (res.data as D | null) ?? null;
          if (doc) present.add(key(c, id));
          else present.delete(key(c, id));
          return doc;
        },
        insert: async (c, doc) => {
          checkCollection(c);
          await writing(t.collection(c).add(doc), c, doc._id);
          present.add(key(c, doc._id));
          return doc._id;
        },
        set: async (c, id, doc) => {
          checkCollection(c);
          const { _id: _omit, ...body } = doc as { _id?: string };
          await t.collection(c).doc(id).set(body);
          present.add(key(c, id));
        },
        update: async (c, id, patch) => {
          checkCollection(c);
          const ops = this.patch(patch);
          // The reply to an update says only how many documents changed (0 for a missing one and for a no-op alike), so a
          // document this transaction has not seen is read first, in the same transaction: a missing one fails the
          // transaction, as the port promises.
          if (!present.has(key(c, id)) && !(await tx.get(c, id))) throw new MissingDocumentError(c, id);
          await t.collection(c).doc(id).update(ops);
        },
        remove: async (c, id) => {
          checkCollection(c);
          await t.collection(c).doc(id).delete();
          present.delete(key(c, id));
        },
      };
      return this.inTx.run(true, () => fn(tx));
    });
  }
}
