/**
 * `npm run backup` and the server's daily backup: a consistent snapshot of `DATA_DIR/store.sqlite` while the server may
 * be writing, through SQLite's online backup API (better-sqlite3 `db.backup()`) on a connection of its own. The copy is
 * written beside its final name, checked with `PRAGMA integrity_check`, and only then renamed into place, so a backup
 * file that exists is whole. Every write acknowledged before the backup began is in it (a write is acknowledged only
 * after its commit, and the snapshot is taken in one read of the committed database).
 */
import Database from 'better-sqlite3';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import fs from 'fs';
import path from 'path';
import { SHANGHAI_OFFSET_MINUTES } from '../../types/time';
import { DataError } from './errors';
import { STORE_FILE } from './storeLock';

dayjs.extend(utc);

export const BACKUP_DIR = 'backups';
const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.sqlite$/;

export interface BackupReport {
  file: string;
  bytes: number;
  /** Shanghai time the snapshot was taken, `YYYY-MM-DD HH:mm:ss`. */
  takenAt: string;
  schemaVersion: number;
  /** Documents per collection (tables `c_<collection>`), non-empty ones. */
  counts: Record<string, number>;
  ms: number;
}

/** `2026-12-05T14-30-00.sqlite`: Shanghai time, sortable, safe in every file system. */
export function backupFileName(at: Date): string {
  return `${dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD[T]HH-mm-ss')}.sqlite`;
}

/** What a database file holds: its integrity, its schema version and how many documents per collection. */
export function inspectDatabase(file: string): { integrity: string; schemaVersion: number; counts: Record<string, number> } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const counts: Record<string, number> = {};
    if (integrity === 'ok') {
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`).all() as { name: string }[];
      for (const { name } of tables) {
        const n = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
        if (n > 0) counts[name.slice(2)] = n;
      }
    }
    return { integrity, schemaVersion, counts };
  } finally {
    db.close();
  }
}

/**
 * Snapshots `dataDir`'s store into `out` (default `dataDir/backups/<Shanghai date-time>.sqlite`). The source stays
 * usable by the server throughout: the snapshot is read in a single backup step, so writes by the server's own
 * connection neither restart nor tear it (WAL readers do not block writers).
 */
export async function takeBackup(options: { dataDir: string; out?: string; now?: Date }): Promise<BackupReport> {
  const started = Date.now();
  const source = path.join(options.dataDir, STORE_FILE);
  if (!fs.existsSync(source)) throw new DataError(`没有找到数据库：${source}（DATA_DIR 是否正确？）`);
  const now = options.now ?? new Date();
  const out = path.resolve(options.out ?? path.join(options.dataDir, BACKUP_DIR, backupFileName(now)));
  if (fs.existsSync(out)) throw new DataError(`备份文件已存在，不会覆盖：${out}`);
  fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });

  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // One step copies every page: a step that stopped half-way would restart whenever the server commits.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }
  // The copy is a complete database by itself: no WAL beside it.
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const seen = inspectDatabase(partial);
  if (seen.integrity !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new DataError(`备份文件校验未通过（integrity_check: ${seen.integrity}），已删除`);
  }
  // As private as the database: personal data is in it.
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, out);
  return {
    file: out,
    bytes: fs.statSync(out).size,
    takenAt: dayjs(now).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm:ss'),
    schemaVersion: seen.schemaVersion,
    counts: seen.counts,
    ms: Date.now() - started,
  };
}

export interface BackupFile {
  file: string;
  bytes: number;
  /** Shanghai time from the name, `YYYY-MM-DD HH:mm:ss`. */
  takenAt: string;
  /** Shanghai date from the name. */
  date: string;
}

/** The backups in `dir` that this system made, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, m: BACKUP_NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.name < b.name ? 1 : -1))
    .map(({ name, m }) => ({ file: path.join(dir, name), bytes: fs.statSync(path.join(dir, name)).size, takenAt: `${m[1]} ${m[2]}:${m[3]}:${m[4]}`, date: m[1] }));
}

/** Deletes all but the newest `keep` backups in `dir`; returns the deleted files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(Math.max(0, keep));
  for (const b of old) fs.rmSync(b.file, { force: true });
  return old.map((b) => b.file);
}
