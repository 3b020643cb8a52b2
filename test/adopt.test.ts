import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { surveyLadder } from '../src/adopt/survey.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { outlineRole } from '../src/load/parse-role.js';
import { resolveRole } from '../src/resolve/resolve-role.js';
import { fixture, writeTree, type CliRun } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

/** A forked ladder in the older style: one folder, "Same as X, but also...", `####`, nested bullets. */
const adopt = fixture('adopt');

/** A fresh copy of the fixture, so writing ladder.yaml never touches the committed one. */
function copyOfAdopt(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-adopt-'));
  cpSync(adopt, dir, { recursive: true });
  return dir;
}

const json = (run: CliRun) => JSON.parse(run.stdout);

describe('other phrasings of inheritance', () => {
  const parentOf = (line: string, patterns?: string[]) => outlineRole(`Staff\n=====\n\n${line}\n\n### Results\n* Ships.\n`, { inheritPatterns: patterns }).parent;

  it.each([
    ['(Inherits the role expectations of a Senior Engineer)', 'Senior Engineer', 'a'],
    ['*Same as Senior Engineer, but also...*', 'Senior Engineer', undefined],
    ['_Same as Senior Engineer, but also…_', 'Senior Engineer', undefined],
    ['**Same as a Senior Engineer but also**', 'Senior Engineer', 'a'],
    ['Same as Manager, but also...', 'Manager', undefined],
  ])('finds the parent in %j', (line, name, article) => {
    expect(parentOf(line)).toMatchObject({ name, line: 4, column: 1, ...(article ? { article } : {}) });
  });

  it('takes phrasings from ladder.yaml, and only as a whole line', () => {
    expect(parentOf('Grows from the Senior Engineer.', ['Grows from {parent}'])).toMatchObject({ name: 'Senior Engineer', article: 'the' });
    expect(parentOf('Grows from the Senior Engineer.')).toBeNull();
    expect(parentOf('This role grows from Senior Engineer', ['Grows from {parent}'])).toBeNull();
  });

  it('loads a ladder.yaml phrasing end to end, and a cached parse under other phrasings is not reused', async () => {
    const root = writeTree({
      'ladder.yaml': 'inherits:\n  patterns: ["Grows from {parent}"]\n',
      'engineer.md': 'Engineer\n========\n\n### Results\n* Ships small changes.\n',
      'senior.md': 'Senior\n======\n\nGrows from Engineer.\n\n### Results\n* Ships large changes.\n',
    });
    const cache = { LADDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ladder-cache-')) };
    expect(json(await runMain(['show', 'senior', '--json', '--ladder', root], { env: cache })).chain).toEqual(['senior', 'engineer']);
    writeFileSync(join(root, 'ladder.yaml'), 'rules: {}\n');
    expect(json(await runMain(['show', 'senior', '--json', '--ladder', root], { env: cache })).chain).toEqual(['senior']);
  });

  it('rejects a phrasing without {parent} or without words, naming ladder.yaml and the line', async () => {
    const root = writeTree({ 'ladder.yaml': 'inherits:\n  patterns:\n    - "{parent}"\n', 'a.md': 'A\n=\n' });
    const run = await runMain(['list', '--ladder', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: ladder\.yaml:3: "inherits\.patterns\.0" must hold words and "\{parent\}" exactly once\n$/);
  });
});

describe('subsections and nested bullets', () => {
  it('keeps the #### subsection and points a nested bullet at the expectation above it', async () => {
    const ladder = await loadLadder(adopt, { config: { ignore: ['**/*_path.md', '**/*DEPRECATED*'] } });
    const graph = buildGraph(ladder.roles, { aliases: { Director: 'director_engineering', Manager: 'engineering_manager' } });
    const staff = resolveRole(graph, graph.roles.get('staff_engineer')!);
    const expected = staff.sections.find((s) => s.id === 'is-expected-to')!.expectations;
    // Subsections read as one list each across the chain: every "Results" item before any "Collaboration" one.
    expect(expected.map((e) => e.subsection)).toEqual([...Array(6).fill('Results'), ...Array(6).fill('Collaboration')]);
    const records = expected.find((e) => e.text === 'Keep decision records next to the code.')!;
    const decisions = expected.find((e) => e.text.startsWith('Write down decisions'))!;
    expect(records).toMatchObject({ source: 'staff_engineer', line: 15, parent: decisions.id });
    expect(decisions.parent).toBeUndefined();
    const depth = staff.sections[0]!.expectations.filter((e) => e.parent !== undefined).map((e) => e.text);
    expect(depth).toEqual(['Reads its documentation and standard library without help.', 'Knows where they fail and how to recover them.', 'Can explain their design to a newcomer.']);
  });

  it('show --new and diff --json keep each new expectation\'s subsection and nesting', async () => {
    const run = await runMain(['show', 'staff_engineer', '--new', '--ladder', adopt]);
    expect(run.stdout).toContain('Is expected to\n  Results\n    ● Lead technical work that spans several teams.\n');
    expect(run.stdout).toContain('  Collaboration\n    ● Write down decisions so that others can follow the reasoning.\n      ● Keep decision records next to the code.\n');
    const diff = json(await runMain(['diff', 'senior_software_engineer', 'staff_engineer', '--json', '--ladder', adopt]));
    const added = diff.sections.flatMap((s: { added: { text: string }[] }) => s.added);
    const records = added.find((e: { text: string }) => e.text === 'Keep decision records next to the code.');
    const decisions = added.find((e: { text: string }) => e.text.startsWith('Write down decisions'));
    expect(records).toMatchObject({ subsection: 'Collaboration', parent: decisions.id });
    expect(validateAgainst('diff.schema.json', diff)).toEqual([]);
  });

  it('shows subsections as headings and nested bullets indented', async () => {
    const run = await runMain(['show', 'engineering-manager', '--own', '--ladder', adopt]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  People\n    ● Hold regular one-on-ones with each engineer of the team.\n    ● Hire engineers together with the team.\n      ● Run interviews from the question bank.\n  Delivery\n');
  });
});

describe('a forked ladder without ladder.yaml', () => {
  it('refuses to guess an ambiguous parent: show exits 2 naming the file, line, phrase, every candidate and the alias', async () => {
    const run = await runMain(['show', 'vp_engineering', '--ladder', adopt]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      'error: vp_engineering.md:4: parent "Director" matches several roles: director_engineering (Director of Engineering), director_platform (Director of Platform); ' +
        'name one by its id ("director_engineering"), link its file, or settle it in ladder.yaml under "aliases:" with "Director: director_engineering" (needed to resolve "vp_engineering")',
    );
  });

  it('counts an overview page as a candidate, so "Same as Manager" is ambiguous until overviews are ignored', async () => {
    const run = await runMain(['lint', '--json', '--ladder', adopt]);
    expect(run.code).toBe(1);
    const parents = json(run).findings.filter((f: { ruleId: string }) => f.ruleId === 'unknown-parent');
    expect(parents.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['senior_engineering_manager.md:4', 'vp_engineering.md:4']);
    expect(parents[0].message).toContain('engineering_manager (Engineering Manager), manager_path (Manager path)');
  });

  it('finds roles by the slug of an id written with underscores, and prints the id as written', async () => {
    const run = await runMain(['show', 'senior-software-engineer', '--json', '--ladder', adopt]);
    expect(json(run)).toMatchObject({ id: 'senior_software_engineer', inherits: 'software_engineer' });
  });
});

describe('ladder init', () => {
  let survey: Awaited<ReturnType<typeof surveyLadder>>;
  beforeAll(async () => {
    survey = await surveyLadder(adopt);
  });

  it('tells overview pages and deprecated copies from roles, and covers them with globs', () => {
    expect(survey.notRoles.map((n) => [n.file, n.kind, n.ignoredBy])).toEqual([
      ['DEPRECATED_tech_lead.md', 'deprecated', '**/*DEPRECATED*'],
      ['engineer_path.md', 'overview', '**/*_path.md'],
      ['manager_path.md', 'overview', '**/*_path.md'],
    ]);
    expect(survey.config.ignore).toEqual(['**/*DEPRECATED*', '**/*_path.md']);
  });

  it('pins loose parent names, guesses an ambiguous one with its candidates, and checks the proposal resolves every role', () => {
    expect(survey.parents.map((p) => [p.file, p.line, p.name, p.kind, p.candidates])).toEqual([
      ['cto.md', 4, 'VP', 'loose', ['vp_engineering']],
      ['distinguished_engineer.md', 4, 'Principal', 'loose', ['principal_engineer']],
      ['senior_engineering_manager.md', 4, 'Manager', 'loose', ['engineering_manager']],
      ['vp_engineering.md', 4, 'Director', 'ambiguous', ['director_engineering', 'director_platform']],
    ]);
    expect(survey.roles).toHaveLength(11);
    expect(survey.unresolved).toEqual([]);
    expect(survey.config.tracks).toEqual({ engineers: 'software_engineer', managers: 'engineering_manager' });
  });

  it('prints a report and a ladder.yaml that reads back as the proposal, and writes nothing without --write', async () => {
    const dir = copyOfAdopt();
    const run = await runMain(['init', '--dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('vp_engineering.md:4  "Director" → director_engineering (Director of Engineering) or director_platform (Director of Platform)');
    // The aliases pin guesses a person must check, so it never claims every role resolves.
    expect(run.stdout).toContain('With the proposed ladder.yaml every parent line finds its role, but 4 parents are guesses to check (above).');
    expect(run.stdout).not.toMatch(/every role resolves/i);
    const yaml = run.stdout.split('\n---\n')[1]!;
    expect(parse(yaml)).toEqual(JSON.parse(JSON.stringify({ ...survey.config })));
    expect(() => readFileSync(join(dir, 'ladder.yaml'))).toThrow();
  });

  it('--json follows its schema', async () => {
    const run = await runMain(['init', '--json', '--dir', adopt]);
    expect(validateAgainst('init.schema.json', json(run))).toEqual([]);
    expect(validateAgainst('ladder-config.schema.json', json(run).config)).toEqual([]);
  });

  it('never overwrites an existing ladder.yaml without --force', async () => {
    const dir = copyOfAdopt();
    writeFileSync(join(dir, 'ladder.yaml'), 'rules:\n  final-newline: off\n');
    const refused = await runMain(['init', '--write', '--dir', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/ladder\.yaml: already exists; .* --force/);
    expect(readFileSync(join(dir, 'ladder.yaml'), 'utf8')).toBe('rules:\n  final-newline: off\n');
    expect((await runMain(['init', '--write', '--force', '--dir', dir])).code).toBe(0);
    // What the user had configured survives the rewrite.
    expect(parse(readFileSync(join(dir, 'ladder.yaml'), 'utf8'))).toMatchObject({ rules: { 'final-newline': 'off' }, aliases: { Director: 'director_engineering' } });
  });

  it('says when a ladder needs no ladder.yaml, and then writes none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-clean-'));
    cpSync(fixture('..', '..', 'ladder'), dir, { recursive: true });
    const run = await runMain(['init', '--write', '--dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nothing to configure: ladder reads this folder as it is, and needs no ladder.yaml.');
    expect(() => readFileSync(join(dir, 'ladder.yaml'))).toThrow();
  });

  it('refuses a folder with no roles', async () => {
    const run = await runMain(['init', '--dir', writeTree({ 'README.md': '# Hello\n' })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no ladder found here, no role files/);
  });

  describe('after init --write', () => {
    let dir: string;
    beforeAll(async () => {
      dir = copyOfAdopt();
      expect((await runMain(['init', '--write', '--dir', dir])).code).toBe(0);
    });

    it('every role resolves, in two tracks', async () => {
      const roles = json(await runMain(['list', '--json'], { cwd: dir })).roles as { id: string; track: string }[];
      expect(roles).toHaveLength(11);
      expect(new Set(roles.map((r) => r.track))).toEqual(new Set(['engineers', 'managers']));
      for (const { id } of roles) expect((await runMain(['show', id], { cwd: dir })).code, id).toBe(0);
      expect(json(await runMain(['show', 'cto', '--json'], { cwd: dir })).chain).toEqual([
        'cto', 'vp_engineering', 'director_engineering', 'senior_engineering_manager', 'engineering_manager', 'senior_software_engineer', 'software_engineer',
      ]);
    });

    it('lint reports only content findings, no structural ones', async () => {
      const run = await runMain(['lint', '--json'], { cwd: dir });
      expect(run.code).toBe(0);
      const rules = new Set(json(run).findings.map((f: { ruleId: string }) => f.ruleId));
      expect(rules).toEqual(new Set(['trailing-whitespace', 'track-sections']));
    });

    it('diff and export work on it', async () => {
      const diff = await runMain(['diff', 'director_engineering', 'vp_engineering', '--json'], { cwd: dir });
      expect(diff.code).toBe(0);
      expect(json(diff).sections.flatMap((s: { added: { text: string }[] }) => s.added).map((e: { text: string }) => e.text)).toEqual([
        'Set the hiring plan of the whole engineering organisation.',
        'Report on engineering outcomes to the board.',
      ]);
      const exported = await runMain(['export', '--format', 'json', '--out', '-'], { cwd: dir });
      expect(exported.code).toBe(0);
      expect(validateAgainst('export.schema.json', json(exported))).toEqual([]);
      expect(json(exported).roles).toHaveLength(11);
    });

    it('exported pages keep subsections as headings and nested bullets nested', async () => {
      const out = mkdtempSync(join(tmpdir(), 'ladder-adopt-out-'));
      expect((await runMain(['export', '--format', 'markdown', '--out', join(out, 'md')], { cwd: dir })).code).toBe(0);
      const page = readFileSync(join(out, 'md', 'engineering_manager.md'), 'utf8');
      // Each item starts with its stable id as an anchor.
      expect(page.replace(/<a id="[^"]+"><\/a>/g, '')).toContain('### People\n\n- ● Hold regular one-on-ones with each engineer of the team.\n- ● Hire engineers together with the team.\n  - ● Run interviews from the question bank.\n');
      expect((await runMain(['export', '--format', 'html', '--out', join(out, 'html')], { cwd: dir })).code).toBe(0);
      const html = readFileSync(join(out, 'html', 'engineering_manager.html'), 'utf8');
      expect(html).toContain('<li class="subsection"><h3>People</h3></li>');
      expect(html).toMatch(/<li class="own depth-1" id="engineering_manager\/is-expected-to\/[0-9a-f]{8}">.*Run interviews from the question bank\./);
    });
  });
});

describe('ladder.yaml aliases and tracks', () => {
  it('an alias to no role is a lint error at the parent line', async () => {
    const root = writeTree({
      'ladder.yaml': 'aliases:\n  Lead: team_lead\n',
      'engineer.md': 'Engineer\n========\n\n### Results\n* Ships.\n',
      'senior.md': 'Senior\n======\n\n*Same as Lead, but also...*\n\n### Results\n* Ships more.\n',
    });
    const findings = json(await runMain(['lint', '--json', '--ladder', root])).findings;
    expect(findings).toContainEqual(expect.objectContaining({
      ruleId: 'unknown-parent',
      file: 'senior.md',
      line: 4,
      message: 'Parent "Lead" is mapped by ladder.yaml to "team_lead", which is no role id; fix the alias in ladder.yaml.',
    }));
  });

  it('a track starting at no role is reported', async () => {
    const root = writeTree({ 'ladder.yaml': 'tracks:\n  managers: em\n', 'engineer.md': 'Engineer\n========\n\n### Results\n* Ships.\n' });
    const run = await runMain(['lint', '--json', '--ladder', root]);
    expect(json(run).findings[0]).toMatchObject({ ruleId: 'unknown-parent', file: 'ladder.yaml', message: expect.stringContaining('Track "managers" starts at "em"') });
  });
});
