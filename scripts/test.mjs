// npm test: type checks, then the builds the tests inspect (functions, H5, weapp), then every jest project
// (unit, integration, build, browser). Ends with one summary line: "tests: N passed, N failed, N skipped".
import fs from 'fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { buildFunctions } from './build-functions.mjs';
import { run } from './lib.mjs';

const step = (name) => console.log(`\n━━ ${name}`);
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
const env = { ...process.env, TENCENTCLOUD: 'true' };

process.env.CHROME_PATH = ensureChromium();

step('type check (tsc --noEmit)');
await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

step('bundle cloud functions (esbuild)');
await buildFunctions();

step('build H5 (production)');
await run('npx', ['taro', 'build', '--type', 'h5'], { ...quiet, env: { ...env, NODE_ENV: 'production' } });

step('build weapp (mini-program)');
await run('npx', ['taro', 'build', '--type', 'weapp'], { ...quiet, env: { ...env, NODE_ENV: 'production' } });

step('jest: unit, integration, build, browser');
const results = '.jest-results.json';
fs.rmSync(results, { force: true });
let failed = false;
try {
  await run('npx', ['jest', '--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)], { env });
} catch {
  failed = true;
}
if (!fs.existsSync(results)) {
  console.error('jest wrote no results');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(results, 'utf8'));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
if (failed || !r.success || r.numTotalTests === 0) process.exit(1);
