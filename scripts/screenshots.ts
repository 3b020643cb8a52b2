// Writes docs/screenshot-index.png, docs/screenshot-role.png and docs/screenshot-role-dark.png: the bundled ladder exported as a site and
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
  // The index whole (a short viewport lets the page set the height); of the VP page, its top: the header
  // with the level links, the legend, the switch showing what is new at the level, and the first sections;
  // then, in dark mode, everything expected, where an evolved expectation meets the one it sharpens.
  const page = await browser.newPage({ viewport: { width: 1000, height: 400 }, colorScheme: 'light' });
  mkdirSync(`${repo}docs`, { recursive: true });
  await page.goto(`${server.url}index.html`);
  await page.screenshot({ path: `${repo}docs/screenshot-index.png`, fullPage: true });
  await page.setViewportSize({ width: 1000, height: 1250 });
  await page.goto(`${server.url}vp-engineering.html`);
  await page.screenshot({ path: `${repo}docs/screenshot-role.png` });
  const dark = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: 'dark' });
  await dark.goto(`${server.url}vp-engineering.html`);
  await dark.getByLabel('Everything expected').check();
  await dark.locator('li.evolved').scrollIntoViewIfNeeded();
  await dark.locator('li.evolved').evaluate((li) => li.scrollIntoView({ block: 'center' }));
  await dark.screenshot({ path: `${repo}docs/screenshot-role-dark.png` });
} finally {
  await browser.close();
  await server.close();
}
