import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLadderConfig } from '../src/load/config.js';
import { loadLadder } from '../src/load/load-ladder.js';
import type { ParsedRole } from '../src/schema/parsed.js';
import { fixture, gitEnv, writeTree, type CliRun } from './helpers.js';
import { runMain } from './in-process.js';

const json = (run: CliRun) => JSON.parse(run.stdout);
const BOLD_LIST = 'format:\n  reader: levels-in-one-file\n  levels: bold-list\n';
const SHAPE = fixture('shapes', 'bold-list');

function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'ladder-bold-list-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** Each section as [title, line, [line, column, text, parent, examples]...]. */
function sections(role: ParsedRole) {
  return role.sections.map((s) => [s.title, s.line, s.expectations.map((e) => [e.line, e.column, e.text, e.parent ?? null, e.examples ?? []])]);
}

async function load(root: string) {
  return loadLadder(root, { config: await readLadderConfig(root) });
}

describe('reader: levels as bold list items', () => {
  it('reads each bold top item as a level of the file\'s track, its nested bold labels as sections, and every expectation at its line', async () => {
    const { roles, problems } = await load(SHAPE);
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.id, r.title, r.titleLine, r.track, r.parent?.name ?? null, r.description])).toEqual([
      ['backend-junior-engineer', 'Junior Engineer', 7, 'backend', null, 'Learns our stack and delivers small, well-defined tasks.'],
      ['backend-engineer', 'Engineer', 13, 'backend', 'backend-junior-engineer', 'Delivers features on their own.'],
      ['backend-senior-engineer', 'Senior Engineer', 21, 'backend', 'backend-engineer', ''],
      ['data-analyst', 'Data Analyst', 3, 'data', null, ''],
      ['data-senior-data-analyst', 'Senior Data Analyst', 6, 'data', 'data-analyst', 'Owns the metrics of a product area.'],
      ['data-lead-data-analyst', 'Lead Data Analyst', 11, 'data', 'data-senior-data-analyst', ''],
    ]);
    const [junior, engineer, senior, analyst, seniorAnalyst, lead] = roles;
    expect(sections(junior!)).toEqual([
      ['Delivery', 8, [[9, 7, 'Ships small bug fixes with guidance.', null, []], [10, 7, 'Writes unit tests for the code they change.', null, []]]],
      ['Collaboration', 11, [[12, 7, 'Asks for help after an hour of being stuck.', null, []]]],
    ]);
    expect(sections(engineer!)).toEqual([
      ['Delivery', 14, [[15, 7, 'Breaks a feature into reviewable pull requests.', null, []], [16, 9, 'Keeps each pull request small enough to review in an hour.', 0, []]]],
      ['Collaboration', 17, [[18, 7, 'Reviews pull requests from teammates.', null, []]]],
      // "**Operations:** text" over nested items: a section whose first expectation is the text after the label.
      ['Operations', 19, [[19, 21, 'Takes part in the on-call rotation.', null, []], [20, 7, 'Writes a runbook for each alert they add.', 0, []]]],
    ]);
    // Items under no label go to a section named after the heading above the list.
    expect(sections(senior!)).toEqual([
      ['What we expect', 21, [[22, 5, 'Leads a project of two to four engineers.', null, []]]],
      ['Delivery', 23, [[24, 7, 'Orders the work so that the riskiest parts are done first.', null, []]]],
      ['Collaboration', 25, [[26, 7, 'Runs the design review for the project they lead.', null, []]]],
    ]);
    // Without a heading above the list (only the file's title), that section is "Expectations".
    expect(sections(analyst!)).toEqual([['Expectations', 3, [[4, 6, 'Writes SQL that others can read.', null, []], [5, 6, 'Checks numbers against a second source before sharing them.', null, []]]]]);
    expect(sections(seniorAnalyst!)).toEqual([
      [
        'Expectations',
        6,
        [
          [7, 6, 'Defines the metrics a team reports on.', null, ['The definition of a weekly active user.']],
          [10, 6, "Teaches analysts to review each other's queries.", null, []],
        ],
      ],
    ]);
    expect(sections(lead!)).toEqual([['Expectations', 11, [[12, 6, 'Sets the analytics roadmap for a department.', null, []]]]]);
    for (const role of roles) {
      const lines = readFileSync(join(SHAPE, role.file), 'utf8').split('\n');
      for (const e of role.sections.flatMap((s) => s.expectations)) expect(lines[e.line - 1]!.slice(e.column - 1)).toBe(e.text);
    }
  });

  it('with inherit: none, levels stand alone and their place sets the level', async () => {
    const root = copyOf(SHAPE);
    writeFileSync(join(root, 'ladder.yaml'), `${BOLD_LIST}  inherit: none\n`);
    const list = json(await runMain(['--ladder', root, 'list', '--json']));
    expect(list.roles.filter((r: { track: string }) => r.track === 'data').map((r: { id: string; level: number; inherits: string | null }) => [r.id, r.level, r.inherits])).toEqual([
      ['data-analyst', 1, null],
      ['data-senior-data-analyst', 2, null],
      ['data-lead-data-analyst', 3, null],
    ]);
  });

  it('a list after the levels that belongs to none is an error finding at its line, not dropped', async () => {
    const root = writeTree({
      'ladder.yaml': BOLD_LIST,
      'qa.md': '# QA\n\n* **Tester**\n  * Writes test plans.\n* **Senior Tester**\n\n* Automates regression suites.\n\n- Owns the test strategy.\n',
    });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(lint.code).toBe(1);
    const found = json(lint).findings.map((f: { ruleId: string; file: string; line: number }) => [f.ruleId, f.file, f.line]);
    // An item that lost its indent (same list) and a list of its own after the levels both belong to the level above.
    expect(found).toContainEqual(['expectation-outside-section', 'qa.md', 7]);
    expect(found).toContainEqual(['expectation-outside-section', 'qa.md', 9]);
  });

  it('level lists under several headings are a track each; a list under a heading of its own is no level\'s', async () => {
    const root = writeTree({
      'ladder.yaml': BOLD_LIST,
      'ladder.md': [
        '# Our ladder',
        '',
        '## Engineering',
        '',
        '* **Junior**',
        '  * Fixes bugs.',
        '* **Senior**',
        '  * Leads projects.',
        '',
        '## Management',
        '',
        '* **Junior**',
        '  * Runs one-to-ones.',
        '* **Senior**',
        '  * Manages managers.',
        '',
        '## How to use this',
        '',
        '* Read your level and the one above.',
        '',
      ].join('\n'),
    });
    const { roles } = await load(root);
    expect(roles.map((r) => [r.id, r.track, r.parent?.name ?? null, sections(r)])).toEqual([
      ['ladder-engineering-junior', 'ladder-engineering', null, [['Expectations', 5, [[6, 5, 'Fixes bugs.', null, []]]]]],
      ['ladder-engineering-senior', 'ladder-engineering', 'ladder-engineering-junior', [['Expectations', 7, [[8, 5, 'Leads projects.', null, []]]]]],
      ['ladder-management-junior', 'ladder-management', null, [['Expectations', 12, [[13, 5, 'Runs one-to-ones.', null, []]]]]],
      ['ladder-management-senior', 'ladder-management', 'ladder-management-junior', [['Expectations', 14, [[15, 5, 'Manages managers.', null, []]]]]],
    ]);
    expect(roles.flatMap((r) => r.strayExpectations)).toEqual([]);
  });

  it('a plain "Craft:" over nested items names their section too', async () => {
    const root = writeTree({ 'ladder.yaml': BOLD_LIST, 'qa.md': '# QA\n\n* **Tester**\n  * Craft:\n    * Writes test plans.\n  * Reads the logs.\n' });
    const { roles } = await load(root);
    expect(roles.map(sections)).toEqual([
      [
        ['Craft', 4, [[5, 7, 'Writes test plans.', null, []]]],
        ['Expectations', 3, [[6, 5, 'Reads the logs.', null, []]]],
      ],
    ]);
  });

  it('a wrong levels value is one error line naming the ladder.yaml line', async () => {
    const root = writeTree({ 'ladder.yaml': 'format:\n  reader: levels-in-one-file\n  levels: bold-lists\n', 'qa.md': '# QA\n' });
    const run = await runMain(['--ladder', root, 'list']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/ladder\.yaml:\d+: "format.*levels: bold-list/);
  });

  it('lint points at the file line of a level\'s item, and --fix edits exactly there', async () => {
    const text = '# Ops\n\n* **Operator**\n  * **Operations:** Takes part in on-call\n    * Writes runbooks\n* **Senior Operator**\n  * Leads incident reviews.\n';
    const root = writeTree({ 'ladder.yaml': BOLD_LIST, 'ops.md': text });
    const lint = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    const found = lint.findings.filter((f: { ruleId: string }) => f.ruleId === 'terminal-punctuation').map((f: { line: number; column: number }) => [f.line, f.column]);
    expect(found).toEqual([
      [4, 42],
      [5, 22],
    ]);
    await runMain(['--ladder', root, 'lint', '--fix']);
    expect(readFileSync(join(root, 'ops.md'), 'utf8')).toBe(text.replace('on-call\n', 'on-call.\n').replace('runbooks\n', 'runbooks.\n'));
  });
});

describe('init and every command on a bold-list ladder', () => {
  it('init sees the bold-list levels, proposes the format, and with --write list --json is right with no further edit', async () => {
    const root = copyOf(SHAPE);
    rmSync(join(root, 'ladder.yaml'));
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.code, proposal.stderr).toBe(0);
    expect(proposal.stdout).toContain(
      'Shape: several levels in one file, a bold list item per level with the expectations nested under it, each level building on the one above it: backend.md: Junior Engineer → Engineer → Senior Engineer; data.md: Data Analyst → Senior Data Analyst → Lead Data Analyst',
    );
    await runMain(['init', '--dir', root, '--write']);
    expect(await readLadderConfig(root)).toEqual({ format: { reader: 'levels-in-one-file', levels: 'bold-list' } });
    const list = json(await runMain(['--ladder', root, 'list', '--json']));
    expect(list.roles.map((r: { id: string; level: number; inherits: string | null }) => [r.id, r.level, r.inherits])).toEqual([
      ['backend-junior-engineer', 1, null],
      ['backend-engineer', 2, 'backend-junior-engineer'],
      ['backend-senior-engineer', 3, 'backend-engineer'],
      ['data-analyst', 1, null],
      ['data-senior-data-analyst', 2, 'data-analyst'],
      ['data-lead-data-analyst', 3, 'data-senior-data-analyst'],
    ]);
  });

  it('init does not take a role\'s list of bold subsections ("* **Mentoring**") for levels', async () => {
    const root = writeTree({
      'lead.md': '# Lead\n\n## People\n\n* **Mentoring**\n  * Mentors an engineer.\n* **Hiring**\n  * Interviews candidates.\n',
      'senior.md': '# Senior\n\n## People\n\n* Helps a teammate.\n',
    });
    const survey = json(await runMain(['init', '--dir', root, '--json']));
    expect(survey.config.format).toBeUndefined();
  });

  it('show, show --new, list, diff, lint, export and health work on it', async () => {
    const run = (...args: string[]) => runMain(['--ladder', SHAPE, ...args]);
    const show = await run('show', 'backend-senior-engineer');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Inherits: Engineer → Junior Engineer');
    expect(show.stdout).toContain('Ships small bug fixes with guidance. (Junior Engineer)');
    const fresh = await run('show', '--new', 'backend-engineer');
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('Writes a runbook for each alert they add.');
    expect(fresh.stdout).not.toContain('Ships small bug fixes with guidance.');
    const list = await run('list', '--json');
    expect(list.code, list.stderr).toBe(0);
    expect(json(list).roles).toHaveLength(6);
    const diff = await run('diff', 'data-analyst', 'data-lead-data-analyst', '--format', 'json');
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('Sets the analytics roadmap for a department.');
    const lint = await run('lint');
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout + lint.stderr).toBe('');
    const exported = await run('export', '--format', 'json', '--out', '-');
    expect(exported.code, exported.stderr).toBe(0);
    expect(json(exported).roles.map((r: { id: string }) => r.id)).toContain('backend-engineer');
    const health = await run('health', '--json');
    expect(health.code, health.stderr).toBe(0);
    expect(JSON.stringify(json(health))).toContain('data-lead-data-analyst');
  });

  it('changes reads both revisions as bold-list levels and names the level that changed', async () => {
    const root = copyOf(SHAPE);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    const file = join(root, 'data.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('for a department.', 'for a whole department.'));
    git('commit', '-q', '-am', 'second');
    const run = await runMain(['--ladder', root, 'changes', 'main~1', '--format', 'json'], { env: gitEnv });
    expect(run.code, run.stderr).not.toBe(2);
    expect(json(run).roles.map((r: { id: string; status: string }) => `${r.status}:${r.id}`)).toEqual(['changed:data-lead-data-analyst']);
  });
});
