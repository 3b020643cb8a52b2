import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/** A ladder whose Principal names its parent loosely ("Senior"), so init proposes an alias for it. */
const loose = () =>
  writeTree({
    'career ladder/engineer.md': role('Engineer', null),
    'career ladder/senior-engineer.md': role('Senior Engineer', 'Engineer'),
    'career ladder/principal-engineer.md': role('Principal Engineer', 'Senior'),
  });

describe('ladder init', () => {
  it('advises the command that writes the proposal, with the flags that chose the folder', async () => {
    const repo = loose();
    const viaLadder = await runMain(['--ladder', 'career ladder', 'init'], { cwd: repo });
    expect(viaLadder.code).toBe(0);
    expect(viaLadder.stdout.trimEnd().split('\n').at(-1)).toBe(`Run "ladder --ladder 'career ladder' init --write" to write it.`);
    const viaDir = await runMain(['init', '--dir', 'career ladder'], { cwd: repo });
    expect(viaDir.stdout.trimEnd().split('\n').at(-1)).toBe(`Run "ladder init --dir 'career ladder' --write" to write it.`);
  });

  it('says in one line that --dir names a file, not a folder', async () => {
    const repo = loose();
    const run = await runMain(['init', '--dir', 'career ladder/engineer.md'], { cwd: repo });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `error: ${join(repo, 'career ladder', 'engineer.md')}: is a file, not a folder; give --dir the folder that holds your role files\n` });
  });

  it('points the proposal at the JSON Schema this installation ships, in the modeline yaml-language-server reads', async () => {
    const repo = loose();
    const run = await runMain(['init', '--dir', 'career ladder'], { cwd: repo });
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(run.stdout);
    expect(modeline).not.toBeNull();
    // Relative to the ladder folder, where ladder.yaml is written, as the editor resolves it.
    const schema = resolve(repo, 'career ladder', modeline![1]!);
    expect(schema).toBe(join(repoRoot, 'schemas', 'ladder-config.schema.json'));
    expect(existsSync(schema)).toBe(true);
  });
});

describe('ladder show', () => {
  it('refuses a name with no letters or digits as a usage error, instead of listing every role as ambiguous', async () => {
    const run = await runMain(['--example', 'show', '!!!']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: role name "!!!" is empty or has no letters or digits; give a role\'s id or title (run "ladder list" to see them)\n');
    expect(run.stderr).not.toMatch(/ambiguous/);
  });

  it('takes one value per -s, repeated, so a role after it stays the role', async () => {
    const run = await runMain(['--example', 'show', '-s', 'craft', 'staff', '--json']);
    expect(run.code).toBe(0);
    const role = JSON.parse(run.stdout) as { id: string; sections: { title: string }[] };
    expect([role.id, role.sections.map((section) => section.title)]).toEqual(['staff-engineer', ['Craft']]);
    const two = JSON.parse((await runMain(['--example', 'show', 'staff', '-s', 'craft', '-s', 'delivery', '--json'])).stdout) as typeof role;
    expect(two.sections.map((section) => section.title).sort()).toEqual(['Craft', 'Delivery']);
  });
});

describe('scripts/build.js', () => {
  it('builds from a checkout whose path holds a space', () => {
    // Below node_modules, so the build still finds esbuild; src/ is the real one, linked.
    const spaced = mkdtempSync(join(repoRoot, 'node_modules', '.cache', 'ladder build '));
    onTestFinished(() => rmSync(spaced, { recursive: true, force: true }));
    const checkout = join(spaced, 'a checkout');
    mkdirSync(join(checkout, 'scripts'), { recursive: true });
    cpSync(join(repoRoot, 'scripts', 'build.js'), join(checkout, 'scripts', 'build.js'));
    symlinkSync(join(repoRoot, 'src'), join(checkout, 'src'));
    const run = spawnSync(process.execPath, [join(checkout, 'scripts', 'build.js')], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(readFileSync(join(checkout, 'dist', 'cli.js'), 'utf8')).toContain('ladder');
    expect(existsSync(join(dirname(checkout), 'dist'))).toBe(false);
  });
});

describe('the README', () => {
  it('ties Markdown to --format markdown, not to redirecting the output', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).not.toContain('(or `> promo-prep.md`)');
    expect(readme).toContain('`--format markdown` writes a checklist');
  });
});
