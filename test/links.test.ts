import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { loadLadder } from '../src/load/load-ladder.js';
import { headingAnchor, linksAndAnchors } from '../src/load/markdown-links.js';
import { fixture, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { lintFolder } from './lint-helpers.js';

const uneven = fixture('health');
const parse = (markdown: string) => linksAndAnchors(unified().use(remarkParse).parse(markdown));

describe('links and anchors of a Markdown file', () => {
  it('gives headings the anchors GitHub gives them, repeats numbered', () => {
    const cases = {
      'Team building & hiring': 'team-building--hiring',
      'VP, Engineering': 'vp-engineering',
      'Ingeniería Sénior': 'ingeniería-sénior',
      'snake_case and C++ (2024)': 'snake_case-and-c-2024',
    };
    for (const [heading, anchor] of Object.entries(cases)) expect(headingAnchor(heading), heading).toBe(anchor);
    expect(parse('# Delivery\n\n## Delivery\n\n### Delivery-1\n\n### Delivery\n\nSetext `code`\n---\n').anchors).toEqual(['delivery', 'delivery-1', 'delivery-1-1', 'delivery-2', 'setext-code']);
  });

  it('finds links, images and definitions anywhere, with where each starts, and anchors set in HTML', () => {
    const markdown = ['# Title', '', '* One [a](a.md)', '  > quoted ![b](b.png)', '', 'See [c][ref].', '', '[ref]: c.md#top', '', '<a name="old-anchor"></a>', ''].join('\n');
    expect(parse(markdown)).toEqual({
      links: [
        { url: 'a.md', line: 3, column: 7 },
        { url: 'b.png', line: 4, column: 12 },
        { url: 'c.md#top', line: 8, column: 1 },
      ],
      anchors: ['title', 'old-anchor'],
    });
  });

  it('are read for README and the like only when asked for, and a README that cannot be read is no defect', async () => {
    const root = writeTree({ 'README.md': '# Ladder\n\n[Engineer](e.md)\n', 'CHANGELOG.md': Buffer.from('caf\xe9\n', 'latin1'), 'e.md': role('Engineer', null) });
    expect((await loadLadder(root)).documents).toBeUndefined();
    const loaded = await loadLadder(root, { documents: true });
    expect(loaded.documents!.map((d) => [d.file, d.links.map((l) => l.url), d.anchors])).toEqual([['README.md', ['e.md'], ['ladder']]]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.sources.map((s) => s.file)).toEqual(['e.md']);
  });

  it('come from the parse cache on a warm run as on a cold one', async () => {
    const ladder = writeTree({ 'README.md': '# Ladder\n\n[Gone](gone.md)\n', 'e.md': role('Engineer', null).replace('Engineer role.', 'See [the craft](#craft).') });
    const env = { LADDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ladder-cache-')) };
    const cold = await runMain(['--ladder', ladder, 'lint', '--json'], { env });
    expect(JSON.parse(cold.stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['README.md:3', 'e.md:5']);
    const entries = JSON.parse(readFileSync(join(env.LADDER_CACHE_DIR, readdirSync(env.LADDER_CACHE_DIR)[0]!), 'utf8')).entries;
    expect(entries['README.md'].links).toEqual([{ url: 'gone.md', line: 3, column: 1 }]);
    expect(entries['e.md'].anchors).toContain('delivery');
    expect((await runMain(['--ladder', ladder, 'lint', '--json'], { env })).stdout).toBe(cold.stdout);
  });
});

describe('broken-link and inherits-title-mismatch on the health fixture', () => {
  it('finds the broken file and anchor links of the README and of a role, with the closest file or heading', async () => {
    const findings = await lintFolder(uneven);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}: ${f.message}`)).toEqual([
      'README.md:7:3 broken-link: Link target "ic/principal.md" does not exist; did you mean "ic/principal-engineer.md"?',
      'README.md:8:3 broken-link: No heading in this file has the anchor "#managers"; its anchors are "#health-fixture", "#tracks".',
      'ic/staff-engineer.md:6:66 broken-link: Link target "../guides/growth.md" (guides/growth.md in the ladder folder) does not exist; fix or remove the link.',
      'ic/staff-engineer.md:6:110 broken-link: No heading in ic/senior-engineer.md has the anchor "#deliverry"; did you mean "#delivery"?',
      'mgmt/manager.md:3:38 inherits-title-mismatch: Expected the exact title of the parent role, "Engineering Team Lead", found "Team Lead".',
    ]);
  });

  it('checks a link that leaves the ladder folder against the file system', async () => {
    const outside = writeTree({ 'CONTRIBUTING.md': '# Contributing\n', 'ladder/README.md': '[How to help](../CONTRIBUTING.md), [gone](../GONE.md#x)\n', 'ladder/e.md': role('Engineer', null) });
    expect((await lintFolder(join(outside, 'ladder'))).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['README.md:1:36 broken-link']);
  });

  it('lint <file>... checks the links of a README named inside the ladder, and passes over one outside it', async () => {
    const repo = writeTree({ 'README.md': '[Gone](gone.md)\n', 'ladder/ladder.yaml': 'rules: {}\n', 'ladder/README.md': '# Ladder\n\n[Gone](gone.md)\n', 'ladder/e.md': role('Engineer', null) });
    const run = await runMain(['lint', '--json', 'README.md', 'ladder/README.md'], { cwd: repo });
    expect(run).toMatchObject({ code: 0, stderr: `warning: README.md: not part of the ladder at ${join(repo, 'ladder')}; passed over\n` });
    expect(JSON.parse(run.stdout).findings.map((f: { file: string; line: number; ruleId: string }) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['README.md:3 broken-link']);
  });

  it('flags a loose parent name but not one ladder.yaml maps, and fixes only a name found once on its line', async () => {
    const root = writeTree({
      'ladder.yaml': 'aliases:\n  Lead: manager\n',
      'manager.md': 'Engineering Manager\n===================\n\n### Results\n* Ships.\n',
      'settled.md': 'Settled\n=======\n\n*Same as Lead, but also...*\n\n### Results\n* Settles.\n',
      'loose.md': 'Loose\n=====\n\n*Same as Manager, but also...*\n\n### Results\n* Loosens.\n',
      'the-role.md': 'Role\n====\n\n### Results\n* Plays.\n',
      'twice.md': 'Twice\n=====\n(Inherits the role expectations of a role)\n\n### Results\n* Repeats.\n',
    });
    const findings = JSON.parse((await runMain(['--ladder', root, 'lint', '--json'], {})).stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'inherits-title-mismatch');
    expect(findings.map((f: { file: string; line: number; column: number; fixable: boolean }) => `${f.file}:${f.line}:${f.column} ${f.fixable}`)).toEqual(['loose.md:4:10 true', 'twice.md:3:1 false']);
    await runMain(['--ladder', root, 'lint', '--fix'], {});
    expect(readFileSync(join(root, 'loose.md'), 'utf8')).toContain('\n*Same as Engineering Manager, but also...*\n');
    expect(readFileSync(join(root, 'twice.md'), 'utf8')).toContain('\n(Inherits the role expectations of a role)\n');
  });

  it('--fix writes the parent’s renamed title, with the article it needs, and nothing fixable is left', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ladder-links-'));
    cpSync(uneven, root, { recursive: true });
    const before = readFileSync(join(root, 'mgmt', 'manager.md'), 'utf8');
    const run = await runMain(['--ladder', root, 'lint', '--fix', '--json']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(root, 'mgmt', 'manager.md'), 'utf8')).toBe(
      before.replace('(Inherits the role expectations of a Team Lead)', '(Inherits the role expectations of an Engineering Team Lead)'),
    );
    const remaining = JSON.parse(run.stdout);
    expect(remaining.summary.fixable).toBe(0);
    expect(remaining.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['broken-link', 'broken-link', 'broken-link', 'broken-link']);
    expect(JSON.parse((await runMain(['--ladder', root, 'show', 'manager', '--json'])).stdout).inherits).toBe('team-lead');
  });
});
