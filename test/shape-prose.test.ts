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
const PROSE = 'format:\n  reader: role-per-file\n  prose: true\n';
const SHAPE = fixture('shapes', 'prose');

function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'ladder-prose-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** Each expectation as [section, subsection, line, column, text, examples]. */
function expectations(role: ParsedRole) {
  return role.sections.flatMap((s) => s.expectations.map((e) => [s.title, e.subsection ?? null, e.line, e.column, e.text, e.examples ?? []]));
}

async function load(root: string) {
  return loadLadder(root, { config: await readLadderConfig(root) });
}

describe('reader: a ladder written in prose', () => {
  it('reads every paragraph under a section as an expectation, at its line, and nothing else', async () => {
    const { roles, problems } = await load(SHAPE);
    expect(problems).toEqual([]);
    const byId = new Map(roles.map((r) => [r.id, r]));
    expect(roles.map((r) => [r.id, r.title, r.parent])).toEqual([
      ['1-associate', 'Associate Engineer', null],
      ['2-engineer', 'Engineer', null],
      ['3-senior', 'Senior Engineer', null],
      ['4-staff', 'Staff Engineer', null],
    ]);
    // A blockquote and an "Overview" section describe the role; "About this level" and "Summary" too.
    expect(byId.get('1-associate')!.description).toBe(
      'Learns the codebase and ships well-scoped changes with support from the team.\n\nAssociates are new to professional software work. This page says what we look for before a promotion.',
    );
    expect(byId.get('3-senior')!.description).toBe('Leads projects of several engineers and raises the bar for the whole team.\n\nMost engineers spend several years at this level, and that is fine.');
    expect(byId.get('4-staff')!.description).toBe('Sets technical direction across teams.');

    expect(expectations(byId.get('1-associate')!)).toEqual([
      ['Craft', null, 11, 1, 'You write code that works and that others can read.\nYou ask for review early and act on the feedback you get.', []],
      ['Craft', null, 14, 1, 'You test your own changes before asking anyone to review them.', []],
      // "In practice this means:" is the list's lead-in, not an expectation.
      ['Craft', null, 18, 3, 'Runs the test suite locally before opening a pull request.', []],
      ['Craft', null, 19, 3, 'Reads the error message before asking for help.', []],
      // "For example, …" is an example of the paragraph above it; "Next level: [Engineer]" is navigation.
      ['Collaboration', null, 23, 1, 'You keep your team informed about what you are working on.', ['For example, you post a short update in the team channel when a task takes longer than expected.']],
    ]);
    expect(expectations(byId.get('2-engineer')!)).toEqual([
      ['Craft', 'Design', 7, 13, 'You write a short design note for any change that touches more than one service.', []],
      ['Craft', 'Quality', 9, 14, 'You add tests that would have caught the bugs you fix.', []],
      // A bold label alone on its line heads the paragraphs after it.
      ['Craft', 'Operations', 13, 1, 'You can deploy and roll back the services you work on.', []],
      ['Craft', 'Operations', 15, 1, 'You read the dashboards of your services every week.', []],
      [
        'Collaboration',
        null,
        19,
        1,
        "You review your teammates' pull requests within a working day.",
        ['Leaving a clear comment when a change needs more work.', 'Pairing on a tricky review instead of a long thread.'],
      ],
    ]);
    expect(expectations(byId.get('3-senior')!)).toEqual([
      ['Technical leadership', null, 9, 1, 'You break large projects into steps that each ship on their own.', []],
      [
        'Technical leadership',
        null,
        11,
        1,
        'You choose boring technology unless there is a clear reason not to, and you write that reason down.',
        ['Splitting a database migration into a dual-write phase and a cut-over.'],
      ],
      ['People', 'Mentoring', 20, 5, 'Mentors at least one engineer through a project.', []],
      ['People', 'Mentoring', 21, 5, 'Gives feedback that is specific and kind.', []],
      ['People', 'Hiring', 23, 5, 'Interviews candidates and writes a clear assessment.', []],
    ]);
    expect(expectations(byId.get('4-staff')!)).toEqual([
      ['Technical leadership', null, 9, 1, 'You set the technical direction for an area that spans several teams, and you write it down so that others can follow it without you.', []],
      ['Technical leadership', null, 13, 4, 'Writing a strategy document that teams refer to when they plan.', []],
      ['Technical leadership', null, 14, 4, 'Retiring a system that nobody wants to own.', []],
      ['Technical leadership', 'Influence', 16, 16, 'You change how other teams work through persuasion rather than authority.', []],
      ['Impact', null, 20, 1, 'Your work changes what the company can do, not only what your own team can do.', ['e.g. a build platform that lets every team ship twice as often.']],
    ]);
    // Every expectation's text starts exactly at its line and column of the file.
    for (const role of roles) {
      const lines = readFileSync(join(SHAPE, role.file), 'utf8').split('\n');
      for (const [, , line, column, text] of expectations(role)) expect(lines[(line as number) - 1]!.slice((column as number) - 1)).toBe((text as string).split('\n')[0]);
    }
  });

  it('without prose: true, the default reader is unchanged: bullets only, paragraphs left out', async () => {
    const root = copyOf(SHAPE);
    writeFileSync(join(root, 'ladder.yaml'), 'levels:\n  order: filename\n  inherit: previous\n');
    const { roles } = await load(root);
    const associate = roles.find((r) => r.id === '1-associate')!;
    expect(associate.sections.map((s) => [s.title, s.expectations.map((e) => e.text)])).toEqual([
      ['Overview', []],
      ['Craft', ['Runs the test suite locally before opening a pull request.', 'Reads the error message before asking for help.']],
      ['Collaboration', []],
    ]);
  });

  it('reads the variations: "**Label**:" paragraphs, bold sentences, nested "Examples:" items, and an example with nothing above it', async () => {
    const root = writeTree({
      'ladder.yaml': PROSE,
      'lead.md': [
        '# Team Lead',
        '',
        'Runs a team of four to eight engineers.',
        '',
        '## Delivery',
        '',
        '**Planning**: You plan the quarter with your product partner.',
        '',
        '**Ships what the team promised.**',
        '',
        '**You will:**',
        '',
        '- Keep a list of risks.',
        '  - Examples:',
        '    - A dependency on another team.',
        '- Cut scope before cutting quality.',
        '',
        '## Growth',
        '',
        'For example, a weekly one-to-one.',
        '',
        'See the [previous level](engineer.md).',
        '',
      ].join('\n'),
    });
    const { roles } = await load(root);
    expect(expectations(roles[0]!)).toEqual([
      ['Delivery', 'Planning', 7, 15, 'You plan the quarter with your product partner.', []],
      // An inline label heads its own paragraph only; a whole sentence in bold is emphasis, not a label,
      // and "**You will:**" is a lead-in, not a label.
      ['Delivery', null, 9, 1, '**Ships what the team promised.**', []],
      ['Delivery', null, 13, 3, 'Keep a list of risks.', ['A dependency on another team.']],
      ['Delivery', null, 16, 3, 'Cut scope before cutting quality.', []],
      // An example with no expectation above it to belong to is not dropped: it is read as one.
      ['Growth', null, 20, 1, 'For example, a weekly one-to-one.', []],
    ]);
  });

  it('reads labels ending in "." or followed by a dash, and takes navigation (above the sections, or a "Next level" section) for nothing', async () => {
    const root = writeTree({
      'ladder.yaml': PROSE,
      'engineer.md': '# Engineer\n\n## Craft\n\nYou write code.\n',
      'senior.md': [
        '# Senior',
        '',
        '[← Engineer](engineer.md) · [Staff →](staff.md)',
        '',
        '## Craft',
        '',
        '**Ownership.** You own a service end to end.',
        '',
        '**Reliability** — You keep its error budget.',
        '',
        '## Next level',
        '',
        '* [Staff](staff.md)',
        '',
      ].join('\n'),
    });
    const { roles, problems } = await load(root);
    expect(problems).toEqual([]);
    const senior = roles.find((r) => r.id === 'senior')!;
    expect(senior.parent).toBeNull();
    expect(senior.sections.map((section) => section.title)).toEqual(['Craft']);
    expect(expectations(senior)).toEqual([
      ['Craft', 'Ownership', 7, 16, 'You own a service end to end.', []],
      ['Craft', 'Reliability', 9, 19, 'You keep its error budget.', []],
    ]);
  });

  it('works with levels-in-one-file too: paragraphs under each level\'s sections', async () => {
    const root = writeTree({
      'ladder.yaml': 'format:\n  reader: levels-in-one-file\n  prose: true\n',
      'design.md': '# Design\n\n## Designer\n\n### Craft\n\nYou produce clear flows for a feature.\n\n## Senior Designer\n\n### Craft\n\nYou set the design direction of a product area.\n',
    });
    const { roles } = await load(root);
    expect(roles.map((r) => [r.id, r.parent?.name ?? null, expectations(r)])).toEqual([
      ['design-designer', null, [['Craft', null, 7, 1, 'You produce clear flows for a feature.', []]]],
      ['design-senior-designer', 'design-designer', [['Craft', null, 13, 1, 'You set the design direction of a product area.', []]]],
    ]);
  });

  it('a wrong prose setting is one error line naming the ladder.yaml line and the values that work', async () => {
    const root = writeTree({ 'ladder.yaml': 'format:\n  reader: role-per-file\n  prose: yes please\n', 'a.md': '# A\n\n## Craft\n\nYou write code.\n' });
    const run = await runMain(['--ladder', root, 'list']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/ladder\.yaml:\d+: "format.*prose: true/);
  });

  it('a parse cache written without prose is not reused with it', async () => {
    const root = copyOf(SHAPE);
    const env = { LADDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ladder-cache-')) };
    const count = async () => {
      const shown = json(await runMain(['--ladder', root, 'show', '1-associate', '--json'], { env }));
      return shown.sections.flatMap((s: { expectations: unknown[] }) => s.expectations).length;
    };
    expect(await count()).toBe(5);
    writeFileSync(join(root, 'ladder.yaml'), 'levels:\n  order: filename\n  inherit: previous\n');
    expect(await count()).toBe(2);
  });
});

describe('lint on paragraphs', () => {
  it('lost-bullet leaves a wrapped paragraph alone but still flags a list item that lost its bullet', async () => {
    const root = writeTree({
      'ladder.yaml': PROSE,
      'a.md': '# A\n\n## Craft\n\nYou write code that works.\nYou ask for review early.\n\n* Runs the tests.\nReads the logs.\n',
    });
    const lint = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    expect(lint.findings.filter((f: { ruleId: string }) => f.ruleId === 'lost-bullet').map((f: { line: number }) => f.line)).toEqual([9]);
  });

  it('terminal-punctuation finds the end of a paragraph (wrapped, or after a label), and --fix adds the period exactly there', async () => {
    const text = '# A\n\n## Craft\n\nYou write code that works\nand that others can read\n\n**Quality:** You add tests   \n\nYou ship it.\n';
    const root = writeTree({ 'ladder.yaml': PROSE, 'a.md': text });
    const lint = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    const found = lint.findings.filter((f: { ruleId: string }) => f.ruleId === 'terminal-punctuation').map((f: { line: number; column: number }) => [f.line, f.column]);
    expect(found).toEqual([
      [6, 25],
      [8, 27],
    ]);
    const fixed = await runMain(['--ladder', root, 'lint', '--fix']);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('# A\n\n## Craft\n\nYou write code that works\nand that others can read.\n\n**Quality:** You add tests.\n\nYou ship it.\n');
    const again = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    expect(again.findings.filter((f: { fixable?: boolean; ruleId: string }) => f.ruleId === 'terminal-punctuation')).toEqual([]);
  });

  it('duplicate-expectation compares paragraphs like items, pointing at the second', async () => {
    const root = writeTree({
      'ladder.yaml': PROSE,
      'a.md': '# A\n\n## Craft\n\nYou review pull requests within a working day.\n\n## Collaboration\n\nYou review pull requests within a working day.\n',
    });
    const lint = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    expect(lint.findings.filter((f: { ruleId: string }) => f.ruleId === 'duplicate-expectation').map((f: { line: number }) => f.line)).toEqual([9]);
  });

  it('a prose role with no sections is a lint finding, not a silent empty role', async () => {
    const root = writeTree({ 'ladder.yaml': PROSE, 'a.md': '# A\n\nYou write code.\n\nYou review code.\n' });
    const lint = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    expect(lint.findings.map((f: { ruleId: string; file: string }) => [f.ruleId, f.file])).toContainEqual(['empty-role', 'a.md']);
  });
});

describe('init and every command on a prose ladder', () => {
  it('init sees prose and the level order, and with --write list --json is right with no further edit', async () => {
    const root = copyOf(SHAPE);
    rmSync(join(root, 'ladder.yaml'));
    const proposal = await runMain(['init', '--dir', root]);
    expect(proposal.code, proposal.stderr).toBe(0);
    expect(proposal.stdout).toContain('written in prose, each paragraph under a section an expectation (13 paragraphs and 7 list items in 4 files)');
    expect(proposal.stdout).toContain('1-associate → 2-engineer → 3-senior → 4-staff');
    const written = await runMain(['init', '--dir', root, '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(await readLadderConfig(root)).toEqual({ format: { reader: 'role-per-file', prose: true }, levels: { order: 'filename', inherit: 'previous' } });
    const list = json(await runMain(['--ladder', root, 'list', '--json']));
    expect(list.roles.map((r: { id: string; level: number; inherits: string | null }) => [r.id, r.level, r.inherits])).toEqual([
      ['1-associate', 1, null],
      ['2-engineer', 2, '1-associate'],
      ['3-senior', 3, '2-engineer'],
      ['4-staff', 4, '3-senior'],
    ]);
  });

  it('init sees prose levels in one file (a "##" heading per level) and proposes both settings', async () => {
    const level = (title: string, text: string) => `## ${title}\n\n### Craft\n\n${text}\n\n### Impact\n\nYou make your team better.\n\n`;
    const root = writeTree({ 'mobile.md': `# Mobile\n\n${level('Mobile Engineer I', 'You ship screens.')}${level('Mobile Engineer II', 'You ship features.')}` });
    const proposal = json(await runMain(['init', '--dir', root, '--json']));
    expect(proposal.config.format).toEqual({ reader: 'levels-in-one-file', prose: true });
    expect(proposal.shape).toContain('mobile.md: Mobile Engineer I → Mobile Engineer II; written in prose');
    await runMain(['init', '--dir', root, '--write']);
    const shown = json(await runMain(['--ladder', root, 'show', 'mobile-engineer-ii', '--json']));
    expect(JSON.stringify(shown)).toContain('You ship features.');
    expect(JSON.stringify(shown)).toContain('You ship screens.');
  });

  it('init does not take a prose role\'s "##" groups of "###" sections for levels', async () => {
    const group = (title: string) => `## ${title}\n\n### Design\n\nYou design systems.\n\n### Quality\n\nYou test them.\n\n`;
    const root = writeTree({ 'staff.md': `# Staff\n\n${group('Technical skills')}${group('Leadership')}`, 'senior.md': `# Senior\n\n${group('Technical skills')}` });
    const proposal = json(await runMain(['init', '--dir', root, '--json']));
    expect(proposal.config.format).toEqual({ reader: 'role-per-file', prose: true });
  });

  it('init leaves a bullet ladder with an explanatory paragraph per section alone', async () => {
    const section = (title: string) => `## ${title}\n\nWhat this area covers.\n\n* Does one thing.\n* Does another thing.\n\n`;
    const root = writeTree({ 'a.md': `# A\n\n${section('Craft')}${section('Impact')}`, 'b.md': `# B\n\nInherits the role expectations of A.\n\n${section('Craft')}` });
    const survey = json(await runMain(['init', '--dir', root, '--json']));
    expect(survey.config.format).toBeUndefined();
  });

  it('show, show --new, list, diff, lint, export and health work on it', async () => {
    const run = (...args: string[]) => runMain(['--ladder', SHAPE, ...args]);
    const show = await run('show', '4-staff');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Inherits: Senior Engineer → Engineer → Associate Engineer');
    expect(show.stdout).toContain('You review your teammates\' pull requests within a working day. (Engineer)');
    expect(show.stdout).toContain('Influence');
    const fresh = await run('show', '--new', '2-engineer');
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('5 new expectations');
    expect(fresh.stdout).not.toContain('You test your own changes');
    const list = await run('list', '--json');
    expect(list.code, list.stderr).toBe(0);
    expect(json(list).roles).toHaveLength(4);
    const diff = await run('diff', '2-engineer', '3-senior', '--format', 'json');
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('You break large projects into steps that each ship on their own.');
    const lint = await run('lint');
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout + lint.stderr).toBe('');
    const exported = await run('export', '--format', 'json', '--out', '-');
    expect(exported.code, exported.stderr).toBe(0);
    const staff = json(exported).roles.find((r: { id: string }) => r.id === '4-staff');
    expect(JSON.stringify(staff)).toContain('You change how other teams work through persuasion rather than authority.');
    const health = await run('health', '--json');
    expect(health.code, health.stderr).toBe(0);
    expect(JSON.stringify(json(health))).toContain('3-senior');
  });

  it('changes reads both revisions as prose and names the level that changed', async () => {
    const root = copyOf(SHAPE);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    const file = join(root, '3-senior.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('You break large projects into steps', 'You break large projects into small steps'));
    git('commit', '-q', '-am', 'second');
    const run = await runMain(['--ladder', root, 'changes', 'main~1', '--format', 'json'], { env: gitEnv });
    expect(run.code, run.stderr).not.toBe(2);
    expect(json(run).roles.map((r: { id: string; status: string }) => `${r.status}:${r.id}`)).toEqual(['changed:3-senior']);
  });
});
