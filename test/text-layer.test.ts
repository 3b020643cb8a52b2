import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectationKey } from '../src/text/expectation-key.js';
import { gitEnv, repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/**
 * The pipeline, lowest first: a folder may import from its own layer's folder, from any lower layer, and
 * from src/schema and src/errors.ts beside it. src/text, at the bottom, imports nothing else of src/.
 */
const LAYERS: Record<string, number> = {
  text: 0,
  write: 1,
  load: 1,
  graph: 2,
  ladder: 3,
  resolve: 3,
  adopt: 4,
  search: 4,
  diff: 4,
  health: 5,
  steps: 5,
  assess: 5,
  lint: 6,
  format: 7,
  commands: 7,
  terminal: 8,
  cli: 9,
};
/** Within one rank, the one direction that is allowed: a command calls its formatter. */
const SIDEWAYS = new Set(['commands→format']);
const BESIDE = new Set(['schema', 'errors']);

/** `[file's folder, imported folder]` for every relative import in src/ ("cli" and "errors" for the top files). */
function importsBetweenFolders(): { file: string; from: string; to: string }[] {
  const src = join(repoRoot, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const folderOf = (path: string) => path.split('/')[0]!.replace(/\.[jt]s$/, '');
  return files.flatMap((file) =>
    [...readFileSync(join(src, file), 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => ({
      file,
      from: folderOf(file),
      to: folderOf(relative(src, join(src, dirname(file), m[1]!))),
    })),
  );
}

describe('src/text, the vocabulary every layer shares', () => {
  it('imports nothing from the rest of src/, and every other import runs down the pipeline', () => {
    const imports = importsBetweenFolders();
    expect(imports.filter((i) => i.from === 'text' && i.to !== 'text')).toEqual([]);
    expect(imports.some((i) => i.to === 'text' && i.from === 'load')).toBe(true);
    const upward = imports.filter(({ from, to }) => {
      if (from === to || BESIDE.has(to)) return false;
      if (BESIDE.has(from)) return to !== 'text';
      return LAYERS[to]! > LAYERS[from]! || (LAYERS[to] === LAYERS[from] && !SIDEWAYS.has(`${from}→${to}`));
    });
    expect(upward).toEqual([]);
    // A folder missing from the list would pass unchecked: every one must have its place.
    const unplaced = [...new Set(imports.flatMap(({ from, to }) => [from, to]))].filter((folder) => !(folder in LAYERS) && !BESIDE.has(folder));
    expect(unplaced).toEqual([]);
  });

  it('keys an expectation by its words: case, accents, spacing and final punctuation aside', () => {
    const same = ['Ships small changes', 'ships  small\nchanges.', 'SHIPS small changes!', ' Ships small changes… '];
    expect(new Set(same.map(expectationKey))).toEqual(new Set(['ships small changes']));
    expect(expectationKey('Mentors the Sénior team.')).toBe(expectationKey('mentors the senior team'));
    expect(expectationKey('Ships small changes often.')).not.toBe(expectationKey('Ships small changes.'));
    // Inline Markdown stays part of the key: expectation ids hash it and are published in exports.
    expect(expectationKey('Ships **small** changes.')).not.toBe(expectationKey('Ships small changes.'));
    // Only final punctuation goes; inside the sentence it is part of the wording.
    expect(expectationKey('Ships, then tests.')).not.toBe(expectationKey('Ships then tests.'));
  });
});


/** A git repository holding `tree`, committed and tagged v1. */
function committed(tree: Record<string, string>): string {
  const dir = writeTree(tree);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'ladder');
  git('tag', 'v1');
  return dir;
}

async function expectationIds(dir: string): Promise<string[]> {
  const run = await runMain(['--no-cache', 'export', '--format', 'json', '--out', '-'], { cwd: dir, env: gitEnv });
  expect(run.code).toBe(0);
  const exported = JSON.parse(run.stdout) as { roles: { sections: { expectations: { id: string }[] }[] }[] };
  return exported.roles.flatMap((r) => r.sections.flatMap((s) => s.expectations.map((e) => e.id)));
}

describe('one expectation key for ids, changes, show --new and lint', () => {
  it('a final period added by lint --fix leaves every id as it was and changes reporting nothing', async () => {
    const dir = committed({
      'ladder/makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes', 'Tests their own work.'] }),
      'ladder/makers/senior.md': role('Senior Engineer', 'Engineer', { Delivery: ['Leads projects from design through launch'] }),
    });
    const before = await expectationIds(dir);
    const fixed = await runMain(['--no-cache', 'lint', '--fix'], { cwd: dir, env: gitEnv });
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(dir, 'ladder/makers/engineer.md'), 'utf8')).toContain('* Ships small changes.\n');
    expect(readFileSync(join(dir, 'ladder/makers/senior.md'), 'utf8')).toContain('* Leads projects from design through launch.\n');
    expect(await expectationIds(dir)).toEqual(before);
    const changes = await runMain(['--no-cache', 'changes', 'v1', '--json'], { cwd: dir, env: gitEnv });
    expect(JSON.parse(changes.stdout)).toMatchObject({ summary: { added: 0, removed: 0, reworded: 0, rolesChanged: 0 }, roles: [] });
    expect((await runMain(['--no-cache', 'changes', 'v1', '--exit-code'], { cwd: dir, env: gitEnv })).code).toBe(0);
  });

  it('still reports a changed word after the fix, so the key is not blind to rewording', async () => {
    const dir = committed({ 'ladder/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes'] }) });
    await runMain(['--no-cache', 'lint', '--fix'], { cwd: dir, env: gitEnv });
    const file = join(dir, 'ladder/engineer.md');
    execFileSync('sed', ['-i', 's/Ships small changes\\./Ships small changes daily./', file]);
    const run = await runMain(['--no-cache', 'changes', 'v1', '--exit-code', '--json'], { cwd: dir, env: gitEnv });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ reworded: 1, added: 0, removed: 0 });
  });

  it('show --new and lint take a bullet repeated from the parent, up to case and final period, as a repeat', async () => {
    const ladder = writeTree({
      'engineer.md': role('Engineer', null, { Delivery: ['Ships small changes.'] }),
      'senior.md': role('Senior Engineer', 'Engineer', { Delivery: ['ships small changes!', 'Leads projects.'] }),
    });
    const shown = await runMain(['--ladder', ladder, '--no-cache', 'show', 'senior', '--new', '--json']);
    expect(shown.code).toBe(0);
    const added = JSON.parse(shown.stdout);
    expect(added.summary).toEqual({ new: 1, evolved: 0, repeats: 1 });
    expect(added.sections[0].expectations.map((e: { text: string }) => e.text)).toEqual(['Leads projects.']);
    const lint = await runMain(['--ladder', ladder, '--no-cache', 'lint', '--format', 'json']);
    const messages = JSON.parse(lint.stdout).findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`);
    expect(messages).toEqual([expect.stringMatching(/^restates-inherited: Repeats "Ships small changes\." inherited from Engineer \(engineer\.md:8\)/)]);
  });
});
