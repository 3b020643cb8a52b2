import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { surveyLadder } from '../src/adopt/survey.js';
import type { ParsedRole } from '../src/schema/parsed.js';
import { role, writeTree, type CliRun } from './helpers.js';
import { runMain } from './in-process.js';

/** Runs the CLI in-process on a ladder folder, as a user would from a folder with no ladder of its own. */
function ladder(root: string, ...args: string[]): Promise<CliRun> {
  return runMain(['--ladder', root, ...args], { cwd: root });
}

const chainOf = async (root: string, name: string) => JSON.parse((await ladder(root, 'show', name, '--json')).stdout).chain as string[];
const lintJson = async (root: string) =>
  (JSON.parse((await ladder(root, 'lint', '--json')).stdout).findings as { ruleId: string; file: string; line: number; message: string; fixable: boolean }[]).map(
    (f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`,
  );

/** A role file whose parent line is the older "Same as X, but also..." phrasing. */
const sameAs = (title: string, parent: string) => `${title}\n${'='.repeat(title.length)}\n\n*Same as ${parent}, but also...*\n\n### Results\n* Does ${title} work.\n`;

describe('loose parent names match whole words only', () => {
  // File names differ from titles, so a name on a parent line can only meet a role by its title.
  const tree = {
    'engineer.md': role('Engineer', null),
    'sem.md': role('Senior Engineering Manager', 'Engineer'),
    'pe.md': role('Principal Engineer', 'Engineer'),
    'staff.md': sameAs('Staff Engineer', 'Senior Engineer'),
    'de.md': sameAs('Distinguished Engineer', 'Principal'),
  };

  it('never reads "Senior Engineer" as "Senior Engineering Manager", and --fix leaves that line alone', async () => {
    const root = writeTree(tree);
    const findings = await lintJson(root);
    expect(findings.filter((f) => f.startsWith('staff.md'))).toEqual([
      'staff.md:4 unknown-parent: Unknown parent role "Senior Engineer"; did you mean "Engineer" or "Senior Engineering Manager"?',
    ]);
    const fixed = await ladder(root, 'lint', '--fix');
    expect(fixed.code).toBe(1);
    expect(readFileSync(join(root, 'staff.md'), 'utf8')).toBe(tree['staff.md']);
    const listed = JSON.parse((await ladder(root, 'list', '--json')).stdout).roles as { id: string; inherits: string | null }[];
    expect(listed.find((r) => r.id === 'staff')).toMatchObject({ inherits: null });
  });

  it('reads "Principal" as Principal Engineer with a loose-parent warning, and --fix completes the title', async () => {
    const root = writeTree(tree);
    expect(await chainOf(root, 'de')).toEqual(['de', 'pe', 'engineer']);
    expect((await lintJson(root)).filter((f) => f.startsWith('de.md:4'))).toEqual([
      'de.md:4 loose-parent: Parent "Principal" is read loosely as pe ("Principal Engineer"); write its full title, link its file, or map the name in ladder.yaml "aliases:".',
    ]);
    await ladder(root, 'lint', '--fix');
    expect(readFileSync(join(root, 'de.md'), 'utf8')).toContain('\n*Same as Principal Engineer, but also...*\n');
    expect((await lintJson(root)).filter((f) => f.startsWith('de.md:4'))).toEqual([]);
    expect(await chainOf(root, 'de')).toEqual(['de', 'pe', 'engineer']);
  });

  it('calls a name with several whole-word matches ambiguous, and --fix writes none of them', async () => {
    const root = writeTree({
      'engineering.md': role('Engineering Manager', null),
      'product.md': role('Product Manager', null),
      'lead.md': sameAs('Group Lead', 'Manager'),
    });
    const lint = await ladder(root, 'lint');
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/Parent "Manager" matches several roles: engineering \(Engineering Manager\), product \(Product Manager\)/);
    await ladder(root, 'lint', '--fix');
    expect(readFileSync(join(root, 'lead.md'), 'utf8')).toContain('*Same as Manager, but also...*');
  });

  it('on the command line still takes a typed prefix, but lists every candidate when it is ambiguous', async () => {
    const root = writeTree(tree);
    expect(await chainOf(root, 'dist')).toEqual(['de', 'pe', 'engineer']);
    const ambiguous = await ladder(root, 'show', 's');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe('error: role "s" is ambiguous: it matches sem (Senior Engineering Manager), staff (Staff Engineer); give more of the name\n');
  });
});

describe('a parent line that names several roles', () => {
  /** A parsed role as the parser would hand it over, with `names` set by hand. */
  const parsed = (id: string, names: string[] | null): ParsedRole => ({
    id,
    title: id.toUpperCase(),
    titleLine: 1,
    file: `${id}.md`,
    track: 'default',
    aliases: [],
    parent: names && { name: names.join(', '), ...(names.length > 1 ? { names } : {}), line: 3, column: 1 },
    description: '',
    sections: [],
    strayExpectations: [],
  });
  const parents = (roles: ParsedRole[]) => {
    const graph = buildGraph(roles);
    return { graph, of: (id: string) => graph.roles.get(id)!.parentId };
  };

  it('takes the highest of them, the one that holds the others, in either order', () => {
    const { graph, of } = parents([parsed('l1', null), parsed('l2', ['l1']), parsed('l3', ['L1', 'L2']), parsed('l4', ['l2', 'l1'])]);
    expect(graph.problems).toEqual([]);
    expect([of('l3'), of('l4')]).toEqual(['l2', 'l2']);
    expect(graph.roles.get('l3')!.parentName).toBe('L2');
  });

  it('waits for a named role whose own line names several, even when it comes later in file order', () => {
    const { graph, of } = parents([parsed('l1', null), parsed('x', ['l1', 'y']), parsed('l2', ['l1']), parsed('y', ['l1', 'l2'])]);
    expect(graph.problems).toEqual([]);
    expect([of('y'), of('x')]).toEqual(['l2', 'y']);
    expect(graph.roles.get('x')!.level).toBe(4);
  });

  it('reports names not on one chain, or one that names no role, instead of guessing', () => {
    const { graph } = parents([parsed('a', null), parsed('b', null), parsed('c', ['a', 'b']), parsed('d', ['a', 'nobody'])]);
    expect(graph.problems.map((p) => `${p.code} ${p.file}: ${p.message}`)).toEqual([
      'ambiguous-parent c.md: parent line names "a" (a), "b" (b), which are not on one line of inheritance; name only the role this one builds on',
      expect.stringMatching(/^unknown-parent d\.md: unknown parent role "nobody"/),
    ]);
    expect(graph.problems[0]!.candidates).toEqual(['a', 'b']);
    expect([...graph.broken.keys()].sort()).toEqual(['c', 'd']);
  });
});

describe('a malformed escape in a parent link', () => {
  const tree = {
    'engineer.md': role('Engineer', null),
    'senior.md': 'Senior\n======\n\n(Inherits the role expectations of [an Engineer](engin%zzeer.md))\n\n### Results\n* Ships.\n',
  };

  it('is a finding naming the link in lint, never a crash', async () => {
    const run = await ladder(writeTree(tree), 'lint');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Parent link "engin%zzeer.md" has a malformed "%" escape; write the file name as it is, with "%20" for a space');
    expect(run.stdout).toContain('Link target "engin%zzeer.md" does not exist');
  });

  it('leaves every other command working, with the defect as a warning', async () => {
    const root = writeTree(tree);
    const show = await ladder(root, 'show', 'engineer', '--json');
    expect(show.code).toBe(0);
    expect(show.stderr).toBe('warning: senior.md:4: parent link "engin%zzeer.md" has a malformed "%" escape; write the file name as it is, with "%20" for a space\n');
    const list = await ladder(root, 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).roles.map((r: { id: string }) => r.id)).toEqual(['engineer', 'senior']);
  });
});

describe('one file name in several tracks', () => {
  const tree = {
    'engineer.md': role('Engineer', null),
    'backend/senior.md': role('Senior Backend Engineer', 'Engineer'),
    'frontend/senior.md': role('Senior Frontend Engineer', 'Engineer'),
    'backend/staff.md': 'Staff Engineer\n==============\n\n(Inherits the role expectations of a [Senior Backend Engineer](senior.md))\n\n### Results\n* Leads.\n',
    'frontend/staff.md': role('Staff Engineer', 'backend/senior').replace('backend/senior', 'frontend/senior'),
    'frontend/lead.md': sameAs('Frontend Lead', 'Senior'),
  };

  it('loads both, each with an id holding its folder, and keeps the short id of a unique name', async () => {
    const root = writeTree(tree);
    const roles = JSON.parse((await ladder(root, 'list', '--json')).stdout).roles as { id: string; track: string; inherits: string | null }[];
    expect(roles.map((r) => `${r.id} ${r.track} ${r.inherits}`).sort()).toEqual([
      'backend/senior backend engineer',
      'backend/staff backend backend/senior',
      'engineer default null',
      'frontend/senior frontend engineer',
      'frontend/staff frontend frontend/senior',
      'lead frontend null',
    ]);
    expect(await chainOf(root, 'backend/staff')).toEqual(['backend/staff', 'backend/senior', 'engineer']);
    expect(await chainOf(root, 'frontend-staff')).toEqual(['frontend/staff', 'frontend/senior', 'engineer']);
  });

  it('calls the bare file name ambiguous, on the command line and in a parent line, listing both', async () => {
    const root = writeTree(tree);
    const run = await ladder(root, 'show', 'senior');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('role "senior" is ambiguous: it matches backend/senior (Senior Backend Engineer), frontend/senior (Senior Frontend Engineer)');
    // Same folder first in the hint; a person settles it.
    expect(await lintJson(root)).toContainEqual(
      'frontend/lead.md:4 unknown-parent: Parent "Senior" matches several roles: frontend/senior (Senior Frontend Engineer), backend/senior (Senior Backend Engineer); name one by its id ("frontend/senior"), link its file, or settle it in ladder.yaml under "aliases:" with "Senior: frontend/senior".',
    );
    expect((await lintJson(root)).filter((f) => f.includes('duplicate-role'))).toEqual([]);
  });

  it('exports a page per role with a flat, unique file name, and links them by it', async () => {
    const root = writeTree(tree);
    const out = join(root, '..', `${root.split('/').pop()}-site`);
    expect((await ladder(root, 'export', '--format', 'html', '--out', out)).code).toBe(0);
    // The export's own manifest (.ladder-export.json) and the scripts of compare and search (assets/) sit beside the pages.
    const pages = readdirSync(out).filter((name) => !name.startsWith('.') && name !== 'assets').sort();
    expect(pages).toContain('backend--senior.html');
    expect(pages).toContain('frontend--senior.html');
    expect(pages.every((page) => page.endsWith('.html'))).toBe(true);
    expect(readFileSync(join(out, 'backend--staff.html'), 'utf8')).toContain('href="backend--senior.html"');
    const md = `${out}-md`;
    expect((await ladder(root, 'export', '--format', 'markdown', '--out', md)).code).toBe(0);
    expect(readdirSync(md).filter((name) => !name.startsWith('.')).sort()).toEqual(['backend--senior.md', 'backend--staff.md', 'engineer.md', 'frontend--senior.md', 'frontend--staff.md', 'index.md']);
  });

  it('completes the folder ids, not the ambiguous bare name', async () => {
    const run = await ladder(writeTree(tree), '__complete', '--', 'show', '');
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual(['backend/senior', 'backend/staff', 'engineer', 'frontend/senior', 'frontend/staff', 'lead']);
  });
});

describe('an empty role name', () => {
  const root = writeTree({ 'engineer.md': role('Engineer', null), 'vp.md': role('VP', 'Engineer') });

  it.each([[['show', '']], [['show', '  ']], [['show', '--', '--']], [['diff', '', 'vp']]])('is a usage error: %j', async (args) => {
    const run = await ladder(root, ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: role name "[ -]*" is empty or has no letters or digits; give a role's id or title \(run "ladder list" to see them\)\n$/);
  });
});

describe('ladder init is honest', () => {
  const clean = { 'engineer.md': role('Engineer', null), 'senior.md': role('Senior Engineer', 'Engineer') };

  it('says there is nothing to configure only when every file is a role that resolves exactly', async () => {
    const run = await ladder(writeTree(clean), 'init', '--dir', '.');
    expect(run.stdout).toContain('Every role resolves.');
    expect(run.stdout).toContain('Nothing to configure');
  });

  it('names a Markdown file that is no role and is not ignored', async () => {
    const root = writeTree({ ...clean, 'notes.md': 'Just some notes.\n' });
    const run = await ladder(root, 'init', '--dir', '.');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('notes.md:1  has no title, so it is not read as a role; give it a title, or add it to "ignore:" in ladder.yaml');
    expect(run.stdout).not.toMatch(/Nothing to configure|every role resolves/i);
    expect(run.stdout).toContain('No ladder.yaml would help: fix the files named above.');
    expect((await surveyLadder(root)).unsettled).toEqual([{ file: 'notes.md', line: 1, message: expect.stringContaining('has no title') }]);
  });

  it('names what the loader could not use', async () => {
    const root = writeTree({ ...clean, 'staff.md': `---\nlevel: high\n---\n${role('Staff Engineer', 'Senior Engineer')}` });
    const survey = await surveyLadder(root);
    expect(survey.unsettled.map((u) => `${u.file}:${u.line}`)).toEqual(['staff.md:2']);
    const run = await ladder(root, 'init', '--dir', '.');
    expect(run.stdout).toContain('1 finding in the files to fix (above)');
    expect(run.stdout).not.toMatch(/Nothing to configure|every role resolves/i);
  });

  it('never says every role resolves while a parent is a loose match', async () => {
    const root = writeTree({ 'engineer.md': role('Engineer', null), 'se.md': role('Senior Engineer', 'Engineer'), 'staff.md': sameAs('Staff Engineer', 'Senior') });
    const run = await ladder(root, 'init', '--dir', '.');
    expect(run.stdout).toContain('staff.md:4  "Senior" → se (Senior Engineer)');
    expect(run.stdout).toContain('With the proposed ladder.yaml every parent line finds its role, but 1 parent is a guess to check (above).');
    expect(run.stdout).not.toMatch(/every role resolves/i);
  });

  it('proposes no alias for a name that means a different role in each track', async () => {
    const root = writeTree({
      'backend/senior.md': role('Senior Backend Engineer', null),
      'frontend/senior.md': role('Senior Frontend Engineer', null),
      'backend/staff.md': sameAs('Staff Backend Engineer', 'Senior'),
      'frontend/staff.md': sameAs('Staff Frontend Engineer', 'Senior'),
    });
    const survey = await surveyLadder(root);
    expect(survey.parents.map((p) => `${p.file} ${p.kind} ${p.candidates[0]}`)).toEqual(['backend/staff.md ambiguous backend/senior', 'frontend/staff.md ambiguous frontend/senior']);
    expect(survey.config.aliases).toBeUndefined();
    expect(survey.unresolved.map((u) => u.file)).toEqual(['backend/staff.md', 'frontend/staff.md']);
  });
});
