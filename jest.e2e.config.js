import { base } from './jest.config.js';
/** Real headless Chromium against the local server (npm run test:e2e). */
export default { ...base, roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.e2e.ts'], testTimeout: 120000, maxWorkers: 1 };
