import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Four projects, one command (`npm test`). Integration and e2e each start their own local
 * stack (DynamoDB Local + s3rver + API on random ports) in a global setup.
 */
export default defineConfig({
  // Paths below are relative to the repository root, whichever folder this file lives in.
  root: resolve(import.meta.dirname, '..'),
  test: {
    // Request logs are useful when running the platform, noise in test output; set LOG_LEVEL to see them.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/stack-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/stack-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores are shared with the stack under test.
          fileParallelism: false,
        },
      },
    ],
  },
});
