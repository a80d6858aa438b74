/**
 * `npm start`'s first start (SEED_DEMO=1, a fresh DATA_DIR): a whole year of the catalogue, played through the real use
 * cases into a store file of its own, which is moved into place only once it is complete — so seeding happens once,
 * and a start that dies half-way leaves nothing behind but a file the next start replaces. The sign-ins of the demo's
 * people are kept in DATA_DIR/demo-accounts.txt (local mode only: nothing of this is in the cloud functions).
 */
import fs from 'fs';
import path from 'path';
import { APPEND_ONLY, INDEXES } from '../../cloudfunctions/_lib/collections';
import { shanghaiDate } from '../../types/time';
import { LocalDownloads } from '../downloads';
import { LocalFileStore } from '../localFiles';
import { SqliteStore } from '../sqliteStore';
import { DemoDriver } from './driver';
import type { DemoAccount } from './acts';
import { DemoStory } from './story';
import { demoTimeline } from './timeline';

export const STORE_FILE = 'store.sqlite';
export const ACCOUNTS_FILE = 'demo-accounts.txt';

export interface SeedYearReport {
  /** The story's today (Asia/Shanghai). */
  today: string;
  ms: number;
  /** Use cases run. */
  calls: number;
  accounts: DemoAccount[];
}

/**
 * Seeds the demo year into `dataDir` unless it already holds a store; returns what it did, or null when it left the
 * data alone. `now` is the real clock (tests pass it too): every act is dated before it.
 */
export async function seedDemoYear(dataDir: string, now: Date = new Date()): Promise<SeedYearReport | null> {
  const final = path.join(dataDir, STORE_FILE);
  if (fs.existsSync(final)) return null;
  const started = performance.now();
  fs.mkdirSync(dataDir, { recursive: true });
  const seeding = path.join(dataDir, `${STORE_FILE}.seeding`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(seeding + suffix, { force: true });

  // A file nobody was told was saved: written without waiting for the disk, then flushed once, then moved into place.
  const store = new SqliteStore({ filename: seeding, indexes: INDEXES, appendOnly: APPEND_ONLY, synchronous: 'off', cacheMiB: 128 });
  const latest = new Date(now.getTime() - 60_000);
  const driver = new DemoDriver(store, new LocalFileStore(dataDir), new LocalDownloads(dataDir), latest);
  const story = new DemoStory(driver, demoTimeline(shanghaiDate(latest)));
  try {
    story.plan();
    await driver.play();
  } finally {
    store.close();
  }
  const fd = fs.openSync(seeding, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  writeAccounts(dataDir, story.accounts);
  fs.renameSync(seeding, final);
  return { today: shanghaiDate(latest), ms: Math.round(performance.now() - started), calls: driver.calls, accounts: story.accounts };
}

/** DATA_DIR/demo-accounts.txt: one line per role, tab-separated (role, who, sign-in token, what is waiting). */
function writeAccounts(dataDir: string, accounts: DemoAccount[]): void {
  const lines = [
    '# 本地演示账号（仅本地模式，SEED_DEMO=1 首次启动时生成）。在 H5 的“我的 → 工作人员登录”输入口令，即以该身份登录。',
    ...accounts.map((a) => [a.role, a.who, a.token, a.sees].join('\t')),
  ];
  fs.writeFileSync(path.join(dataDir, ACCOUNTS_FILE), `${lines.join('\n')}\n`, { mode: 0o600 });
}

/** The demo sign-ins kept in `dataDir`, or none. */
export function readAccounts(dataDir: string): DemoAccount[] {
  const file = path.join(dataDir, ACCOUNTS_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [role, who, token, sees] = l.split('\t');
      return { role, who, token, sees: sees ?? '' };
    });
}
