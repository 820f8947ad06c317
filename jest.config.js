/**
 * The ESM-only packages the API uses (openid-client, jose and oauth4webapi under it) are compiled
 * to CommonJS for jest, whose module loader cannot `require` ES modules (Node itself can, from
 * 20.19): see docs/decisions/0006-companies-and-sign-in.md.
 */
const ESM_PACKAGES = ['jose', 'openid-client', 'oauth4webapi'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  setupFiles: ['<rootDir>/harness/quietRuntime.ts'],
  globalSetup: '<rootDir>/harness/globalSetup.ts',
  globalTeardown: '<rootDir>/harness/globalTeardown.ts',
  // Real Temporal servers run under these tests; several seconds per test is normal.
  testTimeout: 120_000,
  // Two cores: more workers than that only makes each Temporal worker slower.
  maxWorkers: 2,
};
