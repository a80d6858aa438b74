/**
 * `npm run import:data -- DIR`: an export (JSON Lines per collection + manifest) into a store — the local SQLite store
 * or a CloudBase environment, through the same store port. Nothing is written until the whole export has been read
 * and checked:
 *  1. the manifest: this system's format, a schema no newer than this code, known collections, every file present
 *     with the SHA-256 and the count the manifest gives;
 *  2. every line: a JSON object with a usable `_id`, unique in its file, field names CloudBase accepts — a bad line is
 *     named by its file and line number;
 *  3. the whole: loaded into a scratch SQLite store, where the system's invariants (server/invariants.ts, the rules
 *     every scenario is checked against) must hold.
 * The target must be empty unless `force` is given; then documents whose `_id` is already there are left as they are
 * and counted as skipped (so an interrupted import can simply be run again).
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import readline from 'readline';
import { APPEND_ONLY, INDEXES, STORE_SCHEMA_VERSION } from '../../cloudfunctions/_lib/collections';
import type { Doc, Store } from '../../cloudfunctions/_lib/store/port';
import { checkInvariants } from '../invariants';
import { SqliteStore } from '../sqliteStore';
import { documentsOf, DUMP_COLLECTIONS, DUMP_FORMAT, dumpFileOf, MANIFEST_FILE, type Manifest } from './exportData';

import { DataError } from './errors';
import { FILES_LIST, importFiles, readFiles, renameFiles, type FileEntry, type FileTarget } from './attachments';

const MAX_ID = 128;
const FIELD_NAME = /^[^$.\u0000][^.\u0000]*$/;

/** The first field name CloudBase would refuse (`$…`, dotted, empty), as a path, or null. */
function badFieldName(value: unknown, at: string): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badFieldName(value[i], `${at}[${i}]`);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!FIELD_NAME.test(k)) return `${at}${at ? '.' : ''}${k}`;
      const bad = badFieldName(v, `${at}${at ? '.' : ''}${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

/** The document on one line, or why not (in words for the person running the import). */
export function parseLine(line: string): Doc | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return `不是有效的 JSON（${(e as Error).message}）`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '每行应是一个 JSON 对象（一条记录）';
  const id = (value as { _id?: unknown })._id;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) return `缺少 _id，或 _id 不是 1–${MAX_ID} 个字符的字符串`;
  const bad = badFieldName(value, '');
  if (bad) return `字段名“${bad}”不可用（不能以 $ 开头、不能含点号或为空）`;
  return value as Doc;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new DataError(`读不到导出清单 ${file}：${(e as Error).message}`);
  }
  if (manifest?.format !== DUMP_FORMAT) throw new DataError(`${MANIFEST_FILE} 不是本系统的导出清单`);
  if (!Number.isInteger(manifest.schemaVersion) || manifest.schemaVersion < 1) throw new DataError(`${MANIFEST_FILE} 没有有效的数据格式版本`);
  if (manifest.files !== undefined && (manifest.files?.file !== FILES_LIST || !Number.isInteger(manifest.files.count) || manifest.files.count < 0 || !/^[0-9a-f]{64}$/.test(manifest.files.sha256 ?? '') || !Array.isArray(manifest.files.missing)))
    throw new DataError(`${MANIFEST_FILE} 中的附件清单无效`);
  if (manifest.schemaVersion > STORE_SCHEMA_VERSION)
    throw new DataError(`导出来自更新版本的系统（数据格式 ${manifest.schemaVersion}，本系统认识到 ${STORE_SCHEMA_VERSION}），请先升级本系统`);
  const known = new Set(DUMP_COLLECTIONS);
  for (const [name, entry] of Object.entries(manifest.collections ?? {})) {
    if (!known.has(name)) throw new DataError(`${MANIFEST_FILE} 列出了本系统没有的集合“${name}”`);
    if (entry.file !== dumpFileOf(name)) throw new DataError(`${MANIFEST_FILE} 中集合“${name}”的文件名应为 ${dumpFileOf(name)}`);
    if (!Number.isInteger(entry.count) || entry.count < 0 || !/^[0-9a-f]{64}$/.test(entry.sha256 ?? '')) throw new DataError(`${MANIFEST_FILE} 中集合“${name}”的条数或校验值无效`);
  }
  return manifest;
}

export interface CollectionReport {
  collection: string;
  inFile: number;
  written: number;
  /** Already in the target (only with `force`). */
  skipped: number;
}

export interface ImportReport {
  dryRun: boolean;
  collections: CollectionReport[];
  /** The export's uploaded files: how many, how many put into the target, and ids its documents name without a file. */
  files: { inExport: number; written: number; missing: string[] };
}

/**
 * Reads and checks an export into a scratch store (a temporary SQLite file), which the caller closes and deletes.
 * Throws DataError naming the file and line of the first problem.
 */
export async function loadDump(dir: string, scratchFile: string): Promise<{ manifest: Manifest; scratch: SqliteStore }> {
  const manifest = readManifest(dir);
  const scratch = new SqliteStore({ filename: scratchFile, indexes: INDEXES, appendOnly: APPEND_ONLY });
  try {
    for (const [collection, entry] of Object.entries(manifest.collections)) {
      const file = path.join(dir, entry.file);
      if (!fs.existsSync(file)) throw new DataError(`缺少文件 ${entry.file}`);
      const hash = crypto.createHash('sha256');
      const ids = new Set<string>();
      let lineNo = 0;
      let batch: Doc[] = [];
      const flush = async () => {
        const docs = batch;
        batch = [];
        if (docs.length) await scratch.transaction(async (tx) => void (await Promise.all(docs.map((d) => tx.insert(collection, d)))));
      };
      const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) {
        lineNo++;
        hash.update(line + '\n');
        if (line.trim() === '') throw new DataError(`${entry.file} 第 ${lineNo} 行：空行（每行应是一条记录）`);
        const doc = parseLine(line);
        if (typeof doc === 'string') throw new DataError(`${entry.file} 第 ${lineNo} 行：${doc}`);
        if (ids.has(doc._id)) throw new DataError(`${entry.file} 第 ${lineNo} 行：_id “${doc._id}” 在本文件中重复`);
        ids.add(doc._id);
        batch.push(doc);
        if (batch.length >= 500) await flush();
      }
      await flush();
      if (lineNo !== entry.count) throw new DataError(`${entry.file} 有 ${lineNo} 条记录，清单上是 ${entry.count} 条`);
      if (hash.digest('hex') !== entry.sha256) throw new DataError(`${entry.file} 的校验值与清单不符（文件在导出后被改动或不完整）`);
    }
    const broken = await checkInvariants(scratch);
    if (broken.length)
      throw new DataError(`导出的数据不满足本系统的规则（${broken.length} 处），未写入任何数据：\n  ${broken.slice(0, 20).join('\n  ')}${broken.length > 20 ? '\n  …' : ''}`);
    return { manifest, scratch };
  } catch (e) {
    scratch.close();
    throw e;
  }
}

/** Collections of `target` that already hold documents, with their counts. */
export async function occupied(target: Store): Promise<Record<string, number>> {
  const counts = await Promise.all(DUMP_COLLECTIONS.map(async (c) => [c, await target.count(c)] as const));
  return Object.fromEntries(counts.filter(([, n]) => n > 0));
}

export interface ImportOptions {
  /** Allow a target that already holds documents; documents already there (by `_id`) are skipped. */
  force?: boolean;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Documents per transaction (CloudBase: keep it small). */
  batchSize?: number;
  /** Transactions in flight at once. */
  concurrency?: number;
  onCollection?: (report: CollectionReport) => void;
  /** Where the export's files go (the target's uploads folder or cloud storage); absent: documents keep the ids they had. */
  files?: FileTarget;
}

export async function importData(dir: string, target: Store, options: ImportOptions = {}): Promise<ImportReport> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-import-'));
  try {
    const { manifest, scratch } = await loadDump(dir, path.join(tmp, 'scratch.sqlite'));
    try {
      const taken = await occupied(target);
      if (Object.keys(taken).length && !options.force)
        throw new DataError(
          `目标数据库不是空的（${Object.entries(taken)
            .map(([c, n]) => `${c} ${n} 条`)
            .join('，')}）。确认要并入时加 --force：已存在的记录（同一 _id）保持不动，其余写入。`,
        );
      // The files are checked with everything else, and put in place before any document names their new ids.
      const entries: FileEntry[] = manifest.files ? await readFiles(dir, manifest.files) : [];
      const moved = !options.dryRun && options.files ? await importFiles(dir, entries, options.files) : new Map<string, string>();
      const reports: CollectionReport[] = [];
      for (const [collection, entry] of Object.entries(manifest.collections)) {
        const report: CollectionReport = { collection, inFile: entry.count, written: 0, skipped: 0 };
        if (!options.dryRun) await copyCollection(scratch, target, collection, report, options, moved);
        reports.push(report);
        options.onCollection?.(report);
      }
      return { dryRun: Boolean(options.dryRun), collections: reports, files: { inExport: entries.length, written: moved.size, missing: manifest.files?.missing ?? [] } };
    } finally {
      scratch.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function copyCollection(from: Store, to: Store, collection: string, report: CollectionReport, options: ImportOptions, moved: Map<string, string>): Promise<void> {
  const size = options.batchSize ?? 200;
  const lanes = options.concurrency ?? 1;
  for await (const page of documentsOf(from, collection)) {
    const batches: Doc[][] = [];
    for (let i = 0; i < page.length; i += size) batches.push(page.slice(i, i + size));
    for (let i = 0; i < batches.length; i += lanes) {
      const outcomes = await Promise.all(
        batches.slice(i, i + lanes).map((docs) =>
          to.transaction(async (tx) => {
            let written = 0;
            for (const doc of docs) {
              if (options.force && (await tx.get(collection, doc._id))) continue;
              await tx.insert(collection, renameFiles(doc, moved));
              written++;
            }
            return { written, skipped: docs.length - written };
          }),
        ),
      );
      for (const o of outcomes) {
        report.written += o.written;
        report.skipped += o.skipped;
      }
    }
  }
}
