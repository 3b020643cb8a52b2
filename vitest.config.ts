import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Those need Chromium: `npm run test:browser` (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    globalSetup: ['test/global-setup.ts'],
    // No per-test time limit: speed goals live in bench/, and a loaded machine must not turn slowness into failures.
    testTimeout: 0,
    hookTimeout: 0,
    // Forked processes, not threads: measured on the in-process tests, threads saved about 5% of the time,
    // but a worker thread has a larger stack (4 MB) than the binary's main thread, so deep-nesting cases run
    // in-process could pass there and still overflow for a user. Two cores here, so two workers.
    pool: 'forks',
    maxWorkers: 2,
    // Test files share a worker's module cache instead of importing the CLI (commander, unified, zod…)
    // afresh each: a third less CPU for the suite. No test mocks modules or changes globals, and what the
    // core keeps between runs (caches keyed by parsed objects, lint's word ids) never changes a result.
    isolate: false,
  },
});
