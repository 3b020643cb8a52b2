import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLadder, isToolCheckout, looksLikeRole } from '../src/load/locate.js';
import { gitEnv, repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, in `cwd`, with only the environment given (no cache, no LADDER_DIR). */
function ladder(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return runMain(args, { cwd, env });
}

const roleIds = (run: Run) => (JSON.parse(run.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id).sort();

/**
 * A ladder repository as users keep one: the tracks at its top, no ladder.yaml, and beside the roles a
 * README, a docs folder (one page with a title and list items, as docs pages have) and images. The titles
 * differ from the bundled example's, so reading the example instead would show.
 */
function ladderRepository(): string {
  return writeTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'README.md': '# Our career ladder\n\nSee [the makers](makers/) and [the managers](managers/).\n',
    'docs/how-to-promote.md': '# How promotions work\n\n## Steps\n\n* Write a packet.\n* Meet the panel.\n',
    'images/chart.png': 'not really a png',
    'makers/developer.md': role('Developer', null, { Craft: ['Ships tested changes.'] }),
    'makers/senior-developer.md': role('Senior Developer', 'Developer', { Craft: ['Designs components.'] }),
    'managers/team-lead.md': role('Team Lead', 'Senior Developer', { People: ['Runs one-on-ones.'] }),
    'managers/vp-engineering.md': role('VP, Engineering', 'Team Lead', { People: ['Grows the leaders.'] }),
  });
}

const ourRoles = ['developer', 'senior-developer', 'team-lead', 'vp-engineering'];

describe('finding the ladder without flags', () => {
  it('reads the whole ladder of a repository from its top, a track folder or a docs folder, never the example', async () => {
    const repo = ladderRepository();
    for (const cwd of [repo, join(repo, 'managers'), join(repo, 'docs'), join(repo, 'images')]) {
      const run = await ladder(['list', '--json'], cwd);
      expect({ cwd, code: run.code, stderr: run.stderr }).toEqual({ cwd, code: 0, stderr: '' });
      expect(roleIds(run)).toEqual(ourRoles);
    }
    const senior = await ladder(['show', 'senior'], join(repo, 'managers'));
    expect(senior.stdout).toMatch(/^Senior Developer\nsenior-developer · track makers · level 2 · makers\/senior-developer\.md\n/);
  });

  it('lints that ladder, and a role file named from the top of the repository', async () => {
    const repo = ladderRepository();
    expect(await ladder(['lint'], repo)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await ladder(['lint', 'managers/vp-engineering.md'], repo)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('changes compares that ladder between revisions, a docs page being no role', async () => {
    const repo = ladderRepository();
    rmSync(join(repo, '.git'), { recursive: true });
    const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: repo, env: gitEnv }).status).toBe(0);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'ladder');
    writeFileSync(join(repo, 'docs', 'how-to-promote.md'), '# How promotions work\n\n## Steps\n\n* Write a packet.\n* Ask for a panel.\n');
    writeFileSync(join(repo, 'makers', 'developer.md'), role('Developer', null, { Craft: ['Ships tested changes.', 'Reviews code.'] }));
    const run = await ladder(['changes', 'main', '--json'], join(repo, 'managers'), gitEnv);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('"developer"');
    expect(run.stdout).not.toContain('how-to-promote');
  });

  it('finds the ladder of `lint <file>` from the file\'s folder, and passes over a docs page with a note', async () => {
    const repo = ladderRepository();
    const elsewhere = mkdtempSync(join(tmpdir(), 'ladder-elsewhere-'));
    const files = [join(repo, 'docs', 'how-to-promote.md'), join(repo, 'makers', 'senior-developer.md')];
    const run = await ladder(['lint', '--json', ...files], elsewhere);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`warning: ${files[0]}: not part of the ladder at ${repo}; passed over\n`);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    // Only the docs page: nothing to lint, and no failure for a commit that touches only docs.
    expect(await ladder(['lint', files[0]!], elsewhere)).toMatchObject({ code: 0, stdout: '' });
  });

  it('knows this very checkout for a clone of the tool, so show from its top says it reads the example', async () => {
    // The test above names the package as package.json does: a rename must not make a clone a ladder.
    expect(isToolCheckout(repoRoot)).toBe(true);
    const run = await ladder(['show', 'vp-engineering'], repoRoot);
    expect(run.stderr).toBe(`warning: no ladder found from ${resolve(repoRoot)}; showing the example ladder bundled with ladder — give --ladder <dir>\n`);
  });

  it('takes a ladder/ folder of role files, but never a clone of this tool beside the current folder', async () => {
    const work = writeTree({
      'ladder/package.json': JSON.stringify({ name: 'career-ladder', bin: { ladder: 'bin/ladder.js' } }),
      'ladder/ladder/makers/engineer.md': role('Engineer', null),
      'ladder/test/fixtures/a/senior.md': role('Fixture Senior', 'Fixture Engineer'),
      'notes.md': 'Shopping list\n',
    });
    expect(findLadder(work)).toBeNull();
    const list = await ladder(['list', '--json'], work);
    expect(list.stderr).toBe(`warning: no ladder found from ${work}; showing the example ladder bundled with ladder — give --ladder <dir>\n`);
    expect(roleIds(list)).not.toContain('senior');
    // Inside the clone, a fixture folder is a ladder of its own, not widened to every fixture.
    mkdirSync(join(work, 'ladder', '.git'));
    mkdirSync(join(work, 'ladder', 'test', 'fixtures', 'b'));
    writeFileSync(join(work, 'ladder', 'test', 'fixtures', 'b', 'lead.md'), role('Lead', null));
    expect(findLadder(join(work, 'ladder', 'test', 'fixtures', 'a'))).toBe(join(work, 'ladder', 'test', 'fixtures', 'a'));
    const own = writeTree({ 'ladder/makers/engineer.md': role('Engineer', null), 'src/index.ts': '' });
    expect(findLadder(own)).toBe(join(own, 'ladder'));
  });

  it('in a repository whose ladder is kept a folder down (career/<track>/), finds it from the top and from docs/', async () => {
    const repo = writeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'README.md': '# Handbook\n\n![logo](images/logo.png)\n',
      'docs/guide.md': '# Guide\n\nRead it.\n',
      'images/logo.png': 'not really a png',
      'career/makers/developer.md': role('Developer', null),
      'career/managers/team-lead.md': role('Team Lead', 'Developer'),
    });
    for (const cwd of [repo, join(repo, 'docs')]) {
      const run = await ladder(['list', '--json'], cwd);
      expect(run.stderr).toBe('');
      expect(roleIds(run)).toEqual(['developer', 'team-lead']);
    }
    expect((await ladder(['lint'], repo)).code).toBe(0);
  });

  it('with two such folders, says it cannot tell which to read instead of choosing one or the example', async () => {
    const repo = writeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'career/makers/developer.md': role('Developer', null),
      'archive/2019/developer.md': role('Developer', null),
    });
    for (const args of [['show', 'developer'], ['lint']]) {
      const run = await ladder(args, repo);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`error: cannot tell which ladder to read from ${repo}: ${join(repo, 'archive')}/, ${join(repo, 'career')}/ each hold role files; give --ladder <dir> or set LADDER_DIR\n`);
    }
  });

  it('outside a repository, looks only at the current folder, not at unrelated folders beside it', async () => {
    const parent = writeTree({ 'team-a/engineer.md': role('Engineer', null), 'team-b/notes.txt': '' });
    expect(findLadder(join(parent, 'team-a'))).toBe(join(parent, 'team-a'));
    expect(findLadder(join(parent, 'team-b'))).toBeNull();
  });

  it('leaves out top folders without role files, with --ladder too, but reads roles kept a few folders down', async () => {
    const repo = ladderRepository();
    expect(roleIds(await ladder(['--ladder', repo, 'list', '--json'], repo))).toEqual(ourRoles);
    const deep = writeTree({
      'handbook/career/makers/engineer.md': role('Engineer', null),
      'handbook/career/makers/senior.md': role('Senior', 'Engineer'),
      'docs/guide.md': '# Guide\n\n### Steps\n\nRead it.\n',
    });
    expect(roleIds(await ladder(['--ladder', deep, 'list', '--json'], deep))).toEqual(['engineer', 'senior']);
  });

  it('init proposes ignoring the docs folder, so the ladder.yaml it writes keeps docs pages out', async () => {
    const repo = ladderRepository();
    const proposal = await ladder(['init'], repo);
    expect(proposal.code).toBe(0);
    expect(proposal.stdout).toContain('4 roles in 2 tracks (makers, managers)');
    expect(proposal.stdout).toContain('- "docs/**"  # a folder of Markdown with no role files');
    expect(proposal.stdout).not.toContain('images');
    expect(proposal.stdout).not.toContain('Nothing to configure');
    expect((await ladder(['init', '--write'], repo)).code).toBe(0);
    expect(roleIds(await ladder(['list', '--json'], repo))).toEqual(ourRoles);
  });

  it('finds level files without parent lines in a folder by the section headings they share, not a lone docs page', async () => {
    const level = (title: string, item: string) => `# ${title}\n\n## Impact\n\n- ${item}\n\n## Craft\n\n- Writes clear code.\n`;
    const repo = writeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'levels/L1.md': level('Engineer I', 'Finishes scoped tasks.'),
      'levels/L2.md': level('Engineer II', 'Owns a feature end to end.'),
      'docs/how-to-promote.md': '# How promotions work\n\n## Steps\n\n* Write a packet.\n',
    });
    const listed = await ladder(['list', '--json'], join(repo, 'docs'));
    expect(listed.stderr).toBe('');
    expect(roleIds(listed)).toEqual(['L1', 'L2']);
    const proposal = await ladder(['init'], repo);
    expect(proposal.stdout).toContain('- "docs/**"');
    expect(proposal.stdout).not.toContain('levels/**');
  });

  it('counts as a role a file with a title and a parent line or a section of list items, not a docs page', () => {
    expect(looksLikeRole('Senior\n======\n*Same as Engineer, plus:*\n')).toBe(true);
    expect(looksLikeRole('# Staff\n\nBuilds on [Senior](senior.md).\n')).toBe(true);
    expect(looksLikeRole('# Guide\n\nEverything here is the same as last year.\n')).toBe(false);
    expect(looksLikeRole('Staff\n-----\n(Inherits the role expectations of a Senior)\n')).toBe(true);
    expect(looksLikeRole('# Engineer\n\n### Craft\n\n* Writes code.\n')).toBe(true);
    expect(looksLikeRole('# Setup\n\n## Steps\n\n1. Install.\n')).toBe(false);
    expect(looksLikeRole('### Craft\n* Writes code.\n')).toBe(false);
  });
});

describe('the bundled example', () => {
  const empty = () => mkdtempSync(join(tmpdir(), 'ladder-empty-'));

  it('stands in for a missing ladder only with a note, and --example asks for it without one', async () => {
    const cwd = empty();
    const list = await ladder(['list', '--json'], cwd);
    expect(list.code).toBe(0);
    expect(list.stderr).toBe(`warning: no ladder found from ${cwd}; showing the example ladder bundled with ladder — give --ladder <dir>\n`);
    expect(roleIds(list)).toHaveLength(7);
    const unknown = await ladder(['show', 'wizard'], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown role "wizard"; .*; looked in the example ladder bundled with ladder, as no ladder was found from .* — give --ladder <dir>\n$/);
    expect(await ladder(['--example', 'list', '--json'], cwd)).toMatchObject({ code: 0, stderr: '' });
    const both = await ladder(['--example', '--ladder', cwd, 'list'], cwd);
    expect(both).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: option '--example' cannot be used with option '-l, --ladder <dir>'/) });
  });

  it('is never what lint, health, changes or init judge: they exit 2 saying no ladder was found', async () => {
    const cwd = empty();
    for (const args of [['lint'], ['health'], ['changes', 'HEAD'], ['lint', 'x.md']]) {
      const run = await ladder(args, cwd);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toBe(`error: no ladder found from ${cwd} (no ladder.yaml above it, no role files around it); run it inside your ladder, give --ladder <dir> or set LADDER_DIR\n`);
    }
    const init = await ladder(['init'], cwd);
    expect(init.code).toBe(2);
    expect(init.stderr).toBe(`error: ${cwd}: no ladder found here, no role files (Markdown files with a title); give the ladder folder with --dir\n`);
    expect((await ladder(['--example', 'init'], cwd)).code).toBe(2);
  });
});

describe('a ladder named by --ladder or LADDER_DIR that is not one', () => {
  const missing = join(tmpdir(), 'ladder-no-such-folder', 'typo');

  it('exits 2 with one line naming the folder, for every command that reads the ladder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ladder-cwd-'));
    const commands = [['list'], ['show', 'vp'], ['export', '--format', 'json', '--out', '-'], ['health'], ['graph'], ['search', 'code'], ['lint'], ['diff', 'a', 'b']];
    for (const args of commands) {
      const flag = await ladder(['--ladder', missing, ...args], cwd);
      expect({ args, ...flag }).toEqual({ args, code: 2, stdout: '', stderr: `error: ${missing}: ladder folder not found (from --ladder); give the folder that holds your role files\n` });
      const env = await ladder(args, cwd, { LADDER_DIR: missing });
      expect({ args, ...env }).toEqual({ args, code: 2, stdout: '', stderr: `error: ${missing}: ladder folder not found (from LADDER_DIR); give the folder that holds your role files\n` });
    }
  });

  it('exits 2 for a file, and for a folder with no role files (empty, or only a README)', async () => {
    const tree = writeTree({ 'file.md': role('Engineer', null), 'readme-only/README.md': '# Hi\n' });
    const file = join(tree, 'file.md');
    expect(await ladder(['--ladder', file, 'list'], tree)).toEqual({
      code: 2, stdout: '', stderr: `error: ${file}: is a file, not a folder (from --ladder); give the folder that holds your role files\n`,
    });
    const empty = join(tree, 'empty');
    mkdirSync(empty);
    for (const folder of [empty, join(tree, 'readme-only')]) {
      for (const args of [['lint'], ['list']]) {
        expect(await ladder(['--ladder', folder, ...args], tree)).toEqual({
          code: 2, stdout: '', stderr: `error: ${folder}: no role files in this folder (Markdown files with a title); give --ladder the folder that holds your roles\n`,
        });
      }
    }
  });

  it.runIf(existsSync('/proc/self'))('exits 2 with one line for a folder that changes while it is read (/proc)', async () => {
    const run = await ladder(['--ladder', '/proc', 'list'], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: \/proc: /);
    expect(run.stderr).not.toMatch(/unexpected failure/);
  });
});

describe('files the ladder skipped', () => {
  /** Alpha is not UTF-8, Beta is over the size limit; Engineer reads fine. */
  function ladderWithSkippedFiles(): string {
    const alpha = Buffer.concat([Buffer.from(role('Alpha', 'Engineer')), Buffer.from([0xff, 0xfe])]);
    return writeTree({ 'engineer.md': role('Engineer', null), 'alpha.md': alpha, 'beta.md': role('Beta', 'Engineer', { Craft: ['x'.repeat(70 * 1024)] }) });
  }

  it('show and diff say that an unknown role may be in a skipped file, naming it and why', async () => {
    const root = ladderWithSkippedFiles();
    const show = await ladder(['--ladder', root, 'show', 'alpha'], root);
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(/^error: unknown role "alpha"; .*; alpha\.md was skipped: not UTF-8 text \(invalid byte at offset \d+\); save the file as UTF-8; beta\.md was skipped: file is \d+ KB; .*\n$/);
    const diff = await ladder(['--ladder', root, 'diff', 'engineer', 'beta'], root);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toMatch(/^error: unknown role "beta"; .*; beta\.md was skipped: file is \d+ KB; role files over 64 KB are not read.*; alpha\.md was skipped: not UTF-8/);
  });

  it('names a file that could not be read at all (a broken link) when the role is not found', async () => {
    const root = writeTree({ 'engineer.md': role('Engineer', null) });
    symlinkSync(join(root, 'gone.md'), join(root, 'gamma.md'));
    const show = await ladder(['--ladder', root, 'show', 'gamma'], root);
    expect(show).toMatchObject({ code: 2, stdout: '' });
    expect(show.stderr).toMatch(/^error: unknown role "gamma"; .*; gamma\.md was skipped: broken or looping symbolic link\n$/);
  });

  it('every command that reads the ladder warns about them', async () => {
    const root = ladderWithSkippedFiles();
    for (const args of [['show', 'engineer'], ['list'], ['graph'], ['search', 'engineer'], ['export', '--format', 'json', '--out', '-']]) {
      const run = await ladder(['--ladder', root, ...args], root);
      expect({ args, code: run.code }).toEqual({ args, code: 0 });
      expect(run.stderr).toMatch(/^warning: alpha\.md:\d+: not UTF-8 text/m);
      expect(run.stderr).toMatch(/^warning: beta\.md:1: file is \d+ KB/m);
    }
  });
});

describe('a static-site ladder kept under content/', () => {
  /** Hugo pages: the title in front matter, `##` sections, no parent lines, ordered by the number in the name. */
  const page = (title: string, weight: number) => `---\ntitle: "${title}"\nweight: ${weight}\ndraft: false\n---\n\n## Technical skills\n\n- Writes code for step ${weight}.\n`;
  const repo = () =>
    writeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'README.md': '# Acme levels\n\nSee content/ladder.\n',
      'content/ladder/_index.md': '---\ntitle: "Engineering levels"\n---\nHow our levels work.\n',
      'content/ladder/level-1.md': page('Associate Engineer', 1),
      'content/ladder/level-2.md': page('Engineer', 2),
    });

  it('counts a page titled in front matter with sections of list items as a role file', () => {
    expect(looksLikeRole('---\ntitle: "Engineer"\n---\n\n### Craft\n\n* Writes code.\n')).toBe(true);
    expect(looksLikeRole('---\ntitle: "Setup"\n---\n\n## Steps\n\n1. Install.\n')).toBe(false);
  });

  it('is found from the folder that holds the level pages, with no flags', async () => {
    const root = repo();
    const listed = await ladder(['list', '--json'], join(root, 'content', 'ladder'));
    expect(listed.code).toBe(0);
    expect(roleIds(listed)).toEqual(['_index', 'level-1', 'level-2']);
  });

  it('is surveyed by init without taking the folder name "ladder" for an overview page', async () => {
    const root = repo();
    const proposal = await ladder(['init', '--json'], root);
    const survey = JSON.parse(proposal.stdout) as { roles: { id: string; inherits: string | null }[]; notRoles: { file: string }[] };
    expect(survey.notRoles.map((n) => n.file)).toEqual(['content/ladder/_index.md']);
    expect(survey.roles.map((r) => [r.id, r.inherits])).toEqual([['level-1', null], ['level-2', 'level-1']]);
  });
});

describe('init never calls a ladder with no structure settled', () => {
  const section = '### Craft\n\n* Writes code.\n';
  it('says so when no file is read as a role', async () => {
    const root = writeTree({ 'career-paths.md': `# Career paths\n\n${section}`, 'tracks.md': `# Tracks\n\n${section}` });
    const proposal = await ladder(['init'], root);
    expect(proposal.stdout).toContain('With the proposed ladder.yaml, no file is read as a role');
    expect(proposal.stdout).not.toContain('every role resolves');
  });

  it('says so when no role inherits from another', async () => {
    const root = writeTree({ 'backend.md': `# Backend Engineer\n\n${section}`, 'frontend.md': `# Frontend Engineer\n\n${section}` });
    const proposal = await ladder(['init'], root);
    expect(proposal.stdout).toContain('As it is, no role inherits from another: each is read on its own.');
    expect(proposal.stdout).not.toContain('Every role resolves');
  });
});
