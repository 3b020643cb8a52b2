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
    // End-to-end tests spawn the built CLI; two cores here, so keep the pool small.
    maxWorkers: 2,
  },
});
