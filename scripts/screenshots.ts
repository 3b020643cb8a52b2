// Writes docs/screenshot-index.png and docs/screenshot-role.png: the bundled ladder exported as a site and
// seen in headless Chromium, for the README. Run it when the site's look changes (npm run screenshots).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportSite, launchChromium, serveFolder } from '../test/browser/site.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/build.js'], { cwd: repo, stdio: 'inherit' });
// Run from the repository so the index reads "read from ladder", not a temporary path.
const server = await serveFolder(exportSite('ladder', { cwd: repo }));
const browser = await launchChromium();
try {
  // The index whole (a short viewport lets the page set the height); of the long VP page, its top: the
  // header with the inheritance chain and the first section, where inherited and own expectations meet.
  const page = await browser.newPage({ viewport: { width: 1000, height: 400 }, colorScheme: 'light' });
  mkdirSync(`${repo}docs`, { recursive: true });
  await page.goto(`${server.url}index.html`);
  await page.screenshot({ path: `${repo}docs/screenshot-index.png`, fullPage: true });
  await page.setViewportSize({ width: 1000, height: 1250 });
  await page.goto(`${server.url}vp-engineering.html`);
  await page.screenshot({ path: `${repo}docs/screenshot-role.png` });
} finally {
  await browser.close();
  await server.close();
}
