/**
 * The document-store port: the subset of the CloudBase database that use cases may rely on.
 * Two adapters implement it (SQLite locally, CloudBase in the cloud) and one contract suite tests both.
 */

export type Scalar = string | number | boolean | null;

/** Conditions on one field. Several operators on one field combine with AND. */
export interface Operators {
  $eq?: Scalar;
  $ne?: Scalar;
  $gt?: string | number;
  $gte?: string | number;
  $lt?: string | number;
  $lte?: string | number;
  $in?: Scalar[];
  /** Case-sensitive substring; an array needs every one (CloudBase: escaped db.RegExp). */
  $contains?: string | string[];
  /** Case-sensitive: the field does not contain this substring. */
  $notContains?: string;
  /** The field is an array holding this value (CloudBase: _.all([value])). */
  $has?: Scalar;
}
export type Condition = Scalar | Operators;
/** Field paths may be dotted (`spec.content.audience`). All conditions combine with AND. */
export type Where = Record<string, Condition>;

export interface Query {
  where?: Where;
  orderBy?: [field: string, direction: 'asc' | 'desc'][];
  skip?: number;
  /** Default 100, at most 1000 (CloudBase's server-side maximum). */
  limit?: number;
  /**
   * Only these fields (dotted paths allowed) and `_id` come back, nested as stored: CloudBase's `field()` projection, so
   * a read of many documents for a few fields moves a few fields (issues 24 and 25: the search index, the dashboard). A
   * field the document lacks is absent. Absent: the whole document.
   */
  fields?: string[];
}

/** A value in an update patch: a plain value to set, or an atomic increment. */
export type PatchValue = unknown | { $inc: number };
/** Keys may be dotted to set a nested field. */
export type Patch = Record<string, PatchValue>;

/** Any stored document type: it has an `_id`. */
export interface HasId {
  _id: string;
}

export interface Doc {
  _id: string;
  [key: string]: unknown;
}

/** Operations allowed inside a transaction: single documents by id, as CloudBase allows. No queries. */
export interface Tx {
  get<T extends HasId = Doc>(collection: string, id: string): Promise<T | null>;
  /** Fails with DuplicateKeyError when the id exists. */
  insert<T extends HasId>(collection: string, doc: T): Promise<string>;
  /** Replaces (or creates) the whole document. */
  set<T extends object>(collection: string, id: string, doc: T): Promise<void>;
  /** Fails with MissingDocumentError when there is no such document. */
  update(collection: string, id: string, patch: Patch): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

export interface Store {
  get<T extends HasId = Doc>(collection: string, id: string): Promise<T | null>;
  find<T extends HasId = Doc>(collection: string, query?: Query): Promise<T[]>;
  count(collection: string, where?: Where): Promise<number>;
  /** Inserts; a missing `_id` is generated. Returns the id. */
  insert<T extends object>(collection: string, doc: T): Promise<string>;
  /** Returns false when there is no such document. */
  update(collection: string, id: string, patch: Patch): Promise<boolean>;
  /** Runs `fn` atomically: all of its writes happen, or none. `fn` may be retried by the adapter. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close?(): Promise<void> | void;
}

/** Thrown for what CloudBase would refuse, so such code fails locally first. */
export class UnsupportedQueryError extends Error {
  constructor(message: string) {
    super(`store: ${message}`);
    this.name = 'UnsupportedQueryError';
  }
}
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`store: ${collection}/${id} exists`);
    this.name = 'DuplicateKeyError';
  }
}
export class MissingDocumentError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`store: ${collection}/${id} does not exist`);
    this.name = 'MissingDocumentError';
  }
}

export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const COLLECTION = /^[a-z][A-Za-z0-9_]{0,63}$/;
const OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$contains', '$notContains', '$has']);

export function isOperators(c: Condition): c is Operators {
  return typeof c === 'object' && c !== null && !Array.isArray(c);
}

export function isIncrement(v: PatchValue): v is { $inc: number } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { $inc?: unknown }).$inc === 'number';
}

export function checkCollection(name: string): void {
  if (!COLLECTION.test(name)) throw new UnsupportedQueryError(`bad collection name ${JSON.stringify(name)}`);
}

export function checkField(path: string): void {
  if (!FIELD.test(path)) throw new UnsupportedQueryError(`bad field path ${JSON.stringify(path)}`);
}

/** Validates a query against the subset both adapters support, and returns its page bounds. */
export function checkQuery(query: Query): { skip: number; limit: number } {
  for (const [field, cond] of Object.entries(query.where ?? {})) {
    checkField(field);
    if (Array.isArray(cond)) throw new UnsupportedQueryError(`array equality on ${field}; use $in`);
    if (isOperators(cond)) {
      const ops = Object.keys(cond);
      if (ops.length === 0) throw new UnsupportedQueryError(`empty condition on ${field}`);
      for (const op of ops) if (!OPERATORS.has(op)) throw new UnsupportedQueryError(`operator ${op} is outside the supported subset`);
      if (cond.$in !== undefined && (!Array.isArray(cond.$in) || cond.$in.length > 100))
        throw new UnsupportedQueryError(`$in on ${field} needs an array of at most 100 values`);
      const contains = cond.$contains === undefined ? [] : Array.isArray(cond.$contains) ? cond.$contains : [cond.$contains];
      if (contains.length > 10 || contains.some((c) => typeof c !== 'string' || c === ''))
        throw new UnsupportedQueryError(`$contains on ${field} needs one to ten non-empty strings`);
      if (cond.$notContains !== undefined && (typeof cond.$notContains !== 'string' || cond.$notContains === ''))
        throw new UnsupportedQueryError(`$notContains on ${field} needs a non-empty string`);
      if (cond.$has !== undefined && (typeof cond.$has === 'object' && cond.$has !== null)) throw new UnsupportedQueryError(`$has on ${field} needs a scalar`);
    }
  }
  if (query.fields !== undefined) {
    if (!Array.isArray(query.fields) || query.fields.length === 0) throw new UnsupportedQueryError('fields needs at least one field');
    query.fields.forEach(checkField);
  }
  for (const [field, dir] of query.orderBy ?? []) {
    checkField(field);
    if (dir !== 'asc' && dir !== 'desc') throw new UnsupportedQueryError(`order direction ${String(dir)}`);
  }
  if (query.fields !== undefined) {
    if (!Array.isArray(query.fields) || query.fields.length === 0 || query.fields.length > 20) throw new UnsupportedQueryError('fields needs one to twenty field paths');
    query.fields.forEach(checkField);
  }
  const limit = query.limit ?? DEFAULT_PAGE;
  const skip = query.skip ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new UnsupportedQueryError(`page of ${limit} documents (1 to ${MAX_PAGE})`);
  if (!Number.isInteger(skip) || skip < 0) throw new UnsupportedQueryError(`skip of ${skip}`);
  return { skip, limit };
}

export function checkPatch(patch: Patch): void {
  const keys = Object.keys(patch);
  if (keys.length === 0) throw new UnsupportedQueryError('empty update');
  for (const key of keys) {
    checkField(key);
    if (key === '_id') throw new UnsupportedQueryError('_id cannot be updated');
    const v = patch[key];
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('$')) && !isIncrement(v))
      throw new UnsupportedQueryError(`update operator in ${key} is outside the supported subset`);
  }
}

/** The fields of `doc` that a projection names (dotted paths, nested as stored; arrays are not indexed into), and its `_id`. */
export function pickFields<T extends HasId>(doc: T, fields: string[] | undefined): T {
  if (!fields) return doc;
  const out: Record<string, unknown> = { _id: doc._id };
  for (const f of fields) {
    const parts = f.split('.');
    let from: unknown = doc;
    for (const p of parts) from = from !== null && typeof from === 'object' && !Array.isArray(from) ? (from as Record<string, unknown>)[p] : undefined;
    if (from === undefined) continue;
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = from;
  }
  return out as T;
}

/** Applies a patch to a plain document (used by adapters that update in memory). */
export function applyPatch(doc: Doc, patch: Patch): Doc {
  const next = structuredClone(doc);
  for (const [key, value] of Object.entries(patch)) {
    const parts = key.split('.');
    let node = next as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) {
      if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
      node = node[p] as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1];
    node[leaf] = isIncrement(value) ? (typeof node[leaf] === 'number' ? (node[leaf] as number) : 0) + value.$inc : structuredClone(value);
  }
  return next;
}
