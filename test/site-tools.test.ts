// The exported site's compare page and search: the files `ladder export --format html` writes for them,
// read back as the browser reads them. test/browser/site.browser.test.ts drives them in Chromium.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { compareRoles } from '../src/diff/compare-roles.js';
import { comparedRoles, type CompareData } from '../src/format/assets/compare-data.js';
import { diffView, sourceName } from '../src/format/assets/diff-view.js';
import { matches, type SearchEntry } from '../src/format/assets/search-entry.js';
import { viewHtml } from '../src/format/assets/view-node.js';
import type { RoleDiff } from '../src/schema/diff.js';
import type { ResolvedRole } from '../src/schema/role.js';
import { bundledLadder, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

const hostile = `Shows </script><img src=x onerror="alert(1)"> and \u2028 as text.`;
const ladder = writeTree({
  'makers/engineer.md': role('Engineer', null, {
    Delivery: ['Ships small changes with tests.', 'Fixes bugs in their own code.'],
    Craft: ['Writes readable code.', hostile],
  }),
  'makers/senior-engineer.md': role('Senior Engineer', 'Engineer', {
    Delivery: ['Ships small and large changes with tests and rollout plans.', 'Leads incident reviews.'],
  }),
  'managers/ingenieure.md': role('Ingénieure Principale', null, { 'Équipe': ['Anime la façade de l’équipe.'] }),
});

async function exportSite(from: string, ...args: string[]): Promise<string> {
  const cwd = mkdtempSync(join(tmpdir(), 'ladder-site-tools-'));
  const run = await runMain(['--ladder', from, 'export', '--format', 'html', '--out', 'site', ...args], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return join(cwd, 'site');
}

/** A data file of the site run as the browser runs it: a script that sets a global on `window`. */
function runDataFile<T>(site: string, path: string, global: string): T {
  const window: Record<string, unknown> = {};
  runInNewContext(readFileSync(join(site, path), 'utf8'), { window });
  return window[global] as T;
}

async function cliDiff(from: string, fromId: string, toId: string): Promise<RoleDiff> {
  return JSON.parse((await runMain(['--ladder', from, 'diff', fromId, toId, '--json', '--all'])).stdout) as RoleDiff;
}

async function shown(from: string, id: string): Promise<ResolvedRole> {
  return JSON.parse((await runMain(['--ladder', from, 'show', id, '--json'])).stdout) as ResolvedRole;
}

describe('the compare page data (assets/compare-data.js)', () => {
  it('gives, for any two roles, the diff `ladder diff --json` gives', async () => {
    const site = await exportSite(bundledLadder);
    const roles = new Map(comparedRoles(runDataFile<CompareData>(site, 'assets/compare-data.js', 'ladderCompare')).map((r) => [r.id, r]));
    expect([...roles.keys()].sort()).toEqual(
      ['engineer', 'senior-engineer', 'staff-engineer', 'principal-engineer', 'engineering-manager', 'engineering-director', 'vp-engineering'].sort(),
    );
    const pairs = [
      ['engineer', 'senior-engineer'],
      ['senior-engineer', 'engineer'],
      ['engineering-director', 'vp-engineering'],
      ['principal-engineer', 'vp-engineering'],
      ['engineer', 'vp-engineering'],
      ['staff-engineer', 'staff-engineer'],
    ] as const;
    for (const [from, to] of pairs) {
      expect(compareRoles(roles.get(from)!, roles.get(to)!), `${from} → ${to}`).toEqual(await cliDiff(bundledLadder, from, to));
    }
  });

  it('writes each expectation once, roles listing them by id, and keeps hostile text as written', async () => {
    const site = await exportSite(ladder);
    const data = runDataFile<CompareData>(site, 'assets/compare-data.js', 'ladderCompare');
    const senior = await shown(ladder, 'senior-engineer');
    const engineer = await shown(ladder, 'engineer');
    const ingenieure = await shown(ladder, 'ingenieure');
    // Engineer's four expectations, Senior Engineer's two of its own and the manager's one; inherited ones not again.
    expect(Object.keys(data.expectations).sort()).toEqual(
      [...new Set([...engineer.sections, ...senior.sections, ...ingenieure.sections].flatMap((s) => s.expectations.map((e) => e.id)))].sort(),
    );
    expect(Object.keys(data.expectations)).toHaveLength(7);
    expect(data.roles.find((r) => r.id === 'senior-engineer')!.sections).toEqual(
      senior.sections.map((s) => ({ id: s.id, title: s.title, expectations: s.expectations.map((e) => e.id) })),
    );
    expect(Object.values(data.expectations).map((e) => e.text)).toContain(hostile);
    expect(data.titles).toMatchObject({ engineer: 'Engineer', 'senior-engineer': 'Senior Engineer', ingenieure: 'Ingénieure Principale' });
    const [roleA, roleB] = comparedRoles(data);
    expect(compareRoles(roleA!, roleB!)).toEqual(await cliDiff(ladder, roleA!.id, roleB!.id));
  });
});

describe('the compare page without script (compare.html)', () => {
  it('shows each role against its parent: added, evolved as a word diff, and the counts', async () => {
    const site = await exportSite(ladder);
    const page = readFileSync(join(site, 'compare.html'), 'utf8');
    const steps = [...page.matchAll(/<section class="step" id="step-([^"]+)">\n<h3>(.*?)<\/h3>/g)].map(([, id, heading]) => [id, heading]);
    // Only Senior Engineer inherits; Engineer and the manager start their chains.
    expect(steps).toEqual([['senior-engineer', 'Engineer → Senior Engineer']]);
    const diff = await cliDiff(ladder, 'engineer', 'senior-engineer');
    const step = page.slice(page.indexOf('<section class="step"'));
    const items = [...step.matchAll(/<li class="(added|evolved|removed)" data-id="([^"]+)">/g)].map(([, kind, id]) => ({ kind, id }));
    expect(items).toEqual(
      diff.sections.flatMap((s) => [
        ...s.added.map((e) => ({ kind: e.evolvesFrom ? 'evolved' : 'added', id: e.id })),
        ...s.removed.map((e) => ({ kind: 'removed', id: e.id })),
      ]),
    );
    expect(items.map((item) => item.kind)).toEqual(['evolved', 'added']);
    expect(step).toContain('<ins>and large </ins>');
    expect(step).toContain(`<p class="diff-summary">2 added (1 evolved from an earlier one), 0 no longer expected, ${diff.summary.kept} kept.</p>`);
    // The choice of two roles waits for the script; the page names only its own scripts.
    expect(page).toContain('<form class="compare-choice" hidden>');
    expect(page).toContain(`script-src 'self'`);
    expect([...page.matchAll(/<script src="([^"]+)"/g)].map(([, src]) => src)).toEqual(['assets/compare-data.js', 'assets/compare.js']);
    expect(readFileSync(join(site, 'assets', 'compare.js'), 'utf8')).toContain('ladderCompare');
  });

  it('names the role an expectation comes from, linking to it there only when its page is in the site', async () => {
    const data = runDataFile<CompareData>(await exportSite(ladder), 'assets/compare-data.js', 'ladderCompare');
    const roles = new Map(comparedRoles(data).map((r) => [r.id, r]));
    const diff = compareRoles(roles.get('senior-engineer')!, roles.get('ingenieure')!);
    const html = viewHtml(diffView(diff, sourceName(data.titles, new Set(['senior-engineer'])), 'h3'));
    const sources = [...html.matchAll(/<span class="source">\((.*?)\)<\/span>/g)].map(([, source]) => source);
    expect(sources).toEqual([
      'Ingénieure Principale',
      ...diff.sections.flatMap((s) => s.removed).map((e) => (e.source === 'senior-engineer' ? `<a href="senior-engineer.html#${e.id}">Senior Engineer</a>` : 'Engineer')),
    ]);
    expect(sources).toContain('Engineer');
  });

  it('says so when no role inherits from another', async () => {
    const site = await exportSite(ladder, '--role', 'senior-engineer');
    expect(runDataFile<CompareData>(site, 'assets/compare-data.js', 'ladderCompare').roles.map((r) => r.id)).toEqual(['senior-engineer']);
    expect(readFileSync(join(site, 'compare.html'), 'utf8')).toContain('<p>No role in this ladder inherits from another.</p>');
  });
});

describe('the search index (assets/search-index.js)', () => {
  it('lists every role and every expectation once, on the page of the role that writes it', async () => {
    const site = await exportSite(ladder);
    const entries = runDataFile<SearchEntry[]>(site, 'assets/search-index.js', 'ladderSearch');
    const engineer = await shown(ladder, 'engineer');
    const senior = await shown(ladder, 'senior-engineer');
    expect(entries.filter((e) => !e.section).map((e) => e.href)).toEqual(['engineer.html', 'senior-engineer.html', 'ingenieure.html']);
    const own = (r: ResolvedRole) =>
      r.sections.flatMap((s) => s.expectations.filter((e) => e.source === r.id).map((e) => ({ href: `${r.id}.html#${e.id}`, text: e.text, role: r.title, section: s.title })));
    expect(entries.filter((e) => e.section).slice(0, 6).map(({ folded: _, ...entry }) => entry)).toEqual([...own(engineer), ...own(senior)]);
    expect(entries).toHaveLength(3 + 6 + 1);
    // Every anchor is on its page.
    for (const { href } of entries) {
      const [file, anchor] = href.split('#');
      const page = readFileSync(join(site, file!), 'utf8');
      if (anchor) expect(page, href).toContain(`id="${anchor}"`);
    }
    expect(entries.find((e) => e.text === hostile)).toBeDefined();
  });

  it('matches every typed word, ignoring case and accents as ladder search does', async () => {
    const entries = runDataFile<SearchEntry[]>(await exportSite(ladder), 'assets/search-index.js', 'ladderSearch');
    const found = (query: string) => matches(entries, query).map((e) => e.text);
    expect(found('INGENIEURE')).toEqual(['Ingénieure Principale']);
    expect(found('facade')).toEqual(['Anime la façade de l’équipe.']);
    expect(found('tests  ships')).toEqual(['Ships small changes with tests.', 'Ships small and large changes with tests and rollout plans.']);
    expect(found('ships rollout')).toEqual(['Ships small and large changes with tests and rollout plans.']);
    expect(found('onerror')).toEqual([hostile]);
    expect(found('   ')).toEqual([]);
    expect(found('nothing-like-this')).toEqual([]);
  });

  it('indexes an inherited expectation on the exported page that holds it when its own role is left out', async () => {
    const site = await exportSite(ladder, '--role', 'senior-engineer');
    const entries = runDataFile<SearchEntry[]>(site, 'assets/search-index.js', 'ladderSearch');
    const senior = await shown(ladder, 'senior-engineer');
    expect(entries.filter((e) => e.section).map((e) => e.href)).toEqual(
      senior.sections.flatMap((s) => s.expectations.map((e) => `senior-engineer.html#${e.id}`)),
    );
  });

  it('puts the search box, hidden until its script runs, on the index and every role page', async () => {
    const site = await exportSite(ladder);
    for (const file of ['index.html', 'engineer.html', 'senior-engineer.html', 'ingenieure.html']) {
      const page = readFileSync(join(site, file), 'utf8');
      expect(page, file).toContain('<form class="site-search" role="search" hidden>');
      expect([...page.matchAll(/<script src="([^"]+)"/g)].map(([, src]) => src)).toEqual(['assets/search-index.js', 'assets/search.js']);
      expect(page, file).toContain('<a href="compare.html">Compare roles</a>');
    }
    expect(readFileSync(join(site, 'assets', 'search.js'), 'utf8')).toContain('ladderSearch');
  });
});
