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

interface SdkResult {
  code?: string;
  message?: string;
  [k: string]: any;
}

function check<T extends SdkResult>(res: T, collection: string, id?: string): T {
  if (res && res.code) {
    if (id && /duplicate|E11000|already exist/i.test(`${res.code} ${res.message}`)) throw new DuplicateKeyError(collection, id);
    throw new Error(`cloudbase ${collection}: ${res.code} ${res.message ?? ''}`);
  }
  return res;
}

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
      else if (op === '$notContains') parts.push(_.not(this.db.RegExp({ regexp: escapeRegExp(v as string), options: '' })));
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
    for (const [k, v] of Object.entries(patch)) out[k] = isIncrement(v) ? _.inc(v.$inc) : v === undefined ? _.remove() : v;
    return out;
  }

  async get<T extends HasId = Doc>(collection: string, id: string): Promise<T | null> {
    this.outsideTx('store.get');
    checkCollection(collection);
    const res = check(await this.db.collection(collection).doc(id).get(), collection);
    return (res.data?.[0] as T) ?? null;
  }

  async find<T extends HasId = Doc>(collection: string, query: Query = {}): Promise<T[]> {
    this.outsideTx('a query');
    checkCollection(collection);
    const { skip, limit } = checkQuery(query);
    let q = this.db.collection(collection).where(this.where(query.where ?? {}));
    for (const [field, dir] of query.orderBy ?? []) q = q.orderBy(field, dir);
    if (skip) q = q.skip(skip);
    const res = check(await q.limit(limit).get(), collection);
    return res.data as T[];
  }

  async count(collection: string, where: Where = {}): Promise<number> {
    this.outsideTx('a count');
    checkCollection(collection);
    checkQuery({ where });
    const res = check(await this.db.collection(collection).where(this.where(where)).count(), collection);
    return res.total as number;
  }

  async insert<T extends object>(collection: string, doc: T): Promise<string> {
    this.outsideTx('store.insert');
    checkCollection(collection);
    const id = (doc as { _id?: string })._id ?? newId();
    check(await this.db.collection(collection).add({ ...doc, _id: id }), collection, id);
    return id;
  }

  async update(collection: string, id: string, patch: Patch): Promise<boolean> {
    this.outsideTx('store.update');
    checkCollection(collection);
    const res = check(await this.db.collection(collection).doc(id).update(this.patch(patch)), collection);
    return (res.updated ?? 0) > 0 || (res.matched ?? 0) > 0;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    this.outsideTx('a nested transaction');
    return this.db.runTransaction(async (t: any) => {
      const tx: Tx = {
        get: async <D extends HasId>(c: string, id: string): Promise<D | null> => {
          checkCollection(c);
          const res = check(await t.collection(c).doc(id).get(), c);
          return (res.data as D | null) ?? null;
        },
        insert: async (c, doc) => {
          checkCollection(c);
          check(await t.collection(c).add(doc), c, doc._id);
          return doc._id;
        },
        set: async (c, id, doc) => {
          checkCollection(c);
          const { _id: _omit, ...body } = doc as { _id?: string };
          check(await t.collection(c).doc(id).set(body), c);
        },
        update: async (c, id, patch) => {
          checkCollection(c);
          const res = check(await t.collection(c).doc(id).update(this.patch(patch)), c);
          if ((res.updated ?? 0) === 0 && (res.matched ?? 1) === 0) throw new MissingDocumentError(c, id);
        },
        remove: async (c, id) => {
          checkCollection(c);
          check(await t.collection(c).doc(id).delete(), c);
        },
      };
      return this.inTx.run(true, () => fn(tx));
    });
  }
}
