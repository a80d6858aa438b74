/**
 * Which process has a DATA_DIR's database open: the local server writes `DATA_DIR/store.lock` (its pid) when it opens
 * the store and removes it when it closes. A restore or an import into that folder refuses while the holder lives.
 * A lock left by a process that died (kill -9, power cut) names a pid that no longer exists, and is ignored.
 */
import fs from 'fs';
import path from 'path';

export const STORE_FILE = 'store.sqlite';
export const LOCK_FILE = 'store.lock';

export interface StoreLock {
  pid: number;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks the store as held by this process; the returned function releases it (only if it is still ours). */
export function holdStoreLock(dataDir: string, now = new Date()): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const lock: StoreLock = { pid: process.pid, startedAt: now.toISOString() };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(lock));
  return () => {
    try {
      const held = JSON.parse(fs.readFileSync(file, 'utf8')) as StoreLock;
      if (held.pid === lock.pid && held.startedAt === lock.startedAt) fs.rmSync(file, { force: true });
    } catch {
      // gone already
    }
  };
}

/** The live process holding the store in `dataDir`, or null. */
export function storeHolder(dataDir: string): StoreLock | null {
  let lock: StoreLock;
  try {
    lock = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as StoreLock;
  } catch {
    return null;
  }
  return Number.isInteger(lock.pid) && lock.pid > 0 && alive(lock.pid) ? lock : null;
}
