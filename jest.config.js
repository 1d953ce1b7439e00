/** Unit, adapter, handler, infra and local-server tests. Browser tests live in jest.e2e.config.js. */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }] },
};
export default {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  // Every core (jest's default leaves one idle): 250 s instead of 376 s on this 2-core machine, measured.
  maxWorkers: '100%',
  // A worker that grew past this after a test file is replaced: each infra file loads aws-cdk-lib into its
  // own module registry, and a worker that keeps them all slows down in garbage collection.
  workerIdleMemoryLimit: '1GB',
  testSequencer: '<rootDir>/test/support/heavy-first-sequencer.mjs',
};
export { base };
