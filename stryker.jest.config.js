/** Jest for the mutation pass: the unit project's settings, limited to the group's test files (MUTATE_TESTS, comma-separated). */
const base = require('./jest.config.js');
const { displayName: _name, testMatch: _match, ...unit } = base.projects.find((p) => p.displayName === 'unit');
const tests = (process.env.MUTATE_TESTS ?? '').split(',').filter(Boolean);
if (!tests.length) throw new Error('MUTATE_TESTS names no test files: run the mutation pass with `npm run mutate`');

// A generous timeout: on busy shared cores a slow hook must not pass for a killed mutant (a mutant that hangs is still
// caught, by this or by Stryker's own timeout).
module.exports = { ...unit, rootDir: __dirname, testMatch: tests.map((t) => `<rootDir>/${t}`), testTimeout: 60000 };
