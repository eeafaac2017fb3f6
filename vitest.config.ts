import { defineConfig } from 'vitest/config';

// Tests hash passwords cheaply (the template seed runs in this process too).
process.env.ARGON2_FAST = '1';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    env: { ARGON2_FAST: '1' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
