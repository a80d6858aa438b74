// npm test: type checks and the builds the tests inspect (functions, H5, weapp), then every jest project (unit,
// integration, build, browser), overlapped where nothing is shared (issue 25: CI on 2 cores well under 15 minutes):
//   1. type check ∥ function bundles (esbuild)
//   2. H5 build, then weapp build ∥ jest unit + integration, two workers (they need no build; every server takes a
//      free port)
//   3. jest build + browser (they inspect the builds). Tried: the build project on a third process beside the browser
//      tests. Its latency suites took 2.5× as long under the contention and a browser test timed out, so not that.
// Each stage prints its time, and a table of them closes the run. Arguments go to one jest run over every project,
// after the builds. Ends with one summary line: "tests: N passed, N failed, N skipped".
import fs from 'fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { buildFunctions } from './build-functions.mjs';
import { run } from './lib.mjs';

const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
const env = { ...process.env, TENCENTCLOUD: 'true' };
const started = Date.now();
const times = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one stage, printing its start and its time; a failure is kept and thrown once every stage has ended. */
async function stage(name, fn) {
  const t = Date.now();
  console.log(`\n━━ ${name}`);
  try {
    return await fn();
  } finally {
    times.push([name, Date.now() - t]);
    console.log(`━━ ${name}: ${secs(Date.now() - t)}`);
  }
}

/** One jest run writing its results to `file`; resolves false when jest failed (the results still count). */
async function jest(file, args) {
  fs.rmSync(file, { force: true });
  try {
    await run('npx', ['jest', '--ci', '--json', `--outputFile=${file}`, ...args], { env });
    return true;
  } catch {
    return false;
  }
}

process.env.CHROME_PATH = ensureChromium();

await Promise.all([
  stage('type check (tsc --noEmit)', () => run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])),
  stage('bundle cloud functions (esbuild)', () => buildFunctions()),
]);

const passthrough = process.argv.slice(2);
const runs = [];
const builds = stage('builds: H5 (production), then weapp (mini-program)', async () => {
  await run('npx', ['taro', 'build', '--type', 'h5'], { ...quiet, env: { ...env, NODE_ENV: 'production' } });
  await run('npx', ['taro', 'build', '--type', 'weapp'], { ...quiet, env: { ...env, NODE_ENV: 'production' } });
});
if (passthrough.length) {
  await builds;
  runs.push({ file: '.jest-results.json', ok: await stage('jest', () => jest('.jest-results.json', passthrough)) });
} else {
  // Two workers: the builds finish first, and one worker alone then left a core idle for the last minute.
  const early = stage('jest: unit, integration (beside the builds)', () => jest('.jest-results-early.json', ['--selectProjects', 'unit', 'integration', '--maxWorkers=2']));
  const [earlyOk] = await Promise.all([early, builds]);
  runs.push({ file: '.jest-results-early.json', ok: earlyOk });
  runs.push({ file: '.jest-results-late.json', ok: await stage('jest: build, browser', () => jest('.jest-results-late.json', ['--selectProjects', 'build', 'browser', '--maxWorkers=2'])) });
}

let passed = 0;
let failedTests = 0;
let skipped = 0;
let total = 0;
let failed = false;
for (const r of runs) {
  if (!fs.existsSync(r.file)) {
    console.error(`jest wrote no results (${r.file})`);
    failed = true;
    continue;
  }
  const j = JSON.parse(fs.readFileSync(r.file, 'utf8'));
  passed += j.numPassedTests;
  failedTests += j.numFailedTests;
  skipped += j.numPendingTests + j.numTodoTests;
  total += j.numTotalTests;
  failed ||= !r.ok || !j.success;
}
console.log('\nStage times (stages on one line of the plan ran side by side):');
for (const [name, ms] of times) console.log(`  ${name.padEnd(48)} ${secs(ms).padStart(8)}`);
console.log(`  ${'whole run'.padEnd(48)} ${secs(Date.now() - started).padStart(8)}`);
console.log(`\ntests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
if (failed || total === 0) process.exit(1);
