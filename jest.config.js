/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // Real Temporal servers start in these tests; a few seconds each is normal.
  testTimeout: 120_000,
  // One worker per core is too many: each test file may start its own Temporal server.
  maxWorkers: 2,
};
