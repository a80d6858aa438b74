/** Jest for the mutation pass: the unit project's settings, limited to the group's test files (MUTATE_TESTS, comma-separated). */
const base = require('./jest.config.js');
const { displayName: _name, testMatch: _match, ...unit } = base.projects.find((p) => p.displayName === 'unit');
const tests = (process.env.MUTATE_TESTS ?? '').split(',').filter(Boolean);
if (!tests.length) throw new Error('MUTATE_TESTS names no test files: run the mutation pass with `npm run mutate`');

module.exports = { ...unit, rootDir: __dirname, testMatch: tests.map((t) => `<rootDir>/${t}`) };
