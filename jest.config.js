/** Tests are TypeScript transformed by esbuild: TypeScript 7 has no JavaScript compiler API, and ts-jest refuses it (peer range <7). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/emulator'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|mjs)$': '<rootDir>/test/support/esbuild-transform.js' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  reporters: ['default', '<rootDir>/test/support/count-reporter.js'],
  testTimeout: 30000,
  // Two workers: the emulator and browser suites are CPU-bound, and a 2-core machine (CI's) then uses both cores.
  maxWorkers: 2,
};
