// npm run check:weapp — WeChat's own offline code-quality check (miniprogram-ci's checkCodeQuality, the same items as
// DevTools' 代码质量 panel) on the production weapp build. miniprogram-ci is large (~270 MB with its compilers), so it
// is installed on demand into a cache folder, never as a project dependency. Exits 1 when any item fails.
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createRequire } from 'module';
import { run } from './lib.mjs';

const VERSION = '2.1.42';
const cacheDir = process.env.MINIPROGRAM_CI_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'hz-legal-products', `miniprogram-ci-${VERSION}`);
const entry = path.join(cacheDir, 'node_modules', 'miniprogram-ci');

if (!fs.existsSync(path.join(entry, 'package.json'))) {
  console.log(`› installing miniprogram-ci ${VERSION} into ${cacheDir} (once)…`);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'miniprogram-ci-cache', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', cacheDir, `miniprogram-ci@${VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] });
}
if (process.argv.includes('--build') || !fs.existsSync('dist/weapp/app.json')) {
  console.log('› building the production weapp (taro build --type weapp)…');
  await run('npx', ['taro', 'build', '--type', 'weapp'], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
}

const ci = createRequire(import.meta.url)(entry);
// The check reads no key, but a CI project must name one: a throwaway key, deleted afterwards.
const keyPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mpci-')), 'check.key');
fs.writeFileSync(keyPath, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
try {
  const appid = JSON.parse(fs.readFileSync('project.config.json', 'utf8')).appid;
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath: process.cwd(), privateKeyPath: keyPath, ignores: ['node_modules/**/*'] });
  const items = await ci.checkCodeQuality(project);
  let failed = 0;
  for (const item of items) {
    if (!item.success) failed++;
    console.log(`${item.success ? '✓' : '✗'} ${item.name.padEnd(30)} ${item.success ? '' : item.text}`);
    if (item.name === 'PACKAGE_SIZE_LIMIT' && item.detail) for (const [pkg, bytes] of Object.entries(item.detail)) console.log(`    ${pkg.padEnd(22)} ${(bytes / 1024).toFixed(0)} KB`);
  }
  console.log(`\ncode quality: ${items.length - failed} of ${items.length} items pass`);
  process.exitCode = failed ? 1 : 0;
} finally {
  fs.rmSync(path.dirname(keyPath), { recursive: true, force: true });
}
// miniprogram-ci leaves a file watcher running: end the process once the report is out.
process.exit(process.exitCode ?? 0);
