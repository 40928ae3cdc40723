import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/** Loads `*.sql` files as text, the same way the esbuild bundles do. */
export function sqlText(): Plugin {
  return {
    name: 'sql-text',
    transform(code, id) {
      if (!id.endsWith('.sql')) return null;
      return { code: `export default ${JSON.stringify(code)};`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [sqlText()],
  test: {
    projects: [
      {
        plugins: [sqlText()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/conformance/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [sqlText()],
        test: {
          // The central hub against a real PostgreSQL server (one per run, a database per test file) and PGlite.
          name: 'central',
          include: ['test/central/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [sqlText()],
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [sqlText()],
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // One process for every file, so the stations share one Chromium launch (test/e2e/support/browser.ts);
          // each file still opens its own core, host and browser context.
          isolate: false,
          // The screen answers well within this on an idle PC; a loaded CI machine must not turn into a red test.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
