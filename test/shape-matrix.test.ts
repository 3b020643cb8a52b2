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
const shape = (name: string) => fixture('shapes', 'matrix', name);

function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ladder-matrix-${name}-`));
  cpSync(shape(name), dir, { recursive: true });
  return dir;
}

async function load(root: string) {
  return loadLadder(root, { config: await readLadderConfig(root) });
}

/** Each role as [id, title, parent], and each expectation as [section, line, column, text]. */
const outline = (roles: ParsedRole[]) => roles.map((r) => [r.id, r.title, r.parent?.name ?? null, r.sections.flatMap((s) => s.expectations.map((e) => [s.title, e.line, e.column, e.text]))]);

/** Every expectation's text stands in its file at its line and column (an escaped `\|` read as `|`). */
function expectAtTheirPlace(root: string, roles: ParsedRole[]) {
  for (const role of roles) {
    const lines = readFileSync(join(root, role.file), 'utf8').split('\n');
    for (const e of role.sections.flatMap((s) => s.expectations)) expect(lines[e.line - 1]!.slice(e.column - 1).replace(/\\\|/g, '|').startsWith(e.text), e.text).toBe(true);
  }
}

describe('reader: competency matrix', () => {
  it('reads a pipe table per area: a role per level column, a section per competency row, each <br> item an expectation at its place', async () => {
    const root = shape('pipe');
    const { roles, problems } = await load(root);
    expect(problems).toEqual([]);
    expect(outline(roles)).toEqual([
      ['backend-junior', 'Junior', null, [
        ['Code quality', 9, 22, 'Writes readable code with tests for the happy path.'],
        ['Operations', 11, 16, 'Follows the runbook when paged.'],
        ['Communication', 17, 19, 'Asks for help early.'],
      ]],
      ['backend-intermediate', 'Intermediate', 'backend-junior', [
        ['Code quality', 9, 76, 'Adds tests for edge cases before review.'],
        ['Code quality', 9, 120, 'Refactors code they touch.'],
        ['Systems design', 10, 26, 'Designs a service endpoint with help.'],
        ['Communication', 17, 42, 'Explains trade-offs in pull requests.'],
        ['Mentoring', 18, 19, 'Pairs with new joiners.'],
      ]],
      ['backend-senior', 'Senior', 'backend-intermediate', [
        ['Code quality', 9, 149, 'Sets testing conventions for the team.'],
        ['Systems design', 10, 68, 'Designs a service end to end.'],
        ['Systems design', 10, 104, 'Writes the design doc.'],
        ['Operations', 11, 52, 'Leads an incident review.'],
        ['Communication', 17, 82, 'Writes updates that stakeholders act on.'],
        ['Mentoring', 18, 45, 'Mentors two engineers'],
        ['Mentoring', 18, 72, "Runs the team's onboarding."],
      ]],
      ['backend-staff', 'Staff', 'backend-senior', [
        ['Systems design', 10, 129, 'Shapes the architecture of several services.'],
        ['Operations', 11, 80, 'Reduces paging load across teams by design.'],
        ['Communication', 17, 125, 'Aligns several teams on one plan.'],
        ['Mentoring', 18, 102, 'Grows senior engineers into leads.'],
      ]],
    ]);
    expect(roles.map((r) => [r.track, r.titleLine, r.file])).toEqual(Array(4).fill(['backend', 7, 'backend.md']));
    expectAtTheirPlace(root, roles);
  });

  it('finds the levels down the first column of a transposed table, and ladder.yaml can say which way a table runs', async () => {
    const root = shape('transposed');
    const { roles, problems } = await load(root);
    expect(problems).toEqual([]);
    expect(outline(roles)).toEqual([
      ['data-associate', 'Associate', null, [
        ['Data modelling', 10, 15, 'Documents the tables they build.'],
        ['Pipelines', 10, 50, 'Fixes a failing job with guidance.'],
        ['Collaboration', 10, 87, 'Shares progress in stand-up.'],
      ]],
      ['data-engineer', 'Engineer', 'data-associate', [
        ['Data modelling', 11, 14, 'Designs a schema for a new source.'],
        ['Pipelines', 11, 51, 'Builds a pipeline with alerting.'],
        ['Pipelines', 11, 87, 'Backfills safely.'],
        ['Collaboration', 11, 107, "Reviews a teammate's pull request."],
      ]],
      ['data-senior-engineer', 'Senior Engineer', 'data-engineer', [
        ['Data modelling', 12, 21, 'Owns the warehouse model of a domain.'],
        ['Collaboration', 12, 67, 'Leads a project with an analyst team.'],
      ]],
    ]);
    expect(roles.map((r) => r.titleLine)).toEqual([10, 11, 12]);
    expectAtTheirPlace(root, roles);
    const copy = copyOf('transposed');
    writeFileSync(join(copy, 'ladder.yaml'), 'format:\n  reader: matrix\n  levels: columns\n');
    expect((await load(copy)).roles.map((r) => r.title)).toEqual(['Data modelling', 'Pipelines', 'Collaboration']);
    writeFileSync(join(copy, 'ladder.yaml'), 'format:\n  reader: matrix\n  levels: rows\n  inherit: none\n');
    const none = (await load(copy)).roles;
    expect(none.map((r) => [r.id, r.parent, r.declaredLevel])).toEqual([
      ['data-associate', null, 1],
      ['data-engineer', null, 2],
      ['data-senior-engineer', null, 3],
    ]);
  });

  it('reads an HTML table: list items and <br> in a cell are items, &mdash; is an empty cell, lines and columns are the file\'s', async () => {
    const root = shape('html');
    const { roles, problems } = await load(root);
    expect(problems).toEqual([]);
    expect(outline(roles)).toEqual([
      ['platform-p1', 'P1', null, [['Reliability', 12, 11, "Keeps their service's dashboards green."]]],
      ['platform-p2', 'P2', 'platform-p1', [
        ['Reliability', 13, 19, 'Sets alerts on user-facing symptoms.'],
        ['Reliability', 13, 64, 'Writes a postmortem.'],
        ['Tooling', 19, 11, 'Automates a manual deploy step.'],
      ]],
      ['platform-p3', 'P3', 'platform-p2', [
        ['Reliability', 14, 11, 'Defines service level objectives for a product.'],
        ['Tooling', 20, 11, 'Builds tooling other teams adopt.'],
        ['Tooling', 20, 48, 'Retires a legacy tool.'],
      ]],
    ]);
    expectAtTheirPlace(root, roles);
  });

  it('reads an escaped pipe as a pipe, an HTML table split by blank lines and cells without closing tags', async () => {
    const root = writeTree({
      'ladder.yaml': 'format: matrix\n',
      'pipes.md': '| Skill | L1 | L2 |\n|---|---|---|\n| Shell | Pipes commands with `a \\| b`. | Writes scripts. |\n',
      'loose.md': '<table>\n<tr><th>Skill<th>L1<th>L2\n\n<tr><td>Testing<td>Writes unit tests.<td>Writes contract tests.\n</table>\n',
    });
    const { roles, problems } = await load(root);
    expect(problems).toEqual([]);
    expect(outline(roles)).toEqual([
      ['loose-l1', 'L1', null, [['Testing', 4, 20, 'Writes unit tests.']]],
      ['loose-l2', 'L2', 'loose-l1', [['Testing', 4, 42, 'Writes contract tests.']]],
      ['pipes-l1', 'L1', null, [['Shell', 3, 11, 'Pipes commands with `a | b`.']]],
      ['pipes-l2', 'L2', 'pipes-l1', [['Shell', 3, 43, 'Writes scripts.']]],
    ]);
    expectAtTheirPlace(root, roles);
  });

  it('a table of levels all new starts a track named by its heading; a <br> in a header parts words', async () => {
    const root = writeTree({
      'ladder.yaml': 'format: matrix\n',
      'ladder.md':
        '## Engineering\n\n| Skill | Engineer<br>E1 | Engineer<br>E2 |\n|---|---|---|\n| Code | Writes code. | Designs code. |\n\n' +
        '## Management\n\n| Skill | Manager | Director |\n|---|---|---|\n| People | Runs one-to-ones. | Grows managers. |\n',
    });
    const { roles, problems } = await load(root);
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.id, r.title, r.track, r.parent?.name ?? null])).toEqual([
      ['ladder-engineer-e1', 'Engineer E1', 'engineering', null],
      ['ladder-engineer-e2', 'Engineer E2', 'engineering', 'ladder-engineer-e1'],
      ['ladder-manager', 'Manager', 'management', null],
      ['ladder-director', 'Director', 'management', 'ladder-manager'],
    ]);
  });

  it('reports every part it cannot read with its line, never dropping a cell silently', async () => {
    const root = writeTree({
      'ladder.yaml': 'format: matrix\n',
      'extra.md': '| Skill | Junior | Senior |\n|---|---|---|\n| Code | Writes code. | Designs code. | Leads code. |\n|  | Orphan item. | |\n',
      'span.md': '<table>\n<tr><th>Skill</th><th>Junior</th><th>Senior</th></tr>\n<tr><td>Code</td><td colspan="2">Writes code.</td></tr>\n</table>\n',
      'open.md': '# Open\n\n<table>\n<tr><th>Skill</th><th>Junior</th></tr>\n',
      'prose.md': '# Notes\n\nHow we use the matrix.\n',
    });
    const { problems } = await load(root);
    expect(problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
      ['unread-part', 'extra.md', 3, 41],
      ['unread-part', 'extra.md', 4, 1],
      ['unread-part', 'open.md', 3, 1],
      ['unreadable', 'prose.md', 1, 1],
      ['unread-part', 'span.md', 3, 18],
    ]);
    expect(problems[0]!.message).toMatch(/beyond the 2 levels the header names/);
    expect(problems[4]!.message).toMatch(/spans 2 columns/);
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(lint.code, lint.stderr).toBe(1);
    expect(json(lint).findings.filter((f: { ruleId: string }) => f.ruleId === 'unreadable-file')).toHaveLength(5);
    for (const command of [['list'], ['show', 'extra-senior'], ['health'], ['export', '--format', 'json', '--out', '-']]) {
      const run = await runMain(['--ladder', root, ...command]);
      expect(run.code, `${command.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a wrong reader option is one error line naming the ladder.yaml line and the options', async () => {
    const root = writeTree({ 'ladder.yaml': 'format:\n  reader: matrix\n  levels: diagonal\n', 'm.md': '| S | A |\n|---|---|\n| x | y |\n' });
    const run = await runMain(['--ladder', root, 'list']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: ladder\.yaml:2: "format" .*"reader: matrix" with "levels: columns or rows"/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('lint --fix on a matrix', () => {
  it('says a missing period in a cell is not fixable in this shape and leaves the cell alone, while line fixes still land exactly', async () => {
    const text = '| Skill | Junior | Senior |\n|---|---|---|\n| Code | Writes code | Designs code. |   \n';
    const root = writeTree({ 'ladder.yaml': 'format: matrix\n', 'm.md': text });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    const findings = json(lint).findings.map((f: { ruleId: string; line: number; column: number; fixable: boolean; message: string }) => [f.ruleId, f.line, f.column, f.fixable, f.message]);
    expect(findings).toEqual([
      ['terminal-punctuation', 3, 10, false, 'Expected a final "." after "Writes code", found "e". Not fixable in this shape (a table cell); add it by hand.'],
      ['trailing-whitespace', 3, 39, true, 'Line ends with 3 whitespace characters; remove them.'],
    ]);
    await runMain(['--ladder', root, 'lint', '--fix']);
    expect(readFileSync(join(root, 'm.md'), 'utf8')).toBe(text.replace('|   \n', '|\n'));
  });
});

describe('init on a matrix', () => {
  for (const name of ['pipe', 'transposed', 'html']) {
    it(`${name}: sees the shape and proposes the format, which lists the roles as the fixture's ladder.yaml does`, async () => {
      const expected = json(await runMain(['--ladder', shape(name), 'list', '--json']));
      const root = copyOf(name);
      rmSync(join(root, 'ladder.yaml'));
      const proposal = await runMain(['init', '--dir', root]);
      expect(proposal.code, proposal.stderr).toBe(0);
      expect(proposal.stdout).toMatch(/Shape: a competency matrix, a role per level of each table and a section per competency, each level building on the one before: \w+\.md: /);
      expect(proposal.stdout).toContain('every role resolves');
      await runMain(['init', '--dir', root, '--write']);
      expect(await readLadderConfig(root)).toEqual({ format: 'matrix' });
      expect(json(await runMain(['--ladder', root, 'list', '--json']))).toEqual(expected);
    });
  }

  it('names the file it cannot read beside the matrix, rather than reporting success', async () => {
    const root = writeTree({ 'backend.md': readFileSync(join(shape('pipe'), 'backend.md'), 'utf8'), 'notes.md': '# Notes\n\nWhy the matrix looks like this.\n' });
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.stdout).toContain('format: "matrix"');
    expect(proposal.stdout).toMatch(/notes\.md:1 {2}holds no table/);
    expect(proposal.stdout).not.toContain('every role resolves');
  });
});

describe('commands on a matrix', () => {
  it('show, show --new, list, diff, lint, export and health work on it', async () => {
    const root = shape('pipe');
    const show = await runMain(['--ladder', root, 'show', 'backend-staff']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Inherits: Senior → Intermediate → Junior');
    expect(show.stdout).toContain('Refactors code they touch. (Intermediate)');
    const fresh = await runMain(['--ladder', root, 'show', '--new', 'backend-senior']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('Leads an incident review.');
    expect(fresh.stdout).not.toContain('Pairs with new joiners.');
    const list = await runMain(['--ladder', root, 'list', '--json']);
    expect(json(list).roles.map((r: { id: string; level: number }) => [r.id, r.level])).toEqual([
      ['backend-junior', 1],
      ['backend-intermediate', 2],
      ['backend-senior', 3],
      ['backend-staff', 4],
    ]);
    const diff = await runMain(['--ladder', root, 'diff', 'backend-junior', 'backend-senior', '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('Designs a service end to end.');
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(lint.code, lint.stderr).toBe(0);
    expect(json(lint).findings.find((f: { ruleId: string }) => f.ruleId === 'terminal-punctuation')).toMatchObject({ file: 'backend.md', line: 18, column: 45, fixable: false });
    const exported = await runMain(['--ladder', root, 'export', '--format', 'json', '--out', '-']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(json(exported).roles).toHaveLength(4);
    const health = await runMain(['--ladder', root, 'health']);
    expect(health.code, health.stderr).toBe(0);
    expect(health.stdout).toContain('backend-junior → backend-intermediate');
  });

  it('shows control characters from a cell escaped, not run by the terminal', async () => {
    const root = writeTree({ 'ladder.yaml': 'format: matrix\n', 'm.md': '| Skill | Junior |\n|---|---|\n| Code | Writes \u001b[31mred\u001b[0m code. |\n' });
    const show = await runMain(['--ladder', root, 'show', 'm-junior']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Writes \\x1b[31mred\\x1b[0m code.');
    expect(show.stdout).not.toContain('\u001b');
  });

  it('changes reads both revisions as a matrix and names the level whose cell changed', async () => {
    const root = copyOf('pipe');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    git('tag', 'v1');
    const file = join(root, 'backend.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Leads an incident review.', 'Leads an incident review and its follow-ups.'));
    git('commit', '-q', '-am', 'second');
    const run = await runMain(['--ladder', root, 'changes', 'v1', '--format', 'json'], { env: { ...gitEnv } });
    expect(run.code, run.stderr).not.toBe(2);
    const roles = json(run).roles;
    expect(roles.map((r: { id: string; status: string }) => `${r.status}:${r.id}`)).toEqual(['changed:backend-senior']);
    expect(JSON.stringify(roles)).toContain('"file":"backend.md","line":11');
  });
});
