// First card on a simulated 4G link (issue 14): cold and repeat visits of the H5 catalogue, reported against the goals
// (≤ 1.5 s cold, ≤ 0.8 s repeat), not asserted. Part of `npm run bench`; alone: `node scripts/bench-first-card.mjs`.
import { build } from 'esbuild';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildH5IfStale, table } from './lib.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

export const FIRST_CARD_GOALS = { cold: 1500, repeat: 800 };

export async function benchFirstCard() {
  await buildH5IfStale();
  const chrome = ensureChromium();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-first-card-'));
  const out = path.join(dir, 'firstCard.js');
  await build({ entryPoints: ['scripts/bench/firstCard.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, external: ['better-sqlite3', '@cloudbase/node-sdk', 'playwright-core', 'wx-server-sdk', 'exceljs'], logLevel: 'warning' });
  console.log('\n› first card: the H5 catalogue on a simulated 4G link (150 ms, 1.6 Mbps down, 750 kbps up, CPU 4× slower)…');
  const r = JSON.parse(execFileSync(process.execPath, [out], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chrome, NODE_PATH: path.resolve('node_modules'), TZ: 'Asia/Shanghai' } }).trim().split('\n').pop());
  fs.rmSync(dir, { recursive: true, force: true });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const row = (name, x, goal) => [name, x.firstCard, `${x.firstCardRange[0]}–${x.firstCardRange[1]}`, `≤ ${goal}`, x.firstCard <= goal ? 'met' : 'MISSED', `${x.serverRendered}/${r.rounds}`, x.appCard, `${x.appCardRange[0]}–${x.appCardRange[1]}`, x.gap, x.firstPaint ?? '—', kb(x.bytes), x.requests, x.fromCache];
  table(
    `First card on the H5 catalogue, simulated 4G (ms from navigation start, median of ${r.rounds}; cold = empty cache, repeat = second visit in the same browser).\n` +
      `"first card" = the first real product card on screen: the server-rendered one in index.html (a link with the product's name; "server-rendered" counts the rounds where it came first) or the app's own; "app card" = the app's own first card (framework booted, page interactive); "gap" = ms with no card on screen between the server-rendered cards' going and the app's coming`,
    [row('cold', r.cold, FIRST_CARD_GOALS.cold), row('repeat', r.repeat, FIRST_CARD_GOALS.repeat)],
    ['visit', 'first card', 'range', 'goal', '', 'server-rendered', 'app card', 'range', 'gap', 'first paint', 'transferred', 'requests', 'from cache'],
  );
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFirstCard();
