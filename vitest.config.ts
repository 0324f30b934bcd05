import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/fast-check-seed.ts'],
    // Every open derives a SQLCipher key (~170 ms); integration files get room for that.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
