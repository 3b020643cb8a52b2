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
const FIXTURE = fixture('shapes', 'skill-files');

function copyOf(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-skill-files-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function load(root: string) {
  return loadLadder(root, { config: await readLadderConfig(root) });
}

describe('reader: one file per skill', () => {
  it('makes one role per level across the files, a section per skill, each expectation at its own file and line', async () => {
    const { roles, problems } = await load(FIXTURE);
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.id, r.title, r.file, r.titleLine, r.track, r.parent?.name ?? null])).toEqual([
      ['junior', 'Junior', 'communication.md', 5, 'default', null],
      ['mid', 'Mid', 'communication.md', 10, 'default', 'junior'],
      ['senior', 'Senior', 'communication.md', 14, 'default', 'mid'],
      ['principal', 'Principal', 'delivery.md', 16, 'default', 'senior'],
    ]);
    const where = roles.map((r) => r.sections.map((s) => [s.title, s.file ?? r.file, s.expectations.map((e) => [e.file ?? r.file, e.line, e.column, e.text, e.parent ?? null])]));
    expect(where).toEqual([
      [
        ['Communication', 'communication.md', [
          ['communication.md', 7, 3, 'Asks questions in the team channel rather than staying stuck.', null],
          ['communication.md', 8, 3, 'Writes a clear pull request description.', null],
        ]],
        ['Delivery', 'delivery.md', [['delivery.md', 5, 4, 'Finishes well-scoped tickets within the sprint.', null]]],
        ['Technical depth', 'technical-depth.md', [['technical-depth.md', 7, 3, 'Knows the main language of the codebase.', null]]],
      ],
      [
        ['Communication', 'communication.md', [['communication.md', 12, 3, 'Presents their work at the team demo.', null]]],
        ['Delivery', 'delivery.md', [
          ['delivery.md', 9, 4, 'Breaks a feature into tickets.', null],
          ['delivery.md', 10, 4, 'Ships a feature behind a flag.', null],
        ]],
        ['Technical depth', 'technical-depth.md', [
          ['technical-depth.md', 11, 3, 'Debugs problems across two services.', null],
          ['technical-depth.md', 12, 5, 'Reads logs and traces before asking.', 0],
        ]],
      ],
      [
        ['Communication', 'communication.md', [
          ['communication.md', 16, 3, 'Writes design documents that others can review without a meeting.', null],
          ['communication.md', 17, 3, 'Tailors a message to its audience.', null],
        ]],
        ['Delivery', 'delivery.md', [['delivery.md', 14, 4, 'Plans a quarter of work for a small team.', null]]],
        ['Technical depth', 'technical-depth.md', [['technical-depth.md', 16, 3, 'Is the go-to person for one part of the system.', null]]],
      ],
      [['Delivery', 'delivery.md', [['delivery.md', 18, 4, 'Sets delivery practices across the organisation.', null]]]],
    ]);
    for (const role of roles) {
      for (const e of role.sections.flatMap((s) => s.expectations)) {
        const lines = readFileSync(join(FIXTURE, e.file ?? role.file), 'utf8').split('\n');
        expect(lines[e.line - 1]!.slice(e.column - 1)).toBe(e.text);
      }
    }
  });

  it('takes the title from the file name when there is no "#" heading, so the first "##" stays a level', async () => {
    const root = writeTree({ 'ladder.yaml': 'format: skill-files\n', 'code-review.md': '## Junior\n\n- Reviews small changes.\n\n## Senior\n\n- Reviews designs.\n' });
    const { roles } = await load(root);
    expect(roles.map((r) => [r.id, r.sections.map((s) => s.title)])).toEqual([
      ['junior', ['Code review']],
      ['senior', ['Code review']],
    ]);
  });

  it('two files ordering the levels differently is a problem naming both; an order in ladder.yaml settles it', async () => {
    const tree = {
      'a-skill.md': '# Alpha\n\n## Junior\n\n- Does a.\n\n## Senior\n\n- Leads a.\n',
      'b-skill.md': '# Beta\n\n## Senior\n\n- Leads b.\n\n## Junior\n\n- Does b.\n',
    };
    const root = writeTree({ 'ladder.yaml': 'format: skill-files\n', ...tree });
    const { problems } = await load(root);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([['level-order', 'b-skill.md', 3]]);
    expect(problems[0]!.message).toBe('puts "Senior" before "Junior", but a-skill.md puts "Junior" first; put the levels in the same order in every file, or list them under "format: order:" in ladder.yaml');
    const lint = await runMain(['--ladder', root, 'lint']);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('b-skill.md');

    const ordered = writeTree({ 'ladder.yaml': 'format:\n  reader: skill-files\n  order: [Junior, Senior]\n', ...tree });
    const settled = await load(ordered);
    expect(settled.problems).toEqual([]);
    expect(settled.roles.map((r) => [r.id, r.parent?.name ?? null])).toEqual([['junior', null], ['senior', 'junior']]);

    const partial = writeTree({ 'ladder.yaml': 'format:\n  reader: skill-files\n  order: [Junior]\n', ...tree });
    expect((await load(partial)).problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['level-order', 'a-skill.md', 7],
      ['level-order', 'b-skill.md', 3],
    ]);
  });

  it('items above the first level heading belong to no level: reported, not dropped silently', async () => {
    const root = writeTree({ 'ladder.yaml': 'format: skill-files\n', 'testing.md': '# Testing\n\n- Loose item.\n- Another.\n\n## Junior\n\n- Writes unit tests.\n' });
    const { roles, problems } = await load(root);
    expect(roles.map((r) => r.id)).toEqual(['junior']);
    expect(problems.map((p) => [p.code, p.file, p.line, p.column, p.message])).toEqual([
      ['unread-part', 'testing.md', 3, 3, '2 list items before the first level heading belong to no level and are not read; put them under a level heading ("## Junior")'],
    ]);
  });

  it('a file with no level heading is named, not silently left out', async () => {
    const root = writeTree({ 'ladder.yaml': 'format: skill-files\n', 'a.md': '# Alpha\n\n## Junior\n\n- Does a.\n', 'overview.md': '# How to read the skills\n\nEach file is one skill.\n' });
    const { roles, problems } = await load(root);
    expect(roles.map((r) => r.id)).toEqual(['junior']);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([['unreadable', 'overview.md', 1]]);
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.stdout).toMatch(/overview\.md:1 {2}has no level heading/);
    expect(proposal.stdout).not.toContain('every role resolves');
  });

  it('with inherit: none each level stands alone, placed by the heading order', async () => {
    const root = writeTree({ 'ladder.yaml': 'format:\n  reader: skill-files\n  inherit: none\n', 'x.md': '# X\n\n## One\n\n- a.\n\n## Two\n\n- b.\n' });
    const list = await runMain(['--ladder', root, 'list', '--json']);
    expect(json(list).roles.map((r: { id: string; inherits: string | null; level: number }) => [r.id, r.inherits, r.level])).toEqual([
      ['one', null, 1],
      ['two', null, 2],
    ]);
  });
});

describe('lint on skill files', () => {
  it('points at the file an expectation is written in, and --fix edits that file only', async () => {
    const communication = '# Communication\n\n## Junior\n\n- Asks questions early.\n\n## Senior\n\n- Writes design documents.\n';
    const depth = '# Technical depth\n\n## Junior\n\n- Knows the main language\n\n## Senior\n\n- Owns a part of the system.\n';
    const root = writeTree({ 'ladder.yaml': 'format: skill-files\n', 'communication.md': communication, 'depth.md': depth });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(json(lint).findings.map((f: { ruleId: string; file: string; line: number; fixable: boolean }) => [f.ruleId, f.file, f.line, f.fixable])).toEqual([
      ['terminal-punctuation', 'depth.md', 5, true],
    ]);
    await runMain(['--ladder', root, 'lint', '--fix']);
    expect(readFileSync(join(root, 'depth.md'), 'utf8')).toBe(depth.replace('language\n', 'language.\n'));
    expect(readFileSync(join(root, 'communication.md'), 'utf8')).toBe(communication);
  });

  it('a restated expectation from another file names the file and line it is inherited from', async () => {
    const root = writeTree({
      'ladder.yaml': 'format: skill-files\n',
      'a.md': '# Alpha\n\n## Junior\n\n- Keeps the build green.\n\n## Senior\n\n- Leads the release.\n',
      'b.md': '# Beta\n\n## Junior\n\n- Writes tests first.\n\n## Senior\n\n- Writes tests first.\n',
    });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    const restated = json(lint).findings.find((f: { ruleId: string }) => f.ruleId === 'restates-inherited');
    expect(restated).toMatchObject({ file: 'b.md', line: 9, related: { file: 'b.md', line: 5 } });
    expect(restated.message).toContain('(b.md:5)');
  });
});

describe('init on skill files', () => {
  it('sees the shape, proposes format: skill-files, and the roles list as with the fixture\'s ladder.yaml', async () => {
    const expected = json(await runMain(['--ladder', FIXTURE, 'list', '--json']));
    const root = copyOf();
    rmSync(join(root, 'ladder.yaml'));
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.code, proposal.stderr).toBe(0);
    expect(proposal.stdout).toContain(
      'Shape: one file per skill with a heading per level, each level a role across the files, building on the one before: Junior → Mid → Senior → Principal (from communication.md, delivery.md, technical-depth.md)',
    );
    expect(proposal.stdout).toContain('every role resolves');
    await runMain(['init', '--dir', root, '--write']);
    expect(await readLadderConfig(root)).toEqual({ format: 'skill-files' });
    expect(json(await runMain(['--ladder', root, 'list', '--json']))).toEqual(expected);
  });

  it('does not take a ladder of one file per level with shared skill sections for skill files', async () => {
    const level = (title: string) => `# ${title}\n\n## Delivery\n\n- Ships ${title} work.\n\n## Collaboration\n\n- Helps at ${title} level.\n`;
    const root = writeTree({ 'L1.md': level('Junior'), 'L2.md': level('Mid'), 'L3.md': level('Senior') });
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.stdout).not.toContain('skill-files');
    expect(proposal.stdout).toContain('ordered by the number in the file name');
  });
});

describe('commands on skill files', () => {
  it('show, show --new, list, diff, lint, export and health work on it', async () => {
    const show = await runMain(['--ladder', FIXTURE, 'show', 'senior']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Inherits: Mid → Junior');
    expect(show.stdout).toContain('Breaks a feature into tickets. (Mid)');
    const shownJson = json(await runMain(['--ladder', FIXTURE, 'show', 'senior', '--json']));
    const depth = shownJson.sections.find((s: { title: string }) => s.title === 'Technical depth');
    expect(depth.expectations.at(-1)).toMatchObject({ text: 'Is the go-to person for one part of the system.', source: 'senior', file: 'technical-depth.md', line: 16 });
    const fresh = await runMain(['--ladder', FIXTURE, 'show', '--new', 'mid']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('Ships a feature behind a flag.');
    expect(fresh.stdout).not.toContain('Finishes well-scoped tickets within the sprint.');
    const list = await runMain(['--ladder', FIXTURE, 'list', '--json']);
    expect(json(list).roles.map((r: { id: string; level: number; file: string }) => [r.id, r.level, r.file])).toEqual([
      ['junior', 1, 'communication.md'],
      ['mid', 2, 'communication.md'],
      ['senior', 3, 'communication.md'],
      ['principal', 4, 'delivery.md'],
    ]);
    const diff = await runMain(['--ladder', FIXTURE, 'diff', 'junior', 'senior', '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('Plans a quarter of work for a small team.');
    const lint = await runMain(['--ladder', FIXTURE, 'lint']);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    const exported = await runMain(['--ladder', FIXTURE, 'export', '--format', 'json', '--out', '-']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(json(exported).roles).toHaveLength(4);
    const health = await runMain(['--ladder', FIXTURE, 'health']);
    expect(health.code, health.stderr).toBe(0);
    expect(health.stdout).toContain('senior → principal');
  });

  it('changes reads both revisions with the merge and names the file of the changed expectation', async () => {
    const root = copyOf();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    git('tag', 'v1');
    const file = join(root, 'delivery.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('2. Ships a feature behind a flag.', '2. Ships a feature behind a flag.\n3. Writes the release notes.'));
    git('commit', '-q', '-am', 'second');
    const run = await runMain(['--ladder', root, 'changes', 'v1', '--format', 'json'], { env: { ...gitEnv } });
    expect(run.code, run.stderr).not.toBe(2);
    const roles = json(run).roles;
    expect(roles.map((r: { id: string; status: string }) => `${r.status}:${r.id}`)).toEqual(['changed:mid']);
    const added = roles[0].sections.flatMap((s: { added: { text: string; file: string; line: number }[] }) => s.added);
    expect(added).toMatchObject([{ text: 'Writes the release notes.', file: 'delivery.md', line: 11 }]);
  });
});
