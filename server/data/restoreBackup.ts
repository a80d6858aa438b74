/**
 * `npm run restore -- FILE`: puts a backup in place of `DATA_DIR/store.sqlite`, leaving the system exactly as it was
 * when the backup was taken (every collection, the audit trail included). It refuses while a server holds that
 * DATA_DIR, refuses a file that fails SQLite's integrity check, is not this system's database, or comes from a newer
 * schema than this code knows; and it keeps the database it replaces beside it (`store.sqlite.before-restore-…`).
 */
import Database from 'better-sqlite3';
import fs from 'fs';
import path from 'path';
import { STORE_SCHEMA_VERSION } from '../../cloudfunctions/_lib/collections';
import { DataError } from './errors';
import { backupFileName, inspectDatabase } from './takeBackup';
import { STORE_FILE, storeHolder } from './storeLock';

export interface RestoreReport {
  restored: string;
  /** Where the replaced database now is (null when there was none). */
  keptAs: string | null;
  schemaVersion: number;
  counts: Record<string, number>;
}

export async function restoreBackup(options: { dataDir: string; file: string; now?: Date }): Promise<RestoreReport> {
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new DataError(`没有找到备份文件：${file}`);
  const holder = storeHolder(options.dataDir);
  if (holder) throw new DataError(`数据目录正被运行中的服务使用（进程 ${holder.pid}，自 ${holder.startedAt}），请先停止服务（Ctrl-C）再恢复`);

  // Check a private copy: the backup file itself is never opened for writing.
  fs.mkdirSync(options.dataDir, { recursive: true });
  const target = path.join(options.dataDir, STORE_FILE);
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  fs.copyFileSync(file, incoming);
  try {
    let seen: ReturnType<typeof inspectDatabase>;
    try {
      seen = inspectDatabase(incoming);
    } catch (e) {
      throw new DataError(`这不是可用的数据库文件：${(e as Error).message}`);
    }
    if (seen.integrity !== 'ok') throw new DataError(`备份文件已损坏（integrity_check: ${seen.integrity.slice(0, 200)}），未作任何改动`);
    if (seen.schemaVersion > STORE_SCHEMA_VERSION)
      throw new DataError(`备份来自更新版本的系统（数据格式 ${seen.schemaVersion}，本系统认识到 ${STORE_SCHEMA_VERSION}），请先升级本系统再恢复`);
    // A database of this system has its schema stamp (written when the server opens it) or at least its collections.
    if (seen.schemaVersion === 0 && Object.keys(seen.counts).length === 0) throw new DataError('这个文件不是本系统的数据库备份，未作任何改动');
    // The running server uses WAL; the restored file starts in it too.
    const db = new Database(incoming);
    try {
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }

    let keptAs: string | null = null;
    if (fs.existsSync(target)) {
      // Fold the WAL into the database first, so the kept copy is one self-contained file.
      const current = new Database(target);
      try {
        current.pragma('wal_checkpoint(TRUNCATE)');
        current.pragma('journal_mode = DELETE');
      } finally {
        current.close();
      }
      const stamp = backupFileName(options.now ?? new Date()).replace(/\.sqlite$/, '');
      keptAs = `${target}.before-restore-${stamp}`;
      for (let i = 2; fs.existsSync(keptAs); i++) keptAs = `${target}.before-restore-${stamp}-${i}`;
      fs.renameSync(target, keptAs);
    }
    for (const side of ['-wal', '-shm']) fs.rmSync(target + side, { force: true });
    fs.renameSync(incoming, target);
    for (const side of ['-wal', '-shm']) if (fs.existsSync(incoming + side)) fs.renameSync(incoming + side, target + side);
    return { restored: file, keptAs, schemaVersion: seen.schemaVersion, counts: seen.counts };
  } finally {
    for (const f of [incoming, `${incoming}-wal`, `${incoming}-shm`]) fs.rmSync(f, { force: true });
  }
}
