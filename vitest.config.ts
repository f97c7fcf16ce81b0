import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CPU-bound tests: one worker per core, no more
    maxWorkers: 2,
  },
});
