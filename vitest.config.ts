import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const reportDir = process.env.RAPPORT_TEST_REPORT_DIR;

export default defineConfig({
  // The web app imports the shared contracts by this alias (as in web/vite.config.ts).
  resolve: { alias: { '@contracts': path.resolve(import.meta.dirname, 'src/contracts') } },
  test: {
    root: import.meta.dirname,
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two at least, also on a two-core machine (CI): the suites are I/O- and child-process-bound, each on its own database.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir && { outputFile: { json: `${reportDir}/vitest.json` } }),
  },
});
