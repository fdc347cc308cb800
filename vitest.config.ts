import { defineConfig } from 'vitest/config';

/** Unit and API tests (server, common). Browser tests have their own config in e2e/. */
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
    globalSetup: ['./server/test/global-setup.ts'],
    setupFiles: ['./server/test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
