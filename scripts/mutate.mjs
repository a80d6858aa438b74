#!/usr/bin/env node
/**
 * `npm run mutate [group …]` (or `-- --summary` to rebuild the summary only): the mutation pass over the rule modules (issue 21 item 8), with Stryker (stryker.config.mjs).
 *
 * Each group names the files it mutates and the tests that cover them (the way `jest --findRelatedTests` would, but by
 * hand: every integration test imports the whole server, so the import graph relates every test to every file).
 * Within a group Stryker runs, for each mutant, only the tests that executed it (per-test coverage), so those tests
 * must each run alone: the groups list only test files whose tests are independent (not, for instance,
 * tests/integration/assessments.test.ts or publicity.test.ts, which walk one scenario test after test).
 *
 * Static mutants (code that runs only while a module loads: the tables of types/, top-level constants) are ignored:
 * each would rerun every test of its group, which two shared cores cannot afford; those tables are compared with the
 * seed value by value in the unit tests instead (tests/unit/rubric.test.ts, credit.test.ts, assessment.test.ts).
 *
 * It writes reports/mutation/<group>.json (Stryker's JSON report) and reports/mutation/summary.md (killed / total per
 * file, with timeouts, no coverage and ignored), and prints the summary. Not part of `npm test`; on two busy cores the
 * whole pass takes tens of minutes. MUTATE_CONCURRENCY (default 2) sets Stryker's workers.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const unit = (n) => `tests/unit/${n}.test.ts`;
const integration = (n) => `tests/integration/${n}.test.ts`;

export const GROUPS = [
  {
    name: 'review-rules',
    what: 'the review’s and the notice’s rules in types/: rubric, review, working days, publicity',
    mutate: ['types/rubric.ts', 'types/review.ts', 'types/workdays.ts', 'types/publicity.ts'],
    tests: [unit('rubric'), unit('boundaries'), unit('workdays')],
    coverage: 'perTest',
    ignoreStatic: true,
  },
  {
    name: 'assessment-rules',
    what: 'the assessment’s and the adjustment’s rules in types/: assessment, credit',
    mutate: ['types/assessment.ts', 'types/credit.ts'],
    tests: [unit('assessment'), unit('assessment-boundaries'), unit('credit')],
    coverage: 'perTest',
    ignoreStatic: true,
  },
  {
    name: 'review',
    what: 'the review use cases: the result, the panel’s confirmation, the bureau’s confirmation (messages left out)',
    mutate: ['cloudfunctions/reviews/computeResult.ts', 'cloudfunctions/reviews/panelConfirm.ts', 'cloudfunctions/reviews/results.ts:27-48'],
    tests: [unit('review-result'), integration('boundaries')],
    coverage: 'perTest',
    ignoreStatic: true,
    exclude: ['StringLiteral'],
  },
  {
    name: 'draw',
    what: 'the draw and its conflicts (run it when the machine is quiet: four integration files per mutant)',
    mutate: ['cloudfunctions/reviews/draw.ts', 'cloudfunctions/reviews/memberPanel.ts'],
    tests: [integration('boundaries'), integration('reviews'), integration('review-hardening'), integration('review-transparency')],
    coverage: 'perTest',
    ignoreStatic: true,
    exclude: ['StringLiteral'],
  },
  {
    name: 'publication',
    what: 'publicity and publication: start, close, publish',
    mutate: ['cloudfunctions/publicity/startPublicity.ts', 'cloudfunctions/publicity/closePublicity.ts', 'cloudfunctions/catalogue/publishProducts.ts'],
    tests: [integration('boundaries')],
    coverage: 'perTest',
    ignoreStatic: true,
  },
  {
    name: 'appeals',
    what: 'the providers’ appeals and the bureau’s decisions',
    mutate: ['cloudfunctions/assessments/appeals.ts'],
    // tests/integration/assessments.test.ts walks one campaign test after test, so it cannot run per test; with
    // coverage `all` each mutant took minutes here. The boundary tests run alone.
    tests: [integration('boundaries')],
    coverage: 'perTest',
    ignoreStatic: true,
  },
];

const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'RuntimeError', 'CompileError'];

/** Per file: counts by status, and the survivors (line and replacement) to read. */
function summarise(report) {
  const rows = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const n = Object.fromEntries(STATUSES.map((s) => [s, mutants.filter((m) => m.status === s).length]));
    const survivors = mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').map((m) => `${m.status === 'NoCoverage' ? 'no coverage' : 'survived'} ${m.location.start.line}: ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}`);
    rows.push({ file: path.relative(root, path.resolve(root, file)), ...n, survivors });
  }
  return rows;
}

function table(rows) {
  const lines = ['| file | killed / total | score | survived | timeout | no coverage | ignored (static) | errors |', '|---|---|---|---|---|---|---|---|'];
  const sum = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const r of rows) {
    const total = r.Killed + r.Timeout + r.Survived + r.NoCoverage;
    for (const s of STATUSES) sum[s] += r[s];
    lines.push(`| \`${r.file}\` | ${r.Killed + r.Timeout} / ${total} | ${total ? ((100 * (r.Killed + r.Timeout)) / total).toFixed(1) : '–'} % | ${r.Survived} | ${r.Timeout} | ${r.NoCoverage} | ${r.Ignored} | ${r.RuntimeError + r.CompileError} |`);
  }
  const total = sum.Killed + sum.Timeout + sum.Survived + sum.NoCoverage;
  lines.push(`| **all** | **${sum.Killed + sum.Timeout} / ${total}** | **${((100 * (sum.Killed + sum.Timeout)) / total).toFixed(1)} %** | ${sum.Survived} | ${sum.Timeout} | ${sum.NoCoverage} | ${sum.Ignored} | ${sum.RuntimeError + sum.CompileError} |`);
  return lines.join('\n');
}

function main() {
  // `--summary`: only rebuild the summary from the reports already written.
  const summaryOnly = process.argv.includes('--summary');
  const wanted = summaryOnly ? [] : process.argv.slice(2);
  const unknown = wanted.filter((w) => !GROUPS.some((g) => g.name === w));
  if (unknown.length) {
    console.error(`unknown group ${unknown.join(', ')}; groups: ${GROUPS.map((g) => g.name).join(', ')}`);
    process.exit(2);
  }
  const groups = summaryOnly ? [] : wanted.length ? GROUPS.filter((g) => wanted.includes(g.name)) : GROUPS;
  const outDir = path.join(root, 'reports', 'mutation');
  fs.mkdirSync(outDir, { recursive: true });
  let failed = false;
  for (const g of groups) {
    console.log(`\n[mutate] ${g.name}: ${g.what}\n[mutate]   mutates ${g.mutate.join(', ')}\n[mutate]   tests   ${g.tests.join(', ')} (coverage ${g.coverage}${g.exclude ? `; without ${g.exclude.join(', ')}` : ''})`);
    const args = ['stryker', 'run', 'stryker.config.mjs', '--mutate', g.mutate.join(','), '--coverageAnalysis', g.coverage, ...(g.ignoreStatic ? ['--ignoreStatic'] : [])];
    const started = Date.now();
    const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', TENCENTCLOUD: 'true', MUTATE_GROUP: g.name, MUTATE_TESTS: g.tests.join(','), MUTATE_EXCLUDE: (g.exclude ?? []).join(',') } });
    console.log(`[mutate] ${g.name} took ${Math.round((Date.now() - started) / 1000)} s`);
    if (run.status !== 0) {
      console.error(`[mutate] ${g.name}: Stryker exited with ${run.status}`);
      failed = true;
    }
  }
  // The summary covers every group that has a report, so groups can be run one at a time.
  const rows = [];
  for (const g of GROUPS) {
    const file = path.join(outDir, `${g.name}.json`);
    if (fs.existsSync(file)) rows.push(...summarise(JSON.parse(fs.readFileSync(file, 'utf8'))).map((r) => ({ ...r, group: g.name })));
  }
  const text = `${table(rows)}\n\nSurvivors and mutants without coverage:\n\n${rows.flatMap((r) => r.survivors.map((s) => `- \`${r.file}\` ${s}`)).join('\n') || '- none'}\n`;
  fs.writeFileSync(path.join(outDir, 'summary.md'), text);
  console.log(`\n${text}`);
  process.exit(failed ? 1 : 0);
}

main();
