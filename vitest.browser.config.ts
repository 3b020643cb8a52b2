import { defineConfig } from 'vitest/config';

// The browser tests need Chromium (Debian's package), so they run apart from `npm test`: `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time on two cores.
    fileParallelism: false,
  },
});
