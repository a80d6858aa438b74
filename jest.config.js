// The bureau's time zone for every worker (set here, before workers start: a test cannot change its own zone).
process.env.TZ = 'Asia/Shanghai';

// Three projects: unit (pure and store-level), integration (functions through the local HTTP server), browser (H5 build in Chromium).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/types/$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/support/env.ts'],
};

module.exports = {
  // Tests and hooks (a server started, a pipeline walked) get 30 s, not jest's 5: on a 2-core machine running the
  // projects side by side (scripts/test.mjs) a beforeAll that takes 3 s alone can take 6. A test that needs longer says so.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/tests/browser/setup.ts'] },
  ],
};
