import { base } from './jest.config.js';
/**
 * Real headless Chromium against the local server (npm run test:e2e). One worker: the timing assertions
 * should not compete with another suite's browser for the CPU. local/quiet.ts runs first, as in `npm start`,
 * so Powertools' JSON log lines do not bury jest's output.
 */
export default {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  setupFiles: ['<rootDir>/local/quiet.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
