/** Each cloud function bundles into one index.js that loads in plain Node and exports main. */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { BUNDLE_LIMIT_BYTES } from '../../types/budgets';
import { DEPLOYED_FUNCTION_NAMES } from '../../types/envelope';

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
