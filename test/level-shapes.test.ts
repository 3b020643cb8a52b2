import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLadderYaml, readsBackAs } from '../src/format/ladder-yaml.js';
import type { LadderSurvey } from '../src/schema/survey.js';
import { fixture, gitEnv, writeTree, type CliRun } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

/** A fresh copy of a fixture ladder, so `init --write` never touches the committed one. */
function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ladder-${name}-`));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

const json = (run: CliRun) => JSON.parse(run.stdout);
const LEVELS = 'levels:\n  order: filename\n  inherit: previous\n';

/** `list --json` cut down to what the shape decides: who inherits from whom, at which level, in which track. */
async function structure(root: string): Promise<Record<string, [string | null, number, string]>> {
  const run = await runMain(['--ladder', root, 'list', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return Object.fromEntries(json(run).roles.map((r: { id: string; inherits: string | null; level: number; track: string }) => [r.id, [r.inherits, r.level, r.track]]));
}

describe('one file per level, ordered by the number in the file name', () => {
  it('leaves every level a root while ladder.yaml does not say the levels build on each other', async () => {
    const roles = await structure(fixture('level-files'));
    expect(Object.values(roles).map(([parent, level]) => [parent, level])).toEqual(Array(6).fill([null, 1]));
  });

  it('init says what it saw, proposes levels, and with --write list --json is right with no further edit', async () => {
    const root = copyOf('level-files');
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.code, proposal.stderr).toBe(0);
    expect(proposal.stdout).toContain(
      'Shape: one file per level, ordered by the number in the file name, each level building on the one before: engineering/: 01-junior → 02-mid → 03-senior → 04-staff; management/: level_1 → level_2',
    );
    expect(proposal.stdout).toContain('With the proposed ladder.yaml every role resolves.');
    const survey = json(await runMain(['init', '--dir', root, '--json']));
    expect(survey.config).toEqual({ levels: { order: 'filename', inherit: 'previous' } });
    expect(validateAgainst('init.schema.json', survey)).toEqual([]);

    const written = await runMain(['init', '--dir', root, '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(readFileSync(join(root, 'ladder.yaml'), 'utf8')).toContain('levels:\n  order: "filename"\n  inherit: "previous"\n');
    expect(await structure(root)).toEqual({
      '01-junior': [null, 1, 'engineering'],
      '02-mid': ['01-junior', 2, 'engineering'],
      '03-senior': ['02-mid', 3, 'engineering'],
      '04-staff': ['03-senior', 4, 'engineering'],
      level_1: [null, 1, 'management'],
      level_2: ['level_1', 2, 'management'],
    });
  });

  it('show gives a level every expectation of the levels below it, section by section', async () => {
    const root = copyOf('level-files');
    writeFileSync(join(root, 'ladder.yaml'), LEVELS);
    const staff = json(await runMain(['--ladder', root, 'show', '04-staff', '--json']));
    const sections = Object.fromEntries(staff.sections.map((s: { title: string; expectations: { text: string }[] }) => [s.title, s.expectations.map((e) => e.text)]));
    expect(sections).toEqual({
      Delivery: [
        'Finishes tickets that were broken down by someone else.',
        'Asks for help after being stuck for half a day.',
        'Breaks a feature into tickets others can pick up.',
        'Plans projects spanning several sprints.',
        'Spots delivery risks before they land.',
        'Unblocks projects stuck between teams.',
      ],
      Quality: ['Writes a test for every bug fixed.', "Reviews teammates' changes within a working day."],
      Mentoring: ['Pairs with newer engineers every week.'],
      Strategy: ['Writes the technical strategy for a product area.'],
    });
    expect(sections.Delivery).toContain('Unblocks projects stuck between teams.');
    expect(staff.description).toBe('Shapes the architecture across several teams.');
  });

  it('diff, show --new, lint, export, health and graph work on it', async () => {
    const root = copyOf('level-files');
    writeFileSync(join(root, 'ladder.yaml'), LEVELS);
    const run = (...args: string[]) => runMain(['--ladder', root, ...args]);

    const diff = await run('diff', '02-mid', '03-senior');
    expect(diff.stdout).toContain('Plans projects spanning several sprints.');
    expect(diff.stdout).not.toContain('Writes a test for every bug fixed.');
    const fresh = await run('show', '03-senior', '--new');
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('Pairs with newer engineers every week.');
    expect(fresh.stdout).not.toContain('Breaks a feature into tickets');

    const lint = await run('lint');
    expect([lint.code, lint.stdout, lint.stderr]).toEqual([0, '', '']);

    const exported = json(await run('export', '--format', 'json', '--out', '-'));
    const mid = exported.roles.find((r: { id: string }) => r.id === '02-mid');
    expect(mid.sections.flatMap((s: { expectations: unknown[] }) => s.expectations)).toHaveLength(5);

    const health = await run('health', '--json');
    expect(health.code, health.stderr).toBe(0);
    expect(JSON.stringify(json(health))).toContain('04-staff');

    const graph = json(await run('graph', '--format', 'json'));
    expect(JSON.stringify(graph)).toContain('03-senior');
  });

  it('changes reads both revisions through the level order', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'ladder-levels-git-'));
    cpSync(fixture('level-files'), join(repo, 'ladder'), { recursive: true });
    writeFileSync(join(repo, 'ladder', 'ladder.yaml'), LEVELS);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'levels');
    const junior = join(repo, 'ladder', 'engineering', '01-junior.md');
    writeFileSync(junior, readFileSync(junior, 'utf8').replace('- Writes a test for every bug fixed.', '- Writes a test for every bug fixed.\n- Reads the runbook before going on call.'));
    const run = await runMain(['changes', 'main', '--json'], { cwd: repo, env: gitEnv });
    expect(run.code, run.stderr).toBe(0);
    // One expectation added at the bottom reaches every engineering level above it, and no manager.
    const reached = JSON.stringify(json(run));
    for (const id of ['01-junior', '02-mid', '03-senior', '04-staff']) expect(reached).toContain(`"${id}"`);
    expect(reached).not.toContain('level_1');
    rmSync(repo, { recursive: true, force: true });
  });
});

describe('static-site front matter', () => {
  it('reads title, orders by weight, keeps description, and says nothing of layout, date, tags and the rest', async () => {
    const root = copyOf('static-site');
    const written = await runMain(['init', '--dir', root, '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('Shape: one file per level, ordered by weight in the front matter, each level building on the one before: associate → practitioner → lead');
    expect(written.stdout).toContain('_index.md  overview');
    expect(await structure(root)).toEqual({
      associate: [null, 1, 'default'],
      practitioner: ['associate', 2, 'default'],
      lead: ['practitioner', 3, 'default'],
    });
    const lint = await runMain(['--ladder', root, 'lint']);
    expect([lint.code, lint.stdout, lint.stderr]).toEqual([0, '', '']);

    const lead = json(await runMain(['--ladder', root, 'show', 'lead', '--json']));
    // The body's own paragraph is the description; front matter stands in only where the body has none.
    expect(lead.description).toBe("A lead is judged by the team's results more than by their own commits.");
    const practitioner = json(await runMain(['--ladder', root, 'show', 'Practitioner', '--json']));
    expect(practitioner.description).toBe('Works independently on features of moderate size.');
    expect(practitioner.sections.map((s: { title: string; expectations: unknown[] }) => [s.title, s.expectations.length])).toEqual([
      ['Craft', 3],
      ['Collaboration', 2],
    ]);
  });

  it('still reports a key it does not know, so a typo is caught', async () => {
    const root = writeTree({
      'junior.md': '---\ntitle: Junior\nwieght: 1\nlayout: page\n---\n\n### Craft\n* Codes.\n',
    });
    const lint = await runMain(['--ladder', root, 'lint']);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('Front matter: unknown key "wieght"');
    expect(lint.stdout).not.toContain('"layout"');
  });
});

describe('an order that cannot be read is named, never guessed', () => {
  const level = (title: string, item: string) => `${title}\n${'-'.repeat(title.length)}\n\n### Craft\n* ${item}\n`;

  it('two files with one number, or a file without one among numbered ones, are errors naming them', async () => {
    const root = writeTree({
      'L1.md': level('Junior', 'Learns.'),
      'L2.md': level('Mid', 'Ships.'),
      'level-2.md': level('Mid Two', 'Ships twice.'),
      'senior.md': level('Senior', 'Leads.'),
      'ladder.yaml': LEVELS,
    });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(lint.code).toBe(1);
    const found = json(lint).findings ?? json(lint);
    const messages = JSON.stringify(found);
    expect(messages).toContain('The level order puts L2.md, level-2.md at the same place (2, by the number in the file name) in track \\"default\\"');
    expect(messages).toContain('The level order gives no place to senior.md, which has no number in the file name');
    const list = await structure(root);
    expect(Object.values(list).every(([parent]) => parent === null)).toBe(true);
  });

  it('init names the clashing files and does not call the ladder resolved', async () => {
    const root = writeTree({ 'L1.md': level('Junior', 'Learns.'), 'L2.md': level('Mid', 'Ships.'), 'level-2.md': level('Mid Two', 'Ships twice.') });
    const run = await runMain(['init', '--dir', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('L2.md:1  the level order puts L2.md, level-2.md at the same place (2, by the number in the file name)');
    expect(run.stdout).not.toContain('every role resolves');
    expect(json(await runMain(['init', '--dir', root, '--json'])).config.levels).toBeUndefined();
  });

  it('init says a heap of roots with no order has no structure, naming the track', async () => {
    const root = writeTree({ 'junior.md': level('Junior', 'Learns.'), 'senior.md': level('Senior', 'Leads.') });
    const run = await runMain(['init', '--dir', root]);
    expect(run.stdout).toContain('junior.md:1  no role of track "default" names a parent, and its 2 files carry no order');
    expect(run.stdout).not.toContain('every role resolves');
  });

  it('a parent line still wins over the order', async () => {
    const root = writeTree({
      'L1.md': level('Junior', 'Learns.'),
      'L2.md': level('Mid', 'Ships.'),
      'L3.md': 'Architect\n---------\n\n(Inherits the role expectations of Junior)\n\n### Craft\n* Draws.\n',
      'L4.md': level('Principal', 'Decides.'),
      'ladder.yaml': LEVELS,
    });
    expect(await structure(root)).toEqual({ L1: [null, 1, 'default'], L2: ['L1', 2, 'default'], L3: ['L1', 2, 'default'], L4: ['L3', 3, 'default'] });
  });

  it('inherit: none orders the levels without linking them, and a listed order reads files by position', async () => {
    const tree = { 'c.md': level('Junior', 'Learns.'), 'a.md': level('Mid', 'Ships.'), 'b.md': level('Senior', 'Leads.') };
    const none = writeTree({ ...tree, 'ladder.yaml': 'levels:\n  order: [c.md, a.md, b.md]\n  inherit: none\n' });
    expect(await structure(none)).toEqual({ a: [null, 2, 'default'], b: [null, 3, 'default'], c: [null, 1, 'default'] });
    const listed = writeTree({ ...tree, 'ladder.yaml': 'levels:\n  order: [c.md, a.md, b.md, z.md]\n  inherit: previous\n' });
    expect(await structure(listed)).toEqual({ a: ['c', 2, 'default'], b: ['a', 3, 'default'], c: [null, 1, 'default'] });
    const lint = await runMain(['--ladder', listed, 'lint']);
    expect(lint.stdout).toContain('"levels.order" lists z.md, which is no role file of this ladder');
  });

  it('a cycle through an order link points at the title line, not a parent line it does not have', async () => {
    const root = writeTree({
      'L1.md': level('Junior', 'Learns.'),
      'L2.md': 'Mid\n---\n\n(Inherits the role expectations of Senior)\n\n### Craft\n* Ships.\n',
      'L3.md': level('Senior', 'Leads.'),
      'ladder.yaml': LEVELS,
    });
    const lint = await runMain(['--ladder', root, 'lint']);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/L3\.md\s*\n\s*1:1\s+error\s+Inheritance cycle/);
  });
});

describe('the proposed ladder.yaml for levels', () => {
  it('writes a listed order escaped, and reads back as the configuration meant', async () => {
    const config = { levels: { order: ['a "quoted".md', 'x: y.md', '# not a comment.md'], inherit: 'previous' as const } };
    const survey = { config, shape: 'seen\nignore: [everything]' } as unknown as LadderSurvey;
    const yaml = formatLadderYaml(survey);
    expect(await readsBackAs(yaml, config)).toBe(true);
    expect(yaml).not.toMatch(/^ignore:/m);
  });

  it('is not proposed over a ladder.yaml that sets levels already', async () => {
    const root = copyOf('level-files');
    writeFileSync(join(root, 'ladder.yaml'), 'levels:\n  order: filename\n  inherit: none\n');
    const survey = json(await runMain(['init', '--dir', root, '--json']));
    expect(survey.shape).toBeUndefined();
    expect(survey.config.levels).toEqual({ order: 'filename', inherit: 'none' });
    expect(existsSync(join(root, 'ladder.yaml'))).toBe(true);
  });
});
