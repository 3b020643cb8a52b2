// The exported HTML site as a person sees it: pages loaded over http in headless Chromium, links followed
// by clicking, styles and layout measured in the browser. Needs Debian's `chromium`; run with `npm run test:browser`.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleDiff } from '../../src/schema/diff.js';
import type { ResolvedRole, RoleSummary } from '../../src/schema/role.js';
import { bundledLadder, fixture, repoRoot, role, runCli, writeTree } from '../helpers.js';
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
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Inline Markdown as a ladder writes it, and more tracks than a phone shows side by side. */
const markdownLadder = writeTree({
  'makers/maker.md': role('Maker', null, { Delivery: ['Ships **small** changes and reads [the index](index.html) and [our guide](https://example.org/guide).'] }),
  ...Object.fromEntries(['Platform', 'Mobile', 'Data science', 'Security', 'Reliability', 'Design'].map((track) => [`${track.toLowerCase()}/${track.toLowerCase()}-lead.md`, role(`${track} Lead`, null)])),
});
let browser: Browser;
let site: StaticServer;
let edgeSite: StaticServer;
let plantedSite: StaticServer;
let markdownSite: StaticServer;
let siteFolder: string;

beforeAll(async () => {
  siteFolder = exportSite(bundledLadder);
  [browser, site, edgeSite, plantedSite] = await Promise.all([
    launchChromium(),
    serveFolder(siteFolder),
    serveFolder(exportSite(fixture('export'))),
    serveFolder(exportSite(plantedLadder)),
  ]);
  markdownSite = await serveFolder(exportSite(markdownLadder));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site, edgeSite, plantedSite, markdownSite].map((s) => s?.close()));
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
    expect(pages).toEqual(['compare.html', 'index.html', ...roles.map((r) => `${r.id}.html`), ...steps].sort());
    // Beside the pages, only the export's own list of what it wrote and the scripts of compare and search.
    expect(readdirSync(siteFolder).filter((name) => !pages.includes(name))).toEqual(['.ladder-export.json', 'assets']);
    const { page, problems } = await openPage();
    const linked = new Set<string>();
    for (const file of pages) {
      await visit(page, site.url + file);
      expect(await page.title()).not.toBe('');
      // An expectation's permalink or "(from X)" link names a page and a place on it: the page must answer.
      for (const href of await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href))) linked.add(href.replace(/[?#].*/, ''));
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
    // The site is titled by the ladder's README.
    await expect(page.locator('h1').innerText()).resolves.toBe('Engineering ladder');
    expect(problems).toEqual([]);
  });

  it('marks every inherited expectation, visibly and in another style, with the role it comes from', async () => {
    const vp = shown(bundledLadder, 'vp');
    const titles = new Map(roles.map((r) => [r.id, r.title]));
    const { page } = await openPage();
    await visit(page, `${site.url}${vp.id}.html`);
    await page.getByLabel('Everything expected').check();
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
        expect(item).toMatchObject({ sourceLink: null });
        expect([{ kind: 'own', marker: '●' }, { kind: 'own evolved', marker: '◐' }]).toContainEqual({ kind: item.kind, marker: item.marker });
        expect(item.text).not.toContain('(from');
      } else {
        expect(item).toMatchObject({ kind: 'inherited', marker: '○', sourceLink: `${expectation.source}.html#${expectation.id}`, sourceShown: true });
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
    // The chart, not the README's own table below it.
    const chart = page.locator('main > .chart table');
    const headers = await chart.locator('thead th').allInnerTexts();
    const tracks = [...new Set(roles.map((r) => r.track))];
    expect(headers).toEqual(['Level', ...tracks]);
    const levels = [...new Set(roles.map((r) => r.level))].sort((a, b) => b - a);
    expect(await chart.locator('tbody th').allInnerTexts()).toEqual(levels.map(String));

    // Where a person sees it: the role's link lies under its track's heading and beside its level's heading.
    for (const r of roles) {
      const link = await chart.getByRole('link', { name: r.title, exact: true }).boundingBox();
      const column = await chart.locator('thead th').nth(headers.indexOf(r.track)).boundingBox();
      const row = await chart.locator('tbody th').nth(levels.indexOf(r.level)).boundingBox();
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
    const chart = await page.locator('main > .chart').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(chart.scrollWidth).toBeLessThanOrEqual(chart.clientWidth);
    const headingLines = await page.$$eval('main > .chart th', (ths) =>
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

/** Runs axe-core on the open page (its policy bypassed to let axe in) and returns what it finds, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe.run()).violations);
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`));
}

describe('reading the exported site', () => {
  it('passes axe-core with no violation in light and in dark mode, contrast included, on every page', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await openPage({ bypassCSP: true, colorScheme });
      for (const [server, files] of [
        [site, htmlPages(siteFolder)],
        [edgeSite, ['index.html', 'engineer.html', 'r-and-d-lead.html']],
        [markdownSite, ['index.html', 'maker.html']],
      ] as const) {
        for (const file of files) {
          await visit(page, server.url + file);
          // Both views of a role page: what is new at this level, and everything, inherited lines included.
          expect(await axeViolations(page), `${colorScheme} ${file}`).toEqual([]);
          const everything = page.getByLabel('Everything expected');
          if (await everything.count()) {
            await everything.check();
            expect(await axeViolations(page), `${colorScheme} ${file}, everything`).toEqual([]);
          }
        }
      }
      // The dark scheme is in force: muted text is light on a dark page, not the light scheme's grey.
      await visit(page, `${site.url}vp-engineering.html`);
      const meta = await page.locator('.meta').evaluate((el) => getComputedStyle(el).color);
      expect(meta).toBe(colorScheme === 'dark' ? 'rgb(176, 176, 192)' : 'rgb(87, 87, 102)');
      expect(problems).toEqual([]);
    }
  });

  it('publishes no local absolute path in any page', async () => {
    const folders = [siteFolder, dirname(siteFolder), repoRoot, bundledLadder, tmpdir(), process.env.HOME ?? '/root'];
    // Every file, the scripts' data under assets/ included.
    for (const file of readdirSync(siteFolder, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.'))) {
      const text = readFileSync(join(siteFolder, file), 'utf8');
      for (const folder of folders) expect(text.includes(folder), `${file} holds ${folder}`).toBe(false);
    }
    const { page } = await openPage();
    await visit(page, site.url);
    await expect(page.locator('.meta').innerText()).resolves.toMatch(/read from ladder by ladder /);
  });

  it('renders inline Markdown: bold shows bold, and a link in an expectation can be followed', async () => {
    const { page, problems } = await openPage();
    await visit(page, `${markdownSite.url}maker.html`);
    const item = page.locator('ul.expectations li').first();
    await expect(item.innerText()).resolves.toContain('Ships small changes and reads the index and our guide.');
    expect(await item.locator('strong').evaluate((el) => Number(getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(600);
    await expect(item.getByRole('link', { name: 'our guide' }).getAttribute('href')).resolves.toBe('https://example.org/guide');
    await item.getByRole('link', { name: 'the index' }).click();
    expect(page.url()).toBe(`${markdownSite.url}index.html`);
    expect(problems).toEqual([]);
  });

  it('shows what is new at a level first, and everything on a switch, without script', async () => {
    const vp = shown(bundledLadder, 'vp');
    const own = vp.sections.flatMap((s) => s.expectations).filter((e) => e.source === vp.id);
    const { page, problems } = await openPage({ javaScriptEnabled: false });
    await visit(page, `${site.url}${vp.id}.html`);
    const visible = () => page.locator('ul.expectations > li:not(.subsection):visible').count();
    await expect(visible()).resolves.toBe(own.length);
    await page.getByText('Everything expected').click();
    await expect(visible()).resolves.toBe(vp.sections.reduce((n, s) => n + s.expectations.length, 0));
    await page.getByText('What is new at this level').click();
    await expect(visible()).resolves.toBe(own.length);
    expect(problems).toEqual([]);
  });

  it('puts a skip link first, the legend and contents before the sections, and links each section', async () => {
    const { page, problems } = await openPage();
    await visit(page, `${site.url}vp-engineering.html`);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip.innerText()).resolves.toBe('Skip to content');
    const box = (await skip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#ladder-main');

    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top('.legend')).toBeLessThan(await top('section'));
    expect(await top('nav.contents')).toBeLessThan(await top('section'));
    const contents = page.locator('nav.contents a');
    await expect(contents.allInnerTexts()).resolves.toEqual(await page.locator('section > h2').allInnerTexts());
    await contents.nth(2).click();
    const heading = page.locator('section > h2').nth(2);
    expect(new URL(page.url()).hash).toBe(`#${await heading.getAttribute('id')}`);
    expect(problems).toEqual([]);
  });

  it('walks the levels by their previous and next links', async () => {
    const { page, problems } = await openPage();
    await visit(page, `${site.url}senior-engineer.html`);
    await expect(page.locator('a[rel=next]').allInnerTexts()).resolves.toEqual(['Level above: Staff Engineer →', 'Level above: Engineering Manager →']);
    await page.getByRole('link', { name: 'Level above: Staff Engineer →' }).click();
    expect(page.url()).toBe(`${site.url}staff-engineer.html`);
    await page.locator('a[rel=prev]').click();
    expect(page.url()).toBe(`${site.url}senior-engineer.html`);
    await page.locator('a[rel=prev]').click();
    expect(page.url()).toBe(`${site.url}engineer.html`);
    await expect(page.locator('a[rel=prev]').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('from file://, follows "(from X)" to that expectation on X\'s page: highlighted, below its section heading, permalinked', async () => {
    const vp = shown(bundledLadder, 'vp');
    const inherited = vp.sections.flatMap((s) => s.expectations).find((e) => e.source === 'engineering-director')!;
    const { page, problems } = await openPage({ viewport: { width: 1000, height: 700 } });
    const base = pathToFileURL(`${siteFolder}/`).href;
    await page.goto(`${base}vp-engineering.html`);
    await page.getByLabel('Everything expected').check();
    await page.locator(`li[id="${inherited.id}"] .source a`).first().click();
    expect(page.url()).toBe(`${base}engineering-director.html#${inherited.id}`);
    const target = page.locator(':target');
    await expect(target.getAttribute('id')).resolves.toBe(inherited.id);
    await expect(target.innerText()).resolves.toContain(inherited.text);
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // In view, and not under the section heading that stays at the top.
    const item = (await target.boundingBox())!;
    const heading = (await target.locator('xpath=ancestor::section/h2').boundingBox())!;
    expect(item.y).toBeGreaterThanOrEqual(heading.y + heading.height);
    expect(item.y + item.height).toBeLessThanOrEqual(700);
    // Its visible permalink is the address of this very place.
    const permalink = target.locator('a.permalink');
    expect(await permalink.isVisible()).toBe(true);
    await permalink.click();
    expect(page.url()).toBe(`${base}engineering-director.html#${inherited.id}`);
    expect(problems).toEqual([]);
  });

  it('shows an expectation linked on a role page even where "what is new" hides inherited ones', async () => {
    const vp = shown(bundledLadder, 'vp');
    const inherited = vp.sections.flatMap((s) => s.expectations).find((e) => e.source !== vp.id)!;
    const { page } = await openPage();
    await visit(page, `${site.url}vp-engineering.html#${inherited.id}`);
    await expect(page.getByLabel('What is new at this level').isChecked()).resolves.toBe(true);
    await expect(page.locator(':target').isVisible()).resolves.toBe(true);
  });

  it('prints a role without navigation, with the ladder version and the page\'s address', async () => {
    const { page } = await openPage();
    await visit(page, `${site.url}vp-engineering.html`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.skip', 'nav', '.view-switch', '.permalink']) {
      const shownCount = await page.locator(selector).evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
      expect(shownCount, selector).toBe(0);
    }
    const footer = page.locator('footer');
    expect(await footer.isVisible()).toBe(true);
    await expect(footer.innerText()).resolves.toMatch(/by ladder \d+\.\d+\.\d+.* · vp-engineering\.html$/);
    // Nothing is cut off at the right on A4 or Letter: the width inside the page margins (96 px an inch).
    for (const [format, widthMm] of [['A4', 210], ['Letter', 215.9]] as const) {
      await page.setViewportSize({ width: Math.floor(((widthMm - 28) / 25.4) * 96), height: 1000 });
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(fits, format).toBe(true);
      expect((await page.pdf({ format })).byteLength, format).toBeGreaterThan(1000);
    }
  });

  it('on a phone, a chart wider than the screen scrolls in its box with a cue, and the page never sideways', async () => {
    const { page, problems } = await openPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await visit(page, markdownSite.url);
    const layout = await page.evaluate(() => {
      const chart = document.querySelector('.chart')!;
      return { page: document.documentElement.scrollWidth, inner: window.innerWidth, chart: chart.scrollWidth, box: chart.clientWidth, cue: getComputedStyle(chart).backgroundImage };
    });
    expect(layout.page).toBeLessThanOrEqual(layout.inner);
    expect(layout.chart).toBeGreaterThan(layout.box);
    expect(layout.cue).toMatch(/gradient/);
    expect(problems).toEqual([]);
  });

  it('leaves no page of a removed role behind when the site is exported again', async () => {
    const ladder = mkdtempSync(join(tmpdir(), 'ladder-renamed-'));
    cpSync(bundledLadder, ladder, { recursive: true });
    const folder = exportSite(ladder);
    rmSync(join(ladder, 'managers', 'vp-engineering.md'));
    expect(runCli(['--ladder', ladder, 'export', '--format', 'html', '--out', folder]).code).toBe(0);
    const server = await serveFolder(folder);
    try {
      const { page } = await openPage();
      expect((await page.request.get(`${server.url}vp-engineering.html`)).status()).toBe(404);
      await visit(page, `${server.url}engineering-director.html`);
      await expect(page.locator('a[href^="vp-engineering.html"]').count()).resolves.toBe(0);
    } finally {
      await server.close();
    }
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
