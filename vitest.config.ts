import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared-domain/**/*.test.ts', 'variants/**/*.test.ts', 'lab/**/*.test.ts', 'tests/**/*.test.ts'],
    // Integration tests start real processes and brokers: two cores cannot run many at once.
    fileParallelism: false,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: '.archlab/vitest-report.json' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
