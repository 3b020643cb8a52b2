import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLadderConfig } from '../src/load/config.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { fixture, gitEnv, writeTree, type CliRun } from './helpers.js';
import { runMain } from './in-process.js';

const json = (run: CliRun) => JSON.parse(run.stdout);
const SHAPE = 'shapes/front-matter-levels';

function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-fm-levels-'));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

const BACKEND_DESCRIPTION = '';
const DATA_DESCRIPTION = 'The data discipline covers analysts and data scientists. Levels build on each other: everything at level 1 is still expected at level 2.';

describe('reader: levels as data in front matter (front-matter-levels)', () => {
  it('reads each level of a file as a role of its track, each topic a section, each criterion at its line and column', async () => {
    const root = fixture(SHAPE);
    const { roles, problems } = await loadLadder(root, { config: await readLadderConfig(root) });
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.id, r.title, r.track, r.parent?.name ?? null, r.declaredLevel, r.description])).toEqual([
      ['backend-1', 'Backend level 1', 'backend', null, 1, BACKEND_DESCRIPTION],
      ['backend-2', 'Backend level 2', 'backend', 'backend-1', 2, BACKEND_DESCRIPTION],
      ['backend-3', 'Backend level 3', 'backend', 'backend-2', 3, BACKEND_DESCRIPTION],
      ['backend-4', 'Backend level 4', 'backend', 'backend-3', 4, BACKEND_DESCRIPTION],
      ['data-1', 'Data level 1', 'data', null, 1, DATA_DESCRIPTION],
      ['data-2', 'Data level 2', 'data', 'data-1', 2, DATA_DESCRIPTION],
      ['data-3', 'Data level 3', 'data', 'data-2', 3, DATA_DESCRIPTION],
    ]);
    const sections = roles.map((r) => r.sections.map((s) => [s.title, s.expectations.map((e) => [e.line, e.column, e.endLine, e.text]), s.examples ?? []]));
    expect(sections).toEqual([
      [
        ['Technical skills', [[14, 13, 14, 'Ships small, well-scoped changes to one service with guidance'], [15, 13, 15, 'Writes unit tests for the code they change']], ['Added retries to the ledger client after pairing on the design']],
        ['Delivery', [[38, 13, 38, 'Breaks their own tasks into steps and asks when stuck']], []],
      ],
      [
        ['Technical skills', [[20, 13, 20, 'Designs a change that spans two or three services'], [21, 13, 23, 'Picks the storage for a new feature and explains the trade-offs to the team']], []],
        ['Delivery', [[41, 13, 41, 'Estimates work of a few weeks and flags slips early']], []],
        ['Collaboration', [[50, 13, 50, 'Gives clear, kind feedback in code review']], []],
      ],
      [
        ['Technical skills', [[26, 20, 26, 'Owns the architecture of a service end to end'], [26, 69, 26, 'Spots systemic reliability risks before they cause incidents']], []],
        ['Collaboration', [[53, 13, 53, 'Mentors one or two engineers'], [54, 13, 54, 'Runs incident reviews that end with owned actions']], []],
      ],
      [
        ['Technical skills', [[29, 13, 29, 'Sets technical direction across several teams']], ["Led the move from the monolith's queue to per-team event streams", 'Wrote the guide every team now follows for schema migrations']],
        ['Delivery', [[44, 13, 44, 'Plans the delivery of a quarter-long programme']], []],
      ],
      [
        ['Modelling', [[13, 13, 13, 'Builds models from a clear specification']], ["Built the weekly churn model from the analyst's notebook"]],
        ['Communication', [[27, 13, 27, 'Explains results to their own team']], []],
      ],
      [['Modelling', [[18, 13, 18, 'Chooses the modelling approach for a business question']], []]],
      [
        ['Modelling', [[21, 13, 21, "Reviews the team's models for bias and drift"]], []],
        ['Communication', [[30, 13, 30, 'Presents findings to leadership and changes a decision with them']], []],
      ],
    ]);
    // Where the criterion is written plain, the text stands at its line and column; quoted ones start at the quote.
    const lines = { 'backend.md': readFileSync(join(root, 'backend.md'), 'utf8').split('\n'), 'data.md': readFileSync(join(root, 'data.md'), 'utf8').split('\n') };
    for (const role of roles) {
      for (const e of role.sections.flatMap((s) => s.expectations)) {
        const at = lines[role.file as keyof typeof lines][e.line - 1]!.slice(e.column - 1);
        expect(at.startsWith(e.text) || at.startsWith(`'${e.text}'`) || at.startsWith(`"${e.text}"`) || at.startsWith('>-'), `${role.file}:${e.line}`).toBe(true);
      }
    }
  });

  it('names levels from ladder.yaml, and with inherit: none each level stands alone at its number', async () => {
    const root = writeTree({
      'ladder.yaml': 'format:\n  reader: front-matter-levels\n  inherit: none\n  levelNames: [Junior, Mid, Senior]\n',
      'mobile.md': '---\ntitle: Mobile\ntopics:\n  - title: Craft\n    content:\n      - level: 1\n        criteria: Ships a screen with help\n      - level: 3\n        criteria:\n          - Owns the app architecture\n---\n',
    });
    const run = await runMain(['--ladder', root, 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run).roles.map((r: { id: string; title: string; inherits: string | null; level: number }) => [r.id, r.title, r.inherits, r.level])).toEqual([
      ['mobile-junior', 'Mobile Junior', null, 1],
      ['mobile-mid', 'Mobile Mid', null, 2],
      ['mobile-senior', 'Mobile Senior', null, 3],
    ]);
    const shown = json(await runMain(['--ladder', root, 'show', 'mobile-senior', '--json']));
    expect(shown.sections[0].expectations.map((e: { text: string }) => e.text)).toEqual(['Owns the app architecture']);
  });

  it('broken front matter: one finding per defect at its line, the rest of the file still read, never a crash', async () => {
    const root = writeTree({
      'ladder.yaml': 'format: front-matter-levels\n',
      'ops.md': [
        '---',
        'title: Ops',
        'topics:',
        '  - title: Reliability',
        '    content:',
        '      - level: 1',
        '        criteria:',
        '          - Follows the on-call runbook.',
        '          - { text: Writes postmortems. }',
        '      - criteria: [Has no level.]',
        '  - content: []',
        '---',
        '',
      ].join('\n'),
      'bad.md': '---\ntitle: Bad\ntopics: [unclosed\n---\n',
      'plain.md': '# Just a page\n\nNo front matter here.\n',
    });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(lint.code).toBe(1);
    const found = json(lint).findings.filter((f: { ruleId: string }) => f.ruleId === 'front-matter').map((f: { file: string; line: number; message: string }) => `${f.file}:${f.line}: ${f.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^bad\.md:3: Front matter is not valid YAML: Flow sequence/),
      'ops.md:9: A criterion of "Reliability" at level 1 is not text; write each as a string.',
      'ops.md:10: An entry of topic "Reliability" has no "level" number (1, 2, 3…); add one.',
      'ops.md:11: Topic has no "title" or "name"; give it one, it names the section.',
      'plain.md:1: Front matter has no "topics:" list, so no levels are read from it; add topics with criteria per level, or add the file to "ignore:" in ladder.yaml.',
    ]);
    const list = json(await runMain(['--ladder', root, 'list', '--json']));
    expect(list.roles.map((r: { id: string }) => r.id)).toEqual(['ops-1']);
    const shown = json(await runMain(['--ladder', root, 'show', 'ops-1', '--json']));
    expect(shown.sections[0].expectations.map((e: { text: string; line: number }) => [e.text, e.line])).toEqual([['Follows the on-call runbook.', 8]]);
  });

  it('a parse cache written under another reader, or other level names, is not reused', async () => {
    const root = copyOf(SHAPE);
    const env = { LADDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ladder-cache-')) };
    const ids = async () => json(await runMain(['--ladder', root, 'list', '--json'], { env })).roles.map((r: { id: string }) => r.id);
    expect(await ids()).toHaveLength(7);
    writeFileSync(join(root, 'ladder.yaml'), 'format:\n  reader: front-matter-levels\n  levelNames: [A, B, C, D]\nignore: [index.md]\n');
    expect(await ids()).toEqual(['backend-a', 'backend-b', 'backend-c', 'backend-d', 'data-a', 'data-b', 'data-c']);
    writeFileSync(join(root, 'ladder.yaml'), 'ignore: [index.md]\n');
    expect(await ids()).not.toContain('backend-a');
  });

  it('lint --fix never edits a file read as data; the finding says it is not fixable in this shape', async () => {
    const text = '---\ntitle: Web\ntopics:\n  - title: Craft\n    content:\n      - level: 1\n        criteria: ["Builds pages"]   \n---\n';
    const root = writeTree({ 'ladder.yaml': 'format: front-matter-levels\n', 'web.md': text });
    const lint = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    const punctuation = lint.findings.find((f: { ruleId: string }) => f.ruleId === 'terminal-punctuation');
    expect(punctuation).toMatchObject({ file: 'web.md', line: 7, fixable: false });
    expect(punctuation.message).toContain('Not fixable in this shape');
    expect(lint.summary.fixable).toBe(0);
    await runMain(['--ladder', root, 'lint', '--fix']);
    expect(readFileSync(join(root, 'web.md'), 'utf8')).toBe(text);
  });
});

describe('commands on a ladder with levels in front matter', () => {
  it('show (with examples), show --new, list, diff, lint, export and health work on it', async () => {
    const root = fixture(SHAPE);
    const show = await runMain(['--ladder', root, 'show', 'backend-4']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Inherits: Backend level 3 → Backend level 2 → Backend level 1');
    expect(show.stdout).toContain('○ Picks the storage for a new feature and explains the trade-offs to the team (Backend level 2)');
    expect(show.stdout).toContain('e.g. Added retries to the ledger client after pairing on the design (Backend level 1)');
    expect(show.stdout).toContain("e.g. Led the move from the monolith's queue to per-team event streams (Backend level 4)");
    const shown = json(await runMain(['--ladder', root, 'show', 'data-2', '--json']));
    expect(shown.description).toBe(DATA_DESCRIPTION);
    expect(shown.sections[0].examples).toEqual([{ text: "Built the weekly churn model from the analyst's notebook", source: 'data-1' }]);
    const fresh = await runMain(['--ladder', root, 'show', '--new', 'backend-3']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('Owns the architecture of a service end to end');
    expect(fresh.stdout).not.toContain('Writes unit tests for the code they change');
    const list = json(await runMain(['--ladder', root, 'list', '--json']));
    expect(list.roles.map((r: { id: string; level: number; inherits: string | null }) => `${r.id}@${r.level}<${r.inherits}`)).toEqual([
      'backend-1@1<null', 'backend-2@2<backend-1', 'backend-3@3<backend-2', 'backend-4@4<backend-3', 'data-1@1<null', 'data-2@2<data-1', 'data-3@3<data-2',
    ]);
    const diff = await runMain(['--ladder', root, 'diff', 'backend-2', 'backend-3', '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('Runs incident reviews that end with owned actions');
    const lint = await runMain(['--ladder', root, 'lint']);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout).toContain('backend.md');
    const exported = json(await runMain(['--ladder', root, 'export', '--format', 'json', '--out', '-']));
    expect(exported.roles).toHaveLength(7);
    const backend4 = exported.roles.find((r: { id: string }) => r.id === 'backend-4');
    expect(backend4.sections[0].examples.map((e: { source: string }) => e.source)).toEqual(['backend-1', 'backend-4', 'backend-4']);
    const health = await runMain(['--ladder', root, 'health']);
    expect(health.stderr).toBe('');
    expect(health.stdout).toContain('backend');
  });

  it('init sees the shape, ignores the home page, and its ladder.yaml makes list --json right', async () => {
    const root = copyOf(SHAPE);
    rmSync(join(root, 'ladder.yaml'));
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.code, proposal.stderr).toBe(0);
    expect(proposal.stdout).toContain('Shape: levels as data in front matter, a file per track with topics holding criteria per level, each level building on the one before: backend.md: levels 1 → 2 → 3 → 4; data.md: levels 1 → 2 → 3');
    expect(proposal.stdout).toContain('index.md  overview: no "topics" with criteria per level in its front matter');
    const written = await runMain(['init', '--dir', root, '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(await readLadderConfig(root)).toEqual({ format: 'front-matter-levels', ignore: ['index.md'] });
    const list = json(await runMain(['--ladder', root, 'list', '--json']));
    const expected = json(await runMain(['--ladder', fixture(SHAPE), 'list', '--json']));
    expect(list).toEqual(expected);
    expect(list.roles).toHaveLength(7);
  });

  it('changes reads both revisions with the same reader and names the level that changed', async () => {
    const root = copyOf(SHAPE);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    git('tag', 'v1');
    const file = join(root, 'data.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Reviews the team\'s models for bias and drift', 'Reviews every model of the department for bias and drift'));
    git('commit', '-q', '-am', 'second');
    const run = await runMain(['--ladder', root, 'changes', 'v1', '--format', 'json'], { env: { ...gitEnv } });
    expect(run.code, run.stderr).not.toBe(2);
    expect(json(run).roles.map((r: { id: string; status: string }) => `${r.status}:${r.id}`)).toEqual(['changed:data-3']);
  });
});
