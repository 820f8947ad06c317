/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFiles: ['<rootDir>/harness/quietRuntime.ts'],
  globalSetup: '<rootDir>/harness/globalSetup.ts',
  globalTeardown: '<rootDir>/harness/globalTeardown.ts',
  // Real Temporal servers run under these tests; several seconds per test is normal.
  testTimeout: 120_000,
  // Two cores: more workers than that only makes each Temporal worker slower.
  maxWorkers: 2,
};
