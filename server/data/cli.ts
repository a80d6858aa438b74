/**
 * The data commands (`npm run backup | restore | export:data | import:data`), bundled into dist/server/data.js:
 *
 *   backup  [--out FILE]                        a consistent snapshot, while the server runs or not
 *   restore FILE                                 the backup in place of the database (server stopped)
 *   export  --out DIR [--env ENV]                 JSON Lines per collection + manifest, from the local store or CloudBase
 *   import  DIR [--env ENV] [--force] [--dry-run] into an empty local store or CloudBase environment
 *
 * `--data-dir DIR` (default: DATA_DIR, else ./.data) names the local data folder. For CloudBase, `--env` names the
 * environment and TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY carry the credentials; an import without them is a
 * dry run. Exit status: 0 done, 1 refused or failed (the reason is printed), 2 a usage mistake.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { APPEND_ONLY, INDEXES, STORE_SCHEMA_VERSION } from '../../cloudfunctions/_lib/collections';
import { CloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import type { Store } from '../../cloudfunctions/_lib/store/port';
import { SqliteStore } from '../sqliteStore';
import { cloudFileSource, cloudFileTarget, localFileSource, localFileTarget, type CloudFilesApi, type FileTarget } from './attachments';
import { exportData } from './exportData';
import { DataError } from './errors';
import { importData } from './importData';
import { restoreBackup } from './restoreBackup';
import { STORE_FILE, storeHolder } from './storeLock';
import { takeBackup } from './takeBackup';

export class UsageError extends Error {}

export interface Parsed {
  command: string;
  positional: string[];
  flags: Record<string, string | true>;
}

const VALUED = new Set(['out', 'env', 'data-dir']);
const SWITCHES = new Set(['force', 'dry-run']);

export function parseArgs(argv: string[]): Parsed {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const name = a.slice(2);
    if (VALUED.has(name)) {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} 后面要跟一个值`);
      flags[name] = v;
    } else if (SWITCHES.has(name)) flags[name] = true;
    else throw new UsageError(`不认识的选项 --${name}`);
  }
  return { command, positional, flags };
}

const kb = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
const countsLine = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([c, n]) => `${c} ${n}`)
    .join('，') || '（没有记录）';

/** A CloudBase environment's store and its storage, with credentials from the environment; null without them. */
function cloudEnv(envId: string): { store: Store; files: CloudFilesApi } | null {
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!secretId || !secretKey) return null;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const tcb = require('@cloudbase/node-sdk');
  const app = tcb.init({ env: envId, secretId, secretKey });
  return { store: new CloudbaseStore(app.database()), files: app };
}

const uploadsOf = (dataDir: string) => path.join(dataDir, 'uploads');
const filesLine = (n: number, missing: string[]) => `  附件文件：${n} 个${missing.length ? `；记录中提到但找不到的 ${missing.length} 个（${missing.slice(0, 3).join('、')}${missing.length > 3 ? '…' : ''}）` : ''}`;

export async function runDataCommand(argv: string[], out: (line: string) => void = console.log, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    out(`用法有误：${(e as Error).message}`);
    return 2;
  }
  const { command, positional, flags } = parsed;
  const dataDir = path.resolve(String(flags['data-dir'] ?? env.DATA_DIR ?? '.data'));
  try {
    switch (command) {
      case 'backup': {
        const r = await takeBackup({ dataDir, out: typeof flags.out === 'string' ? flags.out : undefined });
        out(`备份完成：${r.file}`);
        out(`  大小 ${kb(r.bytes)}，用时 ${r.ms} ms，完整性检查 ok，数据格式 ${r.schemaVersion}`);
        out(`  记录数：${countsLine(r.counts)}`);
        return 0;
      }
      case 'restore': {
        if (positional.length !== 1) throw new UsageError('请给出要恢复的备份文件：npm run restore -- <文件>');
        const r = await restoreBackup({ dataDir, file: positional[0] });
        out(`已恢复：${r.restored} → ${path.join(dataDir, STORE_FILE)}`);
        out(r.keptAs ? `  原数据库保留为 ${r.keptAs}（确认无误后可删除）` : '  （原来没有数据库）');
        out(`  记录数：${countsLine(r.counts)}`);
        return 0;
      }
      case 'export': {
        if (typeof flags.out !== 'string') throw new UsageError('请用 --out <目录> 指定导出目录');
        const outDir = path.resolve(flags.out);
        const print = (name: string, count: number) => count > 0 && out(`  ${name}: ${count}`);
        if (typeof flags.env === 'string') {
          const cloud = cloudEnv(flags.env);
          if (!cloud) throw new DataError('导出云开发环境需要 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY');
          const m = await exportData(cloud.store, outDir, { source: `cloudbase:${flags.env}`, onCollection: print, files: cloudFileSource(cloud.files) });
          out(filesLine(m.files?.count ?? 0, m.files?.missing ?? []));
          out(`已从云开发环境 ${flags.env} 导出 ${Object.keys(m.collections).length} 个集合到 ${outDir}`);
          return 0;
        }
        // The local store is read from a snapshot, so a running server's writes cannot tear the export.
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-export-'));
        try {
          const snap = await takeBackup({ dataDir, out: path.join(tmp, 'snapshot.sqlite') });
          const store = new SqliteStore({ filename: snap.file });
          try {
            const m = await exportData(store, outDir, { source: `local:${dataDir}`, onCollection: print, files: localFileSource(uploadsOf(dataDir)) });
            out(filesLine(m.files?.count ?? 0, m.files?.missing ?? []));
            out(`已导出 ${Object.keys(m.collections).length} 个集合到 ${outDir}（含 manifest.json，附件在 uploads/）`);
          } finally {
            store.close();
          }
        } finally {
          fs.rmSync(tmp, { recursive: true, force: true });
        }
        return 0;
      }
      case 'import': {
        if (positional.length !== 1) throw new UsageError('请给出导出目录：npm run import:data -- <目录>');
        const dir = path.resolve(positional[0]);
        const options = { force: flags.force === true, dryRun: flags['dry-run'] === true };
        const print = (r: { collection: string; inFile: number; written: number; skipped: number }) =>
          r.inFile > 0 && out(`  ${r.collection}: 文件中 ${r.inFile} 条，写入 ${r.written}${r.skipped ? `，已存在跳过 ${r.skipped}` : ''}`);
        let target: Store | null;
        let files: FileTarget | undefined;
        let close = () => {};
        if (typeof flags.env === 'string') {
          const cloud = cloudEnv(flags.env);
          target = cloud?.store ?? null;
          files = cloud ? cloudFileTarget(cloud.files) : undefined;
          if (!target) {
            out('没有云开发凭据（TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY）：只检查，不写入（试运行）。');
            options.dryRun = true;
          }
        } else {
          const holder = storeHolder(dataDir);
          if (holder) throw new DataError(`数据目录正被运行中的服务使用（进程 ${holder.pid}），请先停止服务再导入`);
          const local = new SqliteStore({ filename: path.join(dataDir, STORE_FILE), indexes: INDEXES, appendOnly: APPEND_ONLY });
          local.stampSchemaVersion(STORE_SCHEMA_VERSION);
          target = local;
          files = localFileTarget(uploadsOf(dataDir));
          close = () => local.close();
        }
        try {
          if (!target) {
            // A dry run with nowhere to write: check the export in a scratch store only.
            const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-dry-'));
            const empty = new SqliteStore({ filename: path.join(scratchDir, 'empty.sqlite') });
            try {
              const r = await importData(dir, empty, { ...options, onCollection: print });
              out(filesLine(r.files.inExport, r.files.missing));
            } finally {
              empty.close();
              fs.rmSync(scratchDir, { recursive: true, force: true });
            }
          } else {
            const cloud = typeof flags.env === 'string';
            const r = await importData(dir, target, { ...options, batchSize: cloud ? 10 : 500, concurrency: cloud ? 8 : 1, onCollection: print, files });
            out(`${filesLine(r.files.inExport, r.files.missing)}${options.dryRun ? '' : `，放入${cloud ? '云存储' : '附件目录'} ${r.files.written} 个`}`);
          }
          out(options.dryRun ? '试运行完成：导出完整、符合规则；没有写入任何数据。' : `导入完成${typeof flags.env === 'string' ? `（云开发环境 ${flags.env}）` : `（${path.join(dataDir, STORE_FILE)}）`}。`);
        } finally {
          close();
        }
        return 0;
      }
      default:
        throw new UsageError(`不认识的命令“${command}”：可用 backup、restore、export、import`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      out(`用法有误：${e.message}`);
      return 2;
    }
    if (e instanceof DataError) {
      out(`未完成：${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  runDataCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
