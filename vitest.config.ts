import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two test files at a time: Vitest's default on a 2-core machine is one, and most of a file's time is
    // spent waiting on PostgreSQL, LibreOffice or Chromium (separate processes), not on this process.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
