// The exported HTML site as a person sees it: pages loaded over http in headless Chromium, links followed
// by clicking, styles and layout measured in the browser. Needs Debian's `chromium`; run with `npm run test:browser`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleDiff } from '../../src/schema/diff.js';
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
    expect(pages).toEqual(['compare.html', 'index.html', ...roles.map((r) => `${r.id}.html`)].sort());
    // Beside the pages, only the export's own list of what it wrote and the scripts of compare and search.
    expect(readdirSync(siteFolder).filter((name) => !pages.includes(name))).toEqual(['.ladder-export.json', 'assets']);
    const { page, problems } = await openPage();
    const linked = new Set<string>();
    for (const file of pages) {
      await visit(page, site.url + file);
      expect(await page.title()).not.toBe('');
      for (const href of await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href))) linked.add(href.replace(/#.*/, ''));
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
    const ownScripts = ['assets/search-index.js', 'assets/search.js'];
    expect(await page.evaluate(() => [...document.scripts].map((script) => script.getAttribute('src')))).toEqual(ownScripts);

    await visit(page, `${plantedSite.url}maker.html`);
    const text = await page.locator('main').innerText();
    expect(text).toContain(`Shows ${planted} as text.`);
    expect(text).toContain(`Shows ${plantedImage} too.`);
    expect(await page.evaluate(() => ({ planted: 'planted' in window, title: document.title, scripts: document.scripts.length, images: document.images.length }))).toEqual({
      planted: false,
      title: 'Maker · Career ladder',
      scripts: ownScripts.length,
      images: 0,
    });
    expect(problems).toEqual([]);
  });
});

/** What `ladder diff --json` says changes from one role to another: the ids it adds (evolved or not) and removes. */
function cliDiff(ladder: string, from: string, to: string): { added: string[]; removed: string[] } {
  const diff = JSON.parse(runCli(['--ladder', ladder, 'diff', from, to, '--json']).stdout) as RoleDiff;
  return {
    added: diff.sections.flatMap((section) => section.added.map((e) => e.id)),
    removed: diff.sections.flatMap((section) => section.removed.map((e) => e.id)),
  };
}

/** The ids the page lists as added (evolved included) and removed inside `within`. */
async function listedDiff(page: Page, within: string): Promise<{ added: string[]; removed: string[] }> {
  const ids = (selector: string) => page.$$eval(`${within} ${selector}`, (items) => items.map((item) => item.getAttribute('data-id')!));
  return { added: await ids(':is(li.added, li.evolved)'), removed: await ids('li.removed') };
}

describe('the compare page in Chromium', () => {
  const fileUrl = (file: string) => pathToFileURL(join(siteFolder, file)).href;

  it('from file://, diffs any two chosen roles as `ladder diff --json` does', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${fileUrl('compare.html')}?from=engineering-director&to=vp-engineering`);
    const title = (id: string) => roles.find((r) => r.id === id)!.title;
    await expect(page.locator('#chosen-title').innerText()).resolves.toBe(`${title('engineering-director')} → ${title('vp-engineering')}`);
    expect(await listedDiff(page, '#chosen-diff')).toEqual(cliDiff(bundledLadder, 'engineering-director', 'vp-engineering'));
    for (const [from, to] of [
      ['engineer', 'principal-engineer'],
      ['vp-engineering', 'staff-engineer'],
      ['senior-engineer', 'engineering-manager'],
    ] as const) {
      await page.getByLabel('From', { exact: true }).selectOption(from);
      await page.getByLabel('To', { exact: true }).selectOption(to);
      expect(await listedDiff(page, '#chosen-diff'), `${from} → ${to}`).toEqual(cliDiff(bundledLadder, from, to));
      // The choice is kept in the address, to bookmark or send.
      expect(new URL(page.url()).search).toBe(`?from=${from}&to=${to}`);
    }
    // An evolved expectation shows the words it drops and adds.
    await page.getByLabel('From', { exact: true }).selectOption('engineering-director');
    await page.getByLabel('To', { exact: true }).selectOption('vp-engineering');
    expect(await page.locator('#chosen-diff li.evolved ins').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('without JavaScript, shows each role against the one it inherits from, and no dead controls', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(fileUrl('compare.html'));
    await expect(page.locator('form.compare-choice').isVisible()).resolves.toBe(false);
    await expect(page.locator('#chosen').isVisible()).resolves.toBe(false);
    const inheriting = roles.filter((r) => r.inherits !== null);
    expect(inheriting.length).toBeGreaterThan(2);
    for (const r of inheriting) {
      const step = `section.step[id="step-${r.id}"]`;
      await expect(page.locator(`${step} h3`).innerText()).resolves.toBe(`${roles.find((p) => p.id === r.inherits)!.title} → ${r.title}`);
      expect(await listedDiff(page, step), r.id).toEqual(cliDiff(bundledLadder, r.inherits!, r.id));
    }
    await page.goto(fileUrl('index.html'));
    await expect(page.locator('form.site-search').isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe('the search box in Chromium', () => {
  it('from file://, finds an expectation by a few of its words, accents and case aside, and its link lands on it', async () => {
    const vp = shown(bundledLadder, 'vp');
    const own = vp.sections.flatMap((section) => section.expectations).find((e) => e.source === vp.id)!;
    // Three of its longer words, upper-cased and out of order.
    const words = own.text.split(/\W+/).filter((word) => word.length > 5).slice(0, 3).reverse().join(' ').toUpperCase();
    const { page, problems } = await openPage();
    await page.goto(pathToFileURL(join(siteFolder, 'index.html')).href);
    await page.getByLabel('Search roles and expectations').fill(words);
    const result = page.locator('.search-results a', { hasText: own.text });
    await expect(result.count()).resolves.toBe(1);
    await expect(page.locator('.search-status').innerText()).resolves.toMatch(/^\d+ match(es)?\.$/);
    await result.click();
    await page.waitForURL(/vp-engineering\.html#/);
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(own.id);
    const target = await page.evaluate(() => {
      const li = document.querySelector(':target');
      const box = li?.getBoundingClientRect();
      return { id: li?.id, visible: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(target).toEqual({ id: own.id, visible: true });
    // The same box on a role page; a search with no match says so.
    await page.getByLabel('Search roles and expectations').fill('zzzz nothing');
    await expect(page.locator('.search-status').innerText()).resolves.toBe('0 matches.');
    expect(problems).toEqual([]);
  });
});

describe('hostile text in the compare page and search', () => {
  const hostileLadder = writeTree({
    'makers/maker.md': role('Maker', null, { Delivery: [`Shows ${planted} as text.`, `Shows ${plantedImage} too.`] }),
    // Words unlike the Maker's, so diff sees an added expectation, not a restated one.
    'makers/senior-maker.md': role('Senior Maker', 'Maker', { Delivery: [`Teaches newcomers about </script><svg onload=alert(1)> in reviews.`] }),
  });

  it('shows it as text and never runs it', async () => {
    const folder = exportSite(hostileLadder);
    const { page, problems } = await openPage();
    await page.goto(`${pathToFileURL(join(folder, 'compare.html')).href}?from=senior-maker&to=maker`);
    // Computed in the page: what Senior Maker adds is no longer expected of a Maker.
    const senior = 'Teaches newcomers about </script><svg onload=alert(1)> in reviews.';
    await expect(page.locator('#chosen-diff li.removed .text').allInnerTexts()).resolves.toEqual([senior]);
    // Written at export: the step from Maker to Senior Maker.
    await expect(page.locator('section.step li.added .text').allInnerTexts()).resolves.toEqual([senior]);
    const inert = () => page.evaluate(() => ({ planted: 'planted' in window, images: document.images.length }));
    expect(await inert()).toEqual({ planted: false, images: 0 });

    await page.goto(pathToFileURL(join(folder, 'index.html')).href);
    const search = async (words: string) => {
      await page.getByLabel('Search roles and expectations').fill(words);
      return page.locator('.search-results li').allInnerTexts();
    };
    await expect(search('script')).resolves.toEqual([`Shows ${planted} as text. Maker · Delivery`, `${senior} Senior Maker · Delivery`]);
    await expect(search('onerror')).resolves.toEqual([`Shows ${plantedImage} too. Maker · Delivery`]);
    expect(await inert()).toEqual({ planted: false, images: 0 });
    expect(await page.evaluate(() => ({ title: document.title, svgs: document.querySelectorAll('svg').length }))).toEqual({ title: 'Career ladder', svgs: 0 });
    expect(problems).toEqual([]);
  });
});
