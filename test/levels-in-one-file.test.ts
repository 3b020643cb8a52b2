import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLadder } from '../src/load/load-ladder.js';
import { readLadderConfig } from '../src/load/config.js';
import { fixture, gitEnv, writeTree, type CliRun } from './helpers.js';
import { runMain } from './in-process.js';

const json = (run: CliRun) => JSON.parse(run.stdout);
const FORMAT = 'format: levels-in-one-file\n';

function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ladder-${name}-`));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

describe('reader: several levels in one file', () => {
  it('reads each ## heading as a role of the file\'s track, with its sections and every expectation at its line', async () => {
    const root = fixture('levels-in-one-file');
    const { roles, problems } = await loadLadder(root, { config: await readLadderConfig(root) });
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.id, r.title, r.titleLine, r.track, r.parent?.name ?? null])).toEqual([
      ['platform-engineer-i', 'Platform Engineer I', 5, 'platform', null],
      ['platform-engineer-ii', 'Platform Engineer II', 18, 'platform', 'platform-engineer-i'],
      ['platform-senior-platform-engineer', 'Senior Platform Engineer', 31, 'platform', 'platform-engineer-ii'],
    ]);
    expect(roles[0]!.description).toBe('Keeps the shared build and deploy tooling running under guidance.');
    expect(roles[2]!.description).toBe('');
    const lines = readFileSync(join(root, 'platform.md'), 'utf8').split('\n');
    const expectations = roles.map((r) => r.sections.map((s) => [s.title, s.line, s.expectations.map((e) => [e.line, e.column, e.parent ?? null])]));
    expect(expectations).toEqual([
      [['Delivery', 9, [[11, 3, null], [12, 3, null]]], ['Collaboration', 14, [[16, 3, null]]]],
      [['Delivery', 22, [[24, 3, null], [25, 5, 0]]], ['Collaboration', 27, [[29, 3, null]]]],
      [['Delivery', 33, [[35, 3, null]]], ['Collaboration', 37, [[39, 3, null]]], ['Influence', 41, [[43, 3, null]]]],
    ]);
    // Each expectation's text is exactly what stands at its line and column in the file.
    for (const e of roles.flatMap((r) => r.sections.flatMap((s) => s.expectations))) expect(lines[e.line - 1]!.slice(e.column - 1)).toBe(e.text);
  });

  it('without format: the default reader still takes the file for one role', async () => {
    const root = copyOf('levels-in-one-file');
    const { roles } = await loadLadder(root, { config: {} });
    expect(roles.map((r) => r.id)).toEqual(['platform']);
  });

  it('reads ### levels with #### sections, and with inherit: none sets levels by place, inheriting nothing', async () => {
    const root = writeTree({
      'ladder.yaml': 'format:\n  reader: levels-in-one-file\n  levelHeading: 3\n  inherit: none\n',
      'data.md': '# Data\n\n## Levels\n\n### Analyst\n\n#### Craft\n\n* Cleans a data set.\n\n### Senior Analyst\n\n#### Craft\n\n* Designs a data model.\n',
    });
    const run = await runMain(['--ladder', root, 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run).roles.map((r: { id: string; inherits: string | null; level: number }) => [r.id, r.inherits, r.level])).toEqual([
      ['data-analyst', null, 1],
      ['data-senior-analyst', null, 2],
    ]);
    const shown = await runMain(['--ladder', root, 'show', 'data-senior-analyst', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.stringify(json(shown))).toContain('Designs a data model.');
    expect(JSON.stringify(json(shown))).not.toContain('Cleans a data set.');
  });

  it('a level with a parent line of its own keeps it', async () => {
    const root = writeTree({
      'ladder.yaml': FORMAT,
      'web.md': '## Web I\n\n### Craft\n\n* Builds pages.\n\n## Web II\n\n### Craft\n\n* Builds apps.\n\n## Web Lead\n\nSame as Web I, but also...\n\n### Craft\n\n* Leads a team.\n',
    });
    const run = await runMain(['--ladder', root, 'list', '--json']);
    expect(json(run).roles.map((r: { id: string; inherits: string | null }) => [r.id, r.inherits])).toEqual([
      ['web-i', null],
      ['web-ii', 'web-i'],
      ['web-lead', 'web-i'],
    ]);
  });

  it('a parse cache written under one reader is not reused under another', async () => {
    const root = copyOf('levels-in-one-file');
    const env = { LADDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ladder-cache-')) };
    const ids = async () => json(await runMain(['--ladder', root, 'list', '--json'], { env })).roles.map((r: { id: string }) => r.id);
    expect(await ids()).toHaveLength(3);
    writeFileSync(join(root, 'ladder.yaml'), 'rules: {}\n');
    expect(await ids()).toEqual(['platform']);
    writeFileSync(join(root, 'ladder.yaml'), FORMAT);
    expect(await ids()).toHaveLength(3);
  });

  it('rejects an unknown reader with the ladder.yaml line', async () => {
    const root = writeTree({ 'ladder.yaml': 'rules: {}\nformat: levels-per-page\n', 'a.md': '## A\n\n### X\n\n* y.\n' });
    const run = await runMain(['--ladder', root, 'list']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ladder\.yaml:2: "format" .*use levels-in-one-file/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('commands on a ladder of several levels in one file', () => {
  it('show, list, diff, show --new, lint, export and health work on it', async () => {
    const root = fixture('levels-in-one-file');
    const show = await runMain(['--ladder', root, 'show', 'platform-senior-platform-engineer']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Inherits: Platform Engineer II → Platform Engineer I');
    expect(show.stdout).toContain('Ships small changes to the build pipeline with review. (Platform Engineer I)');
    const fresh = await runMain(['--ladder', root, 'show', '--new', 'platform-engineer-ii']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('Plans and ships a pipeline feature across several weeks.');
    expect(fresh.stdout).not.toContain('Ships small changes to the build pipeline with review.');
    const diff = await runMain(['--ladder', root, 'diff', 'platform-engineer-ii', 'platform-senior-platform-engineer', '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('Sets the direction of a platform area for a year.');
    const lint = await runMain(['--ladder', root, 'lint']);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    const exported = await runMain(['--ladder', root, 'export', '--format', 'json', '--out', '-']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(json(exported).roles).toHaveLength(3);
    const health = await runMain(['--ladder', root, 'health']);
    expect(health.stderr).toBe('');
  });

  it('lint points at the file line of a level\'s expectation, and --fix edits exactly there', async () => {
    const text = '# API track\n\n## API I\n\n### Craft\n\n* Writes handlers\n\n## API II\n\n### Craft\n\n* Designs endpoints.   \n';
    const root = writeTree({ 'ladder.yaml': FORMAT, 'api.md': text });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    const found = json(lint).findings.map((f: { ruleId: string; file: string; line: number }) => [f.ruleId, f.file, f.line]);
    expect(found).toEqual(expect.arrayContaining([['terminal-punctuation', 'api.md', 7], ['trailing-whitespace', 'api.md', 13]]));
    await runMain(['--ladder', root, 'lint', '--fix']);
    expect(readFileSync(join(root, 'api.md'), 'utf8')).toBe(text.replace('Writes handlers\n', 'Writes handlers.\n').replace('endpoints.   \n', 'endpoints.\n'));
  });

  it('init sees the shape, proposes format: levels-in-one-file, and writes it with --write', async () => {
    const root = copyOf('levels-in-one-file');
    const { rmSync } = await import('node:fs');
    rmSync(join(root, 'ladder.yaml'));
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.code, proposal.stderr).toBe(0);
    expect(proposal.stdout).toContain('Shape: several levels in one file, a "##" heading per level with "###" sections, each level building on the one above it: platform.md: Platform Engineer I → Platform Engineer II → Senior Platform Engineer');
    expect(proposal.stdout).toContain('format: "levels-in-one-file"');
    const written = await runMain(['init', '--dir', root, '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(await readLadderConfig(root)).toEqual({ format: 'levels-in-one-file' });
    const list = await runMain(['--ladder', root, 'list', '--json']);
    expect(json(list).roles.map((r: { id: string; level: number }) => [r.id, r.level])).toEqual([
      ['platform-engineer-i', 1],
      ['platform-engineer-ii', 2],
      ['platform-senior-platform-engineer', 3],
    ]);
  });

  it('changes reads both revisions with the same reader and names the level that changed', async () => {
    const root = copyOf('levels-in-one-file');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    git('tag', 'v1');
    const file = join(root, 'platform.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('* Sets the direction of a platform area for a year.', '* Sets the direction of a platform area for two years.'));
    git('commit', '-q', '-am', 'second');
    const run = await runMain(['--ladder', root, 'changes', 'v1', '--format', 'json'], { env: { ...gitEnv } });
    expect(run.code, run.stderr).not.toBe(2);
    const changed = json(run).roles.map((r: { id: string; status: string }) => `${r.status}:${r.id}`);
    expect(changed).toEqual(['changed:platform-senior-platform-engineer']);
  });
});
