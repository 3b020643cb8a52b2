import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledLadder, fixture, repoRoot, role, runCli, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;

describe('ladder', () => {
  it('shows the bundled VP with own and inherited expectations marked', async () => {
    const run = await runMain(['--example', 'show', 'vp-engineering']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^VP, Engineering\n/);
    expect(run.stdout).toContain('Inherits: Engineering Director → Engineering Manager → Senior Engineer → Engineer');
    expect(run.stdout).toContain('  ● Provides clear expectations, support, and coaching to engineering leaders.\n');
    expect(run.stdout).toContain('  ○ Provides support and coaching to engineering managers. (Engineering Director)\n');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('finds the command after the global options, even a value that is a command name', async () => {
    // Only the command run is defined: a folder named like a command must still be read as the folder.
    const root = writeTree({ 'list/engineer.md': role('Engineer', null), 'list/senior.md': role('Senior', 'Engineer') });
    const run = await runMain(['--no-cache', '--ladder', 'list', 'show', 'senior'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Senior\n/);
    const equals = await runMain(['--ladder=list', '--no-color', 'list', '--json'], { cwd: root });
    expect(JSON.parse(equals.stdout).roles.map((r: { id: string }) => r.id)).toEqual(['engineer', 'senior']);
    // An unknown word still meets every command: the suggestion names the closest.
    expect((await runMain(['--no-cache', 'lsit'])).stderr).toContain('(Did you mean list?)');
  });

  it('prints the documented JSON shape, with --own and --section filters', async () => {
    const run = await runMain(['show', 'director', '--json']);
    expect(run.code).toBe(0);
    const role = JSON.parse(run.stdout);
    expect(Object.keys(role)).toEqual(expect.arrayContaining(['id', 'title', 'track', 'level', 'inherits', 'chain', 'description', 'file', 'sections']));
    expect(role).toMatchObject({ id: 'engineering-director', inherits: 'engineering-manager', level: 4, file: 'managers/engineering-director.md' });
    expect(role.sections[0].expectations[0]).toEqual({ id: 'engineer/delivery/85489d58', text: expect.any(String), source: 'engineer', line: expect.any(Number) });
    const own = JSON.parse((await runMain(['show', 'director', '--json', '--own', '--section', 'team'])).stdout);
    expect(own.sections.map((s: { title: string }) => s.title)).toEqual(['Team building']);
    expect(own.sections[0].expectations.every((e: { source: string }) => e.source === 'engineering-director')).toBe(true);
  });

  it('lists roles as a chart and as JSON', async () => {
    const chart = await runMain(['list']);
    expect(chart.code).toBe(0);
    expect(chart.stdout).toMatch(/│ 5\s+│\s+│ VP, Engineering/);
    const { roles } = JSON.parse((await runMain(['list', '--json'])).stdout);
    expect(roles).toHaveLength(7);
    expect(roles.find((r: { id: string }) => r.id === 'engineering-manager')).toEqual({
      id: 'engineering-manager', title: 'Engineering Manager', track: 'managers', level: 3, inherits: 'senior-engineer', file: 'managers/engineering-manager.md',
    });
  });

  it('finds the ladder from --ladder, LADDER_DIR, ladder.yaml upward, or a ladder/ folder in the repository', async () => {
    const messy = fixture('messy');
    expect(JSON.parse((await runMain(['--ladder', messy, 'list', '--json'])).stdout).roles).toHaveLength(5);
    expect(JSON.parse((await runMain(['list', '--json'], { env: { LADDER_DIR: messy } })).stdout).roles).toHaveLength(5);
    const project = writeTree({ 'ladder.yaml': 'rules: {}\n', 'roles/a.md': role('Solo', null), 'deep/er/x.txt': '' });
    expect(JSON.parse((await runMain(['list', '--json'], { cwd: join(project, 'deep', 'er') })).stdout).roles.map((r: { id: string }) => r.id)).toEqual(['a']);
    const repo = writeTree({ '.git/HEAD': '', 'ladder/x/one.md': role('One', null), 'src/.keep': '' });
    expect(JSON.parse((await runMain(['list', '--json'], { cwd: join(repo, 'src') })).stdout).roles.map((r: { id: string }) => r.id)).toEqual(['one']);
  });

  it('shows a role on the messy fixture by slug of an accented file name', async () => {
    const run = await runMain(['--ladder', fixture('messy'), 'show', 'ingeniera-senior', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'ingeniera-senior', chain: ['ingeniera-senior', 'engineering-manager', 'senior-engineer', 'engineer'], file: 'people/Ingeniera Sénior.md' });
  });

  it('exits 2 with one line for unknown and ambiguous roles', async () => {
    const unknown = await runMain(['--example', 'show', 'principl']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: unknown role "principl"; did you mean Principal Engineer (principal-engineer)?\n');
    const ambiguous = await runMain(['--example', 'show', 'engineering']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(1);
    expect(ambiguous.stderr).toContain('engineering-director (Engineering Director), engineering-manager (Engineering Manager)');
  });

  it('exits 2 naming the file and line when the chain is broken, but shows intact roles with a warning', async () => {
    const root = writeTree({ 'e.md': role('Engineer', null), 's.md': role('Senior', 'Enginer'), 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha') });
    const broken = await runMain(['--ladder', root, 'show', 'senior']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^(warning: .*\n)*error: s\.md:3: unknown parent role "Enginer"; did you mean "Engineer"\? \(needed to resolve "s"\)\n$/);
    const cycle = await runMain(['--ladder', root, 'show', 'alpha']);
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toMatch(/error: [ab]\.md:3: inheritance cycle: /);
    const intact = await runMain(['--ladder', root, 'show', 'engineer']);
    expect(intact.code).toBe(0);
    expect(intact.stderr).toContain('warning: s.md:3: unknown parent role "Enginer"');
    expect(intact.stdout).toMatch(/^Engineer\n/);
  });

  it('exits 2 with one line for a missing ladder folder, a file as ladder, and usage errors', async () => {
    const missing = await runMain(['--ladder', '/nonexistent/ladder', 'list']);
    expect([missing.code, missing.stderr]).toEqual([2, 'error: /nonexistent/ladder: ladder folder not found (from --ladder); give the folder that holds your role files\n']);
    const file = await runMain(['--ladder', join(bundledLadder, 'README.md'), 'list']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/README\.md: is a file, not a folder/);
    const flag = await runMain(['show', 'vp', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--bogus'/);
    expect((await runMain(['frobnicate'])).code).toBe(2);
    expect((await runMain(['show'])).code).toBe(2);
  });

  it('prints --version and --help with examples', async () => {
    expect(await runMain(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await runMain(['show', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect((await runMain(['--help'])).stdout).toContain('Exit codes:');
  });

  it('ends quietly when the reader closes the pipe early (ladder … | head)', () => {
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" bin/ladder.js --example export --format json --out - | head -c 10 >/dev/null`], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(piped.stderr).toBe('');
  });

  it('never prints a stack trace without --debug', async () => {
    const root = writeTree({ 'bin.md': Buffer.from([0xff, 0xfe, 0x00, 0x01]), 'ok.md': role('Engineer', null) });
    const run = await runMain(['--ladder', root, 'show', 'engineer']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('warning: bin.md:1: not UTF-8 text (invalid byte at offset 0); save the file as UTF-8\n');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

/**
 * The same runs through the shipped bin (`node bin/ladder.js`, which runs dist/): what it adds — the
 * process's streams, exit code and environment — must give exactly what `main` gives in-process.
 */
describe('the built binary', () => {
  it.each([
    { name: 'a role with its inherited expectations', args: ['--example', 'show', 'vp-engineering'], code: 0 },
    { name: 'lint findings, exit 1', args: ['--ladder', fixture('messy'), 'lint', '--format', 'json'], code: 1 },
    { name: 'an unknown role, exit 2', args: ['--example', 'show', 'principl'], code: 2 },
    { name: 'a usage error from commander', args: ['show', 'vp', '--bogus'], code: 2 },
    { name: '--version', args: ['--version'], code: 0 },
  ])('$name', async ({ args, code }) => {
    const binary = runCli(args);
    expect(binary.code).toBe(code);
    expect(binary).toEqual(await runMain(args));
  });

  it('finds the ladder from the folder it starts in and from LADDER_DIR', async () => {
    const project = writeTree({ 'ladder.yaml': 'rules: {}\n', 'roles/a.md': role('Solo', null) });
    expect(runCli(['list', '--json'], { cwd: project })).toEqual(await runMain(['list', '--json'], { cwd: project }));
    const env = { LADDER_DIR: fixture('messy') };
    expect(runCli(['list'], { env })).toEqual(await runMain(['list'], { env }));
  });
});
