/** `npm start`'s server: reads the environment, seeds on first start, listens, prints where to go. */
// The bureau's time zone: the working-day calendar's lunar dates are computed in the process's own zone.
process.env.TZ = 'Asia/Shanghai';
import fs from 'fs';
import path from 'path';
import { newSecretToken } from '../cloudfunctions/_lib/ids';
import { createLocalApp } from './app';
import { startScheduler } from './scheduler';
import { backupScheduleFromEnv, startDailyBackup } from './data/dailyBackup';
import { readAccounts, seedDemoYear } from './demo/seedYear';
import { precompressStatic } from './static';

const root = path.resolve(__dirname, '..', '..');
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));
const h5Dir = path.resolve(process.env.H5_DIR ?? path.join(root, 'dist', 'h5'));

/** ADMIN_TOKEN, or one made on first start and kept in DATA_DIR so the admin login survives restarts. */
function adminToken(): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const file = path.join(dataDir, 'admin-token');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const token = newSecretToken();
  fs.writeFileSync(file, token, { mode: 0o600 });
  return token;
}

async function main() {
  const token = adminToken();
  const rateLimits = process.env.RATE_LIMITS === 'relaxed' ? 'relaxed' : 'strict';
  const backupSchedule = backupScheduleFromEnv(process.env);
  // First start on a fresh DATA_DIR: a whole demo year, played through the use cases into its own file (server/demo).
  if (process.env.SEED_DEMO !== '0') {
    const seeded = await seedDemoYear(dataDir);
    if (seeded) console.log(`已写入演示数据：以今天（${seeded.today}）为准的一整年，${seeded.calls} 次业务操作，用时 ${(seeded.ms / 1000).toFixed(1)} 秒`);
  }
  const app = createLocalApp({ dataDir, adminToken: token, allowTestClock: process.env.ALLOW_TEST_CLOCK === '1', h5Dir, rateLimits, trustProxy: process.env.TRUST_PROXY === '1', backupSchedule });
  // Deadlines run themselves: reminders and overdue flags every few minutes (the cloud's timer trigger locally).
  const stopJobs = startScheduler(app, { allowTestClock: process.env.ALLOW_TEST_CLOCK === '1' });
  // A consistent copy of the database once a day (npm run backup takes one at any time).
  const stopBackups = backupSchedule ? startDailyBackup({ dataDir, schedule: backupSchedule, log: (line) => console.log(line) }) : () => {};
  app.server.listen(port, host, () => {
    const url = `http://${host}:${port}/`;
    console.log(`杭州市公共法律服务产品 — 本地模式已启动`);
    console.log(`  打开: ${url}`);
    console.log(`  接口: ${url}api/<function>  (POST JSON { action, ... })`);
    console.log(`  管理员口令 (Authorization: Bearer …): ${token}`);
    console.log(`  管理员登录: ${url}#/pages/me/index  → 点“工作人员登录”，输入上面的口令`);
    console.log(`  数据目录: ${dataDir}`);
    console.log(backupSchedule ? `  每日备份: ${backupSchedule.at} 起，保留 ${backupSchedule.keep} 份，在 ${path.join(dataDir, 'backups')}（随时备份: npm run backup）` : '  每日备份: 已关闭 (BACKUP_AT=off)');
    if (rateLimits === 'relaxed') console.log('  频率限制: 已放宽 100 倍 (RATE_LIMITS=relaxed，仅供测试和演示)');
    const accounts = readAccounts(dataDir);
    if (accounts.length) {
      console.log(`  演示账号 (我的 → 工作人员登录，输入口令；清单在 ${path.join(dataDir, 'demo-accounts.txt')}):`);
      for (const a of accounts) console.log(`    ${a.role}（${a.who}）: ${a.token}  — ${a.sees}`);
    }
    // Compress the H5 build once now, in the background, so the first visitor on a phone gets small bytes at once.
    void precompressStatic(h5Dir).catch((e) => console.error('[static] precompress', e));
  });
  const stop = () => {
    stopJobs();
    stopBackups();
    app.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
