/** Each cloud function bundles into one index.js that loads in plain Node and exports main. */
import { execFileSync } from 'child_process';
import { build } from 'esbuild';
import fs from 'fs';
import path from 'path';
import { BUNDLE_LIMIT_BYTES } from '../../types/budgets';
import { DEPLOYED_FUNCTION_NAMES } from '../../types/envelope';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { ASSOCIATION, EXPERTS } from '../../server/demo/cast';
import { ACCOUNTS_FILE } from '../../server/demo/seedYear';

const NAMES = [...DEPLOYED_FUNCTION_NAMES];
const dist = path.resolve(__dirname, '../../dist/cloudfunctions');

test('cloudbaserc.json deploys exactly the functions that exist', () => {
  const rc = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../cloudbaserc.json'), 'utf8'));
  expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual([...NAMES].sort());
  for (const n of NAMES) expect(fs.existsSync(path.resolve(__dirname, '../../cloudfunctions', n, 'index.ts'))).toBe(true);
});

test.each(NAMES)('%s bundles to a self-contained index.js exporting main', (name) => {
  const file = path.join(dist, name, 'index.js');
  expect(fs.existsSync(file)).toBe(true);
  // Load it from an empty directory, so nothing from node_modules can be picked up by accident.
  const out = execFileSync(process.execPath, ['-e', `process.env.TENCENTCLOUD='true'; const m = require(${JSON.stringify(file)}); process.stdout.write(typeof m.main)`], { cwd: '/', encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(out).toBe('function');
  const pkg = JSON.parse(fs.readFileSync(path.join(dist, name, 'package.json'), 'utf8'));
  expect(pkg.dependencies).toEqual({});
});

// Issue 25: lean bundles. A size is a deterministic fact of the build: every index.js within the limit.
test.each(NAMES)('%s index.js stays within 1.3 MB minified (heavy, rare packages beside it, loaded when needed)', (name) => {
  const size = fs.statSync(path.join(dist, name, 'index.js')).size;
  expect({ name, size, within: size <= BUNDLE_LIMIT_BYTES }).toEqual({ name, size, within: true });
});

test('the packages left out of index.js sit beside the functions that ask for them, and load from there alone', () => {
  const beside = (pkg: string) => NAMES.filter((n) => fs.existsSync(path.join(dist, n, 'node_modules', pkg, 'index.js')));
  expect(/LAZY_PACKAGES = (\[[^\]]*\])/.exec(fs.readFileSync(path.resolve(__dirname, '../../scripts/build-functions.mjs'), 'utf8'))![1]).toBe("['exceljs', 'pinyin-pro']");
  expect(beside('exceljs')).toEqual(['admin']);
  expect(beside('pinyin-pro')).toEqual(['catalogue']);
  // Required the way index.js requires them, from an empty directory with no node_modules of the project around.
  const probe = (fn: string, code: string) =>
    execFileSync(process.execPath, ['-e', `const m = require(require.resolve(${JSON.stringify(code.split('|')[0])}, { paths: [${JSON.stringify(path.join(dist, fn))}] })); process.stdout.write(String(${code.split('|')[1]}))`], { cwd: '/', encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(probe('admin', 'exceljs|typeof m.Workbook')).toBe('function');
  expect(probe('catalogue', "pinyin-pro|m.pinyin('调解', { toneType: 'none', type: 'array' }).join('')")).toBe('tiaojie');
});
/**
 * The demo year and its sign-ins are local mode only (server/demo, run by `npm start`): no function bundle carries the
 * seeder, its accounts file or its data, so no cloud call can reach a demo sign-in. Each marker is a string the demo's
 * modules hold (strings survive minification).
 */
/** A bundle's text with esbuild's ASCII escapes (\\uXXXX) undone, so Chinese markers can be found. */
const readable = (code: string) => code.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const DEMO_MARKERS = [ACCOUNTS_FILE, '本地演示账号', 'demo-year:', 'demo-org:', ASSOCIATION.contactName, EXPERTS[0].name, DEMO_PRODUCTS[2].provider, DEMO_PRODUCTS[0].summary.slice(0, 12)];

test.each(NAMES)('%s carries nothing of the local demo year or its sign-ins', (name) => {
  const code = readable(fs.readFileSync(path.join(dist, name, 'index.js'), 'utf8'));
  expect(DEMO_MARKERS.filter((m) => code.includes(m))).toEqual([]);
});

test('the demo markers are real: the local server, which seeds the demo, bundles every one of them', async () => {
  // As scripts/build-server.mjs bundles it, minified like the functions (so the markers survive what they survive).
  const out = await build({ entryPoints: [path.resolve(__dirname, '../../server/main.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, write: false, external: ['better-sqlite3', '@cloudbase/node-sdk'], logLevel: 'silent' });
  const code = readable(out.outputFiles[0].text);
  expect(DEMO_MARKERS.filter((m) => !code.includes(m))).toEqual([]);
}, 60_000);
