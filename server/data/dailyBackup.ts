/**
 * The running server's own backup, once a day: at start and every ten minutes it takes one when none was taken today
 * (Shanghai date) and the time of day has reached `BACKUP_AT` — so an office machine that is off at night still gets
 * its backup when it is switched on — and keeps the newest `BACKUP_KEEP`. Settings from the environment:
 * `BACKUP_AT` (`HH:mm`, default 03:00; `off` turns the daily backup off) and `BACKUP_KEEP` (default 14).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import path from 'path';
import { SHANGHAI_OFFSET_MINUTES } from '../../types/time';
import { BACKUP_DIR, listBackups, pruneBackups, takeBackup, type BackupFile, type BackupReport } from './takeBackup';

dayjs.extend(utc);

export interface BackupSchedule {
  /** Time of day, `HH:mm`, Asia/Shanghai. */
  at: string;
  /** How many daily backups to keep. */
  keep: number;
}

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { at: '03:00', keep: 14 };
export const BACKUP_CHECK_MS = 10 * 60 * 1000;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The schedule from BACKUP_AT / BACKUP_KEEP, null when BACKUP_AT=off; a bad value is an error at start. */
export function backupScheduleFromEnv(env: NodeJS.ProcessEnv): BackupSchedule | null {
  const at = env.BACKUP_AT?.trim() || DEFAULT_BACKUP_SCHEDULE.at;
  if (at === 'off') return null;
  if (!HH_MM.test(at)) throw new Error(`BACKUP_AT should be HH:mm (e.g. 03:00) or off, not ${JSON.stringify(env.BACKUP_AT)}`);
  const keep = env.BACKUP_KEEP === undefined || env.BACKUP_KEEP === '' ? DEFAULT_BACKUP_SCHEDULE.keep : Number(env.BACKUP_KEEP);
  if (!Number.isInteger(keep) || keep < 1 || keep > 3650) throw new Error(`BACKUP_KEEP should be a whole number from 1 to 3650, not ${JSON.stringify(env.BACKUP_KEEP)}`);
  return { at, keep };
}

/** Whether a daily backup is due at `now`: none yet today, and today's `at` has come. */
export function backupDue(now: Date, newest: Pick<BackupFile, 'date'> | null, at: string): boolean {
  const local = dayjs(now).utcOffset(SHANGHAI_OFFSET_MINUTES);
  if (newest && newest.date >= local.format('YYYY-MM-DD')) return false;
  return local.format('HH:mm') >= at;
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** Starts the daily check; returns a function that stops it. */
export function startDailyBackup(options: {
  dataDir: string;
  schedule: BackupSchedule;
  log: (line: string) => void;
  now?: () => Date;
  checkEveryMs?: number;
}): () => void {
  const dir = backupsDir(options.dataDir);
  const now = options.now ?? (() => new Date());
  let running = false;
  const check = async (): Promise<BackupReport | null> => {
    if (running || !backupDue(now(), listBackups(dir)[0] ?? null, options.schedule.at)) return null;
    running = true;
    try {
      const report = await takeBackup({ dataDir: options.dataDir, now: now() });
      const removed = pruneBackups(dir, options.schedule.keep);
      options.log(`[backup] 每日备份完成：${report.file}（${Math.ceil(report.bytes / 1024)} KB，${report.ms} ms）${removed.length ? `，删除旧备份 ${removed.length} 个` : ''}`);
      return report;
    } catch (e) {
      options.log(`[backup] 每日备份失败：${(e as Error).message}`);
      return null;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), options.checkEveryMs ?? BACKUP_CHECK_MS);
  timer.unref();
  void check();
  return () => clearInterval(timer);
}
