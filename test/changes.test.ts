import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLadders } from '../src/diff/changes.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadderAtRevision } from '../src/load/git-revision.js';
import { loadLadder } from '../src/load/load-ladder.js';
import type { LadderChanges, RoleChanges } from '../src/schema/changes.js';
import { gitEnv, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';


/** A real git repository in a temp folder, the ladder in its `ladder/` folder, as a project would keep it. */
function repository(tree: Record<string, string>) {
  const dir = writeTree(tree);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  const path = (file: string) => join(dir, 'ladder', file);
  const repo = {
    dir,
    ladder: join(dir, 'ladder'),
    git,
    write(file: string, text: string) {
      mkdirSync(dirname(path(file)), { recursive: true });
      writeFileSync(path(file), text);
      return repo;
    },
    remove(file: string) {
      rmSync(path(file));
      return repo;
    },
    move(from: string, to: string) {
      mkdirSync(dirname(path(to)), { recursive: true });
      renameSync(path(from), path(to));
      return repo;
    },
    commit(message: string, tag?: string) {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      if (tag) git('tag', tag);
      return repo;
    },
  };
  return repo;
}

const base = {
  'ladder/makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes.', 'Tests their own work.'] }),
  'ladder/makers/senior.md': role('Senior Engineer', 'Engineer', {
    Delivery: ['Leads projects from design through launch.', 'Writes the project plan.'],
    Mentoring: ['Provides support and coaching to engineers.'],
  }),
  'ladder/makers/staff.md': role('Staff Engineer', 'Senior Engineer', { Delivery: ['Plans the quarterly roadmap.'] }),
  'ladder/managers/manager.md': role('Engineering Manager', 'Senior Engineer', { People: ['Holds one-on-ones.'] }),
};

/** The ladder at `older` compared with the ladder at `newer` (the working tree when not given). */
async function changesOf(repo: ReturnType<typeof repository>, older: string, newer?: string): Promise<LadderChanges> {
  const before = await loadLadderAtRevision(repo.ladder, older, { env: gitEnv });
  const after = newer ? (await loadLadderAtRevision(repo.ladder, newer, { env: gitEnv })).loaded : await loadLadder(repo.ladder);
  return compareLadders(
    { graph: buildGraph(before.loaded.roles), revision: older, commit: before.commit },
    { graph: buildGraph(after.roles), revision: newer ?? null, commit: null },
  );
}

const roleNamed = (changes: LadderChanges, id: string): RoleChanges => changes.roles.find((r) => r.id === id)!;

describe('loadLadderAtRevision', () => {
  it('reads the role files of the ladder folder as committed, with the on-disk rules for what is a role', async () => {
    const repo = repository({ ...base, 'ladder/README.md': '# Our ladder\n', 'ladder/.drafts/x.md': role('Draft', null), 'notes.md': role('Not in the ladder', null) });
    repo.commit('first');
    repo.write('makers/staff.md', role('Staff Engineer', 'Senior Engineer', { Delivery: ['Edited, not committed.'] }));
    const { loaded, commit } = await loadLadderAtRevision(repo.ladder, 'main', { env: gitEnv });
    expect(commit).toBe(repo.git('rev-parse', 'main').trim());
    expect(loaded.roles.map((r) => r.file)).toEqual((await loadLadder(repo.ladder)).roles.map((r) => r.file));
    expect(loaded.roles.map((r) => r.id)).toEqual(['engineer', 'senior', 'staff', 'manager']);
    // The committed text, not the edited file on disk.
    expect(loaded.roles.find((r) => r.id === 'staff')!.sections[0]!.expectations[0]!.text).toBe('Plans the quarterly roadmap.');
  });

  it('fails with one line naming what is wrong: no repository, unknown revision, no ladder folder at the revision', async () => {
    const plain = writeTree({ 'ladder/makers/engineer.md': role('Engineer', null) });
    await expect(loadLadderAtRevision(join(plain, 'ladder'), 'main', { env: gitEnv })).rejects.toThrow(`not a git repository: ${join(plain, 'ladder')}`);
    const repo = repository({ 'README.md': 'A project.\n' }).commit('before the ladder', 'v0');
    repo.write('makers/engineer.md', role('Engineer', null)).commit('add the ladder');
    await expect(loadLadderAtRevision(repo.ladder, 'v9', { env: gitEnv })).rejects.toThrow('unknown revision "v9"');
    await expect(loadLadderAtRevision(repo.ladder, '--output=x', { env: gitEnv })).rejects.toThrow('unknown revision "--output=x"');
    await expect(loadLadderAtRevision(repo.ladder, 'v0', { env: gitEnv })).rejects.toThrow('ladder folder ladder/ does not exist at v0');
  });
});

describe('compareLadders', () => {
  it('reports an edit once, in the role it is written in, with every role it reaches through inheritance', async () => {
    const repo = repository(base).commit('first', 'v1');
    repo.write(
      'makers/senior.md',
      role('Senior Engineer', 'Engineer', {
        Delivery: ['Leads projects from design through launch.', 'Runs the incident review.'],
        Mentoring: ['Provides clear expectations, support, and coaching to engineers.'],
      }),
    );
    const changes = await changesOf(repo, 'v1');
    expect(changes.roles.map((r) => `${r.status}:${r.id}`)).toEqual(['changed:senior']);
    const reaches = ['senior', 'staff', 'manager'];
    expect(roleNamed(changes, 'senior').sections).toEqual([
      {
        title: 'Delivery',
        added: [{ text: 'Runs the incident review.', file: 'makers/senior.md', line: 10, reaches }],
        removed: [{ text: 'Writes the project plan.', file: 'makers/senior.md', line: 10, reaches }],
        reworded: [],
      },
      {
        title: 'Mentoring',
        added: [],
        removed: [],
        reworded: [
          expect.objectContaining({
            from: { text: 'Provides support and coaching to engineers.', file: 'makers/senior.md', line: 13 },
            to: { text: 'Provides clear expectations, support, and coaching to engineers.', file: 'makers/senior.md', line: 13 },
            reaches,
          }),
        ],
      },
    ]);
    const reworded = roleNamed(changes, 'senior').sections[1]!.reworded[0]!;
    expect(reworded.changes.filter((c) => c.added).map((c) => c.value.trim())).toEqual(['clear expectations,', ',']);
    expect(changes.summary).toEqual({ rolesAdded: 0, rolesRemoved: 0, rolesRenamed: 0, rolesChanged: 1, added: 1, removed: 1, reworded: 1, reached: 3 });
  });

  it('a parent change and the level it brings; a removed expectation reaches the roles that inherited it before', async () => {
    const repo = repository(base).commit('first', 'v1');
    repo.write('makers/staff.md', role('Staff Engineer', 'Engineer', { Delivery: ['Plans the quarterly roadmap.'] }));
    repo.write('makers/senior.md', role('Senior Engineer', 'Engineer', { Delivery: ['Leads projects from design through launch.', 'Writes the project plan.'] }));
    repo.commit('staff reports to engineer', 'v2');
    const changes = await changesOf(repo, 'v1', 'v2');
    const staff = roleNamed(changes, 'staff');
    expect(staff.status).toBe('changed');
    expect(staff.parent).toEqual({ from: { id: 'senior', title: 'Senior Engineer' }, to: { id: 'engineer', title: 'Engineer' }, reaches: ['staff'] });
    expect(staff.level).toEqual({ from: 3, to: 2 });
    expect(staff.sections).toEqual([]);
    // At v1 Staff inherited Senior's mentoring; at v2 it no longer does, but the removal reached it then.
    expect(roleNamed(changes, 'senior').sections[0]!.removed).toEqual([
      { text: 'Provides support and coaching to engineers.', file: 'makers/senior.md', line: 13, reaches: ['senior', 'staff', 'manager'] },
    ]);
  });

  it('roles added, removed, and renamed by a new title, a moved file (same id) or a new file name (same title)', async () => {
    const repo = repository(base).commit('first', 'v1');
    repo.write('managers/director.md', role('Engineering Director', 'Engineering Manager', { People: ['Grows managers.'] }));
    repo.remove('makers/staff.md');
    repo.move('makers/senior.md', 'makers/senior-engineer.md');
    repo.move('managers/manager.md', 'people/manager.md');
    repo.write('makers/engineer.md', role('Software Engineer', null, { Delivery: ['Ships small changes.', 'Tests their own work.'] }));
    repo.write('makers/senior-engineer.md', role('Senior Engineer', 'Software Engineer', {
      Delivery: ['Leads projects from design through launch.', 'Writes the project plan.'],
      Mentoring: ['Provides support and coaching to engineers.'],
    }));
    repo.commit('reorganise', 'v2');
    const changes = await changesOf(repo, 'v1', 'v2');
    expect(changes.roles.map((r) => ({ status: r.status, id: r.id, renamed: r.renamed, track: r.track }))).toEqual([
      { status: 'renamed', id: 'engineer', renamed: { title: { from: 'Engineer', to: 'Software Engineer' } }, track: undefined },
      { status: 'renamed', id: 'senior-engineer', renamed: { id: { from: 'senior', to: 'senior-engineer' }, file: { from: 'makers/senior.md', to: 'makers/senior-engineer.md' } }, track: undefined },
      { status: 'added', id: 'director', renamed: undefined, track: undefined },
      { status: 'renamed', id: 'manager', renamed: { file: { from: 'managers/manager.md', to: 'people/manager.md' } }, track: { from: 'managers', to: 'people' } },
      { status: 'removed', id: 'staff', renamed: undefined, track: undefined },
    ]);
    // Senior's parent was renamed, not replaced: no parent change, and its unchanged bullets are not reported.
    expect(roleNamed(changes, 'senior-engineer').parent).toBeUndefined();
    expect(roleNamed(changes, 'senior-engineer').sections).toEqual([]);
    expect(roleNamed(changes, 'director').sections).toEqual([
      { title: 'People', added: [{ text: 'Grows managers.', file: 'managers/director.md', line: 9, reaches: ['director'] }], removed: [], reworded: [] },
    ]);
    expect(roleNamed(changes, 'staff').sections[0]!.removed.map((e) => e.text)).toEqual(['Plans the quarterly roadmap.']);
    expect(changes.summary).toMatchObject({ rolesAdded: 1, rolesRemoved: 1, rolesRenamed: 3, rolesChanged: 3 });
  });

  it('nothing changed: no roles', async () => {
    const repo = repository(base).commit('first', 'v1');
    repo.write('makers/notes.txt', 'not a role\n').commit('notes', 'v2');
    expect((await changesOf(repo, 'v1', 'v2')).roles).toEqual([]);
  });
});

describe('ladder changes (end to end)', () => {
  /** v1, then a commit rewording Senior's mentoring bullet, then an uncommitted new Staff bullet. */
  function edited() {
    const repo = repository(base).commit('first', 'v1');
    repo.write('makers/senior.md', base['ladder/makers/senior.md'].replace('Provides support', 'Provides clear expectations, support,')).commit('sharpen', 'v2');
    repo.write('makers/staff.md', role('Staff Engineer', 'Senior Engineer', { Delivery: ['Plans the quarterly roadmap.', 'Writes runbooks for on-call.'] }));
    return repo;
  }

  it('working tree against a revision, in the terminal view, touching neither the work tree nor the index', async () => {
    const repo = edited();
    const status = repo.git('status', '--porcelain');
    const index = readFileSync(join(repo.dir, '.git', 'index'));
    const files = readdirSync(repo.ladder, { recursive: true });
    const run = await runMain(['changes', 'v1'], { cwd: repo.dir, env: gitEnv });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('v1 (');
    expect(run.stdout).toContain('→ working tree\n');
    expect(run.stdout).toContain('    ~ Provides {+clear expectations,+} support{+,+} and coaching to engineers. makers/senior.md:13\n');
    expect(run.stdout).toContain('      reaches 3 roles: senior, staff, manager\n');
    expect(run.stdout).toContain('    + Writes runbooks for on-call. makers/staff.md:10\n');
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(readFileSync(join(repo.dir, '.git', 'index'))).toEqual(index);
    expect(readdirSync(repo.ladder, { recursive: true })).toEqual(files);
  });

  it('two revisions as JSON that matches schemas/changes.schema.json', async () => {
    const repo = edited();
    const run = await runMain(['changes', 'v1', 'v2', '--json'], { cwd: repo.dir, env: gitEnv });
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as LadderChanges;
    expect(validateAgainst('changes.schema.json', data)).toEqual([]);
    expect(data.from).toEqual({ revision: 'v1', commit: repo.git('rev-parse', 'v1').trim() });
    expect(data.to.revision).toBe('v2');
    // The uncommitted Staff bullet is not part of v2.
    expect(data.roles.map((r) => r.id)).toEqual(['senior']);
  });

  it('--format markdown: a pull-request comment with the word diff and the roles reached', async () => {
    const run = await runMain(['changes', 'v1', '--format', 'markdown'], { cwd: edited().dir, env: gitEnv });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## Ladder changes: `v1 \([0-9a-f]{7}\)` → `working tree`\n/);
    expect(run.stdout).toContain('### Senior Engineer\n');
    expect(run.stdout).toContain('- **Reworded:** Provides <ins>clear expectations,</ins> support<ins>,</ins> and coaching to engineers.');
    expect(run.stdout).toContain('  <sub>reaches 3 roles: senior, staff, manager</sub>');
    expect(run.stdout).toContain('- **Added:** Writes runbooks for on-call.');
  });

  it('--exit-code exits 1 when anything changed and 0 when nothing did', async () => {
    const repo = edited();
    expect((await runMain(['changes', 'v1', '--exit-code'], { cwd: repo.dir, env: gitEnv })).code).toBe(1);
    const same = await runMain(['changes', 'v2', 'v2', '--exit-code'], { cwd: repo.dir, env: gitEnv });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('\nNo changes.\n');
    expect((await runMain(['changes', 'v1'], { cwd: repo.dir, env: gitEnv })).code).toBe(0);
  });

  it('exit 2 with one line: not a git repository, unknown revision, ladder folder missing at a revision', async () => {
    const plain = writeTree({ 'ladder/makers/engineer.md': role('Engineer', null) });
    const cases: [string[], string, string][] = [
      [['changes', 'main'], plain, `error: not a git repository: ${join(plain, 'ladder')}\n`],
      [['changes', 'v9'], edited().dir, 'error: unknown revision "v9"; name a branch, tag or commit of this repository\n'],
    ];
    const late = repository({ 'README.md': 'A project.\n' }).commit('before the ladder', 'v0');
    late.write('makers/engineer.md', role('Engineer', null)).commit('add the ladder');
    cases.push([['changes', 'v0', 'main'], late.dir, 'error: ladder folder ladder/ does not exist at v0; compare with a revision that has it\n']);
    for (const [args, cwd, stderr] of cases) {
      const run = await runMain(args, { cwd, env: gitEnv });
      expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual({ code: 2, stderr, stdout: '' });
    }
    expect(existsSync(join(plain, '.git'))).toBe(false);
  });
});
