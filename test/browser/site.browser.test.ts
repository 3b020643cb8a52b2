// The exported HTML site as a person sees it: pages loaded over http in headless Chromium, links followed
// by clicking, styles and layout measured in the browser. Needs Debian's `chromium`; run with `npm run test:browser`.
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedRole, RoleSummary } from '../../src/schema/role.js';
import { bundledLadder, fixture, role, runCli, writeTree } from '../helpers.js';
import { exportSite, launchChromium, serveFolder, type StaticServer } from './site.js';

const listed = (ladder: string) => (JSON.parse(runCli(['--ladder', ladder, 'list', '--json']).stdout) as { roles: RoleSummary[] }).roles;
const shown = (ladder: string, id: string) => JSON.parse(runCli(['--ladder', ladder, 'show', id, '--json']).stdout) as ResolvedRole;

/** Text a planted script would leave behind, had it run. */
const planted = `<script>window.planted = true; document.title = "planted"</script>`;
const plantedImage = `<img src="x" onerror="window.planted = true">`;
const plantedLadder = writeTree({
  'makers/maker.md': role('Maker', null, { Delivery: [`Shows ${planted} as text.`, `Shows ${plantedImage} too.`] }),
});

const roles = listed(bundledLadder);
let browser: Browser;
let site: StaticServer;
let edgeSite: StaticServer;
let plantedSite: StaticServer;
let siteFolder: string;

beforeAll(async () => {
  siteFolder = exportSite(bundledLadder);
  [browser, site, edgeSite, plantedSite] = await Promise.all([
    launchChromium(),
    serveFolder(siteFolder),
    serveFolder(exportSite(fixture('export'))),
    serveFolder(exportSite(plantedLadder)),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site, edgeSite, plantedSite].map((s) => s?.close()));
});

/** A fresh page that records everything a person would see go wrong: console errors, page errors, failed requests. */
async function openPage(options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage(options);
  page.setDefaultTimeout(10_000); // a missing link fails in seconds, not at the test's time limit
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems };
}

/** The pages of an exported site, sorted: its `.ladder-export.json` list is no page. */
function htmlPages(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.html')).sort();
}

async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
}

describe('the exported site in Chromium', () => {
  it('loads the index and every role page with no console error, and every link answers 200', async () => {
    const pages = htmlPages(siteFolder);
    const steps = [...new Set(roles.map((r) => r.track))].map((track) => `steps-${track}.html`);
    expect(pages).toEqual(['index.html', ...roles.map((r) => `${r.id}.html`), ...steps].sort());
    // Beside the pages, only the export's own list of what it wrote.
    expect(readdirSync(siteFolder).filter((name) => !pages.includes(name))).toEqual(['.ladder-export.json']);
    const { page, problems } = await openPage();
    const linked = new Set<string>();
    for (const file of pages) {
      await visit(page, site.url + file);
      expect(await page.title()).not.toBe('');
      for (const href of await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href))) linked.add(href);
    }
    // Every page is reachable by a link, and nothing links outside the site.
    expect([...linked].sort()).toEqual(pages.map((file) => site.url + file).sort());
    for (const href of linked) expect((await page.request.get(href)).status(), href).toBe(200);
    expect(problems).toEqual([]);
  });

  it('goes from the index to a role, from the role to its parent through the chain, and back to the index by clicking', async () => {
    const vp = shown(bundledLadder, 'vp');
    const parent = shown(bundledLadder, vp.chain[1]!);
    const { page, problems } = await openPage();
    await visit(page, site.url);

    await page.locator('table').getByRole('link', { name: vp.title, exact: true }).click();
    expect(page.url()).toBe(`${site.url}${vp.id}.html`);
    await expect(page.locator('h1').innerText()).resolves.toBe(vp.title);

    const chain = page.locator('header p', { hasText: 'Inherits:' }).getByRole('link');
    await expect(chain.allInnerTexts()).resolves.toEqual(vp.chain.slice(1).map((id) => shown(bundledLadder, id).title));
    await chain.first().click();
    expect(page.url()).toBe(`${site.url}${parent.id}.html`);
    await expect(page.locator('h1').innerText()).resolves.toBe(parent.title);

    await page.getByRole('link', { name: 'All roles' }).click();
    expect(page.url()).toBe(`${site.url}index.html`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Career ladder');
    expect(problems).toEqual([]);
  });

  it('marks every inherited expectation, visibly and in another style, with the role it comes from', async () => {
    const vp = shown(bundledLadder, 'vp');
    const titles = new Map(roles.map((r) => [r.id, r.title]));
    const { page } = await openPage();
    await visit(page, `${site.url}${vp.id}.html`);
    const items = await page.$$eval('ul.expectations li', (lis) =>
      lis.map((li) => {
        const marker = li.querySelector('.marker')!;
        const source = li.querySelector('.source');
        return {
          kind: li.className,
          text: (li as HTMLElement).innerText,
          marker: (marker as HTMLElement).innerText,
          markerColor: getComputedStyle(marker).color,
          sourceLink: source?.querySelector('a')?.getAttribute('href') ?? null,
          sourceShown: source ? (source as HTMLElement).offsetHeight > 0 && getComputedStyle(source).visibility === 'visible' : false,
        };
      }),
    );
    const expectations = vp.sections.flatMap((s) => s.expectations);
    expect(items).toHaveLength(expectations.length);
    expectations.forEach((expectation, i) => {
      const item = items[i]!;
      expect(item.text).toContain(expectation.text);
      if (expectation.source === vp.id) {
        expect(item).toMatchObject({ kind: 'own', marker: '●', sourceLink: null });
        expect(item.text).not.toContain('(from');
      } else {
        expect(item).toMatchObject({ kind: 'inherited', marker: '○', sourceLink: `${expectation.source}.html`, sourceShown: true });
        expect(item.text).toContain(`(from ${titles.get(expectation.source)})`);
      }
    });
    const colors = (kind: string) => new Set(items.filter((item) => item.kind === kind).map((item) => item.markerColor));
    expect(colors('own').size).toBe(1);
    expect(colors('inherited').size).toBe(1);
    expect([...colors('own')]).not.toEqual([...colors('inherited')]);
  });

  it('draws the chart with tracks as columns and levels as rows, each role in its cell', async () => {
    const { page } = await openPage();
    await visit(page, site.url);
    const headers = await page.locator('table thead th').allInnerTexts();
    const tracks = [...new Set(roles.map((r) => r.track))];
    expect(headers).toEqual(['Level', ...tracks]);
    const levels = [...new Set(roles.map((r) => r.level))].sort((a, b) => b - a);
    expect(await page.locator('table tbody th').allInnerTexts()).toEqual(levels.map(String));

    // Where a person sees it: the role's link lies under its track's heading and beside its level's heading.
    for (const r of roles) {
      const link = await page.locator('table').getByRole('link', { name: r.title, exact: true }).boundingBox();
      const column = await page.locator('table thead th').nth(headers.indexOf(r.track)).boundingBox();
      const row = await page.locator('table tbody th').nth(levels.indexOf(r.level)).boundingBox();
      expect(link && column && row, r.id).toBeTruthy();
      expect(link!.x, `${r.id} under ${r.track}`).toBeGreaterThanOrEqual(column!.x);
      expect(link!.x + link!.width, `${r.id} under ${r.track}`).toBeLessThanOrEqual(column!.x + column!.width);
      expect(link!.y, `${r.id} at level ${r.level}`).toBeGreaterThanOrEqual(row!.y);
      expect(link!.y + link!.height, `${r.id} at level ${r.level}`).toBeLessThanOrEqual(row!.y + row!.height);
    }
  });

  it('reads well at phone width: no sideways scrolling and text of a readable size', async () => {
    const { page, problems } = await openPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    for (const [server, files] of [
      [site, htmlPages(siteFolder)],
      [edgeSite, ['index.html', 'r-and-d-lead.html', 'engineer.html']],
    ] as const) {
      for (const file of files) {
        await visit(page, server.url + file);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          // The smallest text a reader meets, over every element that shows text of its own.
          smallest: Math.min(
            ...[...document.body.querySelectorAll('*')]
              .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
              .map((el) => parseFloat(getComputedStyle(el).fontSize)),
          ),
        }));
        expect(layout.innerWidth, file).toBe(375);
        expect(layout.scrollWidth, file).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.smallest, file).toBeGreaterThanOrEqual(12);
      }
    }
    // The chart of the bundled ladder fits a phone whole, without scrolling inside its box either, and
    // squeezing its columns breaks no heading in the middle of a word.
    await visit(page, site.url);
    const chart = await page.locator('.chart').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(chart.scrollWidth).toBeLessThanOrEqual(chart.clientWidth);
    const headingLines = await page.$$eval('table th', (ths) =>
      ths.map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return `${(th as HTMLElement).innerText}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size}`;
      }),
    );
    expect(headingLines).toEqual(headingLines.map((line) => line.replace(/\d+$/, '1')));
    expect(problems).toEqual([]);
  });

  it('shows a <script> in a bullet as text and never runs it, even with the page policy switched off', async () => {
    // bypassCSP: the escaping alone must keep the script inert, not the Content-Security-Policy behind it.
    const { page, problems } = await openPage({ bypassCSP: true });
    await visit(page, `${edgeSite.url}engineer.html`);
    await expect(page.locator('main').innerText()).resolves.toContain('Shows <script>alert("owned")</script> as text, never runs it.');
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);

    await visit(page, `${plantedSite.url}maker.html`);
    const text = await page.locator('main').innerText();
    expect(text).toContain(`Shows ${planted} as text.`);
    expect(text).toContain(`Shows ${plantedImage} too.`);
    expect(await page.evaluate(() => ({ planted: 'planted' in window, title: document.title, scripts: document.scripts.length, images: document.images.length }))).toEqual({
      planted: false,
      title: 'Maker · Career ladder',
      scripts: 0,
      images: 0,
    });
    expect(problems).toEqual([]);
  });
});
