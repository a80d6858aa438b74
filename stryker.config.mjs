/**
 * The mutation pass over the rule modules (issue 21 item 8). Run it with `npm run mutate` (scripts/mutate.mjs), which
 * runs Stryker once per group — the files a group mutates and the tests that cover them — passing `--mutate`,
 * `--coverageAnalysis` and the group's test files (MUTATE_TESTS, read by stryker.jest.config.js). Not part of `npm test`.
 */
const group = process.env.MUTATE_GROUP ?? 'adhoc';

export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  jest: { projectType: 'custom', configFile: 'stryker.jest.config.js', enableFindRelatedTests: false },
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${group}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: `.stryker-tmp/${group}`,
  cleanTempDir: 'always',
  ignorePatterns: ['dist', '.data', 'coverage', '.swc', 'docs', '.stryker-tmp'],
  // The machine is shared: a slow mutant is a timeout only well past its normal time.
  timeoutMS: 30000,
  timeoutFactor: 3,
  warnings: { slow: false },
  // A group may leave some mutators out (MUTATE_EXCLUDE, comma-separated): e.g. StringLiteral in use cases, whose strings
  // are mostly messages.
  mutator: { excludedMutations: (process.env.MUTATE_EXCLUDE ?? '').split(',').filter(Boolean) },
};
